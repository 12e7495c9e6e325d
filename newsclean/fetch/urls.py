"""URL normalisation and article-link filtering, on top of courlan.

courlan's ``check_url`` rejects hosts without a registered domain (IP
addresses, ``localhost``), which a fetcher pointed at an intranet or a test
server must still accept, so its pieces are used directly: ``scrub_url`` and
``normalize_url`` for the canonical form (lower-cased scheme and host,
default port dropped, tracking parameters such as ``utm_*`` removed), and its
filters for links that are not articles (tag, category, author and
pagination pages, feeds, files, login and share endpoints).
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

from courlan import is_navigation_page, is_not_crawlable, normalize_url, scrub_url
from courlan.filters import extension_filter, type_filter

from .errors import RefusedURL
from .safety import split_url


def canonical_url(url: str) -> str:
    """The normalised form used for fetching and de-duplication (no fragment, no tracking parameters).

    Raises:
        RefusedURL: not an http(s) URL with a host.
    """
    scrubbed = scrub_url(url)
    split_url(scrubbed)  # scheme and host checks, before courlan sees it
    try:
        normalised = normalize_url(scrubbed)
    except (ValueError, AttributeError) as exc:
        raise RefusedURL(f"malformed URL {url!r}") from exc
    return urldefrag(normalised)[0]


def absolute_url(base: str, href: str) -> str:
    """``href`` resolved against ``base``; as given when either is malformed (``http://[::1``).

    A feed or sitemap is a list of links from a stranger: one malformed
    entry must not cost the others (``urljoin`` raises ValueError on it, which
    would end the whole run). Kept as given, it reaches
    :func:`canonical_url`, which refuses it with the reason, so it becomes
    that link's error record.
    """
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def non_article_reason(url: str) -> str | None:
    """Why a discovered link is not an article page, or ``None`` when it may be one."""
    path = url.split("?", 1)[0]
    if is_navigation_page(url):
        return "navigation page"
    if is_not_crawlable(url):
        return "not crawlable (login, share or similar)"
    if not type_filter(url):
        return "site structure or feed"
    after_host = path.split("://", 1)[-1].partition("/")[2]
    if not extension_filter("/" + after_host):
        return "not a web page (file extension)"
    return None

