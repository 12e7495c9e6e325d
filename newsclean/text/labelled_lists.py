"""Labelled lists above the article region: "Ingredients:" and the short lines it heads.

Recipes, event notices, product pages and how-tos open with lists a label
announces: "Zutaten:", "You will need:", "Agenda:", "Preparation time:".
Their items are short lines without a sentence's stop (quantities, names,
times), which score as labels, so the densest run of prose starts below
them and the list is lost. A menu is also a run of short lines, but nothing
ends a line with a colon to announce it: the colon is what tells the two
apart. The region's start moves up over each label that heads the blocks
below it and over the items between the label and what it heads, as long
as none of them carries a noise category.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .segment import Block

#: An item is a line of this many words at most (a quantity and its ingredient, a talk's title).
_ITEM_WORDS = 15
#: A label heads at most this many items: a longer run is a page part of its own.
_MAX_ITEMS = 30
#: A list after the region's end has this many items at least (one short line is a caption's or a credit's).
_MIN_TAIL_ITEMS = 2
#: The prose the article goes on with after such a list is a paragraph, not a form's one-line notice.
_RESUMED_WORDS = 15
#: Items this short (words), every word capitalised, are a menu's or a list of links ("Chrome", "Firefox").
_MENU_ITEM_WORDS = 2
#: A label ends with a colon; a scheme's ("http:") is not one.
_COLONS = (":", "：")


def _is_label(block: Block, verdict: Verdict) -> bool:
    text = block.text.rstrip()
    return verdict.category is None and text.endswith(_COLONS) and len(text) > 1


def _is_item(block: Block, verdict: Verdict) -> bool:
    return (verdict.category is None and block.words <= _ITEM_WORDS and not verdict.prose
            and not _is_label(block, verdict))


def _menu_shaped(items: Sequence[Block]) -> bool:
    """Items of one or two capitalised words each: a menu's entries or a row of links, not a list's content."""
    return all(
        block.words <= _MENU_ITEM_WORDS and all(word[:1].isupper() for word in block.text.split())
        for block in items
    )


def _list_above(blocks: Sequence[Block], verdicts: Sequence[Verdict], cursor: int) -> int | None:
    """The label heading the items right above ``cursor``, when they are a list; else ``None``."""
    top = cursor
    while top > 0 and cursor - top < _MAX_ITEMS and _is_item(blocks[top - 1], verdicts[top - 1]):
        top -= 1
    if top == cursor or top == 0 or not _is_label(blocks[top - 1], verdicts[top - 1]):
        return None
    return None if _menu_shaped(blocks[top:cursor]) else top - 1


def extend_over_labelled_lists(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """The region's start moved up over the labelled lists that open the article.

    Walks up from ``start`` over labels ("Preparation:" over the method) and
    over lists, each a label with its items ("Ingredients:" and its
    quantities). It only moves when a list is found, to its topmost label:
    a label alone above the prose is as often a share row's ("Share
    this:"). Items count only between two labels: a run of short lines
    that ends at the prose itself is as likely a menu and the headline
    under it ("Categories:", the links, the headline) as a list.
    """
    if not 0 < start < end:
        return start
    cursor = taken = start
    while cursor > 0:
        if _is_label(blocks[cursor - 1], verdicts[cursor - 1]):
            cursor -= 1
            continue
        # Items are taken between two labels only: under a menu's label, the headline ends its run.
        label = _list_above(blocks, verdicts, cursor) if cursor < start else None
        if label is None:
            break
        cursor = taken = label
    return taken


def extend_over_labelled_tail(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """The region's end moved down over a labelled list the article goes on after.

    "Contents of the seminar:" right below the region's last paragraph, then
    short items, then running prose again: the list sits inside the article,
    which the scores cut at its first item. A footer's labels ("Share this:",
    "Tags:") are followed by more labels and links, not by prose, so the
    prose after the items is the evidence.
    """
    if not start < end < len(blocks) or not _is_label(blocks[end], verdicts[end]) or verdicts[end].prose:
        return end
    index = end + 1
    while index < len(blocks) and index - end <= _MAX_ITEMS and _is_item(blocks[index], verdicts[index]):
        index += 1
    items = blocks[end + 1:index]
    if len(items) < _MIN_TAIL_ITEMS or _menu_shaped(items) or index >= len(blocks) \
            or not verdicts[index].content_prose or blocks[index].words < _RESUMED_WORDS:
        return end
    return index
