"""JSON lines: record files, raw-page indexes and standard input, read within limits.

A line is read with a cap (:attr:`~newsclean.io.bounded.ReadLimits.line_bytes`),
so a 200 MB line, or ``/dev/zero`` named ``.jsonl``, never sits in memory
whole: an over-long line becomes an error item and the reader skips to the
next line (in a regular file) or stops (in a stream that may never end).
Lines are parsed by the worker that cleans them; only raw-index lines (which
name a page by ``path``) are parsed here, to read the page.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..hints import hints_from
from .bounded import (
    BoundedStream,
    ReadLimits,
    is_regular,
    kind_of,
    open_bounded,
    read_capped_page,
    read_line,
    skip_line,
)
from .inputs import InputItem, error_item

logger = logging.getLogger(__name__)


def iter_jsonl(path: Path, limits: ReadLimits | None = None) -> Iterator[InputItem]:
    """One item per non-blank line; the line is parsed by the worker that cleans it.

    Lines of a raw-page index (written by ``newsclean fetch --raw-dir``) name
    their page by ``path`` instead of carrying ``html`` or ``text``; those
    pages are read here, relative to the index.
    """
    limits = limits or ReadLimits()
    with open_bounded(path, limits) as opened:
        stream: IO[bytes] = opened.stream
        if path.name.lower().endswith(".gz"):
            stream = gzip.GzipFile(fileobj=opened.stream, mode="rb")  # type: ignore[assignment] # a binary IO
        yield from _iter_lines(str(path), stream, opened, limits, index=path)


def _iter_lines(
    name: str, stream: IO[bytes], opened: BoundedStream, limits: ReadLimits, *, index: Path | None,
    first: int = 1,
) -> Iterator[InputItem]:
    number = first - 1
    while True:
        opened.restart()
        line, too_long = read_line(stream, limits.line_bytes)
        if not line:
            return
        number += 1
        source = f"{name}:{number}"
        if too_long:
            reason = (f"JSON line longer than {limits.line_bytes} bytes (4 x max_input_bytes={limits.max_bytes}); "
                      f"not read")
            if not (opened.regular and skip_line(stream, limits.deadline)):
                # A pipe or device may never end the line: nothing after it can be found.
                yield error_item(source, f"{reason}, nor anything after it (the line does not end)")
                return
            yield error_item(source, reason)
            continue
        if not line.strip():
            continue
        text = line.decode("utf-8", "replace")
        page = _raw_index_page(index, text, source, limits) if index is not None and '"path"' in text else None
        yield page or InputItem(source=source, kind="jsonl", data=text)


def _raw_index_page(index: Path, line: str, source: str, limits: ReadLimits) -> InputItem | None:
    """The page a raw-index line points at, or ``None`` for an ordinary record line.

    The page must lie below the index's directory (an index is data, and may
    come from elsewhere) and be a regular file (a FIFO or device there would
    block or never end). At most ``max_input_bytes + 1`` of it are read, so a
    300 MB page costs no more than the limit. Its bytes are decoded with the
    index's ``charset`` when the fetcher recorded one (the HTTP header's,
    used where the page itself left the encoding open), so re-cleaning
    decodes as fetching did, and the line's ``hints`` (feed or sitemap
    metadata) ride along to fill the same gaps.
    """
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return None  # the worker parses it again and reports why
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or "html" in entry or "text" in entry:
        return None
    base = index.parent.resolve()
    page = (base / entry["path"]).resolve()
    if not page.is_relative_to(base):
        return error_item(source, f"raw page path {entry['path']!r} leaves the index directory; not read")
    if page.exists() and not is_regular(page):
        return error_item(source, f"raw page {entry['path']!r} is a {kind_of(page)}, not a regular file; not read")
    try:
        data: bytes | str = read_capped_page(page, limits)
    except OSError as exc:
        return error_item(source, f"cannot read raw page {entry['path']!r}: {exc.strerror or exc}")
    charset = entry.get("charset")
    if isinstance(charset, str) and charset and isinstance(data, bytes):
        try:
            data = data.decode(charset, errors="replace")
        except LookupError:
            logger.warning("%s: unknown charset %r; the page is decoded as usual", source, charset)
    url, crawl_date, fmt = entry.get("url"), entry.get("crawl_date"), entry.get("input_format")
    return InputItem(
        source=source, kind="page", data=data, url=url if isinstance(url, str) else None,
        fetched_at=crawl_date if isinstance(crawl_date, str) else None,
        input_format=fmt if fmt in ("html", "text") else None, hints=hints_from(entry.get("hints")),
    )


def iter_stdin(stream: IO[bytes], limits: ReadLimits | None = None) -> Iterator[InputItem]:
    """Standard input: JSON lines when the first line is a record, else one page.

    A dump that happens to start with ``{`` but is not a one-line record with
    ``html`` or ``text`` is a single page, as any other dump on stdin. Both
    are read within ``limits``: a page of at most ``max_input_bytes + 1``
    bytes (the cleaner warns it was cut), lines as in a JSONL file.
    """
    from .bounded import wrap_stdin

    limits = limits or ReadLimits()
    opened = wrap_stdin(stream, limits)
    try:
        yield from _iter_stdin(opened, limits)
    finally:
        if not opened.regular:  # our own duplicate of the descriptor
            opened.stream.close()


def _iter_stdin(opened: BoundedStream, limits: ReadLimits) -> Iterator[InputItem]:
    first, too_long = read_line(opened.stream, limits.line_bytes)
    if not too_long and _is_record_line(first):
        yield InputItem(source="-:1", kind="jsonl", data=first.decode("utf-8", "replace"))
        yield from _iter_lines("-", opened.stream, opened, limits, index=None, first=2)
        return
    page = first[: limits.max_bytes + 1]
    while len(page) <= limits.max_bytes:
        chunk = opened.stream.read(limits.max_bytes + 1 - len(page))
        if not chunk:
            break
        page += chunk
    yield InputItem(source="-", kind="page", data=page)


def _is_record_line(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and (isinstance(data.get("html"), str) or isinstance(data.get("text"), str))
