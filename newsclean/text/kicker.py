"""The kicker above a headline, and the printings of a headline that carry it.

Many pages print a short topic label (the kicker) over the headline and
title the story "Kicker: Headline"; others print the label as a section
name. These functions join the two only where the page itself prints the
joined form, and give the headline as the page punctuates it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize.text import comparison_key
from .headline_moves import KICKER_ENDS, KICKER_MAX_WORDS, NUMBERED
from .line_ends import strip_bullet
from .segment import Block


def find_kicker(blocks: Sequence[Block], noise: Sequence[bool], index: int, keys: Sequence[str]) -> int | None:
    """The kicker line above the headline at ``index`` that belongs to the title, or ``None``.

    Many pages print a short topic label right above the headline ("Bei
    Protesten 2022" over "Bericht: Aktivistin getötet ...") and give
    "Kicker: Headline" as the title. Most short lines above a headline are
    section names or menu labels, and titles differ on whether a topic
    label belongs to them, so the label joins the headline only where the
    page itself titles the story that way: the joined form printed
    elsewhere in the page (its title bar, a breadcrumb). The slug spelling
    the label's words was measured as evidence too (fp-dev and te-dev text
    renders) and lost more titles than it won: pages put the label in the
    address whether their title carries it or not.
    """
    above = index - 1
    if above < 0 or noise[above]:
        return None
    kicker = blocks[above].text.strip()
    if (not 1 <= blocks[above].words <= KICKER_MAX_WORDS or KICKER_ENDS.search(kicker)
            or NUMBERED.match(kicker) or not any(c.isalpha() for c in kicker)):
        return None
    joined = comparison_key(join_kicker(kicker, blocks[index].text))
    return above if joined in keys else None


def join_kicker(kicker: str, headline: str) -> str:
    """"Kicker: Headline", as pages title a story whose headline carries a topic label."""
    return f"{kicker.strip().rstrip(':').rstrip()}: {headline.strip()}"


def punctuated_printing(blocks: Sequence[Block], keys: Sequence[str], index: int) -> str | None:
    """Another printing of the headline at ``index`` that sets its kicker off with a colon, or ``None``.

    A layout-aware renderer prints kicker and headline on one line with a
    space between ("Bei Protesten 2022 Bericht: ..."); the page's title
    bar or breadcrumb prints the same words as "Bei Protesten 2022:
    Bericht: ...". The words compare equal; the printing with the colon
    (without a breadcrumb's list number) is the title as the page gives it.
    """
    text = blocks[index].text.strip()
    key = keys[index]
    for other, other_key in enumerate(keys):
        if other == index or not other_key.endswith(key):
            continue
        printed = NUMBERED.sub("", strip_bullet(blocks[other].text).strip())
        if comparison_key(printed) == key and printed.count(":") > text.count(":"):
            return printed
    return None

