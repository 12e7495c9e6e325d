"""A two-word headline right above the article, when no longer line convinces.

Blogs, documentation pages and club sites title their posts in two words
("Performant Python", "Bootsdienst Ausbildung"). The headline reader takes
lines of three words or more only: shorter lines above an article are
mostly section names, menu labels and bylines, and admitting two-word lines
among the candidates everywhere lost more headlines than it found (measured
on the fp-dev and te-dev text renders). So a two-word line is read only
where the reader found nothing: it sits right above the article's first
block, with at most a date or byline line between, it is shaped like a
title (no sentence end, no list number) and it names the story: one of
its words recurs in the lead or the address's slug. That word must be
longer than a function word ("Der", "the"), which any lead repeats. A
writer's bare name has the same shape, but a writer is not named in
the story's first paragraphs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .headline import content_tokens, story_tokens, titled
from .segment import Block, is_bulleted

#: Blocks above the article's first block where its short headline may sit: a date or byline line between.
_REACH = 3
#: The length this fallback reads; longer lines are the main reader's candidates.
_WORDS = 2
#: The shortest word that names a story rather than joining one: "Python", "CDPATH", not "der", "the", "and".
_NAMING_CHARS = 4


def find_short_headline(
    blocks: Sequence[Block],
    noise: Sequence[bool],
    start: int,
    end: int,
    url: str | None,
    anchors: Collection[int],
) -> int | None:
    """Index of a two-word headline just above ``start``, or ``None``.

    Only the header's furniture (``anchors``: date lines, bylines, reading
    times) and one-word labels may stand between the headline and the
    article; the first other line decides.
    """
    story = story_tokens(blocks, start, end, url)
    for index in range(start - 1, max(-1, start - 1 - _REACH), -1):
        if index in anchors or (noise[index] and blocks[index].words == 1):
            continue  # a date, a byline or a one-word label ("blog") between headline and text
        block = blocks[index]
        text = block.text.strip()
        if (noise[index] or block.words != _WORDS or not titled(text) or is_bulleted(text)
                or not text[:1].isalpha() or text[:1].islower()):
            return None
        shared = {word for word in content_tokens(text) & story if len(word) >= _NAMING_CHARS}
        return index if shared else None
    return None
