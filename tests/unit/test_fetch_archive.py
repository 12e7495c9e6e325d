"""Reading a fetch's raw archive back: which WARC responses are pages, their decoding, their hints; the pool.

The end-to-end round trip (fetch, then ``newsclean clean`` on the archive) is
in ``tests/integration/test_fetch_cli.py``; these pin down the rules it rests on
without a server.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest

from newsclean.api import clean_record_to_article
from newsclean.fetch.archive import WarcArchive
from newsclean.fetch.http import Exchange, Response
from newsclean.hints import Hints
from newsclean.io.readers import InputItem, iter_inputs, parse_content_type
from newsclean.options import Options
from newsclean.pipeline import _worker_context, clean_item_traced

pytest.importorskip("warcio")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
LATIN1_TEXT = (FIXTURES / "latin1.txt").read_text(encoding="utf-8")
BARE = (FIXTURES / "bare.html").read_bytes()
CRAWLED = "2024-03-06T10:00:00Z"
FEED = Hints("feed", title="Harbour towns rethink their tidal defences", published="Tue, 05 Mar 2024 09:30:00 +0100",
             authors=("Mara Lindqvist",))


def _exchange(url: str, body: bytes, content_type: str | None, status: int = 200) -> Exchange:
    headers = (("Content-Type", content_type),) if content_type is not None else ()
    return Exchange(url=url, address="127.0.0.1", request_headers=(("User-Agent", "newsclean/test"),),
                    status=status, reason="OK", http_version="HTTP/1.1", headers=headers, body=body,
                    fetched_at=CRAWLED)


def _foreign_warc(path: Path, responses: list[tuple[str, bytes, str | None, str]]) -> None:
    """A WARC another crawler wrote: no newsclean warcinfo, no page markers."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "Heritrix/3.4"}))
        for url, body, content_type, status in responses:
            headers = [("Content-Type", content_type)] if content_type is not None else []
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": CRAWLED},
            ))


def test_content_type_parsing_is_shared_by_fetcher_and_reader() -> None:
    assert parse_content_type('Text/Plain; Charset="ISO-8859-1"') == ("text/plain", "iso-8859-1")
    assert parse_content_type("text/html") == ("text/html", None)
    assert parse_content_type(None) == ("", None)


def test_warc_reader_takes_html_text_and_untyped_pages_and_decodes_by_the_header(tmp_path: Path) -> None:
    latin1 = LATIN1_TEXT.encode("latin-1")
    utf8 = "<p>Les éleveurs</p>".encode()
    _foreign_warc(tmp_path / "other.warc.gz", [
        ("https://x.org/robots.txt", b"User-agent: *\n", "text/plain", "200 OK"),
        ("https://x.org/latin1", latin1, "text/plain; charset=ISO-8859-1", "200 OK"),
        ("https://x.org/utf8", utf8, "text/html; charset=iso-8859-1", "200 OK"),
        ("https://x.org/untyped", BARE, None, "200 OK"),
        ("https://x.org/missing", b"not found\n", "text/plain", "404 Not Found"),
        ("https://x.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
    ])
    items = list(iter_inputs([tmp_path]))
    assert [i.url for i in items] == ["https://x.org/latin1", "https://x.org/utf8", "https://x.org/untyped"]
    latin1_item, utf8_item, untyped = items
    # The header decided (the bytes are not UTF-8 and declare nothing): decoded exactly as the fetcher did.
    assert latin1_item.input_format == "text" and latin1_item.data == LATIN1_TEXT
    article, _ = clean_item_traced(latin1_item, Options())
    assert not any(w.startswith("charset") for w in article.warnings)
    assert utf8_item.input_format == "html" and utf8_item.data == utf8  # valid UTF-8: the header is not needed
    assert untyped.input_format is None and untyped.data == BARE and untyped.hints is None
    assert clean_item_traced(untyped, Options())[0].input_format == "html"  # sniffed


def test_newsclean_warc_pages_are_the_marked_responses_with_their_hints(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    archive = WarcArchive(path, "newsclean/test")
    sitemap = _exchange("https://x.org/sitemap.txt", b"https://x.org/bare\n", "text/plain")
    archive.record(sitemap)  # a text/plain 200 that is not a page
    archive.record(_exchange("https://x.org/feed", b"<html><p>a feed served as HTML</p></html>", "text/html"))
    bare = archive.store_page(Response("https://x.org/bare", _exchange("https://x.org/bare", BARE, None)),
                              input_format=None, charset=None, hints=FEED)
    latin1_body = LATIN1_TEXT.encode("latin-1")
    latin1 = archive.store_page(
        Response("https://x.org/latin1", _exchange("https://x.org/latin1", latin1_body, "text/plain; charset=latin1")),
        input_format="text", charset="iso8859-1", hints=None,
    )
    archive.close()

    items = list(iter_inputs([path]))
    assert [i.source for i in items] == [bare, latin1]
    assert items[0].hints == FEED and items[1].hints is None
    assert items[1].data == LATIN1_TEXT and items[1].input_format == "text"
    article, _ = clean_item_traced(items[0], Options())
    assert article.title == "Harbour towns rethink their tidal defences"
    assert article.published == "2024-03-05T09:30:00+01:00" and article.authors == ["Mara Lindqvist"]
    assert article.warnings[-3:] == ["metadata: title from the feed", "metadata: published from the feed",
                                     "metadata: authors from the feed"]


def test_a_record_with_hints_fills_its_gaps_and_bad_hints_are_ignored() -> None:
    record = {"html": BARE.decode(), "url": "https://x.org/bare", "crawl_date": CRAWLED, "hints": FEED.to_dict()}
    filled = clean_record_to_article(record, Options())
    assert filled.title == FEED.title and filled.authors == ["Mara Lindqvist"]
    junk = {**record, "hints": {"origin": 3, "title": ["x"], "published": {"a": 1}, "authors": "Mara"}}
    plain = clean_record_to_article(junk, Options())
    assert plain.title is None and plain.published is None and plain.authors == []
    assert not any(w.startswith("metadata") for w in plain.warnings)
    assert clean_record_to_article({**record, "hints": "not a dict"}, Options()).title is None


def test_page_items_carry_hints_through_the_same_cleaning_call() -> None:
    item = InputItem(source="s", kind="page", data=BARE, url="https://x.org/bare", fetched_at=CRAWLED, hints=FEED)
    with_hints, _ = clean_item_traced(item, Options())
    without, _ = clean_item_traced(InputItem(source="s", kind="page", data=BARE, url="https://x.org/bare",
                                             fetched_at=CRAWLED), Options())
    assert with_hints.published == "2024-03-05T09:30:00+01:00" and without.published is None
    assert with_hints.text == without.text


def test_workers_start_from_a_fork_server_while_other_threads_run() -> None:
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert _worker_context().get_start_method() == "forkserver"
    finally:
        release.set()
        worker.join()
    if threading.active_count() == 1:  # pytest plugins may keep threads of their own
        assert _worker_context().get_start_method() == "fork"


def test_warc_metadata_record_follows_its_response(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / "one.warc"
    archive = WarcArchive(path, "newsclean/test")
    archive.store_page(Response("https://x.org/a", _exchange("https://x.org/a", BARE, "text/html")),
                       input_format="html", charset=None, hints=None)
    archive.close()
    with path.open("rb") as stream:
        records = [(r.rec_type, r.rec_headers, r.content_stream().read()) for r in ArchiveIterator(stream)]
    assert [kind for kind, *_ in records] == ["warcinfo", "request", "response", "metadata"]
    response_id = records[2][1].get_header("WARC-Record-ID")
    assert records[3][1].get_header("WARC-Concurrent-To") == response_id
    assert json.loads(records[3][2]) == {"newsclean_page": True, "hints": None}
