"""The article region: the densest contiguous run of prose in a dump.

An article is one contiguous stretch of the page; menus sit before it,
teasers, appeals and footers after it. Given a score per block (prose
positive, noise negative) the region is the maximum-sum run of blocks, then
its edges are trimmed of well-formed appeals that lean on hard noise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from ..normalize.text import comparison_key
from .classify import EDGE_CATEGORIES, Verdict
from .segment import Block, count_words

#: Shape of a teaser unit: up to three short head lines (date, kicker,
#: headline), one short summary.
_TEASER_HEADS = 3
_TEASER_HEAD_WORDS = 15
_TEASER_SUMMARY_WORDS = 45
_TEASER_UNITS = 3
_TEASER_TAILS = 2
#: A summary cut off with an ellipsis is a teaser's; its headline may run longer.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\W{0,2}$")
_TRUNCATED_HEAD_WORDS = 25
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
#: A second article's header: this many short lines among the blocks before
#: its date, after at least this much of the first article's prose.
_NEXT_WINDOW = 8
_NEXT_LABELS = 4
_NEXT_MIN_WORDS = 150
_NEXT_SHARE = 0.3
#: A date with its day: a year alone is a heading's ("Awards 2024").
_FULL_DATE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|(?<!\d)\d{1,2}\D{1,15}(?:19|20)\d{2}(?!\d)|(?:19|20)\d{2}\D{1,15}\d{1,2}(?!\d)"
)
#: A run below this share of the best one's sum is never the article.
_MIN_SHARE = 0.2
#: A run sharing no words with the address keeps this share of its sum.
_RELEVANCE_FLOOR = 0.2


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
    return verdict.score <= 0 or (verdict.appeal_hits >= 3 and verdict.appeal_density >= 0.1)


def _neighbour_category(verdicts: Sequence[Verdict], index: int, step: int) -> str | None:
    """Category of the nearest block in direction ``step`` that is not an empty filler."""
    index += step
    while 0 <= index < len(verdicts):
        if verdicts[index].category is not None or verdicts[index].score != 0:
            return verdicts[index].category
        index += step
    return None


def _candidate_runs(scores: Sequence[float]) -> list[tuple[int, int, float]]:
    """The best run, and the best runs left and right of it: ``(start, end, sum)``."""
    start, end = max_scoring_run(scores)
    if start == end:
        return []
    found = [(start, end, sum(scores[start:end]))]
    for lo, hi in ((0, start), (end, len(scores))):
        s, e = max_scoring_run(scores[lo:hi])
        if s != e:
            found.append((lo + s, lo + e, sum(scores[lo + s: lo + e])))
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
            rel = relevance(s, e)
            if rel is None:
                weighted = []
                break
            weighted.append((total * (_RELEVANCE_FLOOR + rel), s, e))
        if weighted:
            _, start, end = max(weighted)
    return trim_edges(verdicts, start, end)


def _teaser_unit_start(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], end: int, floor: int, repeated: set[str]
) -> int | None:
    """Start of a "kicker, headline, one-paragraph summary" unit ending at ``end``.

    One head line at least must be a distinct headline: a label repeated
    between every paragraph ("Article content") is a layout marker inside
    the article, and a label with a colon heads a timeline's entry or a
    glossary's term ("Oct. 6, 1923:"); a teaser's
    section label may repeat but its headline does not, and a date with a
    label is a teaser's head even when the headline ran into the summary.
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
    head_words = _TRUNCATED_HEAD_WORDS if _TRUNCATED.search(summary) else _TEASER_HEAD_WORDS
    index = last
    distinct = False
    while index - 1 >= floor and last - index < _TEASER_HEADS:
        previous = verdicts[index - 1]
        if previous.prose or blocks[index - 1].words > head_words:
            break
        distinct = distinct or (
            comparison_key(blocks[index - 1].text) not in repeated
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


def _is_date_label(block: Block, verdict: Verdict) -> bool:
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
    while index > floor and end - index <= _DATED_BODY_BLOCKS and not _is_date_label(blocks[index], verdicts[index]):
        index -= 1
    if index <= floor or index == end - 1 or not _is_date_label(blocks[index], verdicts[index]):
        return None
    body = range(index + 1, end)
    if not any(verdicts[i].prose for i in body) or sum(blocks[i].words for i in body) > _DATED_BODY_WORDS:
        return None
    head = index
    while (
        head - 1 > floor
        and index - head < _DATED_HEADS
        and not verdicts[head - 1].prose
        and blocks[head - 1].words <= _TEASER_HEAD_WORDS
        and not _is_date_label(blocks[head - 1], verdicts[head - 1])
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
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, *, strict: bool = False
) -> tuple[int, dict[int, str]]:
    """Cut a teaser list that the region swallowed at its end.

    Related-story lists repeat one shape: a few short lines (date, kicker,
    headline) and a single short summary paragraph, or a dated headline and
    a few summary blocks. Three or more such units in a row at the region's
    end are a list of other stories, however much prose they hold; an
    article's subheaded sections have longer or several paragraphs.
    ``strict`` (precision preferred) is satisfied by two units.
    """
    units = _TEASER_UNITS - 1 if strict else _TEASER_UNITS
    keys = Counter(comparison_key(b.text) for b in blocks[start:end])
    repeated = {key for key, count in keys.items() if count > 1}
    # The list's last item may have lost its head line to the renderer, so
    # the chain may also start one block before the region's end.
    for last in (end, end - 1):
        cut = _chain(last, lambda cursor: _teaser_unit_start(blocks, verdicts, cursor, start, repeated), units)
        if cut < last:
            return cut, _labels(verdicts, cut, end, "teaser")
    cut = _chain(end, lambda cursor: _dated_unit_start(blocks, verdicts, cursor, start), units)
    if start < cut < end:
        return cut, _labels(verdicts, cut, end, "teaser")
    return end, {}


def _labels(verdicts: Sequence[Verdict], cut: int, end: int, default: str) -> dict[int, str]:
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


#: Noise that ends an article when precision is preferred: what follows is another page part.
BARRIER_CATEGORIES = frozenset(
    {"teaser", "tags", "comments", "newsletter", "share", "appeal", "paywall", "contribute"}
)
#: Barriers that end an article on any preference: a comment thread's
#: header does not sit inside articles the way "Most read" boxes do, and a
#: wall's message ("This article is for members only.") ends what the page shows.
FINAL_BARRIERS = frozenset({"comments", "paywall"})
#: Barriers that end an article only late in it: pages that print the
#: whole text put "Sign in" widgets and wall notices in its middle too.
LATE_BARRIERS = {"paywall": 0.75}
#: A barrier is a heading or a label ("Comments (12)"), not a sentence that mentions comments.
_BARRIER_WORDS = 6
#: A barrier's own kind may precede it this closely ("Comments" / "All comments (4)").
_BARRIER_SPAN = 4
#: Barriers that end an article as a pair of different kinds: a footer's
#: share row, tags and "More from" heading. Sign-up and donation boxes
#: carry an "Email" field or a share line of their own mid-article.
FOOTER_BARRIERS = frozenset({"share", "tags", "teaser", "comments"})
#: How far a second barrier may follow the first to make a footer cluster.
_PAIR_SPAN = 3
#: The share of the region's prose that must precede a barrier for it to end the article.
_BARRIER_SHARE = 0.5


def cut_at_barrier(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    start: int,
    end: int,
    tag_label: Callable[[str], bool] = lambda text: False,
    kinds: frozenset[str] = BARRIER_CATEGORIES,
    late: Mapping[str, float] = LATE_BARRIERS,
    pairs: frozenset[str] = frozenset(),
) -> tuple[int, dict[int, str]]:
    """End the region at the first barrier (a teaser heading, tag list, share row,
    comment header, appeal) once most of its prose is behind.

    Boxes such as "Most read" also sit inside articles, so the default path
    does not stop at them; a caller preferring precision gives up those
    articles' last paragraphs to be rid of what follows a finished article.
    A label seen before in the article ("Comments: 49" under every item of
    a related-stories box) marks items, not the end. A category
    in ``late`` ends the article only once that share of its prose is behind.
    A category in ``pairs`` ends it when a barrier of another kind follows
    with no prose between ("Share this article", then "More on:" and the
    tags): one box inside an article is common, an article's footer is a
    cluster of them.
    """

    def kind(index: int) -> str | None:
        category = verdicts[index].category
        # Tag labels ("More on") read as menu items too.
        if category in (None, "navigation") and not verdicts[index].prose and tag_label(blocks[index].text):
            return "tags"
        return category

    def partner(index: int, category: str) -> bool:
        # The rest of the first barrier's own row (one share button a line) does not count.
        others = 0
        for following in range(index + 1, end):
            other = kind(following)
            if other == category:
                continue
            if verdicts[following].prose or others == _PAIR_SPAN:
                return False
            if other in pairs and blocks[following].words <= _BARRIER_WORDS:
                return True
            others += 1
        return False

    prose = [blocks[i].words if verdicts[i].prose else 0 for i in range(start, end)]
    total = sum(prose)
    seen = 0
    for offset, index in enumerate(range(start, end)):
        category = kind(index)
        if category is None or blocks[index].words > _BARRIER_WORDS:
            seen += prose[offset]
            continue
        if category in kinds:
            enough = seen >= late.get(category, _BARRIER_SHARE) * total
        else:
            # A footer cluster is evidence enough for a shorter first part:
            # the page may have loaded a longer second article below it.
            floor = max(_NEXT_MIN_WORDS, _NEXT_SHARE * total)
            enough = category in pairs and seen >= floor and partner(index, category)
        if (
            enough
            and not any(
                verdicts[i].category == category or _label_word(blocks[i].text) == _label_word(blocks[index].text)
                for i in range(start, index - _BARRIER_SPAN)
            )
        ):
            return index, _labels(verdicts, index, end, category)
        seen += prose[offset]
    return end, {}


def cut_next_article(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int
) -> tuple[int, dict[int, str]]:
    """End the region where a second article's header begins.

    Pages that load the next story below the first print its header the way
    they printed the first one: a cluster of short lines (kicker, headline,
    author names, "Published") around a calendar date. Inside an article's
    prose such a cluster does not occur: live blogs stamp entries with clock
    times, and timelines put a date before each paragraph without names and
    labels around it.
    """
    total = sum(blocks[i].words for i in range(start, end) if verdicts[i].prose)
    seen = 0
    for index in range(start, end):
        if verdicts[index].prose:
            seen += blocks[index].words
            continue
        if (
            seen < max(_NEXT_MIN_WORDS, _NEXT_SHARE * total)
            or not _is_date_label(blocks[index], verdicts[index])
            or not _FULL_DATE.search(blocks[index].text)
        ):
            continue
        window = range(max(start, index - _NEXT_WINDOW), index)
        labels = sum(1 for i in window if not verdicts[i].prose and blocks[i].words <= _TEASER_HEAD_WORDS)
        if labels < _NEXT_LABELS or sum(1 for i in window if verdicts[i].prose) > 1:
            continue
        if total - seen < _NEXT_MIN_WORDS:
            # What follows is too short to be an article: a box of dated items inside this one.
            continue
        cut, prose_allowed = index, 1
        while cut - 1 > start:
            if verdicts[cut - 1].prose:
                # The next story's standfirst may sit among its labels, with
                # labels (share row, kicker) above it too.
                above = range(max(start, cut - 3), cut - 1)
                if not prose_allowed or len(above) < 2 or any(verdicts[i].prose for i in above):
                    break
                prose_allowed -= 1
            cut -= 1
        return cut, _labels(verdicts, cut, end, "teaser")
    return end, {}


def _label_word(text: str) -> str:
    """A label's first word, case and punctuation aside ("Kommentare: ," is "kommentare")."""
    words = re.findall(r"\w+", text.casefold())
    return words[0] if words else ""


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


#: An announced list is read this far at most, item by item.
_LIST_ITEMS = 120
_LIST_ITEM_WORDS = 15
_ANNOUNCE_GAP = 3


def extend_announced_list(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """Extend the region over the list its last sentence announces.

    "See the full list of winners below:" ends the prose, and what follows
    are short lines (names, titles, results) that score as labels. While
    they carry no noise category, they are the list the article promised.
    The announcing sentence may sit just past the region, behind a photo.
    """
    last = end - 1
    while last > start and not verdicts[last].prose:
        last -= 1
    announced = last >= start and verdicts[last].prose and _announces(blocks[last])
    if not announced or any(verdicts[i].category is None for i in range(last + 1, end)):
        last = end
        while last < len(blocks) and last - end < _ANNOUNCE_GAP and verdicts[last].category is not None:
            last += 1
        if last >= len(blocks) or not verdicts[last].prose or not _announces(blocks[last]):
            return end
    index = last + 1
    while (
        index < len(blocks)
        and index - last <= _LIST_ITEMS
        and verdicts[index].category is None
        and blocks[index].words <= _LIST_ITEM_WORDS
    ):
        index += 1
    return max(end, index) if index > last + 1 else end


def _announces(block: Block) -> bool:
    return block.text.rstrip().endswith((":", "："))
