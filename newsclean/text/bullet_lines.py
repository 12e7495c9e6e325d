"""A line cut at the list bullets inside it, where a render glued a list's items into one run.

A renderer that marks list items ("* ", "• ", "▸ ") prints each item on a
line of its own, with its bullet first. A bullet between two words of one
line is therefore the trace of two elements joined by a scraper that kept
only some line breaks: a "most read" box, a topic row or a share row run
into one long line that, judged whole, reads as the article's prose. The
bullet is the line's own evidence, so the cut needs no verdict on the
whole dump.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .unflatten import CLOSED_END

#: Bulleted items a glued line must hold before it is cut at its bullets (:func:`bullet_lines`):
#: one bullet is an item of the article's own list as often as a teaser (te-dev glued-insc: a
#: product's feature list cut after its first item lost the product's description).
MIN_BULLET_ITEMS = 2
#: A list bullet inside a line, between two words (:func:`bullet_lines`).
_INLINE_BULLET = re.compile(r"(?<=\S) [*•▪►▸] (?=[^\s\d])")
#: What every :data:`_INLINE_BULLET` holds: a bullet between spaces (:func:`may_hold_bullets`).
_SPACED_BULLET = re.compile(" [*•▪►▸] ")


def may_hold_bullets(text: str) -> bool:
    """``False`` only when no line of ``text`` is cut by :func:`bullet_lines`.

    One scan for a spaced bullet anywhere spares a dump without one (most
    dumps) the look-behind pattern's pass over each of its lines.
    """
    return _SPACED_BULLET.search(text) is not None


def bullet_lines(line: str) -> list[str]:
    """A glued line cut before each list bullet inside it, when the items read as headlines or tags.

    A renderer that marks list items ("* ", "• ") prints each on a line of
    its own; glued, a "most read" box or a topic row becomes one long line
    of items that judged whole reads as prose and keeps the region going.
    A bullet between a word and the next item's first letter is no
    sentence's (a number after it is arithmetic: "5 * 3"). The line stays
    whole when its items are the article's own list: items that mostly end
    like sentences (a bulleted summary under the headline: cut, three fp-dev
    pages lost 2 to 5 points of recall), items that mostly open in lower
    case (a product's features: cut, a te-dev page lost its description),
    or a single bullet (:data:`MIN_BULLET_ITEMS`). On the glued-insc renders
    of fe, fp-dev and te-dev this changed 20 fe and fp-dev pages (9 better,
    3 worse, the worst by 0.010 F1 and 2% recall) and 57 te-dev pages
    (string F1 0.827 -> 0.831; one page lost one string of three).

    It runs on every dump's lines, not only on dumps judged glued
    (:func:`~newsclean.text.glued.is_glued`): a line of two bulleted items
    or more is local evidence of glue by itself, and the line-structured
    soup, inscriptis and HTML renders of fe, fp-dev and te-dev keep every
    article body as it was (inscriptis prints its bullets at line starts).
    On the glued-insc renders the test misses, body F1 fp-dev 0.8860 ->
    0.8878 (13 pages, 7 better, 2 worse by at most 0.008), fe +0.0000 (2
    pages better) and te-dev string F1 0.8465 -> 0.8469.
    """
    marks = [match.start() + 1 for match in _INLINE_BULLET.finditer(line)]
    if not marks:
        return [line]
    cuts = [0, *marks, len(line)]
    items = [piece for piece in (line[a:b].strip() for a, b in pairwise(cuts)) if piece]
    listed = items[1:]
    if len(listed) < MIN_BULLET_ITEMS:
        return [line]
    if 2 * sum(1 for item in listed if CLOSED_END.search(item)) > len(listed):
        return [line]
    if 2 * sum(1 for item in listed if _starts_lower(item)) >= len(listed):
        # Items that open in lower case are clauses of the article's own list (a product's
        # features: "aus lasiertem Kiefernholz", "inklusive Rückzugsmöglichkeit"), not titles.
        return [line]
    return items


def _starts_lower(item: str) -> bool:
    """Whether the first letter of ``item`` is lower case (a clause; a title opens in capitals)."""
    return next((char for char in item if char.isalpha()), "").islower()
