"""Keeping the raw pages: a WARC file, or a directory of files with a JSON-lines index.

Both are written so that ``newsclean clean`` on them reproduces the fetched
records: the WARC response record carries the final URL and the crawl time
as ``WARC-Target-URI`` and ``WARC-Date`` (what :mod:`newsclean.io.warc`
reads), and the index lines carry ``url``, ``crawl_date``, ``input_format``
and the page ``path`` (what :func:`newsclean.io.readers.iter_jsonl` reads).
A record fetched with an archive takes the archive address of its page as
``source`` (``FILE@offset`` or ``DIR/index.jsonl:line``), the same one the
readers give it.

Bodies are stored decoded: gzip or brotli content encoding and chunked
transfer encoding are undone, and the WARC keeps the original headers under
``X-Crawler-`` names with a ``Content-Length`` that matches the stored body,
as Common Crawl does, so any WARC reader gets the page without re-decoding.
Both archives are appended to, so one archive can grow over several runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from .. import __version__
from ..hints import Hints
from ..io.warc import PAGE_MARKER
from .http import Exchange, Response

#: Response headers whose meaning the decoded body no longer matches; kept renamed.
_RENAMED = ("content-encoding", "transfer-encoding", "content-length")
RAW_INDEX = "index.jsonl"
RAW_PAGES = "pages"
#: Page files end in ``.raw`` so a directory walk by ``newsclean clean`` reads the index, not them.
RAW_SUFFIX = ".raw"


class Archive(Protocol):
    """Where raw exchanges and pages go.

    Exchanges of discovery (robots.txt, feeds, sitemaps) are recorded as they
    happen, from any thread; those of pages are recorded by the crawl in link
    order, so an archive lists pages in the order the records come out.
    """

    def record(self, exchange: Exchange) -> None:
        """Keep one exchange that is not a page (robots.txt, feeds, sitemaps, redirects, retries, errors)."""

    def store_page(
        self, response: Response, *, input_format: str | None, charset: str | None, hints: Hints | None
    ) -> str:
        """Keep a page to be cleaned: its final exchange (``response.exchange``, not given to :meth:`record`).

        Returns the ``source`` a reader of this archive gives the page.
        """

    def close(self) -> None: ...


def stored_headers(exchange: Exchange) -> list[tuple[str, str]]:
    """Response headers as kept with a decoded body."""
    headers = [(f"X-Crawler-{k}" if k.lower() in _RENAMED else k, v) for k, v in exchange.headers]
    headers.append(("Content-Length", str(len(exchange.body))))
    return headers


def _request_line(exchange: Exchange) -> str:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"GET {target} HTTP/1.1"


class WarcArchive:
    """Request and response records, and a metadata record marking each page, in one WARC file.

    A ``.gz`` name gives a gzipped WARC, one gzip member per record, so each
    record's offset can be read on its own (what CDX indexes point at).

    A page's response is followed at once by a ``metadata`` record concurrent
    to it (JSON ``{"newsclean_page": true, "hints": ...}``): it tells the
    WARC reader which responses were pages (robots.txt and a plain-text
    sitemap are ``text/plain`` 200s too, and a feed may be served as HTML)
    and carries the feed or sitemap hints that filled the record's gaps. Both
    are written under one lock hold, so no exchange recorded by another
    thread (a robots.txt fetch) comes between them.
    """

    def __init__(self, path: str | os.PathLike[str], user_agent: str) -> None:
        try:
            from warcio.warcwriter import WARCWriter
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("writing WARC files needs warcio: pip install warcio (the 'warc' extra)") from exc
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._stream = self.path.open("ab")
        self._writer = WARCWriter(self._stream, gzip=self.path.name.lower().endswith(".gz"), warc_version="1.1")
        self._lock = threading.Lock()
        info = {
            "software": f"newsclean/{__version__}",
            "format": "WARC File Format 1.1",
            "robots": "obey",
            "http-header-user-agent": user_agent,
        }
        with self._lock:
            self._write(self._writer.create_warcinfo_record(self.path.name, info))

    def _write(self, record: Any) -> int:
        offset = self._stream.tell()
        self._writer.write_record(record)
        self._stream.flush()
        return offset

    def _exchange_records(self, exchange: Exchange) -> tuple[Any, Any]:
        """The request and response records of one exchange (not yet written)."""
        from warcio.statusandheaders import StatusAndHeaders

        dated = {"WARC-Date": exchange.fetched_at, "WARC-IP-Address": exchange.address}
        response = self._writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(), stored_headers(exchange),
                protocol=exchange.http_version,
            ),
            warc_headers_dict=dated,
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request = self._writer.create_warc_record(
            exchange.url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(_request_line(exchange), list(exchange.request_headers),
                                          is_http_request=True),
            warc_headers_dict={**dated, "WARC-Concurrent-To": response_id},
        )
        return request, response

    def record(self, exchange: Exchange) -> None:
        request, response = self._exchange_records(exchange)
        with self._lock:
            self._write(request)
            self._write(response)

    def store_page(
        self, response: Response, *, input_format: str | None, charset: str | None, hints: Hints | None
    ) -> str:
        request, page = self._exchange_records(response.exchange)
        marker = {PAGE_MARKER: True, "hints": hints.to_dict() if hints is not None else None}
        payload = json.dumps(marker, ensure_ascii=False).encode("utf-8")
        metadata = self._writer.create_warc_record(
            response.url, "metadata", payload=io.BytesIO(payload), length=len(payload),
            warc_content_type="application/json",
            warc_headers_dict={
                "WARC-Date": response.exchange.fetched_at,
                "WARC-Concurrent-To": page.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        with self._lock:
            self._write(request)
            offset = self._write(page)
            self._write(metadata)
        return f"{self.path}@{offset}"

    def close(self) -> None:
        with self._lock:
            if not self._stream.closed:
                self._stream.close()


class RawDirArchive:
    """``DIR/pages/<key>.raw`` files (the decoded body, byte for byte) and ``DIR/index.jsonl``.

    Only pages are kept (no robots.txt, feeds or redirects: use a WARC for a
    full record of the crawl). Index lines are appended whole, one write each.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        (self.directory / RAW_PAGES).mkdir(parents=True, exist_ok=True)
        self.index = self.directory / RAW_INDEX
        self._lines = 0
        if self.index.is_file():
            with self.index.open("rb") as stream:
                self._lines = sum(1 for _ in stream)
        self._stream = self.index.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def record(self, exchange: Exchange) -> None:
        """Only pages are kept here."""

    def store_page(
        self, response: Response, *, input_format: str | None, charset: str | None, hints: Hints | None
    ) -> str:
        exchange = response.exchange
        key = hashlib.sha256(f"{exchange.url} {exchange.fetched_at}".encode()).hexdigest()[:24]
        relative = f"{RAW_PAGES}/{key}{RAW_SUFFIX}"
        (self.directory / relative).write_bytes(exchange.body)
        entry: dict[str, Any] = {
            "url": exchange.url,
            "crawl_date": exchange.fetched_at,
            "path": relative,
            "input_format": input_format,
            "charset": charset,
            "status": exchange.status,
            "content_type": exchange.header("Content-Type"),
            "requested_url": response.requested_url,
        }
        if hints is not None:
            entry["hints"] = hints.to_dict()
        with self._lock:
            self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._stream.flush()
            self._lines += 1
            return f"{self.index}:{self._lines}"

    def close(self) -> None:
        with self._lock:
            if not self._stream.closed:
                self._stream.close()
