"""The article's prose resumed after the list its last sentence announced.

The region search stops at a list inside the article (its items score as
labels); the ends stage reads an announced list back in
(:mod:`.announced`). When a paragraph follows the list, the article goes
on: that paragraph and what follows it while the scores keep adding up are
the article's, as the region search would have taken them had the list
not cut its run (te-dev: a notice's "The pass costs two euros ... transfer
to:" after the announced order details, with its payment note below, was
lost). Only after a list a sentence announces: a share row under a glued
"Share:" label is followed by the page's filing line and comment form,
which read as prose (te-dev glued render: -0.25 on one page). Nor after a
labelled list the region was extended over (:mod:`.labelled_lists`): the
prose there was a comment form's in a glued render (-0.08 on one page).
"""
from __future__ import annotations

from collections.abc import Sequence

from .classify import EDGE_CATEGORIES, Verdict
from .segment import Block, count_words, split_sentences

#: The resumed prose is a paragraph, not a form's one-line notice or a caption.
RESUMED_WORDS = 15
#: The fewest words of a sentence announcing the list: a one-word label glued after the last sentence
#: ("... change everything. Share:") heads a share row, and what follows that is the page's furniture.
ANNOUNCING_WORDS = 4


def announces_in_words(text: str) -> bool:
    """Whether a block's last sentence, the one that announces the list, is a sentence and no glued label."""
    sentences = split_sentences(text)
    return bool(sentences) and count_words(text[sentences[-1][0]: sentences[-1][1]]) >= ANNOUNCING_WORDS


def resumed_end(blocks: Sequence[Block], verdicts: Sequence[Verdict], end: int) -> int:
    """The region's end moved over the prose that resumes right at ``end``, else ``end``.

    The run taken in ends where its summed score is highest; it stops at an
    appeal's, a wall's or the comments' block, and once its blocks have
    scored away all it gained: what comes after that is a new part of the
    page, whatever it scores. The tail cuts that follow (teasers, barriers,
    the next article) still apply to it.
    """
    if end >= len(blocks) or not verdicts[end].content_prose or blocks[end].words < RESUMED_WORDS:
        return end
    total = best = 0.0
    found = end
    for index in range(end, len(blocks)):
        if verdicts[index].category in EDGE_CATEGORIES:
            break
        total += verdicts[index].score
        if total <= 0:
            break
        if total > best:
            best, found = total, index + 1
    return found
