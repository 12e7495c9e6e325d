"""Page links from XML sitemaps, sitemap indexes, news sitemaps and plain-text sitemaps.

A sitemap index lists further sitemaps (the crawl follows them to a bounded
depth); a urlset lists pages, and a Google News sitemap adds each article's
title and publication date, which become :class:`~newsclean.hints.Hints`. ``lastmod``
is not used as a publication date: it says when the page last changed.
Gzipped sitemaps are opened with the same bounded decompressor as pages.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from ..decode import gunzip
from ..errors import LimitExceededError
from ..hints import Hints
from .errors import FetchError
from .links import Link
from .urls import absolute_url
from .xmldoc import child_text, children, descendants, local_name, parse_xml


@dataclass(frozen=True)
class Sitemap:
    """What one sitemap document lists: pages, and further sitemaps (for an index)."""

    pages: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def parse_sitemap(body: bytes, base_url: str, *, max_bytes: int) -> Sitemap:
    """Read a sitemap; an unrecognised document yields an empty :class:`Sitemap`.

    Raises:
        FetchError: a gzipped sitemap that is corrupt or inflates past ``max_bytes``.
    """
    if body.startswith(b"\x1f\x8b"):
        try:
            body = gunzip(body, max_bytes)
        except (zlib.error, LimitExceededError) as exc:
            raise FetchError(f"sitemap: {exc}") from exc
    stripped = body.lstrip()
    if not stripped.startswith(b"<"):
        return _parse_text(stripped, base_url)
    root = parse_xml(stripped)
    if root is None:
        return Sitemap()
    kind = local_name(root)
    if kind == "sitemapindex":
        locs = [child_text(entry, "loc") for entry in children(root, "sitemap")]
        return Sitemap(sitemaps=[absolute_url(base_url, loc) for loc in locs if loc])
    if kind != "urlset":
        return Sitemap()
    pages: list[Link] = []
    for entry in children(root, "url"):
        loc = child_text(entry, "loc")
        if not loc:
            continue
        news = next(descendants(entry, "news"), None)
        hints = None
        if news is not None:
            hints = Hints("sitemap", title=child_text(news, "title"), published=child_text(news, "publication_date"))
        pages.append(Link(absolute_url(base_url, loc), hints))
    return Sitemap(pages=pages)


def _parse_text(body: bytes, base_url: str) -> Sitemap:
    """A plain-text sitemap: one absolute URL per line."""
    lines = body.decode("utf-8", errors="replace").splitlines()
    urls = [line.strip() for line in lines if line.strip().lower().startswith(("http://", "https://"))]
    return Sitemap(pages=[Link(absolute_url(base_url, url)) for url in urls])
