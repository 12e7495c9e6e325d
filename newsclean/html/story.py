"""Where the HTML path's fields came from, told for ``-v`` (``title from og:title; published from JSON-LD``).

The resolvers in :mod:`.fields` return values, not their provenance, and
they stay that way: this works the source out afterwards, only when debug
logging is on, by finding which candidate the chosen value came from.
"""

from __future__ import annotations

import datetime as dt

from ..normalize.dates import DateContext, ParsedDate
from ..normalize.text import comparison_key
from ..normalize.url_date import date_from_url
from .fields import _TITLE_ORDER, DATE_FORMS, parse_first_date
from .metadata import PageMetadata

#: Readable names of the metadata sources.
_LABELS = {
    "og": "og:title", "jsonld": "JSON-LD", "twitter": "twitter:title", "h1": "<h1>", "dc": "Dublin Core",
    "meta": "meta tags", "jsonld-page": "JSON-LD (WebPage)", "html": "<title>", "time": "<time>",
    "byline": "byline markup", "undesignated": "a date meta tag (date, DC.date)",
}
#: resolve_published's order of page sources for the form of the chosen day.
_DATE_ORDER = DATE_FORMS
_GUESS = "trafilatura's guess"


def _label(source: str) -> str:
    return _LABELS.get(source, source)


def title_source(meta: PageMetadata, title: str | None) -> str | None:
    """The first source (by precedence) whose candidate holds the chosen title."""
    if not title:
        return None
    key = comparison_key(title)
    sourced = meta.sourced("title")
    for source in _TITLE_ORDER:
        if any(s == source and key in comparison_key(str(raw)) for s, raw in sourced):
            return _label(source)
    return _GUESS


def _same_date(parsed: ParsedDate, published: str) -> bool:
    """The same statement, or the same instant written with another offset (UTC beside local time)."""
    if parsed.iso == published:
        return True
    if not (parsed.has_time and parsed.has_offset):
        return False
    chosen = dt.datetime.fromisoformat(published)
    return chosen.utcoffset() is not None and dt.datetime.fromisoformat(parsed.iso) == chosen


def published_source(meta: PageMetadata, published: str | None, url: str | None, context: DateContext) -> str | None:
    """The first page source (by precedence) that states the chosen date, else the URL, the headline or htmldate."""
    if not published:
        return None
    for source in _DATE_ORDER:
        for src, raw in meta.sourced("published"):
            if src == source and isinstance(raw, str):
                parsed, _ = context.parse(raw)
                if parsed is not None and _same_date(parsed, published):
                    return _label(source)
    from_url = parse_first_date([date_from_url(url)], context)
    if from_url is not None and from_url.iso == published:
        return "the URL"
    return "the date by the headline or htmldate"


def authors_source(meta: PageMetadata, authors: list[str]) -> str | None:
    """The first source whose candidates name one of the chosen authors."""
    if not authors:
        return None
    chosen = {comparison_key(name) for name in authors}
    for source, names in meta.sourced("authors"):
        if any(comparison_key(str(name)) in chosen for name in names):
            return _label(source)
    return _GUESS


def field_sources(
    meta: PageMetadata, title: str | None, published: str | None, authors: list[str], url: str | None,
    context: DateContext,
) -> str:
    """``title from og:title; published from JSON-LD; authors from meta tags`` (fields found only)."""
    found = (
        ("title", title_source(meta, title)),
        ("published", published_source(meta, published, url, context)),
        ("authors", authors_source(meta, authors)),
    )
    told = [f"{name} from {source}" for name, source in found if source]
    return "; ".join(told) or "no title, date or authors"
