"""``--resume``: what a killed run already wrote, so a new run skips it.

A run's JSON-lines output and its errors file are append-only and hold whole
lines, so the inputs already handled are exactly the ``source`` values found
there. A last line without its newline (a torn write after a power cut or a
full disk) is cut off before appending, so it is cleaned again rather than
kept broken.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def truncate_torn_line(path: Path) -> None:
    """Cut ``path`` back to its last newline, if its last line is incomplete."""
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb+") as stream:
        stream.seek(max(0, size - 1))
        if stream.read(1) == b"\n":
            return
        keep, block = 0, 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            stream.seek(start)
            chunk = stream.read(pos - start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            pos = start
        stream.truncate(keep)
    logger.warning("%s: dropped a torn last line (%d bytes)", path, size - keep)


def iter_written(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON-lines file, skipping lines that do not parse."""
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                yield data


class EarlierErrors:
    """``--retry-errors``: the error lines of earlier runs, retried when their input comes round again.

    A page that timed out or crashed a worker is often fine with a larger
    ``--timeout`` or a fixed release, but ``--resume`` counted it done. With
    ``--retry-errors`` only the output's records count as done; the errors
    file is started afresh, so a retried page that fails again is listed
    once, and one that succeeds is listed no more. Error lines whose input
    this run does not reach (no longer given, or the run was stopped) are
    written back at the end, so nothing listed is lost.
    """

    def __init__(self, lines: list[dict[str, Any]]) -> None:
        self._lines = lines
        self._reached: set[str] = set()

    @classmethod
    def read(cls, path: str | os.PathLike[str] | None) -> EarlierErrors:
        """The error lines of ``path`` (none when ``None`` or missing); a torn last line is dropped."""
        if path is None or not Path(path).is_file():
            return cls([])
        truncate_torn_line(Path(path))
        return cls(list(iter_written(Path(path))))

    def __bool__(self) -> bool:
        return bool(self._lines)

    def take(self, source: str, done: set[str]) -> bool:
        """Whether to clean ``source`` now (not done); noted as reached, so its old error line is dropped."""
        if source in done:
            return False
        if self._lines:  # (a plain --resume keeps no set of every input)
            self._reached.add(source)
        return True

    def left(self) -> list[dict[str, Any]]:
        """The earlier error lines whose input this run did not reach."""
        return [line for line in self._lines if str(line.get("source")) not in self._reached]


def done_sources(*paths: str | os.PathLike[str] | None) -> set[str]:
    """Every ``source`` already recorded in the given output and errors files (missing ones are empty)."""
    seen: set[str] = set()
    for raw in paths:
        if raw is None or not Path(raw).is_file():
            continue
        truncate_torn_line(Path(raw))
        seen.update(str(r["source"]) for r in iter_written(Path(raw)) if r.get("source") is not None)
    return seen
