"""The fetcher's options: one frozen, validated object, separate from the cleaner's.

Fetching and cleaning are tuned by different people for different reasons
(politeness towards a site versus what a record should hold), so they get
separate objects; both are passed down explicitly and never changed mid-run.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..errors import OptionsError

#: Identifies the crawler to site operators (and to robots.txt rules naming "newsclean").
DEFAULT_USER_AGENT = f"newsclean/{__version__} (news article fetcher; obeys robots.txt)"


@dataclass(frozen=True)
class FetchOptions:
    """How politely and defensively pages are fetched.

    Attributes:
        user_agent: sent with every request; its first word (before ``/``)
            is the token robots.txt groups are matched against.
        delay: minimum seconds between the starts of two requests to one
            host (a robots.txt ``Crawl-delay`` raises it up to
            ``max_crawl_delay``).
        host_concurrency: requests in flight to one host at a time.
        concurrency: requests in flight overall (worker threads).
        retries: further attempts after a 429, a 5xx or a network failure.
        backoff: first backoff in seconds; doubled on every retry, capped
            by ``max_backoff``. A ``Retry-After`` header replaces it.
        max_retry_after: a server asking to wait longer than this is not
            waited for; the page becomes an error record.
        connect_timeout: seconds to open a connection.
        read_timeout: seconds a read may wait for bytes.
        total_timeout: wall-clock seconds one URL's exchanges may take in
            all: connects, TLS, headers and bodies of every redirect hop and
            retry (waits between them not counted). A server trickling bytes
            stays under the read timeout; this ends it (see
            :mod:`newsclean.fetch.deadline`).
        max_bytes: largest body accepted, after decompression.
        max_redirects: redirects followed per request.
        allow_private: permit loopback, private, link-local and other
            non-public addresses (off by default: a URL list from the web
            must not make the fetcher probe the local network).
        filter_links: drop discovered links that are not article pages
            (tag, category, author and pagination pages, feeds, files).
        max_sitemap_depth: levels of sitemap indexes followed.
        max_sitemaps: sitemap documents (indexes included) requested in a
            run at most; the rest are counted and reported in one warning.
        max_links: stop discovery after this many links (``None``: no
            limit); no further feed or sitemap is requested once reached.
        max_crawl_delay: cap on a robots.txt ``Crawl-delay``.
    """

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0
    host_concurrency: int = 1
    concurrency: int = 8
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_retry_after: float = 120.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    filter_links: bool = True
    max_sitemap_depth: int = 3
    #: A news site's index lists tens of monthly or daily sitemaps; 100 covers that and stops
    #: an endless fan-out (ten per level made 1,111 requests) after as many polite requests.
    max_sitemaps: int = 100
    max_links: int | None = None
    max_crawl_delay: float = 30.0

    def __post_init__(self) -> None:
        agent = self.user_agent.strip()
        if not agent or any(c in agent for c in "\r\n\0"):
            raise OptionsError("user_agent must be one non-empty line")
        for name in ("delay", "backoff", "max_backoff", "max_retry_after", "max_crawl_delay"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise OptionsError(f"{name} must be a finite number >= 0")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise OptionsError(f"{name} must be a positive number of seconds")
        for name in ("host_concurrency", "concurrency", "max_bytes", "max_sitemaps"):
            if getattr(self, name) < 1:
                raise OptionsError(f"{name} must be at least 1")
        for name in ("retries", "max_redirects", "max_sitemap_depth"):
            if getattr(self, name) < 0:
                raise OptionsError(f"{name} must be 0 or more")
        if self.max_links is not None and self.max_links < 1:
            raise OptionsError("max_links must be at least 1 (or None)")

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> FetchOptions:
        """Build options from keyword arguments; a misspelt name is an error, not ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise OptionsError(f"unknown fetch option(s) {unknown}; valid: {sorted(names)}")
        return cls(**kwargs)

    @property
    def robots_token(self) -> str:
        """The product token robots.txt user-agent lines are matched against."""
        return self.user_agent.split("/", 1)[0].split()[0].lower()
