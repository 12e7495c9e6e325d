"""Residual noise in an already extracted body (the HTML path's second pass).

HTML extractors choose the article container well but keep what sits inside
it: consent text, appeals, share rows, "Read more" teasers, credits. The same
classifier that cleans dumps judges each extracted paragraph; the region is
given, so only noise blocks, noise sentences and appeal-like edges go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..options import Options
from ..record import Removed
from .classify import SENTENCE_ENDS, Verdict, classify_blocks
from .comment_tail import comment_thread_start
from .compose import Composed, compose_block
from .evidence import Evidence
from .extract import TextResources
from .flow import keep_introduced_lines
from .lexicon import Lexicon
from .marks import mark_labelled_links
from .paywall import judge_paywall
from .region import trim_edges
from .segment import Block

#: What judges the blocks: (blocks, lexicon, evidence) -> one verdict per block.
Judge = Callable[[Sequence[Block], Lexicon, Evidence], list[Verdict]]

#: Cut-off summaries at a body's end: this many words at least, this many in a row.
_CUT_OFF_WORDS = 20
_CUT_OFF_RUN = 2
_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_ENDS + "]") + r"]\W{0,2}$")


def _cut_off_tail(blocks: list[Block]) -> int:
    """Where a run of cut-off summaries closing the body begins.

    Teaser boxes print the first words of other stories and stop mid-sentence
    ("... and nationwide coverage by the end"); an article's paragraphs end
    as sentences do. Two or more such paragraphs close the body: a box.
    """
    index = len(blocks)
    while index > 0 and blocks[index - 1].words >= _CUT_OFF_WORDS and not _SENTENCE_END.search(blocks[index - 1].text):
        index -= 1
    return index if len(blocks) - index >= _CUT_OFF_RUN else len(blocks)


@dataclass
class ResidualResult:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    paywalled: bool = False


def filter_paragraphs(
    paragraphs: list[str],
    language: str | None,
    resources: TextResources,
    options: Options,
    *,
    accessible_for_free: bool | None = None,
    passed: frozenset[int] = frozenset(),
    judge: Judge = classify_blocks,
) -> ResidualResult:
    """Drop the noise paragraphs and sentences of an extracted body.

    Categories the caller keeps stay in; with ``favor_recall`` only blocks
    the classifier named go, not unnamed edges. ``accessible_for_free`` is
    what the page's JSON-LD declares, evidence for ``paywalled``
    (:mod:`newsclean.text.paywall`). Paragraphs at the ``passed`` indices
    (data tables, judged on the page's markup) are not judged by wording:
    they stay in place and are not context for their neighbours. ``judge``
    gives the verdicts: the caller may gate the blocks it knows to be prose
    (:mod:`newsclean.html.residual_gate`); only their category, prose flag
    and noise spans are read here.
    """
    keep = options.kept_categories
    present = [(line, text) for line, text in enumerate(paragraphs) if text.strip() and line not in passed]
    waiting = sorted(line for line in passed if line < len(paragraphs) and paragraphs[line].strip())
    blocks = [Block(i, text, line, True) for i, (line, text) in enumerate(present)]
    lexicon = resources.lexicon.for_language(language)
    verdicts = judge(blocks, lexicon, resources.evidence)
    mark_labelled_links(blocks, verdicts)
    keep_introduced_lines(blocks, verdicts)
    start, end, trimmed = trim_edges(verdicts, 0, len(blocks))
    tail = _cut_off_tail(blocks[start:end]) + start
    trimmed.update({index: "teaser" for index in range(tail, end)})
    thread = comment_thread_start([block.text for block in blocks[start:end]]) + start
    trimmed.update({index: "comments" for index in range(thread, end)})
    if options.favor_recall:
        start, end, trimmed = 0, len(blocks), {}
    body = Composed()
    for block, verdict in zip(blocks, verdicts, strict=False):
        while waiting and waiting[0] < block.line:
            body.paragraphs.append(paragraphs[waiting.pop(0)])
        reason = trimmed.get(block.index) or verdict.category
        if reason is None and not start <= block.index < end:
            reason = "boilerplate"
        compose_block(body, block.text, reason, reason is not None and reason not in keep, verdict.sentence_noise,
                      keep)
    body.paragraphs.extend(paragraphs[line] for line in waiting)
    return ResidualResult(
        body.paragraphs, body.removed, judge_paywall(body.spans, lexicon, accessible_for_free=accessible_for_free)
    )
