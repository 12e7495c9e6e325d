"""Loading the dev sets.

The sets are gzipped JSON lines (see shared/data/README.md). Loading is its own
module so the worker subprocess can keep only the input one mode needs, which
keeps the data's share of a system's measured memory small.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Gold:
    """The hand-made answer for one page.

    fe and fp-dev give a whole ``body``. te-dev gives none (its ``body`` is
    empty here) but strings the main text must contain (``must_contain``,
    the data's ``with``) and must not contain (``must_not_contain``, its
    ``without``), plus reader-comment strings (``comments``), which are kept
    for inspection but not scored (see benchmarks/README.md).
    """

    body: str
    title: str | None = None
    date: str | None = None
    authors: list[str] | None = None
    must_contain: tuple[str, ...] = ()
    must_not_contain: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """One page: its id, url, gold answer and the inputs the modes read."""

    id: str
    set: str
    url: str
    gold: Gold
    inputs: dict[str, str] = field(default_factory=dict)


#: Environment variable naming the dev-set folder, for checkouts kept elsewhere.
DATA_ENV = "NEWSCLEAN_DATA"


def data_candidates(repo_root: Path, cwd: Path | None = None) -> list[Path]:
    """Where the dev sets may live, most specific first.

    The README puts ``shared/`` beside the checkout (``../shared/data``); a
    user may also run the harness from elsewhere, or keep ``shared/`` inside
    the checkout. ``$NEWSCLEAN_DATA`` wins over all of them.
    """
    cwd = cwd or Path.cwd()
    env = os.environ.get(DATA_ENV)
    found = [Path(env)] if env else []
    found += [repo_root.parent / "shared" / "data", cwd.parent / "shared" / "data", repo_root / "shared" / "data"]
    unique: list[Path] = []
    for path in (p.resolve() for p in found):
        if path not in unique:
            unique.append(path)
    return unique


def find_data_dir(given: Path | None, repo_root: Path, sets: Sequence[str]) -> tuple[Path | None, str]:
    """The folder holding every set in ``sets``, or ``None`` and a message naming what was tried.

    ``given`` (the ``--data`` flag) is taken as the user's word: it is the
    only place looked at when set.
    """
    tried = [given.resolve()] if given is not None else data_candidates(repo_root)
    for folder in tried:
        if all(set_path(folder, name).exists() for name in sets):
            return folder, ""
    places = ", ".join(str(p) for p in tried)
    wanted = ", ".join(f"{name}.jsonl.gz" for name in sets)
    return None, (
        f"no data for set(s) {', '.join(sets)}: looked for {wanted} in {places}; "
        f"give the folder with --data DIR (or set ${DATA_ENV})"
    )


#: The ``--data`` flag's help, the same in every benchmark script.
DATA_HELP = f"folder of the *.jsonl.gz dev sets (default: ../shared/data beside the checkout, or ${DATA_ENV})"


def add_data_option(p: argparse.ArgumentParser) -> None:
    """Give a benchmark script's parser the ``--data`` flag every script takes."""
    p.add_argument("--data", type=Path, default=None, help=DATA_HELP)


def data_dir_or_report(given: Path | None, repo_root: Path, sets: Sequence[str]) -> Path | None:
    """:func:`find_data_dir`'s folder, or ``None`` after saying on stderr what was tried.

    Every script then exits with status 2: a missing data folder is the
    user's setup to fix, and the message names the flag that fixes it.
    """
    data, problem = find_data_dir(given, repo_root, sets)
    if data is None:
        print(problem, file=sys.stderr)
    return data


def set_path(data_dir: Path, name: str) -> Path:
    """Where set ``name`` lives; a missing file is the caller's error to report."""
    return Path(data_dir) / f"{name}.jsonl.gz"


def _rows(path: Path) -> Iterator[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _strings(value: object) -> tuple[str, ...]:
    """A gold string list as a tuple, dropping nulls and blank entries."""
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str) and v.strip())


def mode_input(row: dict[str, object], mode: str) -> str:
    """The raw input of ``mode``: the HTML, or one of the plain-text renders."""
    if mode == "html":
        return str(row.get("html") or "")
    text = row.get("text") or {}
    assert isinstance(text, dict)
    return str(text.get(mode) or "")


def load_set(
    data_dir: Path,
    name: str,
    *,
    modes: tuple[str, ...] = (),
    limit: int | None = None,
) -> list[Page]:
    """Load the first ``limit`` pages of a set, keeping inputs only for ``modes``.

    Inputs not asked for are dropped right away: the parent process needs only the
    gold answers, and a worker needs only the inputs of the modes it runs.
    """
    pages: list[Page] = []
    for row in _rows(set_path(data_dir, name)):
        if limit is not None and len(pages) >= limit:
            break
        g = row.get("gold") or {}
        assert isinstance(g, dict)
        authors = g.get("authors")
        gold = Gold(
            body=str(g.get("body") or ""),
            title=g.get("title"),
            date=g.get("date"),
            authors=list(authors) if isinstance(authors, list) else None,
            must_contain=_strings(g.get("with")),
            must_not_contain=_strings(g.get("without")),
            comments=_strings(g.get("comments")),
        )
        pages.append(
            Page(
                id=str(row["id"]),
                set=str(row.get("set") or name),
                url=str(row.get("url") or ""),
                gold=gold,
                inputs={m: mode_input(row, m) for m in modes},
            )
        )
    return pages
