"""An article of short lines under the headline the address names, when the region search lands elsewhere.

Some articles have no block that reads as prose: a dialogue, song lyrics,
a recipe's steps, a forum post of one-line remarks, a list. Scored block
by block they weigh nothing, so the densest run of prose is a sidebar's
paragraph, a bio or a tweet somewhere else on the page. The address is the
evidence against that choice: when the chosen run (and the headline above
it) shares almost nothing with the slug, and a short unlabelled line
elsewhere matches it (the headline), the article is the run of lines
right under that headline, past its date and byline, up to the first strip
of furniture (a share row, comments, teasers, a run of labels). The lines
must read as text (several of them, some with sentence punctuation), not
as a menu of one- or two-word labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .classify import EDGE_CATEGORIES, Verdict
from .region import HEADLINE_REACH, is_date_label, relevance_with_headline
from .segment import Block

#: A region sharing less than this share of the slug's words (itself or its headline) is not the story's.
_IRRELEVANT = 0.3
#: A region holding this much running prose is an article in its own right: the address may be
#: worded apart from the page (a wiki's title, a translated slug), so it stands (measured on te-dev:
#: the replaced regions held 20 to 139 words; a Wikipedia lead of 280 words was lost without this).
_ARTICLE_WORDS = 150
#: A headline shares at least this share of the slug's words, and is a short line.
_HEADLINE_RELEVANCE = 0.6
_HEADLINE_WORDS = 20
#: How many header lines (date, byline, kicker) may sit between the headline and the first line of text.
_HEAD_GAP = 8
#: Header lines: what a headline's strip holds before the text; a line this short is a name or a label.
_HEADER_KINDS = frozenset({"byline", "meta", "dateline", "image_credit", "share", "navigation"})
_LABEL_WORDS = 3
#: The article ends at a barrier (comments, teasers, appeals), a share row, or this many labels in a row.
_FOOTER_LABELS = 3
_SHARE_ROW = 2
_ITEM_WORDS = 2
#: What makes the run an article's text: this many unlabelled lines (a dialogue's "– Ok." counts),
#: the first of more than a label, this many words, and at least one finished sentence.
_MIN_LINES = 3
_MIN_WORDS = 15
#: A finished sentence: a full stop, then any closing quotes or brackets (German closes with "“").
FINISHED = re.compile(r"[.!?…。！？؟।][\"'”’“»«)\]]*\s*$")


def _is_text_line(block: Block, verdict: Verdict) -> bool:
    return verdict.category is None and block.words > _LABEL_WORDS and not is_date_label(block, verdict)


def headline_scores(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], relevance: Callable[[int, int], float | None]
) -> list[tuple[float, int]]:
    """The unlabelled short lines sharing enough of the slug to be its headline, with their share."""
    found: list[tuple[float, int]] = []
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        if verdict.category is not None or block.words > _HEADLINE_WORDS:
            continue
        score = relevance(index, index + 1) or 0.0
        if score >= _HEADLINE_RELEVANCE:
            found.append((score, index))
    return found


def slug_headline(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], relevance: Callable[[int, int], float | None]
) -> int | None:
    """The first unlabelled short line that shares the most of the slug, if it shares enough."""
    scored = headline_scores(blocks, verdicts, relevance)
    return min(scored, key=lambda pair: (-pair[0], pair[1]))[1] if scored else None


def _body_start(blocks: Sequence[Block], verdicts: Sequence[Verdict], head: int) -> int | None:
    """The first line of text under the headline, past its header lines."""
    for index in range(head + 1, min(len(blocks), head + 1 + _HEAD_GAP)):
        if _is_text_line(blocks[index], verdicts[index]):
            return index
        category = verdicts[index].category
        if category is not None and category not in _HEADER_KINDS:
            return None
    return None


def _body_end(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int) -> int:
    """Where the furniture after the text starts: a barrier, a share row, or a run of labels."""
    labels = shares = 0
    for index in range(start, len(blocks)):
        verdict = verdicts[index]
        if verdict.category in EDGE_CATEGORIES:
            return index - labels
        shares = shares + 1 if verdict.category == "share" else 0
        short = verdict.category is not None or blocks[index].words <= _ITEM_WORDS
        labels = labels + 1 if short else 0
        if shares >= _SHARE_ROW or labels >= _FOOTER_LABELS:
            return index + 1 - max(labels, shares)
    return len(blocks)


def body_under_headline(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    relevance: Callable[[int, int], float | None] | None,
    start: int,
    end: int,
) -> tuple[int, int] | None:
    """The run of text lines under the slug's headline, when the region ``[start, end)`` is not the story's."""
    if relevance is None:
        return None
    if start < end and (relevance_with_headline(verdicts, relevance, start, end) or 0.0) >= _IRRELEVANT:
        return None
    if sum(blocks[i].words for i in range(start, end) if verdicts[i].running_prose) >= _ARTICLE_WORDS:
        return None
    head = slug_headline(blocks, verdicts, relevance)
    if head is None or start - HEADLINE_REACH <= head < end:
        return None
    first = _body_start(blocks, verdicts, head)
    if first is None:
        return None
    last = _body_end(blocks, verdicts, first)
    while last > first and blocks[last - 1].text.rstrip().endswith((":", "：")):
        # "Share this:" introduces the share row below it.
        last -= 1
    lines = [
        i for i in range(first, last) if verdicts[i].category is None and not is_date_label(blocks[i], verdicts[i])
    ]
    if len(lines) < _MIN_LINES or sum(blocks[i].words for i in lines) < _MIN_WORDS:
        return None
    if not any(FINISHED.search(blocks[i].text) or verdicts[i].prose for i in lines):
        return None
    return first, last
