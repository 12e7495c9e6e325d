"""The fetcher's building blocks that need no server: host gate, Retry-After, charset, options, hints."""

from __future__ import annotations

import datetime as dt
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest

from newsclean.errors import OptionsError
from newsclean.fetch.http import retry_after_seconds
from newsclean.fetch.options import FetchOptions
from newsclean.fetch.pages import header_charset, input_format_for
from newsclean.fetch.politeness import HostGate
from newsclean.hints import Hints, fill_gaps
from newsclean.options import Options
from newsclean.record import Article

LATIN1_PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "fetch" / "latin1.html").read_bytes()


def _starts(gate: HostGate, hosts: list[str], hold: float = 0.0) -> dict[str, list[float]]:
    """Start one thread per host entry; record when each got its slot."""
    starts: dict[str, list[float]] = {}
    lock = threading.Lock()

    def run(host: str) -> None:
        with gate.slot(host):
            with lock:
                starts.setdefault(host, []).append(time.monotonic())
            time.sleep(hold)

    threads = [threading.Thread(target=run, args=(host,)) for host in hosts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {host: sorted(times) for host, times in starts.items()}


def test_gate_spaces_request_starts_per_host_but_not_across_hosts() -> None:
    starts = _starts(HostGate(delay=0.5, concurrency=4), ["a", "a", "a", "b", "b"])
    gaps = [later - earlier for earlier, later in pairwise(starts["a"])]
    assert min(gaps) >= 0.499
    # Host b does not wait behind host a: its first request starts before a's second
    # (compared with a's own starts, not a wall-clock bound a loaded machine could miss).
    assert starts["b"][0] < starts["a"][1]


def test_gate_caps_requests_in_flight_per_host() -> None:
    gate = HostGate(delay=0.0, concurrency=2)
    active, peak = 0, 0
    lock = threading.Lock()

    def run() -> None:
        nonlocal active, peak
        with gate.slot("a"):
            with lock:
                active += 1
                peak = max(peak, active)
            time.sleep(0.05)
            with lock:
                active -= 1

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2


def test_gate_defer_and_longer_delay() -> None:
    gate = HostGate(delay=0.0, concurrency=1)
    gate.defer("a", 0.15)
    began = time.monotonic()
    with gate.slot("a"):
        assert time.monotonic() - began >= 0.14
    gate.raise_delay("a", 0.1)
    with gate.slot("a"):
        first = time.monotonic()
    with gate.slot("a"):
        assert time.monotonic() - first >= 0.099


def test_retry_after_as_seconds_or_http_date() -> None:
    now = dt.datetime(2024, 3, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    assert retry_after_seconds("7", now) == 7.0
    assert retry_after_seconds("Fri, 01 Mar 2024 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Fri, 01 Mar 2024 11:00:00 GMT", now) == 0.0  # in the past: no wait
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_header_charset_is_used_only_where_the_page_leaves_the_encoding_open() -> None:
    assert header_charset(LATIN1_PAGE, "iso-8859-1") == "iso8859-1"  # no meta, not UTF-8: the header decides
    assert header_charset(LATIN1_PAGE, None) is None
    assert header_charset(LATIN1_PAGE, "no-such-charset") is None
    utf8 = "<p>Les éleveurs</p>".encode()
    assert header_charset(utf8, "iso-8859-1") is None  # valid UTF-8 is read as the cleaner reads it
    declared = b'<meta charset="windows-1252"><p>caf\xe9</p>'
    assert header_charset(declared, "iso-8859-1") is None  # the page's own declaration stands


def test_input_format_follows_the_media_type() -> None:
    assert input_format_for("text/html") == "html"
    assert input_format_for("application/xhtml+xml") == "html"
    assert input_format_for("text/plain") == "text"
    assert input_format_for("") is None


def test_fetch_options_are_validated() -> None:
    assert FetchOptions().robots_token == "newsclean"
    assert FetchOptions(user_agent="MyLab-Bot/2.0 (+mailto:lab@example.org)").robots_token == "mylab-bot"
    with pytest.raises(OptionsError, match="unknown fetch option"):
        FetchOptions.from_kwargs(delays=1)
    for bad in ({"delay": -1}, {"user_agent": "a\r\nX-Evil: 1"}, {"concurrency": 0}, {"read_timeout": 0},
                {"delay": float("nan")}, {"max_links": 0}):
        with pytest.raises(OptionsError):
            FetchOptions(**bad)  # type: ignore[arg-type]  # deliberately wrong values


def test_hints_fill_only_the_gaps_in_normalised_form() -> None:
    hints = Hints("feed", title="Harbour towns rethink their tidal defences | Test wire",
                  published="Tue, 05 Mar 2024 09:30:00 +0100", authors=("MARA LINDQVIST",))
    bare = Article(id="x", url="https://news.example.org/bare.html", fetched_at="2024-03-06T10:00:00Z")
    fill_gaps(bare, hints, Options())
    assert bare.published == "2024-03-05T09:30:00+01:00"
    assert bare.authors == ["Mara Lindqvist"]
    assert bare.title and bare.title.startswith("Harbour towns rethink their tidal defences")
    assert bare.warnings == ["metadata: title from the feed", "metadata: published from the feed",
                             "metadata: authors from the feed"]
    full = Article(id="y", title="The page's own title", published="2024-03-04", authors=["A. Writer"])
    fill_gaps(full, hints, Options())
    assert (full.title, full.published, full.authors, full.warnings) == (
        "The page's own title", "2024-03-04", ["A. Writer"], [])


def test_hint_dates_after_the_crawl_are_not_taken() -> None:
    article = Article(id="z", fetched_at="2024-03-01T00:00:00Z")
    fill_gaps(article, Hints("sitemap", published="2031-01-01T00:00:00Z"), Options())
    assert article.published is None and article.warnings == []


def test_hints_round_trip_and_merge() -> None:
    first = Hints("feed", title="T")
    merged = first.merged(Hints("sitemap", published="2024-03-05", authors=("B",)))
    assert merged == Hints("feed", "T", "2024-03-05", ("B",))
    assert Hints.from_dict(merged.to_dict()) == merged
