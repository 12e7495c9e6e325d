"""Ranked boxes: a "most read" list printed with bare counters ("1 Headline 2 Headline 3 ...").

A box of the page's most read stories numbers its headlines with a bare
figure, without the stop or bracket of an article's numbered steps ("1.",
"2)"). A dump without its line breaks glues it into one run: "Most Popular
1 Coast guard expels vessels 2 Military declines to fire 3 ...". No
sentence ends inside it, so it reads as one long paragraph (300 words on a
page whose article has 500) and the region search keeps it with the
article.

The shape that gives it away: figures counting up by one from 1, each a
few words after the one before, each followed by a capitalised word (a
headline starts with one). Prose rarely names "1", then "2", then "3"
within a few words of each other, each before a capital; a standings table
("1 Alvaro Bautista 123 P 2 Toprak ...") does, and is no article either.

Seen on unrelated sites in many languages (dev flat renders: an English
political blog's "Popular" box, Belgian "Meest gelezen", German
"Meistgesehen", Spanish "Lo más leído", French "Les plus lus", an English
"Most Read" box, a Taiwanese and a South African paper's boxes).

Whether the items are a box's headlines or an article's numbered steps is
judged by their shape (:func:`headline_items`): a headline does not close
with a full stop, a step written as prose does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

#: A bare figure that may rank an item: one or two digits, nothing glued to it.
_FIGURE = re.compile(r"^\d{1,2}$")
#: Counters in a chain at least, and words between two of them at most (a headline and its kicker).
MIN_RANKS = 3
MAX_RANK_WORDS = 25
#: Words an item needs to read as a headline ("Radio SRF 2", "Kultur" are a menu's entries).
_MIN_HEADLINE_WORDS = 3
#: Share of a chain's items that must read as headlines (no closing full stop) for it to be a box.
_HEADLINE_SHARE = 0.75
#: What closes a sentence of prose (a headline may hold "?", "!" or ":", rarely "." or ";").
_PROSE_END = re.compile(r"[.;]['\"”’)\]]*$")
#: Tokens at an item's start that may close with a stop and still open a headline (a kicker: "UPDATE.").
_KICKER_TOKENS = 2
#: A token that abbreviates ("Nov.", "Inc.", "St."): its stop does not close the item as prose.
_ABBREVIATED = re.compile(r"^[A-Z][a-z]{0,3}\.$")


def _opens_item(token: str) -> bool:
    """Whether ``token`` can open a ranked item: it starts with a capital or a figure."""
    first = token[:1]
    return first.isupper() or first.isdigit() or first in "\"'“‘«¿¡"


def ranked_chains(tokens: Sequence[str]) -> Iterator[list[int]]:
    """Indices of bare counters 1, 2, 3 ... in ``tokens``, each chain of :data:`MIN_RANKS` or more.

    A chain starts at 1 (a box numbers from its top); each next counter is
    one higher, 1 to :data:`MAX_RANK_WORDS` words after the one before, and
    followed by a word that can open a headline.
    """
    chain: list[int] = []
    for index, token in enumerate(tokens):
        if not _FIGURE.match(token) or index + 1 >= len(tokens) or not _opens_item(tokens[index + 1]):
            continue
        value = int(token)
        if chain and value == len(chain) + 1 and 1 <= index - chain[-1] - 1 <= MAX_RANK_WORDS:
            chain.append(index)
            continue
        if len(chain) >= MIN_RANKS:
            yield chain
        chain = [index] if value == 1 else []
    if len(chain) >= MIN_RANKS:
        yield chain


def _closes_sentence(item: Sequence[str]) -> bool:
    """Whether a word of ``item`` past its kicker closes a sentence (an abbreviation's stop aside)."""
    return any(
        _PROSE_END.search(token) and not _ABBREVIATED.match(token) for token in item[_KICKER_TOKENS:]
    )


def headline_items(tokens: Sequence[str], chain: Sequence[int]) -> bool:
    """Whether the items between the chain's counters read as headlines rather than numbered prose.

    An item is the words from one counter to the next (the last item has no
    known end and is not read). A step of an article closes a sentence with
    a stop ("Stage 1 All posts are checked. Stage 2 ..." ends its item on the
    next label's word, so the stop may sit inside it); a headline holds none
    past a kicker ("UPDATE. Minister ..."), an abbreviation's stop aside. A
    menu's entries ("Radio 1 Radio 2 Radio 3") are one or two words; a
    headline has more.
    """
    items = [tokens[a + 1:b] for a, b in pairwise(chain)]
    if not items:
        return False
    headlines = sum(1 for item in items if len(item) >= _MIN_HEADLINE_WORDS and not _closes_sentence(item))
    return headlines >= _HEADLINE_SHARE * len(items)
