"""Fetching: scrape article pages, feeds and sitemaps politely, keep the raw pages, emit clean records.

::

    from newsclean.fetch import FetchOptions, fetch_articles

    for article in fetch_articles(feeds=["https://example.org/rss"], warc="crawl.warc.gz"):
        print(article.url, article.title, article.error)

The package is split by concern: :mod:`.safety` (which addresses may be
requested), :mod:`.politeness` (per-host delay and concurrency),
:mod:`.http` (one bounded, retrying client), :mod:`.robots`, :mod:`.urls`
(courlan normalisation and filtering), :mod:`.feeds` and :mod:`.sitemaps`
(discovery), :mod:`.links` (a discovered link and its feed metadata), :mod:`.archive`
(WARC or raw directory), :mod:`.crawl` (the run) and :mod:`.run` (these calls).
See ``docs/fetch.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..hints import Hints
from .errors import Disallowed, FetchError, RefusedURL
from .links import Link
from .options import DEFAULT_USER_AGENT, FetchOptions

if TYPE_CHECKING:
    from .run import discover_links, fetch_articles


def __getattr__(name: str) -> Any:
    """Load the crawl machinery (urllib3, courlan, Protego) on first use, not when the CLI builds its parser."""
    if name in ("discover_links", "fetch_articles"):
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_USER_AGENT",
    "Disallowed",
    "FetchError",
    "FetchOptions",
    "Hints",
    "Link",
    "RefusedURL",
    "discover_links",
    "fetch_articles",
]
