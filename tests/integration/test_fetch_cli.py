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
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from tests.fixtures.fetch.site import NewsSite

warcio = pytest.importorskip("warcio")
from warcio.archiveiterator import ArchiveIterator  # noqa: E402 - after the importorskip guard

PAGES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pages"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    server = NewsSite()
    yield server
    server.close()


def test_fetch_keeps_raw_pages_that_clean_reproduces_exactly(site: NewsSite, tmp_path: Path) -> None:
    html_pages = ["/news/TheIntercept_0.html", "/gzip.html", "/flaky"]
    urls = tmp_path / "urls.txt"
    urls.write_text("# pages for the test\n" + "\n".join(site.url(p) for p in [*html_pages, "/missing", "/loop/a",
                                                                              "/private/secret.html"]) + "\n")
    fetch_warc = _run("fetch", "--urls", "urls.txt", "-o", "fetched.jsonl", "--warc", "crawl.warc.gz",
                      "--allow-private", "--delay", "0.2", "--retries", "1", "--timeout", "0", cwd=tmp_path)
    assert fetch_warc.returncode == 0, fetch_warc.stderr
    assert "6 records, 3 cleaned" in fetch_warc.stderr and "3 errors" in fetch_warc.stderr
    more = [site.url(p) for p in ["/latin1.html", "/seeds/001_f2c2a30e7610bf0b.txt", "/news/TheIntercept_0.html"]]
    # Default --timeout: pages are cleaned in a worker process, as `newsclean clean` does.
    fetch_raw = _run("fetch", *more, "-o", "raw.jsonl", "--raw-dir", "raw", "--allow-private", "--delay", "0.2",
                     "--format", "jsonl", cwd=tmp_path)
    assert fetch_raw.returncode == 0, fetch_raw.stderr

    again = _run("clean", "crawl.warc.gz", "raw", "-o", "again.jsonl", "--jobs", "1", "--timeout", "0", cwd=tmp_path)
    assert again.returncode == 0, again.stderr

    fetched = [r for r in _records(tmp_path / "fetched.jsonl") + _records(tmp_path / "raw.jsonl") if not r["error"]]
    recleaned = _records(tmp_path / "again.jsonl")
    assert [r["url"] for r in fetched] == [*(site.url(p) for p in html_pages), *more]
    assert len(recleaned) == len(fetched)
    for mine, theirs in zip(fetched, recleaned, strict=True):
        assert mine.keys() == theirs.keys()
        for field in mine:
            assert mine[field] == theirs[field], (mine["url"], field)
    assert fetched[0]["source"].startswith("crawl.warc.gz@") and fetched[3]["source"] == "raw/index.jsonl:1"

    errors = _records(tmp_path / "fetched.jsonl.errors.jsonl")
    assert [e["source"] for e in errors] == [site.url(p) for p in ["/missing", "/loop/a", "/private/secret.html"]]
    assert not any(path.startswith("/private/") for path in site.paths())

    # The WARC: a warcinfo, then a request and a response per exchange, robots.txt and retries included.
    with (tmp_path / "crawl.warc.gz").open("rb") as stream:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Date"),
                    r.http_headers, r.content_stream().read()) for r in ArchiveIterator(stream)]
    assert records[0][0] == "warcinfo"
    responses = [(uri, http.get_statuscode(), date, body) for kind, uri, date, http, body in records
                 if kind == "response"]
    requests = [uri for kind, uri, *_ in records if kind == "request"]
    assert requests == [uri for uri, *_ in responses]
    assert [(uri.removeprefix(site.base), status) for uri, status, *_ in responses] == [
        ("/robots.txt", "200"), ("/news/TheIntercept_0.html", "200"), ("/gzip.html", "200"),
        ("/flaky", "503"), ("/flaky", "200"), ("/missing", "404"), ("/loop/a", "302"), ("/loop/b", "302"),
    ]
    by_uri = {uri.removeprefix(site.base): (date, body) for uri, status, date, body in responses if status == "200"}
    assert by_uri["/news/TheIntercept_0.html"][1] == gzip.decompress((PAGES / "TheIntercept_0.html.gz").read_bytes())
    assert by_uri["/gzip.html"][1] == gzip.decompress((PAGES / "ca_GlobalNews_2026_05_24.html.gz").read_bytes())
    assert by_uri["/gzip.html"][0] == fetched[1]["fetched_at"]  # WARC-Date is the record's crawl time
    gzip_http = next(http for kind, uri, _, http, _ in records if kind == "response" and uri.endswith("/gzip.html"))
    assert gzip_http.get_header("X-Crawler-Content-Encoding") == "gzip"
    assert gzip_http.get_header("Content-Encoding") is None  # the stored body is decoded
    flaky_503 = next(http for kind, uri, _, http, _ in records
                     if kind == "response" and uri.endswith("/flaky") and http.get_statuscode() == "503")
    assert flaky_503.get_header("Retry-After") == "1"
    request_http = next(http for kind, _, _, http, _ in records if kind == "request")
    assert request_http.get_header("User-Agent").startswith("newsclean/")

    index = _records(tmp_path / "raw" / "index.jsonl")
    assert [entry["url"] for entry in index] == more
    assert index[0]["charset"] == "iso8859-1" and index[1]["input_format"] == "text"
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
