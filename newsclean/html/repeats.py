"""Boxes the page prints twice around the story: offers and sign-up panels rendered per layout.

A subscription offer, a newsletter sign-up or a "subscriber benefits" panel
is often rendered twice in the same page (one copy for narrow screens, one
for wide ones, or a sticky copy), and trafilatura then keeps both copies
between or around the story's paragraphs. When a page's class and id names
carry meaning, extractors skip such panels by name; with meaningless names
they come through. The repetition itself is the evidence, whatever the
language: a story prints each of its paragraphs once, as children of its
home element (or of sibling wrappers styled alike). A line the body holds
twice, printed by two blocks outside the home, leads to the two panels
printing it (the largest subtrees around each copy that do not hold the
other); when both hold several blocks, most of them printing the same text,
and no story paragraph, every line of both panels goes. A line also printed
at home (a pull quote repeating a paragraph) is never evidence and never
goes; a list item repeated alone, and copies with other text printed
between them (instructions repeated above each of two exercises), stay.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise

from lxml import etree

from ..record import Reason, Removed
from .frame import (
    HOME_DEPTH,
    MIN_BODY_CHARS,
    block_leaves,
    heaviest_parent,
    locate_lines,
    markup_signature,
    page_block_leaves,
    text_size,
)
from .page_index import PageIndex

#: A repeated line shorter than this (characters other than spaces) proves nothing: a
#: separator, a label or a recipe's "salt to taste" may legitimately occur twice.
MIN_REPEAT_CHARS = 18
#: A panel printed twice holds a pitch and its terms or points (distinct block texts):
#: copies of a single block are an item a list repeats, which stays.
MIN_PANEL_BLOCKS = 2
#: Two panels are copies when at least this share of their blocks print the same text: the
#: copies of an offer differ in a price or a term ("per month", "per year"); two exercises
#: under the same instructions share only those.
SAME_SHARE = 0.6


def _mark(element: etree._Element) -> Hashable:
    """What makes two parents the same home: their markup when they have a class, else identity."""
    signature = markup_signature(element)
    return signature if signature[1] else element


def _home_marks(lines: list[str], located: list[etree._Element | None]) -> Hashable | None:
    """The markup of the parents printing most of the body, if they print enough of it.

    Unlike the frame's home (one element), the story's paragraphs may be spread over
    sibling wrappers styled alike (one per paragraph or per section between ad slots).
    """
    return heaviest_parent(lines, located, _mark)


def _at_home(element: etree._Element, home: Hashable) -> bool:
    """Whether the block is printed within :data:`HOME_DEPTH` levels of a home parent."""
    for level, node in enumerate(element.iterancestors()):
        if level >= HOME_DEPTH:
            break
        if _mark(node) == home:
            return True
    return False


def drop_repeated_boxes(
    lines: list[str], tree: etree._Element, removed: list[Removed], page: PageIndex | None = None
) -> list[str]:
    """``lines`` without the boxes outside the story's home that print a line the body holds twice."""
    if sum(text_size(line) for line in lines) < MIN_BODY_CHARS:
        return lines
    page = page or PageIndex(tree)
    keys = [page.key_of(line) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    if not any(n > 1 and key for key, n in counts.items()):
        return lines
    located = locate_lines(lines, page.reading(page_block_leaves), page.key_of)
    home = _home_marks(lines, located)
    if home is None:
        return lines
    homed = [el is not None and _at_home(el, home) for el in located]
    held: set[etree._Element] = set()
    for el, flag in zip(located, homed, strict=True):
        if flag and el is not None:
            held.update(el.iterancestors())
    if not held:
        return lines
    # The copies must be printed by different blocks, none of them at home: two lines found in
    # one block are one print (a pull quote and the paragraph it repeats, located alike).
    printers: dict[str, list[etree._Element]] = {}
    at_home: set[str] = set()
    for key, el, flag, line in zip(keys, located, homed, lines, strict=True):
        if flag:
            at_home.add(key)
        elif (el is not None and counts[key] > 1 and text_size(line) >= MIN_REPEAT_CHARS
              and el not in printers.setdefault(key, [])):
            printers[key].append(el)
    copies: set[etree._Element] = set()
    for key, elements in printers.items():
        if key in at_home:
            continue
        for first, second in pairwise(elements):
            pair = _copies(first, second, held)
            if pair is not None and _adjacent(pair, located):
                copies.update(pair)
    if not copies:
        return lines
    kept: list[str] = []
    for line, key, el, flag in zip(lines, keys, located, homed, strict=True):
        if el is not None and not flag and key not in at_home and any(a in copies for a in (el, *el.iterancestors())):
            removed.append(Removed(Reason.BOILERPLATE, line))
        else:
            kept.append(line)
    return kept


def _copies(
    first: etree._Element, second: etree._Element, held: set[etree._Element]
) -> tuple[etree._Element, etree._Element] | None:
    """The two panels printing ``first`` and ``second`` when they print the same text, of several blocks.

    Each panel is the largest subtree around its block that does not hold the
    other; a panel holding a story paragraph, or a single block (an item a list
    repeats), proves nothing.
    """
    above = set(second.iterancestors())
    one = first
    while one.getparent() is not None and one.getparent() not in above and one.getparent() is not second:
        one = one.getparent()
    common = one.getparent()
    if common is None or (one is first and first in above):
        return None
    two = second
    while two.getparent() is not None and two.getparent() is not common:
        two = two.getparent()
    if one in held or two in held or one is two:
        return None
    blocks_one, blocks_two = _block_keys(one), _block_keys(two)
    if min(len(blocks_one), len(blocks_two)) < MIN_PANEL_BLOCKS:
        return None
    if len(blocks_one & blocks_two) < SAME_SHARE * max(len(blocks_one), len(blocks_two)):
        return None
    return one, two


def _adjacent(pair: tuple[etree._Element, etree._Element], located: list[etree._Element | None]) -> bool:
    """Whether the body prints the second panel right after the first, with nothing between.

    An offer's copies follow each other; instructions repeated above each of two
    exercises have the first exercise between them, and stay.
    """
    one, two = pair

    def inside(panel: etree._Element) -> list[int]:
        return [i for i, el in enumerate(located)
                if el is not None and (el is panel or panel in el.iterancestors())]

    first, second = inside(one), inside(two)
    return bool(first and second) and max(first) + 1 == min(second)


def _block_keys(element: etree._Element) -> set[str]:
    """The texts of the blocks with no block inside, within ``element`` (itself included)."""
    return {key for _, key in block_leaves(element)}
