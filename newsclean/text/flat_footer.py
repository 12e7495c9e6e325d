"""A footer glued to the article's last sentence on a flattened dump.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
the footer after an article ("Share this article", "Comments", "You might
also like" and the next stories' headlines) can come back as one long
block when no sentence stop falls between its labels: the block reads as
prose, so neither the barrier cut (:func:`~newsclean.text.ends.cut_at_barrier`,
which judges short blocks) nor the label-run cut
(:mod:`~newsclean.text.flat_tail`) sees it, and the next stories stay in
the body.

The evidence is the same footer cluster the barrier cut reads on a
line-structured page: the block *opens* with two labels of different
footer kinds in a row (a share row, then a comment header or a "More on"
heading), each a whole label of the lexicon. One such label opening a
sentence is common prose ("Comments by the minister ..."); two of
different kinds in a row are a page's footer. As with the barrier cut, most
of the region's prose must stand before the block.

Line-structured dumps never reach this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .ends import FOOTER_BARRIERS
from .lexicon import Lexicon
from .segment import Block

#: The longest label (words) read at the block's start.
LABEL_WORDS = 5
#: Labels of different footer kinds in a row that open a footer.
MIN_KINDS = 2
#: The share of the region's prose words that must stand before the footer.
MIN_PROSE_BEFORE = 0.5


def footer_labels(text: str, lexicon: Lexicon) -> list[str]:
    """The footer kinds of the labels that open ``text``, in order (each the longest label found at its place)."""
    words = text.split()
    kinds: list[str] = []
    position = 0
    while position < len(words) and len(kinds) < MIN_KINDS + 1:
        for size in range(min(LABEL_WORDS, len(words) - position), 0, -1):
            kind = lexicon.match_line(" ".join(words[position:position + size]))
            if kind in FOOTER_BARRIERS:
                kinds.append(kind)
                position += size
                break
        else:
            break
    return kinds


def cut_glued_footer(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lexicon: Lexicon
) -> tuple[int, dict[int, str]]:
    """The region's end moved to a block that opens with a footer cluster, and the reasons of the cut blocks.

    ``(end, {})`` when no block of the region opens so.
    """
    total = sum(blocks[i].words for i in range(start, end) if verdicts[i].prose)
    seen = 0
    for index in range(start, end):
        if seen >= MIN_PROSE_BEFORE * total > 0:
            kinds = footer_labels(blocks[index].text, lexicon)
            if len(set(kinds)) >= MIN_KINDS:
                return index, {i: verdicts[i].category or kinds[0] for i in range(index, end)}
        if verdicts[index].prose:
            seen += blocks[index].words
    return end, {}
