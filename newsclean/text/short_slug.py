"""A region scorer for an address whose story slug has two or three words.

The region search weighs candidate runs by how many of the slug's words
they print (:func:`.headline.slug_relevance`); it needs four words or more,
since a run of several paragraphs prints two or three given words by chance
(a blog's sidebar, its "about me" text, a teaser list). A short post on a
small blog ("/2019/11/17/elektro-zapfsaeulen/", "/masse/masse-des-quaders/")
then loses the region to the sidebar's longer prose. What a short slug
still says is the headline: the post's own title line prints all of its
words, and the region search credits a run with its headline's score (the
line right above it). So here a single line scores only when it is shaped
like a headline (short, no sentence's stop but a short blog title's trailing
full stop), and a run of lines scores by the slug words it prints, as the
four-word scorer does: an article cut into runs by its code blocks or
lists prints the slug's words in its later runs too, which then weigh as
much as the run under the headline (scoring single lines only gave the
intro run of such a post the region and lost the rest: te-dev soup, string
F1 0.75 lower on one page). A sidebar that prints no slug word keeps its
prose's weight alone, and the post under its headline outweighs it.
Slug words match accented and spelled-out forms alike ("zapfsaeulen",
"Zapfsäulen") through :func:`.story_words.tokens`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .headline import titled
from .segment import Block
from .slugs import MIN_SLUG_WORDS, story_slug_tokens
from .story_words import tokens

#: The fewest slug words read as a story's name: one word names a section or a kind of page ("/impressum/").
_MIN_WORDS = 2
#: The longest line read as a headline.
_HEADLINE_WORDS = 15
#: The longest headline read with a full stop after it ("Elektro-Zapfsäulen.", a blog's style); a longer line
#: ending so is a sentence.
_DOTTED_WORDS = 5


def short_slug_relevance(url: str | None, blocks: Sequence[Block]) -> Callable[[int, int], float | None] | None:
    """A scorer of block ranges by the share of a two- or three-word slug they (or their headline line) print.

    ``None`` when the slug is longer (the run scorer of
    :func:`.headline.slug_relevance` applies) or has fewer words.
    """
    slug = story_slug_tokens(url)
    if not _MIN_WORDS <= len(slug) < MIN_SLUG_WORDS:
        return None

    def relevance(start: int, end: int) -> float | None:
        if end - start == 1 and 0 <= start < len(blocks):
            block = blocks[start]
            text = block.text.rstrip()
            if block.words <= _DOTTED_WORDS:
                text = text.rstrip(".")
            if block.words > _HEADLINE_WORDS or not titled(text):
                return 0.0
        words = set().union(*(tokens(blocks[i].text) for i in range(start, min(end, len(blocks)))))
        return len(words & slug) / len(slug)

    return relevance
