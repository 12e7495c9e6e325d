"""``newsclean.fetch`` against a real HTTP server on 127.0.0.1: records, politeness, robustness, safety."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest

from newsclean.fetch import FetchOptions, discover_links, fetch_articles
from newsclean.fetch.politeness import HostGate
from newsclean.io.readers import iter_inputs
from newsclean.options import Options
from newsclean.pipeline import iter_outcomes
from newsclean.record import Article
from tests.fixtures.fetch.site import NewsSite

DELAY = 0.2


class RecordingGate(HostGate):
    """The crawl's host gate, keeping the clock reading at which it admitted each request and each hold.

    The politeness delay is measured here, on the gate's own clock, not from
    the server's arrival times: those also hold the time between admission
    and the request line reaching the server, which a loaded machine
    stretches unevenly (a 0.166 s gap for a 0.2 s delay). The reading is the
    gate's last clock call on the admitting thread, the one it admitted on.
    ``deferred`` holds each hold the fetcher asked for (a Retry-After, a
    backoff): host, seconds, and the clock reading it started from.
    """

    def __init__(self, delay: float, concurrency: int) -> None:
        self._last = threading.local()
        super().__init__(delay, concurrency, self._read_clock)
        self.admitted: list[tuple[str, float]] = []
        self.deferred: list[tuple[str, float, float]] = []

    def _read_clock(self) -> float:
        self._last.value = time.monotonic()
        return float(self._last.value)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with super().slot(host):
            self.admitted.append((host, self._last.value))
            yield

    def defer(self, host: str, seconds: float) -> None:
        super().defer(host, seconds)
        self.deferred.append((host, seconds, self._last.value))


def _recording_gates(monkeypatch: pytest.MonkeyPatch) -> list[RecordingGate]:
    """The gates the crawls of this test make, each a :class:`RecordingGate`."""
    made: list[RecordingGate] = []

    def recording_gate(delay: float, concurrency: int) -> RecordingGate:
        made.append(RecordingGate(delay, concurrency))
        return made[-1]

    monkeypatch.setattr("newsclean.fetch.crawl.HostGate", recording_gate)
    return made


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    server = NewsSite(slow_seconds=1.5)
    yield server
    server.close()


def _options(**changes: object) -> FetchOptions:
    base: dict[str, object] = {"delay": DELAY, "allow_private": True, "concurrency": 4, "retries": 1,
                               "backoff": 0.1, "read_timeout": 0.5, "max_bytes": 1024 * 1024}
    base.update(changes)
    return FetchOptions.from_kwargs(**base)


def test_feed_crawl_is_polite_obeys_robots_and_fills_gaps_from_the_feed(
    site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    made = _recording_gates(monkeypatch)
    # A read timeout far above any page's serving time: this test is about politeness, not timeouts.
    options = _options(read_timeout=30.0)
    records = list(fetch_articles(feeds=[site.url("/feed.xml")], fetch_options=options, raw_dir=raw))

    # One record per article in feed order: the tag page filtered out, the #comments copy and the
    # moved address (which redirects to a page already in the feed) collapsed, the disallowed one an error.
    assert [r.url for r in records] == [
        site.url("/news/TheIntercept_0.html"), site.url("/news/ca_GlobalNews_2026_05_24.html"),
        site.url("/bare.html"), site.url("/private/secret.html"),
    ]
    intercept, globalnews, bare, private = records
    assert intercept.error is None and intercept.title and intercept.title.startswith("Federal Probes, Sick Animals")
    assert intercept.warnings == []  # the page has its own title, date and author: the feed fills nothing
    assert globalnews.authors == ["Samya Kullab", "Vasilisa Stepanenko"]
    assert "Oreshnik" in globalnews.text
    assert bare.title == "Harbour towns rethink their tidal defences"
    assert bare.published == "2024-03-05T09:30:00+01:00"
    assert bare.authors == ["Mara Lindqvist"]
    assert bare.warnings == ["metadata: title from the feed", "metadata: published from the feed",
                             "metadata: authors from the feed"]
    assert bare.text.startswith("Councils along the northern coast")
    assert bare.fetched_at and bare.fetched_at.endswith("Z")
    assert private.error and "robots.txt disallows" in private.error

    paths = site.paths()
    assert paths.count("/robots.txt") == 1 and paths[0] == "/robots.txt"
    assert not any(p.startswith("/private/") or p.startswith("/tag/") for p in paths)
    assert sorted(paths) == sorted(["/robots.txt", "/feed.xml", "/news/TheIntercept_0.html", "/bare.html",
                                    "/news/ca_GlobalNews_2026_05_24.html", "/moved/globalnews"])
    # Politeness: every request admitted by the host gate, starts at least DELAY apart, one at a time.
    [gate] = made
    assert len(gate.admitted) == len(site.hits) and {host for host, _ in gate.admitted} == {"127.0.0.1"}
    starts = [at for _, at in gate.admitted]
    gaps = [later - earlier for earlier, later in pairwise(starts)]
    assert min(gaps) >= DELAY - 1e-9, gaps  # the gate admits at next_start = previous + DELAY or later
    assert site.max_active == 1
    for hit in site.hits:
        assert hit.headers["user-agent"].startswith("newsclean/")
        assert "cookie" not in hit.headers  # every response set one; none is ever sent back

    # The raw directory re-cleans to the same records, the feed's fills included (the index keeps the hints).
    index = [json.loads(line) for line in (raw / "index.jsonl").read_text().splitlines()]
    assert [entry["url"] for entry in index] == [r.url for r in records[:3]]
    assert index[2]["hints"]["title"] == "Harbour towns rethink their tidal defences"
    again = [o.article for o in iter_outcomes(iter_inputs([raw]), Options())]
    assert [a.source for a in again] == [r.source for r in records[:3]]
    assert again == records[:3]


def test_awkward_endpoints_become_records_or_clear_errors(site: NewsSite, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _recording_gates(monkeypatch)
    paths = ["/slow", "/flaky", "/big", "/big-stream", "/loop/a", "/gzip.html", "/image.png", "/latin1.html",
             "/missing", "/seeds/000_52889d1c0e5aca07.txt"]
    records = list(fetch_articles([site.url(p) for p in paths], fetch_options=_options(delay=0.05)))
    by_path = {r.url.removeprefix(site.base) if r.url else "": r for r in records}
    assert len(records) == len(paths) and set(by_path) == set(paths)

    def error(path: str) -> str:
        return by_path[path].error or ""

    assert "read timed out (after 2 attempts)" in error("/slow")
    assert "exceeds max_bytes=1048576" in error("/big")  # refused on its Content-Length
    assert "exceeds max_bytes=1048576" in error("/big-stream")  # no length: counted while reading
    assert "redirect loop" in error("/loop/a")
    assert error("/image.png") == "unsupported content type image/png"
    assert error("/missing") == "HTTP 404 Not Found"

    flaky = by_path["/flaky"]
    assert flaky.error is None and flaky.title and flaky.title.startswith("Federal Probes")
    assert len(site.hits_for("/flaky")) == 2  # the 503, then the page
    # Retry-After: 1 honoured, read on the gate's clock (server arrival times stretch on a loaded
    # machine): the host was held for the server's 1 s, not the 0.1 s backoff, and no request to it
    # was admitted before the hold ran out.
    (gate,) = made
    holds = [(host, seconds, at) for host, seconds, at in gate.deferred if seconds == 1.0]
    assert len(holds) == 1, gate.deferred
    host, _, held_at = holds[0]
    after = [at for name, at in gate.admitted if name == host and at > held_at]
    assert after and min(after) >= held_at + 1.0
    gzipped = by_path["/gzip.html"]
    assert gzipped.error is None and gzipped.title and gzipped.title.startswith("Russia hits Kyiv")
    latin1 = by_path["/latin1.html"]
    assert latin1.title == "Les éleveurs de la vallée face à la sécheresse"  # charset from the header
    assert "d'agriculture prépare" in latin1.text and not any(w.startswith("charset") for w in latin1.warnings)
    seed = by_path["/seeds/000_52889d1c0e5aca07.txt"]
    assert seed.input_format == "text" and seed.text.startswith("In a dramatic turn of events")
    assert site.hits_for("/loop/a") and site.hits_for("/loop/b")
    assert len(site.hits_for("/slow")) == 2  # one retry


def test_private_addresses_are_refused_by_default(site: NewsSite) -> None:
    records = list(fetch_articles([site.url("/news/TheIntercept_0.html"), "http://localhost/x", "file:///etc/passwd"],
                                  fetch_options=FetchOptions(delay=0)))
    assert all(isinstance(r, Article) and r.error for r in records)
    assert "loopback address 127.0.0.1" in (records[1].error or "")  # after resolving the name
    assert any("scheme 'file' not allowed" in (r.error or "") for r in records)
    assert site.paths() == []  # not even robots.txt was asked for


def test_sitemap_index_with_news_sitemap_and_gzipped_child(site: NewsSite) -> None:
    records = list(fetch_articles(sitemaps=[site.url("/sitemap_index.xml")], fetch_options=_options()))
    urls = [r.url for r in records]
    assert urls == [site.url("/news/at_SalzburgerNachrichten_2026_01_06.html"), site.url("/bare.html"),
                    site.url("/seeds/000_52889d1c0e5aca07.txt"), site.url("/seeds/001_f2c2a30e7610bf0b.txt"),
                    site.url("/private/secret.html")]
    salzburg, bare, _, putin, private = records
    assert salzburg.published == "2026-01-06T14:59:00+01:00" and "published" not in " ".join(salzburg.warnings)
    assert bare.published == "2024-03-05T09:30:00+01:00" and bare.title == "Harbour towns rethink their tidal defences"
    assert "metadata: published from the sitemap" in bare.warnings
    assert putin.title and putin.title.startswith("Putin and Lukashenko meet")
    assert private.error and "robots.txt" in private.error
    paths = site.paths()
    assert paths.count("/sitemap_index.xml") == 1  # the index lists itself: followed once
    assert "/category/europe/" not in paths and not any(p.startswith("/private/") for p in paths)


def test_atom_and_json_feeds_are_discovered_with_hints(site: NewsSite) -> None:
    links = discover_links(feeds=[site.url("/atom.xml"), site.url("/feed.json")], fetch_options=_options(delay=0))
    assert [link.url for link in links] == [site.url("/bare.html"), site.url("/news/TheIntercept_0.html")]
    bare = links[0].hints
    assert bare is not None and bare.authors == ("Mara Lindqvist", "Tom Okafor")
    intercept = links[1].hints
    assert intercept is not None and intercept.authors == ("Prem Thakker",)  # merged from the JSON Feed
