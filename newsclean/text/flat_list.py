"""A list-only article in a flattened dump: its items read as a menu's, so the lexicon named them.

A page flattened to one line is cut back into lines by sentence and case
seams; a list article (an awards night's nominees, a squad, a chart) comes
back as dozens of two- or three-word fragments. Each reads like a menu
entry, and the word lists name them navigation or boilerplate, so the
line-mode fallback (:func:`.list_body.list_under_headline`, which reads
unlabelled lines only) never sees the list, and the region keeps only the
header: the headline, its standfirst, the byline.

The evidence that the labels are wrong here, and not that the page has no
article: the region is a bare header (a line or two, few words: the
headline, its standfirst, the byline glued into one line by the flattening,
ending in the byline or the date, not in a sentence's stop)
and right under it, past the header's furniture, comes a long run once the
soft labels (those a line earns by its words alone, not by a barrier such as
comments or a footer's legal lines) are set aside; the run must be the same
list the line-mode fallback accepts (many lines, mostly the page's own: a
menu's entries come back elsewhere on the page) and hold several times the
header's words. The header stays (the standfirst is the article's), the list
joins it, and the list's lines are relabelled as the article's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .classify import Verdict
from .headline_body import FINISHED
from .list_body import run_under
from .segment import Block

#: Labels a short line earns by its words alone: a list item's fragment reads as one of these.
_SOFT_LABELS = frozenset({"navigation", "boilerplate", "share"})
#: A share label is soft only on a fragment this short (a song title's "Like"): a share row is a barrier.
_SOFT_SHARE_WORDS = 2
#: A region that is only a header (headline, standfirst, byline): at most this many lines and unlabelled words.
_MAX_HEADER_LINES = 3
_MAX_HEADER_WORDS = 80
#: The list holds at least this many times the header's words: a menu under a short article does not.
_MIN_LIST_RATIO = 3


@dataclass(frozen=True)
class FlatList:
    """The article's region ``[start, end)`` (header and list) and the list lines relabelled as its own."""

    start: int
    end: int
    relabelled: frozenset[int]


def flat_list_body(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    keys: Sequence[str],
    region: tuple[int, int],
) -> FlatList | None:
    """The list under a flattened dump's region when the region is a bare header, or ``None``."""
    start, end = region
    inside = range(start, end)
    header_words = sum(blocks[i].words for i in inside if verdicts[i].category is None)
    if not 0 < end - start <= _MAX_HEADER_LINES or header_words > _MAX_HEADER_WORDS:
        return None
    if any(verdicts[i].category is None and FINISHED.search(blocks[i].text.rstrip()) for i in inside):
        # A sentence ending in its stop: a short article (an interview's two-line summary), not a bare header,
        # which ends in its byline or its date.
        return None
    softened = [replace(v, category=None) if _soft(block, v) else v for block, v in zip(blocks, verdicts, strict=True)]
    found = run_under(blocks, softened, keys, end - 1)
    if found is None:
        return None
    first, last = found
    if sum(blocks[i].words for i in range(first, last)) < _MIN_LIST_RATIO * max(header_words, 1):
        return None
    relabelled = frozenset(i for i in range(first, last) if verdicts[i].category is not None)
    return FlatList(start, last, relabelled)


def _soft(block: Block, verdict: Verdict) -> bool:
    """Whether the line's label is one a list item's fragment earns by its words alone."""
    if verdict.category == "share":
        return block.words <= _SOFT_SHARE_WORDS
    return verdict.category in _SOFT_LABELS


def relabel(verdicts: Sequence[Verdict], relabelled: frozenset[int]) -> list[Verdict]:
    """``verdicts`` with the lines of a flattened list article read as the article's own (no label)."""
    return [replace(v, category=None) if i in relabelled else v for i, v in enumerate(verdicts)]
