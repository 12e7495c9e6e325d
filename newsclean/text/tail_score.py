"""Where an article ends, read one line at a time whatever the dump's shape.

The end-of-region rules of a line-structured render key on lines a glued
render no longer shows: a "Related Posts" label alone on its line, a run of
short headline lines, a comment counter. A scraper that keeps only some of
a page's breaks (:mod:`~newsclean.text.glued`) leaves the label at the end
of the article's last line or at the start of the first teaser's, and the
teasers' summaries read as prose: the region runs on into the boxes, and
the verdict that the dump is glued, taken over the whole dump, is often not
reached (most glued dev renders with a long tail are not judged glued).

So each line past the article's middle gets an end score from evidence a
glued line keeps (:func:`end_score`):

- a box label the lexicon names (teaser, tags, comments, newsletter) that
  opens the line, closes it, or opens a unit after a closed sentence, and
  is not followed by a lower-case word of prose (:func:`seam_label`);
- no sentence of an article's length after the label: a "Read More" cue
  between two paragraphs heads the article's next sentence
  (:func:`opens_sentence`);
- low word cohesion of what follows with the article above it
  (:func:`~newsclean.text.flat_tail.cohesion`).

The region is cut at the first line whose score passes, unless the article
resumes below it: a later line of paragraph length that shares as many
words with the article as an article's paragraph does. A box printed
between two paragraphs ("Read More", "Next square", a "Schlagzeilen" strip)
has the rest of its article after it; a box after the article has other
stories. A seam inside a line keeps that line: its head is the article's
last sentence, and losing it is worse than keeping a label. A label alone
on its line is left to the line-structured rules, which read the lines
around it (scored here too, soup renders lost 0.28 on two pages).

Body F1, glued / glued-insc: fe 0.9038 / 0.9084 -> 0.9058 / 0.9096, fp-dev
0.8879 / 0.8908 -> 0.8910 / 0.8937 (18 renders better, none worse); te-dev
strings 0.8447 / 0.8515 -> 0.8472 / 0.8540; line-structured renders up by
0.0001 to 0.0003 or unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .classify import Verdict
from .flat_tail import cohesion
from .label_runs import is_prose_word
from .region import label_tail
from .segment import Block
from .unflatten import CLOSED_END, split_units

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: Lexicon categories whose line patterns name a box after an article.
END_LABELS = frozenset({"teaser", "tags", "comments", "newsletter"})
#: A label is at most this many tokens ("Das könnte Sie auch interessieren").
LABEL_TOKENS = 5
#: A line is scored once this share of the region's prose words lies above it (the article's middle).
MIN_PROSE_BEFORE = 0.5
#: What follows the line shares under this share of its words with the article above it.
MAX_COHESION = 0.3
#: The article resumes below a box when a line of this many words shares at least this share of its words
#: with the article above the box (an article's later paragraphs name its people and places).
RESUME_WORDS = 25
RESUME_COHESION = 0.3
#: ... within this many lines below the box (a box inside an article is a few lines long).
RESUME_REACH = 12
#: A closed unit of more words than this after a label is the article's sentence, not a headline (and summary).
MAX_HEADLINE_WORDS = 20
#: The score that ends the article: a label is worth 2, no article sentence after it 1, low cohesion 1.
#: All three are needed: a "Read More" cue between paragraphs is followed by the article's next sentence.
PASS_SCORE = 4
_STOP_END = re.compile(r"[.!?…][\"'”“’»)\]]*$")


@dataclass(frozen=True)
class EndEvidence:
    """What one line shows of an article's end: where its box label stands (its token), whether an article's
    sentence follows the label, and the cohesion of the region below with the article above."""

    label: int | None
    sentence_after: bool
    cohesion: float
    #: The label's lexicon category: the reason of the lines cut under it (comments under "0 Kommentare").
    kind: str = "teaser"

    @property
    def score(self) -> int:
        """The line's end score (see :data:`PASS_SCORE`)."""
        return (
            (2 if self.label is not None else 0)
            + (0 if self.sentence_after else 1)
            + (1 if self.cohesion < MAX_COHESION else 0)
        )


def _names_label(lexicon: Lexicon, tokens: Sequence[str]) -> bool:
    return lexicon.match_line(" ".join(tokens).rstrip(":").strip()) in END_LABELS


def seam_label(text: str, lexicon: Lexicon) -> int | None:
    """The token where a box label stands in ``text``: at its start, its end, or after a closed sentence.

    A label that opens a unit mid-line must be of two words or closed by a
    colon ("Related Posts", "Tags:"): one word ("More", "Latest") opens
    sentences and headlines alike. What follows the label may not be a
    lower-case word of prose ("Related coverage shows that ...").
    """
    tokens = text.split()
    for position in range(len(tokens)):
        if position and not CLOSED_END.search(tokens[position - 1]):
            continue
        if not tokens[position][:1].isalnum():
            continue  # a list item's bullet ("* Name of the buyer:"): an item, not a box's heading
        for size in range(1, min(LABEL_TOKENS, len(tokens) - position) + 1):
            label = tokens[position:position + size]
            follows = tokens[position + size] if position + size < len(tokens) else None
            if position and size == 1 and not label[0].endswith(":"):
                continue
            if follows is not None and is_prose_word(follows):
                continue
            if _names_label(lexicon, label):
                return position
    return None


def _label_size(tokens: Sequence[str], lexicon: Lexicon) -> int:
    """How many of ``tokens`` the label that opens them takes (the shortest the lexicon names)."""
    for size in range(1, min(LABEL_TOKENS, len(tokens)) + 1):
        if _names_label(lexicon, tokens[:size]):
            return size
    return 0


def opens_sentence(text: str) -> bool:
    """Whether ``text`` opens with a sentence of an article's length closed by a stop.

    A "Read More" cue between two paragraphs is followed by the article's
    next sentence; a box's label by headlines, which are short, and by
    summaries glued to them, which open with the headline's unclosed words.
    """
    units = split_units(text)
    if not units:
        return False
    first, last = units[0]
    unit = text[first:last].strip()
    return len(unit.split()) > MAX_HEADLINE_WORDS and _STOP_END.search(unit) is not None


def end_score(
    blocks: Sequence[Block], article: tuple[int, int], index: int, end: int, lexicon: Lexicon
) -> EndEvidence:
    """The end evidence of the line at ``index``, with the article's lines ``article`` above it and the region's end."""
    text = blocks[index].text
    label = seam_label(text, lexicon)
    if label == 0 and index and blocks[index - 1].text.rstrip().endswith(":"):
        label = None  # the line above announces this one ("The order needs:" / "Name of the buyer")
    if label is None or _names_label(lexicon, text.split()):
        # A label alone on its line is the line-structured rules' (a barrier, a teaser tail): they read the
        # lines around it, which a render that kept it alone kept too. Without a label the line cannot pass:
        # its other evidence (the cohesion reads all of the region below) is not read.
        return EndEvidence(None, False, 1.0)
    tokens = text.split()
    size = _label_size(tokens[label:], lexicon)
    rest = tokens[label + size:]
    # What the label heads: the rest of its line, else the next line.
    following = " ".join(rest) if rest else (blocks[index + 1].text if index + 1 < end else "")
    kind = lexicon.match_line(" ".join(tokens[label:label + size]).rstrip(":").strip()) or "teaser"
    return EndEvidence(label, opens_sentence(following), cohesion(blocks, article, (index, end)), kind)


def _resumes(blocks: Sequence[Block], article: tuple[int, int], index: int, end: int) -> bool:
    """Whether a paragraph of the article stands below the line at ``index`` (the box sits inside the article)."""
    return any(
        blocks[later].words >= RESUME_WORDS and cohesion(blocks, article, (later, later + 1)) >= RESUME_COHESION
        for later in range(index + 1, min(end, index + 1 + RESUME_REACH))
    )


def cut_scored_tail(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lexicon: Lexicon
) -> tuple[int, dict[int, str]]:
    """The region's end moved to the first line past the article's middle whose end score passes.

    ``(end, {})`` when none does; else the new end and the reasons of the
    blocks cut (their category, else the label's). A label inside a line (after
    the article's last sentence) keeps the line.
    """
    prose = [blocks[i].words if verdicts[i].running_prose else 0 for i in range(start, end)]
    total = sum(prose)
    before = 0
    for index in range(start, end):
        if before >= MIN_PROSE_BEFORE * total and before:
            evidence = end_score(blocks, (start, index), index, end, lexicon)
            if evidence.score >= PASS_SCORE and not _resumes(blocks, (start, index), index, end):
                cut = index if evidence.label == 0 else index + 1
                if cut < end:
                    return cut, label_tail(verdicts, cut, end, evidence.kind)
                return end, {}
        before += prose[index - start]
    return end, {}
