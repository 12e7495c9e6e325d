"""The end of an article on a flattened dump: a box label glued to the next stories after it.

After its last paragraph a page prints boxes of other stories under a
label ("Related Posts", "Leggi anche", "Das könnte Sie auch interessieren",
"Ähnliche Beiträge:", "Tags"). A line-structured render keeps the label on
a line of its own, where the classifier names it and the short headline
lines under it leave the region search no prose to run on. Flattened
(:mod:`~newsclean.text.unflatten`), the label opens the unit of the
first headline ("Related Posts Owe-IFP ukhala ...") and the teasers'
summaries come back as sentences that read as prose: the region takes the
box in, and the teaser-tail cuts, which look for the box's short lines,
find none.

The evidence the flattening left is the label itself, read where it
stands glued (the lexicon's line patterns, any language):

- a line that is such a label, as the lexicon reads it (not the
  classifier's category alone: it names a dated teaser list's items, "335
  Nuomonės", teasers too, and cut there an LRT page's header reader took
  the date under the next item for the article's);
- a unit whose first one to five tokens are such a label, and whose next
  token is not a lower-case word of prose ("Other earnings include ..."
  and "Next square" open sentences with a label's word);
- a unit that holds no sentence stop and whose last tokens are such a
  label ("Más temas Córdoba comentarios Reportar un error Lo más leído");
  one that holds a stop may hold the article's last sentence, glued to the
  labels where a lower-case word followed it (a FAZ page lost it so);
- two short lines that make one ("Most" / "Popular"): the unflattener
  cut a capitalised label one word a line.

A label alone is no end: "Read more" boxes stand inside articles too. What
follows it must be another story's words: under :data:`MAX_COHESION` of
them (four letters or more) occur in the article before it
(:func:`~newsclean.text.flat_tail.cohesion`), it stands after
:data:`MIN_PROSE_BEFORE` of the region's prose, and what follows holds
under :data:`MAX_PROSE_AFTER` of the prose before it. A box inside the
article, whose article goes on below it, misses the last test as its
story's later paragraphs are counted after it (a t-online "Schlagzeilen"
box with a third of the story below it: 0.50).

Body F1, fp-dev flat / flat-insc 0.8743 / 0.8771 -> 0.8801 / 0.8811 (24
renders of 15 sites better, none worse), te-dev strings flat / flat-insc
0.8064 / 0.8193 -> 0.8100 / 0.8219 (two pages worse, by 0.08 and 0.06); fe
+0.0001. With the cohesion bound at 0.3, a FAZ page lost its last paragraph
after a "Mehr zum Thema" box.

Line-structured dumps never reach this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .classify import Verdict
from .flat_tail import cohesion
from .label_runs import is_prose_word
from .region import label_tail
from .segment import Block

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: The box stands after this share of the region's prose words ...
MIN_PROSE_BEFORE = 0.6
#: ... what follows its label holds less than this share of the prose before it ...
MAX_PROSE_AFTER = 0.45
#: ... and under this share of the words after the label occur in the article before it.
MAX_COHESION = 0.25
#: Categories of a box's label: other stories' and the article's tags.
BOX_LABELS = frozenset({"teaser", "tags"})
#: A label (alone or glued to a unit) is at most this many tokens.
LABEL_TOKENS = 5
#: A stop before a space or a closing quote and a space: a unit that holds one holds a sentence (a unit the
#: unflattener did not split at it, as a lower-case word followed: 'verdienen.“ false Artikel ... Weitere
#: Themen'), and is no run of labels that a label at its end may open a box with.
_STOP = re.compile(r"[.!?…][\"'”“’»)\]]*(?:\s|$)")
#: Two lines join into one label when each is this short (words).
SPLIT_LABEL_WORDS = 3


def _names_label(lexicon: Lexicon, tokens: Sequence[str]) -> bool:
    return lexicon.match_line(" ".join(tokens).rstrip(":").strip()) in BOX_LABELS


def opens_box(blocks: Sequence[Block], index: int, lexicon: Lexicon) -> bool:
    """Whether the block at ``index`` holds a box's label where a flattened dump leaves it (see the module)."""
    block = blocks[index]
    tokens = block.text.split()
    for size in range(1, min(LABEL_TOKENS, len(tokens)) + 1):
        if _names_label(lexicon, tokens[:size]) and (size == len(tokens) or not is_prose_word(tokens[size])):
            return True
    if _STOP.search(block.text) is None and any(
        _names_label(lexicon, tokens[-size:]) for size in range(1, min(LABEL_TOKENS, len(tokens) - 1) + 1)
    ):
        return True
    following = index + 1
    return (
        following < len(blocks)
        and block.words <= SPLIT_LABEL_WORDS
        and blocks[following].words <= SPLIT_LABEL_WORDS
        and _names_label(lexicon, [block.text, blocks[following].text])
    )


def cut_cue_tail(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lexicon: Lexicon
) -> tuple[int, dict[int, str]]:
    """The region's end moved to a box label after its article whose following words are another story's.

    ``(end, {})`` when none stands in the region; else the label's block and
    the reasons of the blocks cut (their category, else teaser).
    """
    prose = [blocks[i].words if verdicts[i].running_prose else 0 for i in range(start, end)]
    total = sum(prose)
    before = 0
    for index in range(start, end):
        if (
            before >= MIN_PROSE_BEFORE * total
            and total - before < MAX_PROSE_AFTER * before
            and opens_box(blocks, index, lexicon)
            and cohesion(blocks, (start, index), (index, end)) < MAX_COHESION
        ):
            return index, label_tail(verdicts, index, end, "teaser")
        before += prose[index - start]
    return end, {}
