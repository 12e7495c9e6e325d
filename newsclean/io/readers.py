"""Finding inputs: files and directories, with their compressed forms.

Directory walks are sorted so two runs over the same tree emit records in the
same order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: File endings the directory walk picks up (each also with ``.gz``).
INPUT_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml", ".txt", ".json")


def is_input_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(INPUT_SUFFIXES)


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted) into input files.

    A file named explicitly is always taken, whatever its suffix; inside
    directories only page-like suffixes are, and hidden entries are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if not name.startswith(".") and is_input_file(candidate):
                        yield candidate
        else:
            yield path
