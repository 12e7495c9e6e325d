"""Field resolution: one value per field from the page's competing declarations.

A page states its headline, dates and bylines several times (JSON-LD,
OpenGraph, Twitter cards, Dublin Core, the visible ``<h1>``, ``<title>``), and
the copies disagree: SEO headlines, site-name tails, organisation names in the
author slot, profile slugs. Each resolver here normalises every candidate,
discards those that cannot be the field (a byline equal to the site name),
and picks by agreement between sources with a fixed precedence as tie-break,
in the manner of news-please's comparer. trafilatura's own guesses (its
htmldate date, its byline heuristics) come last, and the URL path is the last
resort for the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from ..normalize.authors import normalize_authors
from ..normalize.date_evidence import DateCandidate, is_placeholder, settled_against, weigh_published
from ..normalize.date_forms import slashed_readings
from ..normalize.dates import DateContext, ParsedDate
from ..normalize.headlines import is_site_title, normalize_headline
from ..normalize.text import comparison_key
from ..normalize.url_date import date_from_url
from ..text.bylines import is_person_name
from .headline_choice import prefer_visible, vouched_headlines
from .metadata import PageMetadata
from .visible_date import visible_date

#: Title sources by precedence when agreement does not decide. og:title is
#: the publisher's chosen display headline; JSON-LD headlines are often the
#: longer SEO variant, and <title> carries site and section tails.
_TITLE_ORDER = ("og", "jsonld", "twitter", "h1", "dc", "meta", "jsonld-page", "html")
#: Separators between a headline and a tail the normaliser did not recognise.
_TAIL_SEPARATOR = re.compile(r"^\s*(?:\||–|—|-|::|•|·|»|«|/|:|ㅣ)")
_SLUG = re.compile(r"^[\w.]+(?:-[\w.]+)+$")


def _strip_shared_tail(title: str, others: Iterable[str]) -> str:
    """``Headline - Site`` becomes ``Headline`` when another source states ``Headline`` alone.

    The normaliser strips tails it can name (site, domain, section); this
    catches the rest by agreement: a tail is noise when another declaration
    of the same page omits it. Leading parts are kept: they are kickers,
    which the headline includes.
    """
    for other in others:
        if other == title or len(other) < 12:
            continue
        if title.startswith(other) and _TAIL_SEPARATOR.match(title[len(other):]):
            return other
    return title


def resolve_title(meta: PageMetadata, site_names: list[str], url: str | None, section: str | None) -> str | None:
    """The headline by source precedence, with tails removed by cross-source agreement."""
    candidates: list[tuple[str, str]] = []
    for source, raw in meta.sourced("title"):
        if source not in _TITLE_ORDER:
            continue
        title = normalize_headline(raw, site_names=site_names, url=url, sections=[section] if section else None)
        if title:
            candidates.append((source, title))
    if not candidates:
        return None
    texts = [t for _, t in candidates]
    candidates = [(s, _strip_shared_tail(t, texts)) for s, t in candidates]
    # Only the page's own site-name declarations: trafilatura's guess is at times the headline itself.
    declared_sites = [str(n) for n in meta.all("site_name") if n]
    candidates = vouched_headlines(
        [c for c in candidates if not is_site_title(c[1], site_names=declared_sites, url=url)] or candidates
    )
    # Measured on the dev pages, counting votes between sources did no better
    # than a fixed order: h1 and <title> agree with the SEO variant as often as
    # with the display headline. Agreement is used for tails, order for choice.
    chosen = min(candidates, key=lambda c: _TITLE_ORDER.index(c[0]))[1]
    return prefer_visible(chosen, candidates)


def _is_site(name: str, site_keys: set[str]) -> bool:
    key = comparison_key(name)
    return not key or key in site_keys or key.replace(" ", "") in site_keys


def _drop_site_tail(name: str, site_keys: set[str]) -> str:
    """"Adam Aaronson PhillyVoice" -> "Adam Aaronson": the outlet's name glued after the writer's."""
    words = name.split()
    if len(words) >= 3 and _is_site(words[-1], site_keys) and is_person_name(" ".join(words[:-1])):
        return " ".join(words[:-1])
    return name


def _is_slug(name: str) -> bool:
    """``chuck-ross``: a profile URL slug where a name should be."""
    return bool(_SLUG.match(name)) and name == name.lower()


#: A fallback value, or a function that works it out when it is needed.
Fallback = str | None | Callable[[], str | None]


def _fallback_value(fallback: Fallback) -> str | None:
    return fallback() if callable(fallback) else fallback


def resolve_authors(
    meta: PageMetadata,
    fallback: Fallback,
    site_names: list[str],
    url: str | None,
    visible: Callable[[], list[str]] | None = None,
) -> list[str]:
    """Bylines from the first source that names people rather than the site.

    JSON-LD authors come first, then meta tags, then marked-up bylines, then
    trafilatura's heuristic byline, then (``visible``) a labelled byline
    printed in the page's text. A source whose every name is the site or
    publisher (``"author": "Site.com"``) is passed over while a later source
    names a person; profile slugs are never names. The callables are called
    only when no earlier source names a person.
    """
    site_keys = {comparison_key(n) for n in site_names if n}
    site_keys |= {k.replace(" ", "").replace(".", "") for k in site_keys}
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].removeprefix("www.")
        site_keys |= {host.replace(".", ""), host.split(".")[0]}
    site_keys.discard("")
    by_source: dict[str, list[str]] = {}
    for origin, names in meta.sourced("authors"):
        by_source.setdefault(origin, []).extend(names)
    found: list[list[str]] = []
    for source in ("jsonld", "meta", "dc", "byline", "jsonld-page", None, "visible"):
        if source is None:
            value = _fallback_value(fallback)
            raw = value.split(";") if value else []
        elif source == "visible":
            raw = visible() if visible is not None else []
            credited = {comparison_key(n) for names in found for n in names}
            if any(comparison_key(r).startswith(c) for r in raw for c in credited if c):
                break  # the publisher is a person the text names again, with a role after it
        else:
            raw = by_source.get(source, [])
        names = [_drop_site_tail(n, site_keys) for n in normalize_authors([r for r in raw if not _is_slug(r.strip())])]
        if any(not _is_site(n, site_keys) for n in names):
            return names
        found.append(names)
    # Only the publisher is named: an honest "by the newsroom" credit.
    return next((names for names in found if names), [])


def parse_first_date(values: Iterable[Any], context: DateContext) -> ParsedDate | None:
    """The first candidate that parses to a plausible date (min_year..reference)."""
    for value in values:
        if not isinstance(value, str) or not value.strip():
            continue
        parsed, _ = context.parse(value)
        if parsed is not None:
            return parsed
    return None


#: Page sources of the publication date, by precedence when support ties. The
#: date printed by the headline settles a tie with the first <time> of the
#: page, which may be a teaser's or a comment's; a bare "date" meta tag, which
#: does not say what it dates (often the last edit), yields to both (te-dev:
#: 7 pages change, each to its gold day; fp-dev: none).
DATE_SOURCES = ("jsonld", "meta", "dc", "jsonld-page", "visible", "time", "undesignated")
#: Sources by preference for the form of the chosen day: declarations state time and offset best.
DATE_FORMS = ("jsonld", "meta", "dc", "undesignated", "time", "jsonld-page", "visible")


def _other_reading(raw: str, parsed: ParsedDate) -> str | None:
    """The day ``raw`` names in the other day/month order, when its order is open."""
    readings = slashed_readings(raw)
    if readings is None:
        return None
    return next((d.isoformat() for d in readings if d.isoformat() != parsed.day), None)


def resolve_published(
    meta: PageMetadata, fallback: Fallback, url: str | None, context: DateContext,
    tree: etree._Element | None = None,
) -> ParsedDate | None:
    """Publication date: the page's declarations weighed together, then htmldate, then the URL.

    Every declaration (JSON-LD, meta, Dublin Core, <time>) is a candidate and
    the best-supported day wins (:func:`~newsclean.normalize.date_evidence.weigh_published`);
    the URL's day tells which local day a UTC instant fell on, and the date
    printed by the headline of ``tree`` (the page) is one more statement. A
    callable ``fallback`` (htmldate) is called only when no statement parses,
    and its first of a month is dropped when the page's markup never states
    that day: a searcher's stand-in for a bare year or month.
    """
    declared = []
    for source, raw in meta.sourced("published"):
        if source in DATE_SOURCES and isinstance(raw, str) and raw.strip():
            parsed, _ = context.parse(raw)
            if parsed is not None:
                declared.append(DateCandidate(source, parsed, _other_reading(raw, parsed)))
    titles = [str(v) for source, v in meta.sourced("title") if source != "h1"]
    # The printed date is read only when it could move the choice: on most pages the
    # declarations already agree, and reading it is most of this function's time.
    printed = None
    if tree is not None and not settled_against(declared, DATE_SOURCES, "visible"):
        printed = visible_date(tree, context, titles)
    if printed is not None:
        declared.append(DateCandidate("visible", printed))
    from_url = parse_first_date([date_from_url(url)], context)
    chosen = weigh_published(declared, DATE_SOURCES, [from_url] if from_url else [], context.country, DATE_FORMS)
    if chosen is not None:
        return chosen
    guess = parse_first_date([_fallback_value(fallback)], context)
    if guess is not None and tree is not None:
        page = tree
        if is_placeholder(guess, lambda: etree.tostring(page, encoding="unicode"), lambda t: context.parse(t)[0]):
            guess = None
    return guess or from_url
