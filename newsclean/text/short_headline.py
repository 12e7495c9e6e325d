"""A two-word headline right above the article, when no longer line convinces.

Blogs, documentation pages and club sites title their posts in two words
("Performant Python", "Bootsdienst Ausbildung"). The headline reader takes
lines of three words or more only: shorter lines above an article are
mostly section names, menu labels and bylines, and admitting two-word lines
among the candidates everywhere lost more headlines than it found (measured
on the fp-dev and te-dev text renders). So a two-word line is read only
where the reader found nothing: it sits right above the article's first
block, with at most a date or byline line between (or right above the
header's date line or byline where a comment count or a caption stands
between those and the article), it is shaped like a title (no sentence
end, no list number; quotation marks around it allowed) and it names the
story: one of its words recurs in the lead or the address's slug. That word must be
longer than a function word ("Der", "the"), which any lead repeats. A
writer's bare name has the same shape, but a writer is not named in
the story's first paragraphs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .headline import content_tokens, story_tokens, titled
from .line_ends import is_bulleted
from .segment import Block

#: Blocks above the article's first block where its short headline may sit: a date or byline line between.
_REACH = 3
#: The length this fallback reads; longer lines are the main reader's candidates.
_WORDS = 2
#: The shortest word that names a story rather than joining one: "Python", "CDPATH", not "der", "the", "and".
_NAMING_CHARS = 4
#: How far above the article's first block the header's furniture may sit for the headline to be read above it.
_FURNITURE_REACH = 8
#: The lead's blocks, as :func:`.headline.story_tokens` reads them.
_LEAD_BLOCKS = 4
#: Quotation marks a headline that quotes someone opens and closes with.
_QUOTES = "\"'„“”‚‘’«»‹›「」『』"


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
    # A label the renderer repeats between the paragraphs ("Article content" around every ad slot) is in
    # the lead too, and shares all its words with it: the lead names the story only in its other lines.
    lead = {blocks[i].text.strip() for i in range(start, min(end, start + _LEAD_BLOCKS))}
    found = _right_above(blocks, noise, start, anchors, story, lead)
    header = min((i for i in anchors if start - _FURNITURE_REACH <= i < start), default=None)
    if found is None and header is not None:
        # The header's furniture (date line, byline) further above, with a comment count or a
        # caption between it and the text: the headline sits right above the furniture.
        found = _right_above(blocks, noise, header, anchors, story, lead)
    return found


def _right_above(blocks: Sequence[Block], noise: Sequence[bool], below: int, anchors: Collection[int],
                 story: set[str], lead: Collection[str]) -> int | None:
    """The two-word title line right above block ``below``, past furniture and one-word labels."""
    for index in range(below - 1, max(-1, below - 1 - _REACH), -1):
        if index in anchors or (noise[index] and blocks[index].words == 1):
            continue  # a date, a byline or a one-word label ("blog") between headline and text
        block = blocks[index]
        text = block.text.strip()
        bare = text.strip(_QUOTES)
        if (noise[index] or block.words != _WORDS or not titled(text) or is_bulleted(text)
                or not bare[:1].isalpha() or bare[:1].islower() or text in lead):
            return None
        shared = {word for word in content_tokens(text) & story if len(word) >= _NAMING_CHARS}
        return index if shared else None
    return None
