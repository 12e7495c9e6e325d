"""Metadata a feed or news sitemap states about a page, and filling a record's gaps with it.

A page's own metadata always wins; the listing's only fills what the cleaner
found nothing for (an HTML page without a byline, a text page without a
date). Values are normalised by the same functions the cleaner uses, so a
filled field has the same form as a found one, and each fill is named in the
record's warnings, because the raw page alone does not carry it.

This lives outside :mod:`newsclean.fetch` because re-cleaning a fetch's
archive (``newsclean clean`` on its WARC or raw directory, or a JSON record
with a ``hints`` key) must fill the same gaps the same way, without loading
the crawl machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .normalize.authors import normalize_authors
from .normalize.dates import country_from_url, parse_date
from .normalize.headlines import normalize_headline
from .options import Options, parse_reference_date
from .record import Article


def _text(value: Any) -> str | None:
    """A non-empty string, or ``None``: hints are read from archives, which are data, not code."""
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class Hints:
    """What a feed entry or sitemap ``<url>`` says about its page (raw strings, as published)."""

    origin: str  # "feed" or "sitemap"
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()

    def merged(self, other: Hints | None) -> Hints:
        """These hints with gaps filled from ``other`` (a second listing of the same URL)."""
        if other is None:
            return self
        return Hints(
            self.origin,
            self.title or other.title,
            self.published or other.published,
            self.authors or other.authors,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "title": self.title, "published": self.published,
                "authors": list(self.authors)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hints:
        """Hints from :meth:`to_dict`'s form; values of the wrong type are dropped, not trusted."""
        authors = data.get("authors")
        return cls(
            _text(data.get("origin")) or "feed",
            _text(data.get("title")),
            _text(data.get("published")),
            tuple(a for a in authors if isinstance(a, str) and a) if isinstance(authors, list) else (),
        )


def fill_gaps(article: Article, hints: Hints, options: Options) -> None:
    """Fill the title, publication date and authors the page lacked from ``hints``."""
    if not article.title and hints.title:
        title = normalize_headline(hints.title, url=article.url)
        if title:
            article.title = title
            article.warnings.append(f"metadata: title from the {hints.origin}")
    if not article.published and hints.published:
        reference = options.reference_date
        if reference is None and article.fetched_at:
            reference = parse_reference_date(article.fetched_at)
        parsed = parse_date(
            hints.published, language=article.language, reference=reference, min_year=options.min_year,
            default_timezone=options.default_timezone, country=country_from_url(article.url),
        )
        if parsed is not None:
            article.published = parsed.iso
            article.warnings.append(f"metadata: published from the {hints.origin}")
    if not article.authors and hints.authors:
        authors = normalize_authors(list(hints.authors))
        if authors:
            article.authors = authors
            article.warnings.append(f"metadata: authors from the {hints.origin}")


def hints_from(value: Any) -> Hints | None:
    """The hints a record's or index line's ``hints`` value holds, or ``None`` when it holds none."""
    return Hints.from_dict(value) if isinstance(value, dict) else None
