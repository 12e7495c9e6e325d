"""A breadcrumb trail's last item, which is the page's headline, out of what a renderer prints around it.

A renderer that numbers ordered lists (inscriptis, html2text) prints a
breadcrumb trail as "1. Home", "2. News", ..., "4. Headline": the number
is the list's, not the headline's. A renderer that keeps the trail on one
line prints "Home » News » Headline": the labels before the last separator
are the trail's. Kept apart from :mod:`.headline`, which finds the line;
this only reads what the line itself and its neighbours say of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .segment import Block

#: A list number and what separates it from the item ("4. "), as ordered lists are rendered.
_LIST_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+")
#: A trail's separator between two items: a guillemet or a single angle quote with spaces around it.
_TRAIL_SEPARATOR = re.compile(r"\s[»›]\s+")
#: The quotation marks that open what "»" and "›" close (French « ... », Swiss ‹ ... ›): quotes, not a trail.
_OPENING_QUOTES = ("«", "‹")
#: The most words a trail's label has ("Du befindest dich hier: Home", "Gesellschaft").
_LABEL_WORDS = 5
#: Lines between two items of a numbered breadcrumb (blank and wrapped lines are no blocks).
_TRAIL_GAP = 2


def unnumbered(blocks: Sequence[Block], index: int) -> str:
    """A headline's line without the list number a numbered breadcrumb gives it ("4. Auto leasen oder kaufen").

    A renderer that numbers ordered lists prints a breadcrumb trail as
    "1. Home", "2. News", ..., its last item the page's title; the number
    belongs to the list only where the item before it, a few lines above,
    carries the number before (a headline may open on a number: "3. Liga").
    """
    text = blocks[index].text
    found = _LIST_NUMBER.match(text)
    if found is None or int(found.group(1)) < 2:
        return text
    previous = f"{int(found.group(1)) - 1}"
    for above in range(index - 1, max(-1, index - 1 - _TRAIL_GAP), -1):
        number = _LIST_NUMBER.match(blocks[above].text)
        if number is not None and number.group(1) == previous:
            return text[found.end():]
    return text


def trail_end(text: str) -> str:
    """The last item of a breadcrumb trail printed on one line ("Home » Gesellschaft » Headline"), else the line.

    A trail has two separators or more and short labels before the last
    one; a line that opens a guillemet quotes someone instead, and one that
    ends on a separator names no page of its own.
    """
    parts = _TRAIL_SEPARATOR.split(text.strip())
    if len(parts) < 3 or any(quote in text for quote in _OPENING_QUOTES) or not parts[-1].strip():
        return text
    if all(1 <= len(label.split()) <= _LABEL_WORDS for label in parts[:-1]):
        return parts[-1].strip()
    return text
