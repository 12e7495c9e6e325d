"""The end of an article at a run of "headline, summary" pairs about other stories.

After a story, pages print the next stories, "more from this section" and
"most read" boxes: each a headline (a line that ends no sentence) and a
sentence or two of summary. A line-structured render keeps such a box as
short lines the teaser-tail cut (:func:`~newsclean.text.region.cut_teaser_tail`)
recognises when it closes the region; a glued render (some line breaks
kept, labels joined to sentences) mixes the box's headlines with summaries
that read as prose, and the box is often followed by a comment form or a
footer, so the chain never reaches the region's end and nothing cuts it.

Two pieces of evidence together end the article at such a run:

- shape: from the run's first line on, at least :data:`MIN_HEADLINES`
  headline-shaped lines (a few words, capitalised, no sentence end), no
  more than :data:`MAX_GAP` other lines between two of them and no line
  of a paragraph's length (:data:`MAX_SUMMARY_WORDS`) among them, and
  :data:`MIN_SUMMARIES` sentences between them (a list of titles alone is
  an article's list). An article's subheaded sections have paragraphs of
  that length, or one subheading every several lines;
- cohesion (:func:`~newsclean.text.flat_tail.cohesion`): under
  :data:`MAX_COHESION` of the run's words (four letters or more) occur in
  the article before it, and no paragraph in it or just below it shares
  :data:`RESUMED_COHESION` of its words with the article (a box inside the
  story, which goes on below it). An article's later sections name its
  people, places and subject again; the next stories name theirs. A list
  article (ten places to visit, a chart's songs) has the same shape and is
  kept by this when its items share the article's words, and by position
  when they are most of it: the run must stand after :data:`MIN_PROSE_BEFORE`
  of the region's prose, and what follows must hold under
  :data:`MAX_PROSE_AFTER` of the prose before it.

It runs on every text dump. On a line-structured render a newsletter's
last sections take a similar shape: a reading list (linked titles, each
with its writer and source, no summary), then the next section's heading
and its prose, sharing few words with the rest by nature. Its sentences
all stand below the last title, so no title has a summary below it: a run
needs :data:`MIN_PAIRED` summaries that another headline follows, which a
box of the next stories has by its shape (headline, summary, headline).
A flattened or glued render merges and splits lines anew, so there the
order is no evidence and shape and cohesion decide alone. Ungated this
way, body F1 fp-dev soup / inscriptis 0.9342 / 0.9341 -> 0.9360 / 0.9354,
te-dev strings soup / inscriptis 0.8837 / 0.8948 -> 0.8840 / 0.8957 and
glued pages the glued test misses gain too; no page worse on any set.

A render that joins lines (glued, flattened) hides a box's shape in
three ways, each read here from the lines' own evidence:

- a headline joined to its summary is one line ending as a sentence: it
  counts as a headline and a summary where the seam shows
  (:func:`is_glued_pair`, the seam of :mod:`~newsclean.text.lead_ins`);
- a story joined to another line drops out of the count: under the box's
  heading (a short line the lexicon names a teaser, just above the run)
  :data:`MIN_ANNOUNCED_HEADLINES` make a run;
- the run's last headline has its summary right below it, and a story on
  a related subject names the article's words: that summary is no
  evidence of the article going on (:func:`_resumes` looks past it).

Together, body F1 fp-dev glued / glued-insc 0.8832 / 0.8872 -> 0.8839 /
0.8875, te-dev strings soup / inscriptis 0.8853 / 0.8975 -> 0.8859 /
0.8981, flat / flat-insc 0.8064 / 0.8196 -> 0.8067 / 0.8204, glued
0.8387 -> 0.8390; no page worse on any set. Dropping the resumed test
altogether would cut ten more fp-dev glued tails (about 1,900 words) but
loses the article's last paragraphs on three (about 90 words) and 96
words of a soup page whose story does go on below a box.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .flat_tail import cohesion, cohesion_of
from .headline_body import FINISHED
from .lead_ins import lead_in_end
from .region import label_tail
from .segment import Block

#: Headline-shaped lines a run needs ...
MIN_HEADLINES = 3
#: ... or this many where a box's heading announces it (a teaser line the lexicon named just above the run).
MIN_ANNOUNCED_HEADLINES = 2
#: How far above the run's first headline that heading may stand (lines), and how long it may be (words: a
#: heading glued to a date or a label, not a paragraph that mentions "read more").
ANNOUNCE_REACH = 2
ANNOUNCE_MAX_WORDS = 8
#: ... and lines between them (their summaries): a list of names or titles alone is an article's list.
MIN_SUMMARIES = 2
#: ... and of those, summaries with a headline below them (a pair, not a list's last title and the prose after it).
MIN_PAIRED = 1
#: A headline has this many words at least (shorter lines are labels: a section's name, a date) ...
HEADLINE_MIN_WORDS = 4
#: ... and at most this many.
HEADLINE_MAX_WORDS = 25
#: Other lines (a summary of a sentence or two, a date, a label) allowed between two headlines.
MAX_GAP = 2
#: A line this long or longer is a paragraph: no teaser's summary, and the run ends there.
MAX_SUMMARY_WORDS = 60
#: The run's words shared with the article before it: below this share they are another story's.
MAX_COHESION = 0.3
#: The run stands after this share of the region's prose words ...
MIN_PROSE_BEFORE = 0.6
#: ... and what follows its start holds at most this share of the prose before it.
MAX_PROSE_AFTER = 0.4
#: A paragraph below a run this long (words) and sharing this much of its words with the article before the
#: run is the article going on: the run was a box inside it.
RESUMED_WORDS = 20
RESUMED_COHESION = 0.25
#: How far below a run that paragraph may stand: past this many lines (labels of a word or three not counted).
RESUME_REACH = 4
#: An article this short (prose words) has no tail to judge: its cohesion is not measurable.
MIN_ARTICLE_WORDS = 100
#: Openers a headline may carry before its first letter: quotes and brackets.
#: What a headline or a summary line may be classified as: unnamed, or named a teaser.
_HEADLINE_KINDS = frozenset({None, "teaser"})
_OPENERS = "\"'“‘«„‹([¿¡ "


def is_headline_shaped(block: Block, verdict: Verdict) -> bool:
    """A line that reads as a story's headline: a few words, capitalised (or numbered), no sentence end.

    A sentence the render broke at a link goes on in lower case; a label
    (a section's name, a date) is a word or three. A line the lexicon
    named (a caption, a newsletter's sign-up) is not a story's headline.
    """
    if (
        verdict.category not in _HEADLINE_KINDS
        or not HEADLINE_MIN_WORDS <= block.words <= HEADLINE_MAX_WORDS
        or FINISHED.search(block.text) is not None
    ):
        return False
    first = block.text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _is_summary(block: Block, verdict: Verdict) -> bool:
    """A story's summary: a sentence (prose, or a line ending as one) no lexicon named.

    A caption, a share row or a source's name in brackets between two
    headlines is no story's summary; a list of titles and their sources
    (a newsletter's reading list) is the article's.
    """
    return verdict.category in _HEADLINE_KINDS and (verdict.prose or FINISHED.search(block.text) is not None)


def is_glued_pair(block: Block, verdict: Verdict) -> bool:
    """A line holding a story's headline and the summary sentence after it (a render that joined the two).

    The seam is :func:`~newsclean.text.lead_ins.lead_in_end`'s: a
    capitalised function word after a run of words without a stop, a
    sentence after it. The headline must have a headline's words.
    """
    return verdict.category in _HEADLINE_KINDS and lead_in_end(block.text.split()) >= HEADLINE_MIN_WORDS


def pair_run(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], first: int, end: int, min_paired: int = MIN_PAIRED
) -> tuple[int, int]:
    """The headlines a run of teaser pairs starting at ``first`` holds, and the block after its last headline.

    ``(0, first)`` when ``first`` is no headline. What follows the last
    headline (its summary, or the article going on) is the caller's to judge.
    ``min_paired`` summaries must have a headline below them (see
    :func:`cut_teaser_pairs`).
    """
    if not (is_headline_shaped(blocks[first], verdicts[first]) or is_glued_pair(blocks[first], verdicts[first])):
        return 0, first
    headlines = gap = summaries = paired = pending = 0
    last = first
    for index in range(first, end):
        if blocks[index].words >= MAX_SUMMARY_WORDS:
            break
        if is_headline_shaped(blocks[index], verdicts[index]):
            headlines += 1
            gap = 0
            last = index
            paired += pending
            pending = 0
        elif is_glued_pair(blocks[index], verdicts[index]):
            # A headline and its summary on one line: a pair for the one above, and a summary for the next.
            headlines += 1
            gap = 0
            last = index
            paired += pending
            summaries += 1
            pending = 1
        elif blocks[index].words >= HEADLINE_MIN_WORDS:
            # A summary or other line between two headlines; a label's word or three (a section's name, a
            # byline, a headline broken at its links) is no gap.
            gap += 1
            if gap > MAX_GAP:
                break
            summary = _is_summary(blocks[index], verdicts[index])
            summaries += summary
            pending += summary
    # A summary the next headline follows makes a pair: a list of titles, then one section's prose below its
    # last title (a newsletter's reading list, then its next section), holds none.
    return (headlines if summaries >= MIN_SUMMARIES and paired >= min_paired else 0), last + 1


def _announced(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, first: int) -> bool:
    """Whether a box's heading ("More from this section", "You might also like") stands right above ``first``.

    A glued render joins a box's headline to its summary or to the next
    headline, so fewer headline-shaped lines show than the box holds; its
    heading, a short line the lexicon names a teaser, is the evidence the
    missing headlines would have been. The run's first headline may be
    named so itself (the classifier reads a box's items by their heading).
    """
    for index in range(max(start, first - ANNOUNCE_REACH), first + 1):
        if verdicts[index].category == "teaser" and blocks[index].words <= ANNOUNCE_MAX_WORDS:
            return True
    return False


def _goes_on(blocks: Sequence[Block], verdicts: Sequence[Verdict], article: tuple[int, int], index: int) -> bool:
    """Whether the block at ``index`` is a paragraph of the article: prose that shares the article's words."""
    return (
        verdicts[index].running_prose
        and blocks[index].words >= RESUMED_WORDS
        and cohesion_of(blocks, article, (index,)) >= RESUMED_COHESION
    )


def _resumes(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], article: tuple[int, int], inside: range, end: int
) -> bool:
    """Whether the article goes on right after a run: a paragraph just below it that shares the article's words.

    A "more on this" box stands between two paragraphs of a story as
    often as after it; the story's next paragraph below it names its
    subject. The paragraph is judged alone (the next stories' summaries
    around it would dilute its share) and only right below the run (a
    comment or a footer further down may name the subject too).
    """
    if any(_goes_on(blocks, verdicts, article, index) for index in inside):
        return True
    lines = 0
    for index in range(inside.stop, end):
        if blocks[index].words < HEADLINE_MIN_WORDS:
            # A label's word or two (a box's bylines, its headlines broken at their links) takes no room.
            continue
        if index == inside.stop and blocks[index].words < MAX_SUMMARY_WORDS:
            # Right below the run's last headline stands its own summary (the pair's second half), which names
            # that story's subject, not the article's: the article goes on below it, if anywhere.
            lines += 1
            continue
        if _goes_on(blocks, verdicts, article, index):
            return True
        lines += 1
        if lines >= RESUME_REACH:
            return False
    return False


def cut_teaser_pairs(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lines_kept: bool = True
) -> tuple[int, dict[int, str]]:
    """The region's end moved to the first run of other stories' teaser pairs after its article.

    ``lines_kept``: the render kept the page's line breaks, so a box of
    the next stories shows its headline, summary, headline order and a
    run must show it (:data:`MIN_PAIRED`). A flattened or glued render
    merges and splits lines anew: that order is lost, and the run's shape
    and cohesion are all the evidence.

    ``(end, {})`` when no such run stands in the region; else the run's
    first block and the reasons of the blocks cut (teaser, or the category
    the classifier gave them).
    """
    prose = [blocks[i].words if verdicts[i].running_prose else 0 for i in range(start, end)]
    total = sum(prose)
    if total < MIN_ARTICLE_WORDS:
        return end, {}
    before = 0
    index = start
    while index < end:
        if before >= MIN_PROSE_BEFORE * total and total - before <= MAX_PROSE_AFTER * before:
            headlines, run_end = pair_run(blocks, verdicts, index, end, MIN_PAIRED if lines_kept else 0)
            needed = MIN_ANNOUNCED_HEADLINES if _announced(blocks, verdicts, start, index) else MIN_HEADLINES
            if headlines >= needed and cohesion(blocks, (start, index), (index, run_end)) < MAX_COHESION:
                if not _resumes(blocks, verdicts, (start, index), range(index, run_end), end):
                    return index, label_tail(verdicts, index, end, "teaser")
                # A box inside the story: the story goes on below it.
                for inside in range(index, run_end):
                    before += prose[inside - start]
                index = run_end
                continue
        before += prose[index - start]
        index += 1
    return end, {}
