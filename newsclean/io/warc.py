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
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..decode import header_charset
from ..hints import hints_from
from .readers import InputItem, input_format_for, parse_content_type

#: Key of the JSON metadata record ``newsclean fetch`` writes after each page's response.
PAGE_MARKER = "newsclean_page"
#: Media types a response may have and still be a page (``""``: no Content-Type).
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def _written_by_newsclean(record: Any) -> bool:
    """Whether a ``warcinfo`` record names newsclean as the software that wrote what follows it."""
    payload: bytes = record.content_stream().read()
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
        payload = json.loads(record.content_stream().read())
    except ValueError:
        return None
    return payload if isinstance(payload, dict) and payload.get(PAGE_MARKER) is True else None


def _page_item(record: Any, path: Path, records: Any) -> InputItem | None:
    """The page a response record holds, or ``None`` when it is not one (its payload is read either way)."""
    http = record.http_headers
    media_type, charset = parse_content_type(http.get_header("Content-Type") if http is not None else None)
    payload = record.content_stream().read()
    # Asked after the payload: warcio finds the offset by reading to the record's end.
    offset = records.get_record_offset()
    if media_type not in _PAGE_TYPES or (http is not None and not (http.get_statuscode() or "").startswith("2")):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if url and urlsplit(url).path == "/robots.txt":  # RFC 9309 fixes its place: never an article
        return None
    input_format = input_format_for(media_type)
    # The fetcher's rule, on the same bytes with the same header: the same text comes out.
    codec = header_charset(payload, charset) if input_format else None
    return InputItem(
        source=f"{path}@{offset}",
        kind="page",
        data=payload.decode(codec) if codec else payload,
        url=url,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
        input_format=input_format,
    )


def iter_warc(path: Path) -> Iterator[InputItem]:
    """One item per page response record; ``source`` is ``path@offset``.

    The byte offset is the record's address in the file (what CDX indexes
    store), so it names the record stably across runs. A page is held back
    one record, to see whether newsclean's metadata record for it follows.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("reading WARC files needs warcio: pip install warcio (the 'warc' extra)") from exc
    ours = False  # set by each warcinfo: a file may hold several runs, or be WARCs concatenated
    pending: tuple[InputItem, str | None, bool] | None = None  # a page, its record id, and `ours` for it
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if pending is not None:
                item, response_id, marked_only = pending
                pending = None
                marker = _page_marker(record, response_id)
                if marker is not None:
                    yield replace(item, hints=hints_from(marker.get("hints")))
                    continue
                if not marked_only:
                    yield item
            if record.rec_type == "warcinfo":
                ours = _written_by_newsclean(record)
            elif record.rec_type == "response":
                page = _page_item(record, path, records)
                if page is not None:
                    pending = (page, record.rec_headers.get_header("WARC-Record-ID"), ours)
        if pending is not None and not pending[2]:
            yield pending[0]
