"""WARC files: the page responses of a crawl, with their url, crawl time, and feed hints.

Common Crawl and most archiving crawlers store pages as WARC ``response``
records. A 2xx response is a page when its payload is HTML or XHTML (cleaned
as HTML), ``text/plain`` (cleaned as text) or untyped (the cleaner sniffs
it); robots.txt, feeds, images, redirects and errors are not pages. The
payload is decoded by the rule the fetcher used
(:func:`newsclean.decode.header_charset`: the HTTP header's charset where
the page itself leaves the encoding open), so a page ``newsclean fetch``
archived is read back as it was cleaned.

A WARC written by ``newsclean fetch`` (its ``warcinfo`` names newsclean as
the software) also says which responses were pages: each is followed by a
``metadata`` record concurrent to it, marked with :data:`PAGE_MARKER` and
carrying the feed or sitemap hints that filled the record's gaps. In such a
WARC, only marked responses are pages, so a ``text/plain`` sitemap or a feed
served as HTML is not cleaned as an article.

``warcio`` is an optional dependency (the ``warc`` extra), imported here
only, so plain-file users never need it.

Reading is bounded as the other readers are (:mod:`newsclean.io.bounded`):
a payload is read up to ``max_input_bytes + 1`` (the rest is skipped in
steps, never held), and a FIFO named ``.warc`` is read under the deadline.
A broken archive never stops the run: the pages before the break are
yielded, and what could not be read becomes an error item named
``path@offset``: a record whose Content-Length is missing or negative, a
record cut short by the end of the file (a truncated download, or a
Content-Length so long it swallowed the records after it), or bytes that
are no WARC record at all (a corrupt gzip member, a text file named
``.warc``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..decode import header_charset
from ..hints import hints_from
from .bounded import ReadLimits, open_bounded
from .inputs import InputItem, describe_error, error_item, one_line
from .media_types import PAGE_TYPES, input_format_for, parse_content_type

#: Key of the JSON metadata record ``newsclean fetch`` writes after each page's response.
PAGE_MARKER = "newsclean_page"
#: Media types a response may have and still be a page (``""``: no Content-Type, the cleaner sniffs).
_PAGE_TYPES = (*PAGE_TYPES, "")
#: Bytes of a warcinfo or metadata record read (both are a few hundred bytes when newsclean writes them).
_SMALL_RECORD_BYTES = 1 << 20

logger = logging.getLogger(__name__)


def _written_by_newsclean(record: Any) -> bool:
    """Whether a ``warcinfo`` record names newsclean as the software that wrote what follows it."""
    payload: bytes = record.content_stream().read(_SMALL_RECORD_BYTES)
    for line in payload.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "software":
            return value.strip().lower().startswith("newsclean/")
    return False


def _page_marker(record: Any, response_id: str | None) -> dict[str, Any] | None:
    """The marker payload when ``record`` is newsclean's metadata record for the response ``response_id``."""
    if record.rec_type != "metadata" or response_id is None:
        return None
    if record.rec_headers.get_header("WARC-Concurrent-To") != response_id:
        return None
    try:
        payload = json.loads(record.content_stream().read(_SMALL_RECORD_BYTES))
    except (ValueError, RecursionError):
        return None
    return payload if isinstance(payload, dict) and payload.get(PAGE_MARKER) is True else None


def _bad_length(record: Any) -> str | None:
    """Why a record's Content-Length cannot be trusted to find the next record, or ``None``."""
    value = record.rec_headers.get_header("Content-Length")
    if value is None:
        return "has no Content-Length"
    if not value.strip().isdigit():
        return f"has Content-Length {one_line(value)[:40]!r}, not a byte count"
    return None


def _shortfall(record: Any) -> int:
    """Bytes of the record's Content-Length the file did not hold (0 for a whole record)."""
    left = getattr(record.raw_stream, "limit", 0)
    return left if isinstance(left, int) and left > 0 else 0


def _unread_tail(path: Path, end: int) -> int:
    """Bytes after the last whole record that warcio passed over in silence (0 for blank padding).

    warcio ends its iteration quietly where a gzip member is cut short, so a
    truncated ``.warc.gz`` lost its last record without a word.
    """
    size = path.stat().st_size
    if size - end > _SMALL_RECORD_BYTES:
        return size - end
    with path.open("rb") as stream:
        stream.seek(end)
        return size - end if stream.read().strip() else 0


def _page_item(record: Any, path: Path, offset: int, max_bytes: int) -> InputItem | None:
    """The page a response record holds, or ``None`` when it is not one (its payload is read either way).

    At most ``max_bytes + 1`` of the payload are held (the cleaner warns of
    the cut); warcio skips the rest in bounded steps.
    """
    http = record.http_headers
    media_type, charset = parse_content_type(http.get_header("Content-Type") if http is not None else None)
    payload = record.content_stream().read(max_bytes + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not _is_page_response(http, media_type, url):
        return None
    input_format = input_format_for(media_type)
    return InputItem(
        source=f"{path}@{offset}",
        kind="page",
        data=_decoded(payload, charset, input_format),
        url=url,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
        input_format=input_format,
    )


def _is_page_response(http: Any, media_type: str, url: str | None) -> bool:
    """Whether the response's HTTP status, media type and URL make it a page (see the module's docstring)."""
    if media_type not in _PAGE_TYPES or (http is not None and not (http.get_statuscode() or "").startswith("2")):
        return False
    return not (url and urlsplit(url).path == "/robots.txt")  # RFC 9309 fixes its place: never an article


def _decoded(payload: bytes, charset: str | None, input_format: str | None) -> str | bytes:
    """The payload as the fetcher decoded it: the same bytes with the same header give the same text.

    Bytes stay bytes where the header's charset is not the one to use (an
    untyped payload, or a page that states its own encoding): the cleaner
    decodes them as it decodes a file. "replace", because a cut at the read
    limit may split a character.
    """
    codec = header_charset(payload, charset) if input_format else None
    return payload.decode(codec, "replace") if codec else payload


@dataclass(frozen=True)
class _HeldPage:
    """A page held back one record, to see whether newsclean's metadata record for it follows."""

    item: InputItem
    record_id: str | None
    #: The file was written by newsclean, where only marked responses are pages.
    marked_only: bool

    def released(self, following: Any | None) -> InputItem | None:
        """The page once the next record (``None``: the file ended) is known, or ``None`` if it is no page."""
        marker = _page_marker(following, self.record_id) if following is not None else None
        if marker is not None:
            return replace(self.item, hints=hints_from(marker.get("hints")))
        return None if self.marked_only else self.item


@dataclass
class _WarcReading:
    """What reading one WARC has learnt so far: who wrote it, the page held back, where reading may break."""

    path: Path
    max_bytes: int
    #: Set by each warcinfo: a file may hold several runs, or be WARCs concatenated.
    ours: bool = False
    held: _HeldPage | None = None
    #: Where the last whole record ended: where reading broke, if it breaks.
    end: int = 0
    problem: InputItem | None = None

    def release(self, following: Any | None) -> Iterator[InputItem]:
        """The held page, if it is one, now that the record after it (or the file's end) is known."""
        held, self.held = self.held, None
        page = held.released(following) if held is not None else None
        if page is not None:
            yield page

    def take(self, record: Any, records: Any) -> bool:
        """Read one record through; ``False`` when its framing breaks the file (``problem`` says how)."""
        bad = _bad_length(record)
        if bad is not None:
            self.problem = error_item(
                f"{self.path}@{self.end}", f"WARC record {bad}; the rest of the file cannot be read"
            )
            return False
        # Where this record starts: warcio's get_record_offset() would read on to the
        # next record first, and from a stalled FIFO that wait would cost the page.
        offset: int = records.offset
        self._look_at(record, offset)
        records.get_record_offset()  # reads to the record's end (and the blank lines after it)
        short = _shortfall(record)
        if short:
            if self.held is not None and self.held.item.source == f"{self.path}@{offset}":
                self.held = None  # a page cut short is not the page the archive holds
            self.problem = error_item(
                f"{self.path}@{offset}",
                f"WARC record cut short: the file ends {short} bytes before its Content-Length says "
                f"(a truncated file, or a Content-Length too long that swallowed the records after it)",
            )
            return False
        self.end = offset + records.get_record_length()
        return True

    def _look_at(self, record: Any, offset: int) -> None:
        """A warcinfo says who wrote what follows; a response may be a page, held back one record."""
        if record.rec_type == "warcinfo":
            self.ours = _written_by_newsclean(record)
        elif record.rec_type == "response":
            page = _page_item(record, self.path, offset, self.max_bytes)
            if page is not None:
                self.held = _HeldPage(page, record.rec_headers.get_header("WARC-Record-ID"), self.ours)

    def check_tail(self) -> None:
        """After warcio's quiet end: bytes left over that hold no whole record are reported."""
        tail = _unread_tail(self.path, self.end)
        if tail:
            self.problem = error_item(
                f"{self.path}@{self.end}",
                f"the last {tail} bytes of the file hold no whole WARC record (a truncated file?); not read",
            )


def iter_warc(path: Path, limits: ReadLimits | None = None) -> Iterator[InputItem]:
    """One item per page response record; ``source`` is ``path@offset``.

    The byte offset is the record's address in the file (what CDX indexes
    store), so it names the record stably across runs. A page is held back
    one record, to see whether newsclean's metadata record for it follows.
    What cannot be read ends the file's items with an error item (see the
    module's docstring); the page held back is yielded first.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("reading WARC files needs warcio: pip install warcio (the 'warc' extra)") from exc
    limits = limits or ReadLimits()
    reading = _WarcReading(path, limits.max_bytes)
    with open_bounded(path, limits, timed=True) as opened:
        records = ArchiveIterator(opened.stream)
        try:
            for record in records:
                yield from reading.release(record)
                if not reading.take(record, records):
                    break
                opened.restart()
        except ArchiveLoadFailed:
            reading.problem = error_item(
                f"{path}@{reading.end}", "no WARC record here (corrupt data, or not a WARC file); the rest is not read",
            )
        except Exception as exc:  # zlib, gzip, a read deadline: the file's reader has its own failures
            reading.problem = error_item(
                f"{path}@{reading.end}", f"reading stopped ({describe_error(exc)}); the rest of the file is not read",
            )
        else:
            if opened.regular and reading.problem is None:
                reading.check_tail()
    # Whatever broke, the page read before the break is not lost.
    yield from reading.release(None)
    if reading.problem is not None:
        logger.debug("%s: %s", reading.problem.source, reading.problem.data)  # the error record is the report
        yield reading.problem

