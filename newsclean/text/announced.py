"""The list an article announces at its end ("See the full list of winners below:").

Its lines are short (names, titles, results) and score as labels, so the
region stops at the announcing sentence; the ends stage reads the list back
in, and keeps its tail cuts from taking the list for a teaser box.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .headline_body import FINISHED
from .segment import Block

#: An announced list is read this far at most, item by item.
_LIST_ITEMS = 120
_LIST_ITEM_WORDS = 15
_ANNOUNCE_GAP = 3


def extend_announced_list(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """The region's end moved past the list its last sentence announces (see :func:`announced_list`)."""
    found = announced_list(blocks, verdicts, start, end)
    return end if found is None else found[2]


def announced_list(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int
) -> tuple[int, int, int] | None:
    """The list the region's last sentence announces.

    Returns where its announcement starts, its first item and the region's
    new end.

    "See the full list of winners below:" ends the prose, and what follows
    are short lines (names, titles, results) that score as labels. While
    they carry no noise category, they are the list the article promised.
    The announcing sentence may sit just past the region, behind a photo
    or under a subheading of its own (short lines score as labels, so the
    region stops above them);
    inside the region it may already be followed by the list's first items
    (a render that glues lines may have joined the first heading to it). A photo's
    credit between items does not end the list. A tail cut between the
    announcement's start (or the old end, when it sits past the region) and
    the first item would take the whole list: a list of names reads as a
    teaser list. A cut further down may be right, as a related-stories box
    of short lines can follow the list.
    """
    last, announced = end - 1, False
    while last >= start and not (announced := _announcing(blocks, verdicts, last, end)) and (
        verdicts[last].category is not None or _list_item(blocks[last], verdicts[last])
    ):
        last -= 1
    if announced and _announces(blocks[last]) and any(verdicts[i].category is None for i in range(last + 1, end)):
        # Items already in the region under a bare colon: the region found its list; only a glued heading is read on.
        announced = False
    guard = last
    if not announced:
        guard = last = end
        # A subheading opens the lead-in: a line of prose right after the article's end is no subheading's.
        headed = False
        while last < len(blocks) and last - end < _ANNOUNCE_GAP and (
            verdicts[last].category is not None
            or (
                _lead_in(blocks[last], verdicts[last])
                and (headed or not verdicts[last].prose)
                and not _announcing(blocks, verdicts, last, last + 1)
            )
        ):
            headed = headed or verdicts[last].category is None
            last += 1
        if last >= len(blocks) or not _announcing(blocks, verdicts, last, last + 1):
            return None
        if blocks[last].words < _LED_IN_WORDS and any(verdicts[i].category is None for i in range(end, last)):
            # Under lines of its own, a label with a colon ("Published in:") is a box's, not an announcing sentence.
            return None
    index, item = last + 1, last
    while index < len(blocks) and index - last <= _LIST_ITEMS:
        resumed = index == item + 1 or _resumes(blocks[index], verdicts[index])
        if resumed and _list_item(blocks[index], verdicts[index]):
            item = index
        elif index - item > _CAPTION_GAP or verdicts[index].category not in _CAPTION_CATEGORIES:
            break
        index += 1
    return (guard, last + 1, max(end, item + 1)) if item > last else None


#: Noise a list may carry between its items: a photo's caption and credit.
_CAPTION_CATEGORIES = frozenset({"image_credit"})
_CAPTION_GAP = 2


def _lead_in(block: Block, verdict: Verdict) -> bool:
    """Whether an unlabelled line between the prose and the announcement leads into it: a subheading
    ("The ten principles") or the opening words of the announcing sentence a render broke off ("In her
    book"), short and not a finished sentence. A finished sentence is the article's own last line."""
    return verdict.category is None and block.words <= _LIST_ITEM_WORDS and not FINISHED.search(block.text.rstrip())


def _resumes(block: Block, verdict: Verdict) -> bool:
    """Whether a line after a photo's caption goes on with the list: a name
    or heading, not a sentence (the page's own notes follow the last photo)."""
    return not verdict.prose and not FINISHED.search(block.text.rstrip())


def _announcing(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int, end: int) -> bool:
    return (
        verdicts[index].category is None
        and verdicts[index].prose
        and _announces(blocks[index], headed=index < end - 1)
    )


def _list_item(block: Block, verdict: Verdict) -> bool:
    """A list's line: no noise category, and short, or a run of comma-separated
    names a render glued together (no sentence in it)."""
    if verdict.category is not None:
        return False
    if block.words <= _LIST_ITEM_WORDS:
        return True
    return block.text.count(",") * _COMMA_SHARE >= block.words


#: A glued list line has a comma every few words; a sentence has far fewer.
_COMMA_SHARE = 4


def _announces(block: Block, headed: bool = False) -> bool:
    """Whether ``block`` ends in a colon; ``headed``: or in a colon and the
    few words of the list's first heading glued after it."""
    text = block.text.rstrip()
    if text.endswith((":", "：")):
        return True
    tail = text.rpartition(": ")[2] if headed and ": " in text else None
    return (
        tail is not None and tail[:1].isupper() and len(tail.split()) <= _HEADING_WORDS and not FINISHED.search(tail)
    )


#: The fewest words of an announcing sentence reached over a subheading.
_LED_IN_WORDS = 8
#: The longest list heading a glued render may join to the announcing sentence.
_HEADING_WORDS = 6
