"""Lines that belong to the sentence around them, whatever their wording says.

The lexicons judge a short line on its own: a bare address or link text
reads as navigation. In an article it is often the end of the sentence
before it ("... has opened a mailbox for testimonies:" / the address / the
story goes on). The colon that introduces it and the prose on both sides are
the evidence, in any language that writes a colon.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .segment import Block

#: Categories a line gets for looking like a link or an address on its own.
_LINK_LIKE = frozenset({"navigation", "teaser"})
#: An introduced line is a value (an address, a name, a link), not a paragraph.
_INTRODUCED_WORDS = 8


def keep_introduced_lines(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> set[int]:
    """Clear the noise verdict of short lines a prose sentence introduces with a colon.

    The line must sit between two paragraphs of running prose, the first
    ending with a colon: a label ("Read more:") is not prose, so a teaser it
    introduces keeps its verdict. Returns the indices cleared.
    """
    cleared: set[int] = set()
    for index in range(1, len(blocks) - 1):
        verdict = verdicts[index]
        if verdict.category not in _LINK_LIKE or blocks[index].words > _INTRODUCED_WORDS:
            continue
        before, after = verdicts[index - 1], verdicts[index + 1]
        if before.running_prose and blocks[index - 1].text.rstrip().endswith(":") and after.running_prose:
            verdict.category, verdict.score = None, 0.0
            cleared.add(index)
    return cleared
