"""A flattened dump read one sentence a line: runs of sentences stand for the paragraphs they were.

A page printed as one run of words gets its lines back one sentence a line
(:mod:`~newsclean.text.unflatten`), so that a cookie sentence, an appeal or
another story's summary glued to the article is judged on its own. Three
judgements made on paragraphs would then be made on sentences, and go wrong:

- the region search (:func:`~newsclean.text.region.find_region`) weighs
  prose by its length, short prose less than in proportion
  (:func:`~newsclean.text.scores.prose_score`): cut into sentences, a
  paragraph would weigh about half of what it weighed whole, and one
  sidebar paragraph would outweigh a short article of several
  (:func:`paragraph_verdicts`);
- a lead sentence the page prints again in a teaser would count as
  repeated prose and leave the body (:func:`repeated_runs`);
- the last sentence of a paragraph before a photo credit would be taken
  for that photo's caption (:func:`run_words`).

A run is consecutive blocks the classifier left unnamed that read as prose
or are short finished sentences ("He declined."): no label, menu or noise
between them, as no label stood inside the paragraph. Line-structured
dumps never reach this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .classify import Verdict
from .scores import FULL_WEIGHT_WORDS
from .segment import Block

#: A run of finished sentences this long reads as prose, as a finished sentence of that many words does.
MIN_RUN_WORDS = 8


def _in_run(verdict: Verdict) -> bool:
    """Prose, or a short finished sentence the classifier left neutral ("He declined.")."""
    return verdict.category is None and (verdict.prose or verdict.score == 0)


def _runs(verdicts: Sequence[Verdict]) -> list[range]:
    """The runs of consecutive sentences that read as one paragraph (:func:`_in_run`)."""
    runs: list[range] = []
    index = 0
    while index < len(verdicts):
        if not _in_run(verdicts[index]):
            index += 1
            continue
        end = index
        while end < len(verdicts) and _in_run(verdicts[end]):
            end += 1
        runs.append(range(index, end))
        index = end
    return runs


def run_words(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> list[int]:
    """Each block's paragraph length: the words of its run of prose sentences, or its own words outside one."""
    lengths = [block.words for block in blocks]
    for run in _runs(verdicts):
        total = sum(blocks[i].words for i in run)
        for i in run:
            lengths[i] = total
    return lengths


def repeated_runs(blocks: Sequence[Block], verdicts: Sequence[Verdict], repeated: set[int]) -> set[int]:
    """The sentences of ``repeated`` whose whole run of prose is printed again.

    A page prints its lead sentence again in a teaser or a summary box; on a
    line dump the lead is a paragraph of several sentences and is not
    repeated as a whole, so it stays. One sentence a line, each sentence is
    compared alone: here a run counts as printed twice only when every prose
    sentence of it is, as a paragraph would.
    """
    kept: set[int] = set()
    inside: set[int] = set()
    for run in _runs(verdicts):
        inside.update(run)
        prose = [i for i in run if verdicts[i].prose]
        if prose and all(i in repeated for i in prose):
            kept.update(i for i in run if i in repeated)
    # Repeats outside any run (labels, noise) are left as they were.
    return kept | {i for i in repeated if i not in inside}


def paragraph_verdicts(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> list[Verdict]:
    """``verdicts`` for the region search, each sentence of a run scored as a share of its paragraph.

    A prose block of ``w`` words scored ``s`` (``w * min(1, w / 30)``, less
    for appeal-like prose) scores ``s / min(1, w / 30) * min(1, W / 30)``
    where ``W`` is the words of its run; a short finished sentence in a run
    scores ``w * min(1, W / 30)``, as its words counted in the paragraph.
    Runs shorter than :data:`MIN_RUN_WORDS` and other blocks keep their
    scores. The verdicts themselves are not changed (copies are returned).
    """
    out = list(verdicts)
    for run in _runs(verdicts):
        paragraph = sum(blocks[i].words for i in run)
        if paragraph < MIN_RUN_WORDS:
            continue
        run_factor = min(1.0, paragraph / FULL_WEIGHT_WORDS)
        for i in run:
            verdict, words = verdicts[i], blocks[i].words
            if verdict.prose and verdict.score > 0 and words:
                out[i] = replace(verdict, score=verdict.score / min(1.0, words / FULL_WEIGHT_WORDS) * run_factor)
            elif not verdict.prose:
                out[i] = replace(verdict, score=words * run_factor)
    return out
