"""The article region: the densest contiguous run of prose in a dump.

An article is one contiguous stretch of the page; menus sit before it,
teasers, appeals and footers after it. Given a score per block (prose
positive, noise negative) the region is the maximum-sum run of blocks, then
its edges are trimmed of well-formed appeals that lean on hard noise and a
teaser list it swallowed at its end is cut. Where else an article ends
(barriers, a second story, an announced list) is :mod:`newsclean.text.ends`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..normalize.text import comparison_key
from .classify import EDGE_CATEGORIES, Verdict
from .segment import Block, count_words, split_sentences

#: Shape of a teaser unit: up to three short head lines (date, kicker,
#: headline), one short summary.
#: An edge block with this many appeal cues at this density leans on the appeal beside it
#: (a looser test than the classifier's appeal weight, scores.APPEAL_DENSITY: an edge is
#: trimmed on less evidence than prose is discounted on; commit c7895e8).
_EDGE_APPEAL_HITS = 3
_EDGE_APPEAL_DENSITY = 0.1
_TEASER_HEADS = 3
TEASER_HEAD_WORDS = 15
_TEASER_SUMMARY_WORDS = 45
_TEASER_UNITS = 3
_TEASER_TAILS = 2
#: A summary cut off with an ellipsis is a teaser's; its headline may run longer.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\W{0,2}$")
_TRUNCATED_HEAD_WORDS = 25
#: A line ending with a comma breaks off inside a sentence (a renderer broke it at a link or a
#: name: "Tom Lind," / "the harbour master," / "said on Monday that ..."): no headline does.
_OPEN_CLAUSE = re.compile(r"[,，、،]\W{0,2}$")
#: "Label: A, B, C" (results by region, a cast list) is a list's line, not a summary.
_LABELLED_ENTRY = re.compile(r"^[^\W\d][^:：]{0,20}[:：](?!//)")
_ENUMERATION = re.compile(r"[、,，;；]")
_ENUMERATION_ITEMS = 3
_ENUMERATION_ITEM_WORDS = 3
_TEASER_TAIL_KINDS = frozenset({"byline", "meta", "dateline", "share", "image_credit", "navigation"})
#: A dated teaser: head lines with a calendar date, then a few blocks of summary.
_DATED_BODY_BLOCKS = 5
_DATED_BODY_WORDS = 200
_DATED_HEADS = 2
_DATE_LABEL_WORDS = 6
#: A calendar date (numeric, or any form carrying a year); a lone clock time
#: is not one: live blogs stamp their entries with times.
_CALENDAR_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A run below this share of the best one's sum is never the article.
_MIN_SHARE = 0.2
#: A run sharing no words with the address keeps this share of its sum.
_RELEVANCE_FLOOR = 0.2
#: How many blocks above a run its headline may sit (kicker, date, byline, photo credit between).
HEADLINE_REACH = 8


def max_scoring_run(scores: Sequence[float]) -> tuple[int, int]:
    """Return ``(start, end)`` (end exclusive) of the maximum-sum run.

    ``(0, 0)`` when no block scores above zero. Headings such as "Most
    Read" are not hard stops: news pages put such boxes inside articles too.
    """
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, start = score, index
        else:
            running += score
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span


def _appeal_like(verdict: Verdict) -> bool:
    cued = verdict.appeal_hits >= _EDGE_APPEAL_HITS and verdict.appeal_density >= _EDGE_APPEAL_DENSITY
    return verdict.score <= 0 or cued


def _neighbour_category(verdicts: Sequence[Verdict], index: int, step: int) -> str | None:
    """Category of the nearest block in direction ``step`` that is not an empty filler."""
    index += step
    while 0 <= index < len(verdicts):
        if verdicts[index].category is not None or verdicts[index].score != 0:
            return verdicts[index].category
        index += step
    return None


def _candidate_runs(scores: Sequence[float]) -> list[tuple[int, int, float]]:
    """The best run, then the best run left and right of each run found: ``(start, end, sum)``.

    Runs below :data:`_MIN_SHARE` of the best one's sum are not looked into
    further. A one-paragraph wire story can lie between a teaser box and a
    footer of product blurbs, each outscoring it: the best run left of the
    footer is then the teaser box's, and the story is the best run left of that.
    """
    start, end = max_scoring_run(scores)
    if start == end:
        return []
    best = sum(scores[start:end])
    found = [(start, end, best)]
    gaps = [(0, start), (end, len(scores))]
    while gaps:
        lo, hi = gaps.pop()
        s, e = max_scoring_run(scores[lo:hi])
        total = sum(scores[lo + s: lo + e])
        if s == e or total < _MIN_SHARE * best:
            continue
        found.append((lo + s, lo + e, total))
        gaps.extend(((lo, lo + s), (lo + e, hi)))
    return found


def find_region(
    verdicts: Sequence[Verdict], relevance: Callable[[int, int], float | None] | None = None
) -> tuple[int, int, dict[int, str]]:
    """The article's block range, trimmed of appeal-like edges.

    When the page's address says what the article is about, ``relevance``
    scores a candidate range (0 to 1, or ``None`` when it cannot tell): a
    company blurb list in the footer can outweigh a one-paragraph wire story
    in prose, but it does not share the story's words.

    Returns ``(start, end, trimmed)`` where ``trimmed`` maps each edge block
    dropped by the trimming to the noise category it leaned on.
    """
    scores = [v.score for v in verdicts]
    candidates = _candidate_runs(scores)
    if not candidates:
        return trim_edges(verdicts, 0, 0)
    best_sum = candidates[0][2]
    start, end = candidates[0][:2]
    if relevance is not None and len(candidates) > 1:
        weighted: list[tuple[float, int, int]] = []
        for s, e, total in candidates:
            if total < _MIN_SHARE * best_sum:
                continue
            rel = relevance_with_headline(verdicts, relevance, s, e)
            if rel is None:
                weighted = []
                break
            weighted.append((total * (_RELEVANCE_FLOOR + rel), s, e))
        if weighted:
            _, start, end = max(weighted)
    return trim_edges(verdicts, start, end)


def relevance_with_headline(
    verdicts: Sequence[Verdict], relevance: Callable[[int, int], float | None], start: int, end: int
) -> float | None:
    """A run's relevance, or its headline's when higher: the headline sits just above its article.

    A short article under the headline that matches the address shares few
    of its words in its own prose; a longer sign-up form or sidebar text
    elsewhere shares none. The headline is one of the unlabelled lines in
    the strip right above the run (kicker, date, byline, photo between); a
    caption repeating the headline's words above an author's bio is not it,
    so labelled lines do not count.
    """
    rel = relevance(start, end)
    if rel is None:
        return None
    index = start
    while index > 0 and start - index < HEADLINE_REACH:
        index -= 1
        if verdicts[index].category is None:
            rel = max(rel, relevance(index, index + 1) or 0.0)
        if verdicts[index].prose:
            # A long headline reads as prose: it is the last line the reach takes.
            break
    return rel


def _teaser_unit_start(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], keys: Sequence[str], end: int, floor: int,
    repeated: set[str],
) -> int | None:
    """Start of a "kicker, headline, one-paragraph summary" unit ending at ``end``.

    One head line at least must be a distinct headline: a label repeated
    between every paragraph ("Article content") is a layout marker inside
    the article, and a label with a colon heads a timeline's entry or a
    glossary's term ("Oct. 6, 1923:"); a teaser's
    section label may repeat but its headline does not, and a date with a
    label is a teaser's head even when the headline ran into the summary.
    A line right above the summary that ends with a comma is a sentence's first
    words, broken off at a link or a name, and the "summary" is the rest of that sentence:
    the article's prose, not a teaser (a glued fp-dev page lost 51 points of
    recall to a cut through such lines). Not so a labelled line (a topic row:
    "Climate," / "Energy, Transport,"), nor a teaser's byline higher up
    ("Smith," / "Berlin").
    """
    last = end - 1
    # A teaser may close with its byline or date.
    while last > floor and end - last <= _TEASER_TAILS and verdicts[last].category in _TEASER_TAIL_KINDS:
        last -= 1
    if last <= floor or not verdicts[last].prose or blocks[last].words >= _TEASER_SUMMARY_WORDS:
        return None
    summary = blocks[last].text.strip()
    if _is_enumeration(summary):
        return None
    head_words = _TRUNCATED_HEAD_WORDS if _TRUNCATED.search(summary) else TEASER_HEAD_WORDS
    index = last
    distinct = False
    while index - 1 >= floor and last - index < _TEASER_HEADS:
        previous = verdicts[index - 1]
        if previous.prose or blocks[index - 1].words > head_words:
            break
        if index == last and previous.category is None and _OPEN_CLAUSE.search(blocks[index - 1].text):
            return None
        distinct = distinct or (
            keys[index - 1] not in repeated
            and not blocks[index - 1].text.rstrip().endswith(":")
        )
        index -= 1
    return index if (distinct and index < last) or last - index >= 2 else None


def _is_enumeration(text: str) -> bool:
    """A labelled list of short items ("Kyoto: A, B, C"), as results and cast lists print them."""
    label = _LABELLED_ENTRY.match(text)
    if label is None:
        return False
    items = [item for item in _ENUMERATION.split(text[label.end():]) if item.strip()]
    words = sum(count_words(item) for item in items)
    return len(items) >= _ENUMERATION_ITEMS and words <= _ENUMERATION_ITEM_WORDS * len(items)


def is_date_label(block: Block, verdict: Verdict) -> bool:
    return (
        not verdict.prose
        and block.words <= _DATE_LABEL_WORDS
        and _CALENDAR_DATE.search(block.text) is not None
    )


def _dated_unit_start(blocks: Sequence[Block], verdicts: Sequence[Verdict], end: int, floor: int) -> int | None:
    """Start of a "headline, date line, summary blocks" unit ending at ``end``.

    Teaser lists that print each story's date carry summaries of several
    blocks (often cut off mid-sentence), which the one-summary shape misses;
    the date line recurring every few blocks is what marks them.
    """
    index = end - 1
    while index > floor and end - index <= _DATED_BODY_BLOCKS and not is_date_label(blocks[index], verdicts[index]):
        index -= 1
    if index <= floor or index == end - 1 or not is_date_label(blocks[index], verdicts[index]):
        return None
    body = range(index + 1, end)
    if not any(verdicts[i].prose for i in body) or sum(blocks[i].words for i in body) > _DATED_BODY_WORDS:
        return None
    head = index
    while (
        head - 1 > floor
        and index - head < _DATED_HEADS
        and not verdicts[head - 1].prose
        and blocks[head - 1].words <= TEASER_HEAD_WORDS
        and not is_date_label(blocks[head - 1], verdicts[head - 1])
    ):
        head -= 1
    # The story's own headline leads the unit; a timeline's dated entries
    # ("Oct. 6, 1923:" then a paragraph) have none.
    headline = any(
        verdicts[i].category is None and not blocks[i].text.lstrip().startswith("(") for i in range(head, index)
    )
    return head if headline else None


def _chain(end: int, unit_start: Callable[[int], int | None], needed: int) -> int:
    """Walk back from ``end`` over consecutive units; the chain's first block, or ``end``."""
    cursor, units = end, 0
    while True:
        found = unit_start(cursor)
        if found is None:
            break
        units += 1
        cursor = found
    return cursor if units >= needed else end


def cut_teaser_tail(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, *, strict: bool = False,
    keys: Sequence[str] | None = None,
) -> tuple[int, dict[int, str]]:
    """Cut a teaser list that the region swallowed at its end.

    Related-story lists repeat one shape: a few short lines (date, kicker,
    headline) and a single short summary paragraph, or a dated headline and
    a few summary blocks. Three or more such units in a row at the region's
    end are a list of other stories, however much prose they hold; an
    article's subheaded sections have longer or several paragraphs.
    ``strict`` (precision preferred) is satisfied by two units. ``keys`` are
    the blocks' comparison keys when the caller has them (the classify stage
    keys every block), else each block is keyed here.
    """
    units = _TEASER_UNITS - 1 if strict else _TEASER_UNITS
    if keys is None:
        keys = [comparison_key(b.text) for b in blocks]
    printings = Counter(keys[start:end])
    repeated = {key for key, count in printings.items() if count > 1}
    # The list's last item may have lost its head line to the renderer, so
    # the chain may also start one block before the region's end.
    for last in (end, end - 1):
        cut = _chain(last, lambda cursor: _teaser_unit_start(blocks, verdicts, keys, cursor, start, repeated), units)
        if cut < last:
            return cut, label_tail(verdicts, cut, end, "teaser")
    cut = _chain(end, lambda cursor: _dated_unit_start(blocks, verdicts, cursor, start), units)
    if start < cut < end:
        return cut, label_tail(verdicts, cut, end, "teaser")
    return end, {}


def label_tail(verdicts: Sequence[Verdict], cut: int, end: int, default: str) -> dict[int, str]:
    """Reasons for the blocks of a cut tail: each block's own category, else
    the last edge category above it (the posts under "Comments (3)" are
    comments), else ``default``."""
    labels: dict[int, str] = {}
    current = default
    for index in range(cut, end):
        category = verdicts[index].category
        if category in EDGE_CATEGORIES:
            current = category
        labels[index] = category or current
    return labels


def trim_edges(verdicts: Sequence[Verdict], start: int, end: int) -> tuple[int, int, dict[int, str]]:
    """Drop edge blocks of ``[start, end)`` that lean on appeal-like noise.

    A short or cue-heavy block between the article and an appeal, a wall or a
    prompt is that noise's heading or lead-in ("It's not about you."), so it
    goes with it; the walk repeats while blocks keep leaning the same way.
    """
    trimmed: dict[int, str] = {}
    leaning = _neighbour_category(verdicts, end - 1, 1) if end else None
    while end - start > 1 and leaning in EDGE_CATEGORIES and _appeal_like(verdicts[end - 1]):
        end -= 1
        trimmed[end] = leaning
    leaning = _neighbour_category(verdicts, start, -1) if end else None
    while end - start > 1 and leaning in EDGE_CATEGORIES and _appeal_like(verdicts[start]):
        trimmed[start] = leaning
        start += 1
    return start, end, trimmed


def lone_prose(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int | None:
    """The region's only block of content prose when it is a paragraph of several sentences.

    A short post can be one paragraph that also reads as its title; taken
    for the headline, it would leave the body empty, and an empty body on a
    page that has one is the worst outcome: the caller keeps it in the body.
    A single sentence is a headline (a render that kept only a story link).
    """
    prose = [i for i in range(start, end) if verdicts[i].running_prose]
    if len(prose) != 1 or len(split_sentences(blocks[prose[0]].text)) < 2:
        return None
    return prose[0]


#: What pages print between an article's lead paragraph and its body: a
#: photo with its caption and credit, a share row, the date and byline.
_LEAD_WIDGETS = frozenset({"share", "image_credit", "dateline", "meta", "byline", "embed", "advertisement"})
#: How far above the region its lead may sit, and how long it must be.
_LEAD_GAP = 8
_LEAD_WORDS = 12
#: Unnamed short lines allowed in that strip ("Foto:", "Drucken", "1 / 5");
#: a longer one is a headline, whose story the paragraph above belongs to.
_LEAD_LABEL_WORDS = 4
_LEAD_LABELS = 3


def extend_over_widgets(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """Move the region's start up over the lead paragraph a strip of widgets cut off.

    Pages print the standfirst, then the lead photo with its caption and
    credit, a share row or the byline, then the body. Scored one block at
    a time, the strip outweighs a one-paragraph lead, so the densest run
    starts below it. A paragraph of prose that only widgets and a few
    label-length lines separate from the region is the article's own when
    it stands alone: the last of several paragraphs above the strip is a
    summary box's or another story's.
    """
    if not 0 < start < end:
        return start
    labels = 0
    index = start - 1
    while index >= 0 and start - index <= _LEAD_GAP:
        verdict = verdicts[index]
        if verdict.running_prose:
            break
        if verdict.category not in _LEAD_WIDGETS:
            if verdict.category is not None or blocks[index].words > _LEAD_LABEL_WORDS or labels == _LEAD_LABELS:
                return start
            labels += 1
        index -= 1
    if index < 0 or start - index > _LEAD_GAP or blocks[index].words < _LEAD_WORDS:
        return start
    if not verdicts[index].prose or verdicts[index].category is not None:
        return start
    if index > 0 and verdicts[index - 1].running_prose:
        return start
    return index
