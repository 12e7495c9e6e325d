"""Which tasks a Spark run makes of its inputs, so every core of the cluster has work.

One task per WARC or JSONL file left a single large JSONL file, or a small
directory of pages, on one core while the others idled. Here:

* a plain (uncompressed) JSONL file larger than a task's share is cut into
  byte ranges that end on line boundaries; each range knows the number of
  its first line, so records are named ``path:line`` exactly as a
  whole-file read names them (gzip cannot be cut: it stays one task);
* a WARC file is one task (many WARC files make many tasks);
* pages are grouped so there are at least as many tasks as cores, and no
  task holds more than ``PAGES_PER_TASK`` pages.

A task's share is the input's bytes over twice the cluster's default
parallelism, between ``MIN_SPLIT_BYTES`` and ``MAX_SPLIT_BYTES``; the
driver finds line boundaries by reading the file once (newline counting runs
at disk speed).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..io.readers import is_jsonl_file, is_warc_file
from .partitions import RANGE

#: Plain pages per Spark task at most.
PAGES_PER_TASK = 64
#: A JSONL file is cut into ranges of at least this many bytes...
MIN_SPLIT_BYTES = 1 << 20
#: ...and at most this many.
MAX_SPLIT_BYTES = 64 << 20
_BLOCK = 1 << 20


def split_bytes(total: int, parallelism: int) -> int:
    """A task's share of ``total`` input bytes on a cluster running ``parallelism`` tasks at once."""
    share = math.ceil(total / max(1, 2 * parallelism))
    return max(MIN_SPLIT_BYTES, min(MAX_SPLIT_BYTES, share))


def jsonl_ranges(path: Path, chunk: int) -> list[tuple[str, str, int, int, int]]:
    """``path`` as ``(RANGE, path, start, end, first_line)`` units of about ``chunk`` bytes, cut after a newline."""
    size = path.stat().st_size
    if size <= chunk:
        return [(RANGE, str(path), 0, size, 1)]
    ranges: list[tuple[str, str, int, int, int]] = []
    start, line = 0, 1
    with path.open("rb") as stream:
        while start < size:
            target = start + chunk
            if target >= size:
                ranges.append((RANGE, str(path), start, size, line))
                break
            stream.seek(start)
            lines = _count_newlines(stream, target - start)
            end = target
            while True:  # on to the end of the line the target falls in
                block = stream.read(_BLOCK)
                if not block:
                    end = size
                    break
                cut = block.find(b"\n")
                if cut >= 0:
                    end += cut + 1
                    lines += 1
                    break
                end += len(block)
            ranges.append((RANGE, str(path), start, end, line))
            start, line = end, line + lines
    return ranges


def _count_newlines(stream: Any, length: int) -> int:
    count = 0
    while length > 0:
        block = stream.read(min(_BLOCK, length))
        if not block:
            break
        count += block.count(b"\n")
        length -= len(block)
    return count


def _splittable(path: Path) -> bool:
    return is_jsonl_file(path) and not path.name.lower().endswith(".gz")


def plan_units(files: Sequence[str], parallelism: int, *, chunk: int | None = None) -> list[Any]:
    """The run's tasks: each a list of work units (paths and JSONL ranges) for one Spark partition.

    ``chunk`` overrides the JSONL split size (tests use small files).
    """
    paths = [Path(f) for f in files]
    large = [p for p in paths if _splittable(p)]
    if chunk is None:
        chunk = split_bytes(sum(p.stat().st_size for p in large if p.exists()), parallelism)
    tasks: list[Any] = []
    pages: list[str] = []
    for path in paths:
        if _splittable(path) and path.exists():
            tasks.extend([unit] for unit in jsonl_ranges(path, chunk))
        elif is_warc_file(path) or is_jsonl_file(path):
            tasks.append([str(path)])
        else:
            pages.append(str(path))
    if pages:
        groups = max(math.ceil(len(pages) / PAGES_PER_TASK), min(len(pages), max(1, parallelism)))
        size = math.ceil(len(pages) / groups)
        tasks.extend(pages[i:i + size] for i in range(0, len(pages), size))
    return tasks or [[]]


def plan_tasks(files: list[str], parallelism: int = 1) -> int:
    """How many Spark tasks ``files`` make (see :func:`plan_units`)."""
    return len(plan_units(files, parallelism))
