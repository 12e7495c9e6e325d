"""A label line whose colon announces page furniture goes with that furniture.

"Teilen Sie dies mit:" over a share row, "Most searched:" over a tag menu,
"Read more:" over a teaser box: the label is a line of its own, inside the
region because it carries no lexicon cue, while what it announces is
dropped under a noise reason. Kept alone, it closes or interrupts the body
with a promise of nothing. The evidence is the line's shape (a few words,
no sentence, closing on a colon) and the reason of the block it announces,
not its words, so it holds for labels no lexicon lists, in any language.
"""

from __future__ import annotations

import re
from collections.abc import MutableSequence, Sequence

from .classify import Verdict
from .segment import Block

#: A label is this many words at most ("Share this:", "Teilen Sie dies mit:"); a longer line is a sentence.
_LABEL_WORDS = 5
_COLONS = (":", "：")
#: Sentence marks inside the line make it prose leading in to a quote or a list, not a label.
_SENTENCE_MARKS = (".", "!", "?", ";")
#: How a finished line ends: a label may stand under it.
_ENDS = (".", "!", "?", ":", "…", "\"", "”", "»")
#: The furniture a label may announce. A photo's caption, a repeated line, an embed or a dateline may
#: follow a subheading of the story ("The verdict:" above a photo), so they do not take it with them.
_FURNITURE = frozenset({
    "navigation", "share", "teaser", "newsletter", "comments", "appeal", "contribute", "cookie",
    "app_prompt", "legal", "tags", "paywall",
})
#: An ad slot is printed anywhere, between a subheading and its text too: it announces nothing.
#: The furniture must hold a word: a code listing's lone bracket, dropped as a menu entry, is no menu.
_WORD = re.compile(r"[^\W\d_]{2}")


def is_label(block: Block, verdict: Verdict) -> bool:
    """Whether the block is a short unlabelled line closing on a colon, with no sentence in it."""
    text = block.text.strip()
    return (
        verdict.category is None
        and not verdict.prose
        and 0 < block.words <= _LABEL_WORDS
        and text.endswith(_COLONS)
        and not any(mark in text[:-1] for mark in _SENTENCE_MARKS)
    )


def drop_dangling_labels(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], reasons: MutableSequence[str | None], start: int, end: int
) -> None:
    """Give each label line of the region ``[start, end)`` the reason of the furniture right under it."""
    for index in range(start, min(end, len(blocks) - 1)):
        if reasons[index] is not None or not is_label(blocks[index], verdicts[index]):
            continue
        if blocks[index].words == 1 and index > 0 and not blocks[index - 1].text.rstrip().endswith(_ENDS):
            # One word after an open line is the end of a phrase a render broke at its links
            # ("Primary" / "Funding" / "Source:"), not a label of its own.
            continue
        below = reasons[index + 1]
        if below in _FURNITURE and _WORD.search(blocks[index + 1].text):
            reasons[index] = below
