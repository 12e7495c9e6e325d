"""``newsclean fetch`` in a subprocess, then ``newsclean clean`` on its WARC and raw directory.

The acceptance of the raw archive: cleaning it again, without fetching,
gives back the fetched records field by field (crawl time included).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from tests.cli_runner import CHECKOUT_ENV, run_cli
from tests.fixtures.fetch.site import NewsSite

warcio = pytest.importorskip("warcio")
from warcio.archiveiterator import ArchiveIterator  # noqa: E402 - after the importorskip guard

PAGES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pages"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env=CHECKOUT_ENV,  # its records are compared with the in-process clean's below
    )


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    server = NewsSite()
    yield server
    server.close()


def _warc_records(path: Path) -> list[tuple[str, str | None, Any, Any, bytes]]:
    """(type, target URI, WARC headers, HTTP headers, payload) of every record."""
    with path.open("rb") as stream:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers, r.http_headers,
                 r.content_stream().read()) for r in ArchiveIterator(stream)]


def test_fetch_keeps_raw_pages_that_clean_reproduces_exactly(site: NewsSite, tmp_path: Path) -> None:
    # Given pages (HTML, gzip, a retried 503, Latin-1 HTML and a UTF-8 text dump, both typed only by the
    # header, a page with no Content-Type), a feed whose entries fill a bare page's title, date and authors,
    # and a plain-text sitemap (a text/plain 200 that is not a page, like robots.txt) listing Latin-1 text.
    given = ["/news/TheIntercept_0.html", "/gzip.html", "/flaky", "/latin1.html", "/seeds/001_f2c2a30e7610bf0b.txt",
             "/untyped"]
    failing = ["/missing", "/loop/a", "/private/secret.html"]
    from_listings = ["/news/ca_GlobalNews_2026_05_24.html", "/bare.html", "/latin1.txt"]
    urls = tmp_path / "urls.txt"
    urls.write_text("# pages for the test\n" + "\n".join(site.url(p) for p in [*given, *failing]) + "\n")
    listings = ["--feed", site.url("/feed.xml"), "--sitemap", site.url("/sitemap.txt")]
    fetch_warc = _run("fetch", "--urls", "urls.txt", *listings, "-o", "fetched.jsonl", "--warc", "crawl.warc.gz",
                      "--allow-private", "--delay", "0.1", "--retries", "1", "--timeout", "0", cwd=tmp_path)
    assert fetch_warc.returncode == 3, fetch_warc.stderr  # some pages failed: clean's exit rule
    assert "12 inputs, 9 cleaned, 0 empty, 3 errors" in fetch_warc.stderr
    more = ["/latin1.html", "/seeds/001_f2c2a30e7610bf0b.txt", "/news/TheIntercept_0.html", "/untyped"]
    # Default --timeout: pages are cleaned in worker processes (started while the fetch threads run).
    fetch_raw = _run("fetch", *(site.url(p) for p in more), *listings, "-o", "raw.jsonl", "--raw-dir", "raw",
                     "--allow-private", "--delay", "0.1", "--format", "jsonl", cwd=tmp_path)
    assert fetch_raw.returncode == 3, fetch_raw.stderr  # robots.txt refuses one listed page

    again = run_cli("clean", "crawl.warc.gz", "raw", "-o", "again.jsonl", "--jobs", "1", "--timeout", "0", cwd=tmp_path)
    assert again.returncode == 0, again.stderr.decode()

    from_warc = [r for r in _records(tmp_path / "fetched.jsonl") if not r["error"]]
    from_raw = [r for r in _records(tmp_path / "raw.jsonl") if not r["error"]]
    assert [r["url"] for r in from_warc] == [site.url(p) for p in [*given, *from_listings]]
    assert [r["url"] for r in from_raw] == [site.url(p) for p in [*more, *from_listings]]
    fetched, recleaned = from_warc + from_raw, _records(tmp_path / "again.jsonl")
    assert len(recleaned) == len(fetched)
    for mine, theirs in zip(fetched, recleaned, strict=True):  # every field, no exceptions
        assert mine.keys() == theirs.keys()
        for field in mine:
            assert mine[field] == theirs[field], (mine["url"], field)
    assert from_warc[0]["source"].startswith("crawl.warc.gz@") and from_raw[0]["source"] == "raw/index.jsonl:1"

    # The cases the round trip must carry, as fetched (and so, by the loop above, as re-cleaned from both archives).
    for records in (from_warc, from_raw):
        by_path = {r["url"].removeprefix(site.base): r for r in records}
        bare = by_path["/bare.html"]
        assert bare["title"] == "Harbour towns rethink their tidal defences"
        assert bare["published"] == "2024-03-05T09:30:00+01:00" and bare["authors"] == ["Mara Lindqvist"]
        assert bare["warnings"] == ["metadata: title from the feed", "metadata: published from the feed",
                                    "metadata: authors from the feed"]
        latin1_text = by_path["/latin1.txt"]
        assert latin1_text["input_format"] == "text"
        assert latin1_text["title"] == "Les nappes phréatiques de la vallée au plus bas depuis trente ans"
        assert by_path["/latin1.html"]["title"] == "Les éleveurs de la vallée face à la sécheresse"
        for path in ("/latin1.html", "/latin1.txt"):  # the header's charset, not a guess
            assert not any(w.startswith("charset") for w in by_path[path]["warnings"]), path
        assert by_path["/seeds/001_f2c2a30e7610bf0b.txt"]["input_format"] == "text"
        untyped = by_path["/untyped"]
        assert untyped["input_format"] == "html" and untyped["text"].startswith("Councils along the northern coast")
        assert untyped["title"] is None and untyped["warnings"] == []  # not in a feed: no hints to fill from

    errors = _records(tmp_path / "fetched.jsonl.errors.jsonl")
    assert [e["source"] for e in errors] == [site.url(p) for p in failing]
    assert not any(path.startswith("/private/") for path in site.paths())

    # The WARC: a warcinfo, then a request and a response per exchange (robots.txt, the feed, the sitemap and
    # retries included), and after each page's response a metadata record marking it, with the feed's hints.
    records = _warc_records(tmp_path / "crawl.warc.gz")
    assert records[0][0] == "warcinfo"
    responses = [(uri, http.get_statuscode(), warc.get_header("WARC-Date"), body)
                 for kind, uri, warc, http, body in records if kind == "response"]
    requests = [uri for kind, uri, *_ in records if kind == "request"]
    assert requests == [uri for uri, *_ in responses]
    assert [(uri.removeprefix(site.base), status) for uri, status, *_ in responses] == [
        ("/robots.txt", "200"), ("/feed.xml", "200"), ("/sitemap.txt", "200"),
        ("/news/TheIntercept_0.html", "200"), ("/gzip.html", "200"), ("/flaky", "503"), ("/flaky", "200"),
        ("/latin1.html", "200"), ("/seeds/001_f2c2a30e7610bf0b.txt", "200"), ("/untyped", "200"),
        ("/missing", "404"), ("/loop/a", "302"), ("/loop/b", "302"),
        ("/news/ca_GlobalNews_2026_05_24.html", "200"), ("/bare.html", "200"), ("/latin1.txt", "200"),
    ]
    by_uri = {uri.removeprefix(site.base): (date, body) for uri, status, date, body in responses if status == "200"}
    assert by_uri["/news/TheIntercept_0.html"][1] == gzip.decompress((PAGES / "TheIntercept_0.html.gz").read_bytes())
    assert by_uri["/gzip.html"][1] == gzip.decompress((PAGES / "ca_GlobalNews_2026_05_24.html.gz").read_bytes())
    assert by_uri["/gzip.html"][0] == from_warc[1]["fetched_at"]  # WARC-Date is the record's crawl time
    assert by_uri["/latin1.txt"][1] == site.route("/latin1.txt")[2]  # stored as served, decoded only on reading
    gzip_http = next(http for kind, uri, _, http, _ in records if kind == "response" and uri.endswith("/gzip.html"))
    assert gzip_http.get_header("X-Crawler-Content-Encoding") == "gzip"
    assert gzip_http.get_header("Content-Encoding") is None  # the stored body is decoded
    flaky_503 = next(http for kind, uri, _, http, _ in records
                     if kind == "response" and uri.endswith("/flaky") and http.get_statuscode() == "503")
    assert flaky_503.get_header("Retry-After") == "1"
    request_http = next(http for kind, _, _, http, _ in records if kind == "request")
    assert request_http.get_header("User-Agent").startswith("newsclean/")
    markers = [(uri, warc.get_header("WARC-Concurrent-To"), json.loads(body))
               for kind, uri, warc, _, body in records if kind == "metadata"]
    assert [uri for uri, *_ in markers] == [r["url"] for r in from_warc]
    for (kind, _, page_warc, *_), (next_kind, _, next_warc, *_) in pairwise(records):
        if next_kind == "metadata":  # right after the page's response, and pointing at it
            assert kind == "response"
            assert next_warc.get_header("WARC-Concurrent-To") == page_warc.get_header("WARC-Record-ID")
    hints = {uri.removeprefix(site.base): marker["hints"] for uri, _, marker in markers}
    assert all(marker["newsclean_page"] is True for *_, marker in markers)
    assert hints["/bare.html"]["title"] == "Harbour towns rethink their tidal defences"
    assert hints["/latin1.html"] is None and hints["/news/TheIntercept_0.html"]["origin"] == "feed"

    index = _records(tmp_path / "raw" / "index.jsonl")
    assert [entry["url"] for entry in index] == [r["url"] for r in from_raw]
    assert index[0]["charset"] == "iso8859-1" and index[1]["input_format"] == "text"
    assert index[3]["input_format"] is None and index[3]["content_type"] is None  # untyped: sniffed
    assert index[-1]["charset"] == "iso8859-1" and index[-1]["input_format"] == "text"
    assert index[-2]["hints"]["authors"] == ["Mara Lindqvist"]
    assert all((tmp_path / "raw" / entry["path"]).is_file() for entry in index)


def test_fetch_arguments_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "-q"]) == 2
    assert "nothing to fetch" in capsys.readouterr().err
    assert main(["fetch", "--urls", str(tmp_path / "none.txt")]) == 2
    assert main(["fetch", "http://example.org/a", "--format", "parquet"]) == 2
    assert main(["fetch", "http://example.org/a", "--delay", "-1"]) == 2
    assert "delay" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["fetch", "http://example.org/a", "--warc", "a.warc", "--raw-dir", "raw"])


def test_exit_status_is_one_when_nothing_could_be_fetched(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    argv = ["fetch", "-q", site.url("/news/TheIntercept_0.html"), "-o", str(out), "--timeout", "0"]
    assert main(argv) == 1  # loopback refused
    errors = _records(tmp_path / "out.jsonl.errors.jsonl")
    assert "loopback" in errors[0]["reason"] and out.read_text() == ""
    assert site.paths() == []
