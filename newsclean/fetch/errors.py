"""Why a URL was not fetched: typed, so the crawl can tell a refusal from a failure."""

from __future__ import annotations

from ..errors import NewscleanError


class FetchError(NewscleanError):
    """A URL could not be fetched; the message is one line, fit for an error record."""


class RefusedURL(FetchError):
    """The URL must not be requested: a scheme other than http(s), a bad host, a non-public address."""


class Disallowed(FetchError):
    """robots.txt does not allow the URL for our user agent."""


class AlreadyFetched(FetchError):
    """The URL (or the page a redirect leads to) was fetched earlier in this run."""
