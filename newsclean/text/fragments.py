"""Prose a renderer cut into lines: evidence that spans several blocks.

The classifier judges one line at a time, and a line counts as prose when it
is long or a finished sentence of eight words or more. Renderers that break
at every element cut an article's prose finer than that: a paragraph of
short sentences one per line (recipes, instructions, dialogue), or a
sentence broken at each inline link or hard line break into pieces that
begin in lower case. Judged alone, each piece scores like a menu label and
the region search walks past the article to a longer blurb elsewhere. Here
the lines are judged together: a run of finished sentences counts as the
paragraph it is, and a piece that starts in lower case continues a sentence
rather than labelling a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import islice

from .classify import Verdict
from .line_ends import strip_bullet
from .scores import FULL_WEIGHT_WORDS
from .segment import Block

#: A line of this many words that begins in lower case is a sentence's
#: middle or end: labels, menu items and headlines begin in capitals (or
#: in a script without case, where this test never fires).
FRAGMENT_WORDS = 6
#: ...and holds function words as running text does (jusText's stopword
#: density, where the page's language has a usable list): a row of icon
#: names ("cancel email link share bookmark") starts in lower case too.
FRAGMENT_STOPWORDS = 0.2
#: A finished sentence this short is a label's or a button's ("Lade...").
RUN_SENTENCE_WORDS = 4
#: A run must hold this many sentences: one is judged on its own.
RUN_BLOCKS = 3
#: ...and average this many words: a form's messages and buttons ("Fehler:
#: valide Adresse eingeben." / "Ihre Anmeldung war erfolgreich!") are shorter.
RUN_MEAN_WORDS = 8
#: ...and at most this many: lines of longer sentences are prose on their own,
#: and a run of them is as likely a summary box's bullets as an article.
RUN_MAX_MEAN_WORDS = 14
#: A sentence's stop, then any closing quotes or brackets: a list entry
#: ending in a count ("StPO 5 (32)") or a label's colon does not end a
#: sentence, and questions one a line are a forum's or a quiz's list of
#: threads more often than an article's paragraph.
#: (The pattern ``[.!。！]["'”“’»)]*$``, read from the line's end: a search tried every stop of a paragraph.)
_STOP_CHARS = (".", "!", "。", "！")
_CLOSING_MARKS = "\"'”“’»)"
_WORD = re.compile(r"[^\W\d_]{2,}")


def _starts_lower(text: str) -> bool:
    stripped = strip_bullet(text).lstrip("\"'„“‘«(¿¡–—- ")
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def _finished_sentence(block: Block, verdict: Verdict) -> bool:
    text = block.text.rstrip()
    return (
        verdict.category is None
        and text.rstrip(_CLOSING_MARKS).endswith(_STOP_CHARS)
        and not text.endswith("...")
        # Counted only up to the bar: a long paragraph ends a sentence too, and listing all its words was
        # most of this stage's scan.
        and len(list(islice(_WORD.finditer(text), RUN_SENTENCE_WORDS))) >= RUN_SENTENCE_WORDS
    )


def _stopwords_fit(density: float | None) -> bool:
    return density is None or density >= FRAGMENT_STOPWORDS


def rescore_fragments(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], stopword_density: Callable[[str], float | None],
) -> None:
    """Raise the region scores of prose cut into lines (see the module's docstring).

    Only scores change, never a category or the prose flag: later stages
    (teaser units, barriers, headline choice) keep their per-line reading.
    ``stopword_density`` measures a line in the page's stoplist (``None``:
    no usable list); it is asked last, for the few lines every other test
    passed, rather than by the classifier for every block.
    """
    for block, verdict in zip(blocks, verdicts, strict=True):
        if (
            verdict.category is None
            and not verdict.prose
            and verdict.score < 0
            and block.words >= FRAGMENT_WORDS
            and _starts_lower(block.text)
            and _stopwords_fit(stopword_density(block.text))
        ):
            verdict.score = 0.0
    run: list[int] = []
    for index in range(len(blocks) + 1):
        if index < len(blocks) and _finished_sentence(blocks[index], verdicts[index]):
            run.append(index)
            continue
        words = sum(blocks[i].words for i in run)
        if len(run) >= RUN_BLOCKS and RUN_MEAN_WORDS * len(run) <= words <= RUN_MAX_MEAN_WORDS * len(run):
            # Sentences in a run weigh as one paragraph of their joined length, as the classifier weighs one.
            weight = min(1.0, words / FULL_WEIGHT_WORDS)
            for i in run:
                verdicts[i].score = max(verdicts[i].score, blocks[i].words * weight)
        run = []
