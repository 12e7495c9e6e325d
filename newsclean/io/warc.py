"""WARC files: the HTML responses of a crawl, with their url and crawl time.

Common Crawl and most archiving crawlers store pages as WARC ``response``
records; only those whose HTTP payload is HTML are pages to clean (robots.txt,
images and redirects are not). ``warcio`` is an optional dependency (the
``warc`` extra), imported here only, so plain-file users never need it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .readers import InputItem

#: HTTP content types treated as pages.
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path) -> Iterator[InputItem]:
    """One item per HTML response record; ``source`` is ``path@offset``.

    The byte offset is the record's address in the file (what CDX indexes
    store), so it names the record stably across runs.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("reading WARC files needs warcio: pip install 'newsclean[warc]'") from exc
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type != "response":
                continue
            http = record.http_headers
            content_type = (http.get_header("Content-Type") or "") if http is not None else ""
            if not content_type.lower().startswith(_HTML_TYPES):
                continue
            if http is not None and not (http.get_statuscode() or "").startswith("2"):
                continue
            payload = record.content_stream().read()
            # Asked after the payload: warcio finds the offset by reading to the record's end.
            offset = records.get_record_offset()
            yield InputItem(
                source=f"{path}@{offset}",
                kind="page",
                data=payload,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                fetched_at=record.rec_headers.get_header("WARC-Date"),
                input_format="html",
            )
