"""The ``mapPartitions`` functions: read a task's inputs on the executor, clean them, yield records.

A task's rows are *work units* (see :mod:`.plan`): a path (a page, a WARC
or JSONL file, a directory), a byte range of a large JSONL file, a file's
bytes read by Spark's Hadoop filesystem layer (``binaryFiles``), or a list
of these. Everything a unit cannot give (a missing file, one without read
permission, a container broken part way) becomes an error record, as in the
local engine: one bad input never fails a Spark task, so it never costs the
job its four attempts.

Pages are always cleaned in a child process of the Python worker (the pool
of :mod:`newsclean.pipeline`), whatever the time limit: a page that crashes
the interpreter must cost its own record, not the Spark task. Before the
first page, the cleaning code is loaded in the Python worker once, so the
forked page processes inherit it and a page's time budget counts cleaning,
not start-up.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..ids import error_id
from ..io.bounded import BoundedStream, ReadLimits
from ..io.inputs import InputItem, describe_error, error_item
from ..io.jsonl import _iter_lines
from ..io.readers import WalkReport, iter_inputs
from ..io.writers import record_dict
from ..options import Options
from ..pipeline import Outcome, Work, error_article, iter_outcomes
from ..warm import warm_up

#: A work unit's tags (the first item of a tuple unit).
RANGE, BYTES, ERROR = "range", "bytes", "error"
#: The key an error record's traceback summary travels under (not a record field; the errors file has it).
TRACE_KEY = "traceback"


def _records(outcomes: Iterable[Outcome]) -> Iterator[dict[str, Any]]:
    for outcome in outcomes:
        record = record_dict(outcome.article)
        if outcome.trace and outcome.article.error:
            record[TRACE_KEY] = outcome.trace
        yield record


class _Range(io.RawIOBase):
    """``length`` bytes of a file from ``start``: one task's share of a large JSONL file."""

    def __init__(self, path: Path, start: int, length: int) -> None:
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer)[: self._left]
        count = self._file.readinto(view) or 0
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def _range_items(path: str, start: int, end: int, first: int, limits: ReadLimits) -> Iterator[InputItem]:
    """The JSON lines between two line boundaries, named ``path:line`` exactly as a whole-file read names them."""
    with io.BufferedReader(_Range(Path(path), start, end - start)) as stream:
        yield from _iter_lines(path, stream, BoundedStream(stream, regular=True), limits, index=Path(path),
                               first=first)


def _guarded(name: str, items: Iterator[InputItem]) -> Iterator[InputItem]:
    """A unit's items; what raises while reading ends them with an error item (the task goes on)."""
    try:
        yield from items
    except ImportError:
        raise
    except Exception as exc:
        yield error_item(name, f"cannot read ({describe_error(exc)})")


def _path_items(path: str, limits: ReadLimits, follow_symlinks: bool, report: WalkReport) -> Iterator[InputItem]:
    """Every page below ``path``; what cannot be opened (missing, no permission) goes to ``report``."""
    yield from iter_inputs([path], report=report, limits=limits, follow_symlinks=follow_symlinks)


def _bytes_items(url: str, content: bytes, limits: ReadLimits, spill: Path) -> Iterator[InputItem]:
    """A file Spark read through its Hadoop filesystem layer, read back with the local readers.

    The bytes go to a file of the same name under ``spill`` so the readers
    (which sniff by file name) treat it exactly as the local file; the items
    are then renamed to the URL they came from.
    """
    local = spill / Path(url.rstrip("/")).name
    local.write_bytes(content)
    prefix = str(local)
    for item in iter_inputs([local], limits=limits):
        source = url + item.source[len(prefix):] if item.source.startswith(prefix) else item.source
        if item.kind == "path":  # a single page: its bytes travel with it (the spill file goes)
            item = dataclasses.replace(item, kind="page", data=local.read_bytes())
        yield dataclasses.replace(item, source=source)


def _unit_items(
    unit: Any, limits: ReadLimits, follow_symlinks: bool, spill: Callable[[], Path], report: WalkReport
) -> Iterator[InputItem]:
    if isinstance(unit, list):
        for part in unit:
            yield from _unit_items(part, limits, follow_symlinks, spill, report)
        return
    if isinstance(unit, str):
        yield from _guarded(unit, _path_items(unit, limits, follow_symlinks, report))
    elif isinstance(unit, tuple) and unit and unit[0] == RANGE:
        _, path, start, end, first = unit
        yield from _guarded(path, _range_items(path, start, end, first, limits))
    elif isinstance(unit, tuple) and unit and unit[0] == ERROR:  # an input the driver found missing
        report.fail(unit[1], unit[2])
    elif isinstance(unit, tuple) and unit and unit[0] == BYTES:
        yield from _guarded(unit[1], _bytes_items(unit[1], unit[2], limits, spill()))
    else:  # a one-column Row of paths (spark.read.text, a DataFrame of paths)
        yield from _unit_items(str(unit[0]), limits, follow_symlinks, spill, report)


def _failed_records(report: WalkReport) -> Iterator[dict[str, Any]]:
    """The inputs that could not be opened, as the local engine's error records (its reason, no traceback)."""
    for source, reason in report.failed:
        yield record_dict(error_article(InputItem(source=source), reason))
    report.failed.clear()


def _fix_page_source(record: dict[str, Any]) -> dict[str, Any]:
    """A page read from Hadoop bytes is cleaned as ``kind=page``; its error id must come from its URL source."""
    if record.get("error") and record.get("source") and "://" in str(record["source"]):
        record["id"] = error_id(source=str(record["source"]))
    return record


def clean_partition(
    rows: Iterable[Any], options: dict[str, Any] | None = None, timeout: float | None = 60.0,
    *, follow_symlinks: bool = False, work: Work | None = None,
) -> Iterator[dict[str, Any]]:
    """Clean every input the work units in ``rows`` name (paths, JSONL ranges, Hadoop bytes, lists).

    ``timeout`` is the per-page budget in seconds (``None``: no limit). Pages
    are cleaned in a child process either way; failures are records with
    ``error`` set, so a partition never fails a Spark job for one bad input.
    ``work`` replaces the per-page function (as in :func:`newsclean.pipeline.iter_outcomes`).
    """
    opts = Options.from_kwargs(**(options or {}))
    limits = ReadLimits(max_bytes=opts.max_input_bytes, deadline=timeout)
    warm_up()
    with tempfile.TemporaryDirectory(prefix="newsclean-spark-") as scratch:
        counter = iter(range(1 << 62))

        def spill() -> Path:
            directory = Path(scratch) / str(next(counter))
            directory.mkdir()
            return directory

        report = WalkReport(log=False)
        items = (item for row in rows for item in _unit_items(row, limits, follow_symlinks, spill, report))
        outcomes = iter_outcomes(items, opts, jobs=1, timeout=timeout, isolate=True, work=work)
        for record in _records(outcomes):
            yield _fix_page_source(record)
            yield from _failed_records(report)
        yield from _failed_records(report)


def clean_lines_partition(
    lines: Iterable[str], options: dict[str, Any] | None = None, timeout: float | None = 60.0
) -> Iterator[dict[str, Any]]:
    """Clean JSON lines carrying ``html`` or ``text`` (plus ``url``, ``crawl_date``, ``id``).

    A line's ``source`` is ``jsonl:`` and a hash of the line: an RDD of lines
    has no file name and line number to offer, and the hash names it stably.
    """
    import hashlib

    opts = Options.from_kwargs(**(options or {}))
    warm_up()
    items = (
        InputItem(source=f"jsonl:{hashlib.sha1(line.encode('utf-8')).hexdigest()[:16]}", kind="jsonl", data=line)
        for line in lines
        if line.strip()
    )
    yield from _records(iter_outcomes(items, opts, jobs=1, timeout=timeout, isolate=True))


def partition_cleaner(
    timeout: float | None = 60.0, *, lines: bool = False, follow_symlinks: bool = False, **options: Any
) -> Callable[[Iterable[Any]], Iterator[dict[str, Any]]]:
    """A picklable ``mapPartitions`` function with the options bound (validated here, on the driver).

    ``timeout`` of ``None`` or ``0`` means no time limit; pages are isolated in child processes either way.
    """
    Options.from_kwargs(**options)
    budget = timeout or None
    if lines:
        return functools.partial(clean_lines_partition, options=options, timeout=budget)
    return functools.partial(clean_partition, options=options, timeout=budget, follow_symlinks=follow_symlinks)
