"""Hostile servers against ``newsclean fetch`` (issue 18): trickling hosts, endless sitemaps, deep feeds, odd replies.

Every server is on a loopback address and started by the test; the second,
third and fourth hosts are 127.0.0.2-4 (Linux routes all of 127/8 to
loopback), so politeness, which is owed per host, keeps them apart.
Figures before the fixes are in each test's comment.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsclean.fetch import FetchOptions, discover_links, fetch_articles
from tests.fixtures.fetch.hostile_site import ODD, HostileSite


@pytest.fixture()
def site() -> Iterator[HostileSite]:
    server = HostileSite()
    yield server
    server.close()


@pytest.fixture()
def slow_hosts() -> Iterator[list[HostileSite]]:
    servers = [HostileSite(f"127.0.0.{n}", interval=0.25) for n in (2, 3, 4)]
    yield servers
    for server in servers:
        server.close()


def _options(**changes: object) -> FetchOptions:
    base: dict[str, object] = {"delay": 0, "allow_private": True, "retries": 2, "backoff": 0.1}
    base.update(changes)
    return FetchOptions.from_kwargs(**base)


def test_trickled_headers_or_body_end_at_total_timeout(site: HostileSite, slow_hosts: list[HostileSite]) -> None:
    # Before: one byte every half second in the headers or the body kept a run with total_timeout=2 going
    # past 150 s (stopped by hand) with no record at all, the good page after them included.
    heads, body, body_with_length = slow_hosts
    urls = [heads.url("/trickle/head"), body.url("/trickle/body"), body_with_length.url("/trickle/body-length"),
            site.url("/good/after")]
    started = time.monotonic()
    records = list(fetch_articles(urls, fetch_options=_options(total_timeout=1), timeout=None))
    assert time.monotonic() - started < 30  # the trickles would last 150 s; each request gets 1 s
    assert [r.url for r in records] == urls
    for record in records[:3]:
        assert record.error == "response took over total_timeout=1s"  # not a cut page passed off as whole
    assert records[3].error is None and records[3].title == "Harbour towns rethink their tidal defences"
    for server in slow_hosts:
        assert [p for p in server.paths() if p.startswith("/trickle/")] and len(server.paths()) == 2  # not retried


def test_a_trickling_host_holds_up_neither_other_hosts_nor_the_run(
    site: HostileSite, slow_hosts: list[HostileSite]
) -> None:
    # Before: ten links of a trickling host ahead of a good host took every fetch thread (all but one
    # waiting at the slow host's gate): the good host's first request came 6 s in with total_timeout=2,
    # after three slow requests, and the run took 23.7 s (20 s of it the slow host's links, one at a time).
    slow = slow_hosts[0]
    urls = [slow.url(f"/trickle/head/{i}") for i in range(10)] + [site.url(f"/good/{i}") for i in range(4)]
    started = time.monotonic()
    records = list(fetch_articles(urls, fetch_options=_options(total_timeout=1.5, concurrency=4), timeout=None))
    assert [r.url for r in records] == urls  # input order kept
    slow_requests = [at for at, path in slow.hits if path.startswith("/trickle/")]
    first_good = site.first_hit("/good/")
    assert first_good is not None
    # Two requests in a row ran out of time: the host's other links fail without being requested.
    assert len(slow_requests) == 2
    assert first_good < slow_requests[1]  # the good host did not wait for the slow host's first deadline
    assert [r.error for r in records[:2]] == ["response took over total_timeout=1.5s"] * 2
    for record in records[2:10]:
        assert record.error == "not requested: the last 2 requests to 127.0.0.2 took over total_timeout=1.5s"
    assert all(r.error is None and r.text for r in records[10:])
    assert time.monotonic() - started < 30


def test_sitemap_fan_out_stops_at_max_sitemaps_with_one_warning(
    site: HostileSite, caplog: pytest.LogCaptureFixture
) -> None:
    # Before: an index listing ten indexes per level made 1,111 requests and printed 10,000 warnings.
    with caplog.at_level(logging.WARNING, logger="newsclean"):
        links = discover_links(sitemaps=[site.url("/fan/root.xml")], fetch_options=_options(max_sitemaps=25))
    assert links == []
    assert len([p for p in site.paths() if p.startswith("/fan/")]) == 25
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    # Read: the root, its 10 children, 14 of their 100; not read: the other 86 and the 140 the 14 list.
    assert warnings == [f"sitemap {site.url('/fan/root.xml')}: 226 listed sitemaps not read (226 past max_sitemaps=25)"]


def test_sitemap_fan_out_through_the_cli(site: HostileSite, tmp_path: Path) -> None:
    # The issue's own run: --max-links 5 and the default limits. Before: 1,112 requests (robots.txt
    # included), 10,000 warning lines, 4.3 s. After: 101 requests, one line.
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", "fetch", "--sitemap", site.url("/fan/root.xml"), "--max-links", "5",
         "--allow-private", "--delay", "0", "-o", str(tmp_path / "out.jsonl"), "-q"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1  # no page was found, so none was cleaned
    assert len(site.paths()) == 101  # robots.txt and max_sitemaps=100 documents
    assert result.stderr.splitlines() == [
        f"newsclean: warning: sitemap {site.url('/fan/root.xml')}: 901 listed sitemaps not read "
        "(901 past max_sitemaps=100)"
    ]


def test_sitemap_discovery_stops_once_max_links_are_known(site: HostileSite) -> None:
    # Before: every sitemap of the index was requested whatever max_links said: 12 requests for 15 links.
    links = discover_links(sitemaps=[site.url("/pages/")], fetch_options=_options(max_links=15))
    assert [link.url for link in links] == [site.url(f"/good/0-{i}") for i in range(10)] + [
        site.url(f"/good/1-{i}") for i in range(5)
    ]
    assert site.paths() == ["/robots.txt", "/pages/", "/pages/0/sitemap.xml", "/pages/1/sitemap.xml"]


def test_sitemap_depth_limit_is_summarised(site: HostileSite, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsclean"):
        discover_links(sitemaps=[site.url("/fan/root.xml")], fetch_options=_options(max_sitemap_depth=1))
    assert len([p for p in site.paths() if p.startswith("/fan/")]) == 11
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [f"sitemap {site.url('/fan/root.xml')}: 100 listed sitemaps not read "
                        "(100 past max_sitemap_depth=1)"]


def test_deep_json_feed_is_an_error_record_and_the_run_goes_on(site: HostileSite) -> None:
    # Before: json.loads raised RecursionError out of discovery: no record at all, the good page's included.
    records = list(fetch_articles([site.url("/good/given")], feeds=[site.url("/deep.json"), site.url("/feed.json")],
                                  fetch_options=_options(), timeout=None))
    assert [r.url for r in records] == [site.url("/deep.json"), site.url("/good/given"), site.url("/good/from-feed")]
    assert records[0].error == "feed: JSON Feed nested too deeply to read (over Python's recursion limit)"
    assert all(r.error is None and r.text for r in records[1:])


def test_a_malformed_link_in_a_feed_is_its_own_error_record(site: HostileSite) -> None:
    # Before: urljoin's ValueError on "http://[::1" ended the run: 0 records.
    records = list(fetch_articles(feeds=[site.url("/bad-link.json")], fetch_options=_options(), timeout=None))
    assert [(r.url, r.error) for r in records] == [
        ("http://[::1", "malformed URL 'http://[::1': Invalid IPv6 URL"), (site.url("/good/from-feed"), None)
    ]


def test_odd_server_replies_never_abort_a_run(site: HostileSite) -> None:
    # Before: a redirect to "http://[::1" raised ValueError: an "internal error" record with a traceback
    # for a page, and the end of the run (no record at all) for a feed or a sitemap.
    pages = [site.url(path) for path in ODD]
    records = list(fetch_articles(
        [*pages, site.url("/good/last")], feeds=[site.url("/odd/location"), site.url("/odd/status")],
        sitemaps=[site.url("/odd/location"), site.url("/odd/gzip")],
        fetch_options=_options(retries=1, total_timeout=10), timeout=None,
    ))
    by_url: dict[str | None, list[str | None]] = {}
    for record in records:
        by_url.setdefault(record.url, []).append(record.error)
    assert len(records) == len(pages) + 1 + 4  # the pages, the good one, two feeds and two sitemaps
    for errors in by_url.values():
        for error in errors:  # one short line, whatever the server sent
            assert error is None or ("\n" not in error and "internal error" not in error and len(error) < 250)
    bad_status = "connection aborted: BadStatusLine: HTTP/1.1 abc Nonsense (after 2 attempts)"
    assert by_url[site.url("/odd/status")] == [f"feed: {bad_status}", bad_status]
    assert by_url[site.url("/odd/close")] == [
        "connection aborted: RemoteDisconnected: Remote end closed connection without response (after 2 attempts)"
    ]
    assert by_url[site.url("/odd/gzip")] == [
        "sitemap: corrupt compressed body: Error -3 while decompressing data: invalid code lengths set",
        "corrupt compressed body: Error -3 while decompressing data: invalid code lengths set",
    ]
    assert by_url[site.url("/odd/location")] == [
        "feed: HTTP 302 with a malformed Location 'http://[::1'",
        "sitemap: HTTP 302 with a malformed Location 'http://[::1'",
        "HTTP 302 with a malformed Location 'http://[::1'",
    ]
    assert by_url[site.url("/good/last")] == [None]
    # Replies a browser would also accept are cleaned: a bad or negative Content-Length, a NUL in a header.
    for path in ("/odd/length", "/odd/negative-length", "/odd/nul-header"):
        assert by_url[site.url(path)] == [None]
