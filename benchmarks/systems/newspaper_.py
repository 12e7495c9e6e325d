"""newspaper4k, fed the HTML we hold so it never touches the network.

Image fetching and meta-refresh following are off (both would download), and
tldextract, which newspaper uses on URLs, is pinned to its bundled suffix list
instead of fetching the public one.
"""

from __future__ import annotations

from typing import Any

from benchmarks.systems import Extractor, Output
from benchmarks.systems._wrap import html_input

REQUIRES = ("newspaper",)
DISTS = ("newspaper4k",)
FIELDS = frozenset({"title", "date", "authors"})


def _offline_tldextract() -> None:
    """Make tldextract's module-level extractor use its bundled snapshot only."""
    try:
        import tldextract
        from tldextract import tldextract as impl
    except ImportError:
        return
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    impl.TLD_EXTRACTOR = offline
    tldextract.extract = offline  # type: ignore[assignment]
    impl.extract = offline  # type: ignore[assignment]


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    iso = getattr(value, "isoformat", None)
    return str(iso()) if callable(iso) else str(value)


def make(mode: str) -> Extractor:
    """Build one config and parse each page with ``download(input_html=...)``."""
    _offline_tldextract()
    from newspaper import Article
    from newspaper.configuration import Configuration

    def config() -> Configuration:
        # A fresh config per page: parse() writes the page's meta language into
        # it, which would otherwise leak into the next page's stopword scoring.
        c = Configuration()
        c.fetch_images = False
        c.follow_meta_refresh = False
        c.memorize_articles = False
        c.disable_category_cache = True
        return c

    def extract(raw: str, url: str | None) -> Output:
        art = Article(url or "http://localhost/", config=config())
        art.download(input_html=html_input(raw, mode))
        art.parse()
        return Output(
            text=art.text or "",
            title=art.title or None,
            date=_iso(art.publish_date),
            authors=list(art.authors or []),
        )

    return extract
