"""The date a page prints by its headline, read from the markup.

Declarations (JSON-LD, meta tags) are written by a CMS and can name the day a
draft was created, an import, or a template default; the date a reader sees
next to the headline is the one the newsroom chose to show. The text path
finds such date lines in a dump (:mod:`newsclean.text.datelines`); this reads
the same evidence from the HTML path's tree: the short text nodes just before
and after the page's headline (the ``<h1>`` stating a declared title, or
an ``<h2>`` that does when nothing dated is near the ``<h1>``: a logo), the
first one that reads as a date whose label (if any) is not "Updated". It is one more voice for
:func:`~newsclean.normalize.date_evidence.weigh_published`, never the only
judge: a visible date agrees with a declaration or settles a tie.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from ..normalize.dates import DateContext, ParsedDate, strip_date_label
from ..normalize.text import comparison_key

#: Text nodes read after the headline: the byline block of a story header (measured on te-dev: 30 cover it).
NEAR_AFTER = 30
#: Text nodes read before it: a date above the headline, beside the kicker.
NEAR_BEFORE = 8
#: A date line is short; longer text is a sentence that mentions a date.
MAX_CHARS = 80
#: "Von A. Autor | 12.03.2022 | 3 Min. Lesezeit" has eight words; a sentence has more.
MAX_WORDS = 8
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: Containers whose text is never the story's date line.
_NOT_HEADER = frozenset({"a", "option", "figcaption", "button"})
#: A credit line ("© Name, 31.05.2013", "Copyright 2019"): the date of a photo or a site, not of the story.
_CREDIT = re.compile(r"©|\bcopyright\b", re.IGNORECASE)


def _stating(
    headings: list[etree._Element], keys: list[str], strict: bool = False
) -> etree._Element | None:
    """The longest of ``headings`` found in a declared title (or holding one).

    ``strict``: only a heading that is most of a title, so neither the
    comments' "5 thoughts on “Title”" (holding it) nor a section name from
    the title's tail (a small part of it) passes.
    """
    best, length = None, 0
    for heading in headings:
        key = comparison_key(" ".join(heading.itertext()))
        if not key or len(key) <= length:
            continue
        if strict:
            found = any(key in k and 2 * len(key) >= len(k) for k in keys)
        else:
            found = any(key in k or k in key for k in keys)
        if found:
            best, length = heading, len(key)
    return best


def _headlines(tree: etree._Element, titles: Sequence[str]) -> list[etree._Element]:
    """Where the story's headline may be: the ``<h1>`` that best states a declared title, then an ``<h2>``.

    A page may put its site name in an ``<h1>`` before the story's, and a
    declared title often carries the site name as a tail, so the longest
    heading found in a title wins; without one, the first ``<h1>``. Templates
    that spend their ``<h1>`` on the logo set the headline in an ``<h2>``,
    which is asked second, and only when it is most of a declared title
    (``<h2>`` is also every teaser's heading and the comments' "5 thoughts
    on “Title”").
    """
    h1s = list(tree.iterfind(".//h1"))
    keys = [k for k in (comparison_key(t) for t in titles if t) if k]
    first = _stating(h1s, keys)
    if first is None and h1s:
        first = h1s[0]
    second = _stating(list(tree.iterfind(".//h2")), keys, strict=True)
    return [h for h in (first, second) if h is not None]


def _near(headline: etree._Element) -> list[str]:
    """The short, dated text nodes just after and before ``headline``."""
    after = headline.xpath(f"following::text()[position() <= {NEAR_AFTER}]")
    before = headline.xpath(f"preceding::text()[position() <= {NEAR_BEFORE}]")
    out = []
    for node in [*after, *before]:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _NOT_HEADER:
            continue
        text = " ".join(str(node).split())
        short = len(text) <= MAX_CHARS and len(text.split()) <= MAX_WORDS
        if short and _YEAR.search(text) and not _CREDIT.search(text):
            out.append(text)
    return out


def _candidates(tree: etree._Element, titles: Sequence[str] = ()) -> list[str]:
    """Date-line candidates by the first headline (see :func:`_headlines`) that has any."""
    for headline in _headlines(tree, titles):
        found = _near(headline)
        if found:
            return found
    return []


def visible_date(tree: etree._Element, context: DateContext, titles: Sequence[str] = ()) -> ParsedDate | None:
    """The first date printed beside the headline, unlabelled or labelled as publication.

    A numeric date whose day/month order had to be guessed ("02/10/2020" on
    a page of unknown country) is no evidence against a declaration, so it
    ends the search without a date.
    """
    for text in _candidates(tree, titles):
        rest, kind = strip_date_label(text)
        if kind == "modified" or (kind is None and rest != text):
            # "Updated: ...", or a label not known as publication: "Deadline:", "Event:".
            continue
        parsed, _ = context.parse(text)
        if parsed is not None:
            return None if parsed.warnings else parsed
    return None


__all__ = ["visible_date"]
