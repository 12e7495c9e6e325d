"""The links to a post's neighbours printed below it: "← Previous post | Next post →".

Blog and news themes close a post with links to the one before and the one
after it, each a cue and that post's headline ("Vorheriger Artikel Tat &
Drang", "Article suivant Après une ...", "← Older title → Newer title",
"Previous Next"). A layout-aware render prints them on one line, after
which come the comments and the footer. The cue alone is a teaser label
the lexicon knows; with a headline after it the line is no label, so the
region search keeps it and everything the region took in below. The line
says the post has ended: the region ends there once most of its prose is
behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import Verdict
from .lexicon import Lexicon
from .region import label_tail
from .segment import Block

#: Words that name a neighbouring post in a cue ("Previous post", "Nächster Beitrag", "Article suivant").
_NEIGHBOUR = re.compile(
    r"(?i)^(?:previous|prev|next|older|newer|vorherige[rsn]?|nächste[rsn]?|précédent|precedent|suivant|"
    r"anterior|siguiente|precedente|successivo|poprzedni|następny)$"
)
#: A single cue word that stands for a neighbour only beside another ("Vorheriges Weiter", "Previous Next").
_PAIR_WORD = re.compile(r"(?i)^(?:weiter|zurück|back|forward)$")
#: Arrows around the two headlines: "← Older post title → Newer post title". Not guillemets,
#: which quote speech in French and German and open many an article's line.
_BACK_ARROW = "←"
_FORWARD_ARROW = "→"
#: The line holds two cues and a headline each at most.
_MAX_WORDS = 30
#: A pair of bare cues is a short line.
_PAIR_WORDS = 4
#: The share of the region's prose that must come before the line.
_PROSE_SHARE = 0.6


def cut_post_nav(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lexicon: Lexicon
) -> tuple[int, dict[int, str]]:
    """End the region at the neighbouring posts' links, with what it took in below them.

    Returns the new end and the reasons for the blocks cut; the region is
    unchanged when no such line follows most of its prose.
    """
    prose = [blocks[i].words if verdicts[i].prose else 0 for i in range(start, end)]
    total = sum(prose)
    seen = 0
    for offset, index in enumerate(range(start, end)):
        late = total and seen >= _PROSE_SHARE * total
        if late and is_post_nav(blocks[index].text, lexicon):
            return index, label_tail(verdicts, index, end, "teaser")
        seen += prose[offset]
    return end, {}


def is_post_nav(text: str, lexicon: Lexicon) -> bool:
    """Whether a line is the links to the posts before and after: arrows around two headlines, a
    neighbour cue the lexicon reads as a teaser label and a headline, or a pair of bare cues."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    if words[0][0] in _BACK_ARROW and _FORWARD_ARROW in " ".join(words[1:]):
        return True
    cues = [word for word in words if _NEIGHBOUR.match(word.strip("«»‹›←→:|"))]
    if len(words) <= _PAIR_WORDS and len(cues) + sum(
        1 for word in words if _PAIR_WORD.match(word.strip("«»‹›←→:|"))
    ) >= 2 and cues:
        return True
    # A cue of two words ("Vorheriger Artikel") and the headline after it. Not the cue alone: a
    # line-per-element render prints a story's own "Next article" pager amid its paragraphs too.
    cue = " ".join(words[:2])
    return (
        len(words) > 2
        and any(_NEIGHBOUR.match(word) for word in words[:2])
        and lexicon.match_line(cue) == "teaser"
    )
