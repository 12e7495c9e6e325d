"""A safety net for flattened dumps: the region kept must hold the page's prose.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
the lines the engine judges are recovered sentences, and the region search
can settle on a footer blurb or a teaser's prose next to a short article,
or stop early inside a long one. Losing the article is the worst outcome,
worse than keeping some noise, so after the region search the kept prose is
compared with the page's: when the region holds only a small share of it
while a longer run of prose lies outside, the region is widened to take
that run in, and the edge cuts inside it are undone.

Line-structured dumps never reach this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .classify import Verdict
from .segment import Block

#: The region is judged too small when it holds less than this share of the page's prose words ...
MIN_PROSE_SHARE = 0.5
#: ... and a run of prose outside it, unbroken by noise the lexicons name, is longer than this share of what it holds.
OUTSIDE_RUN_RATIO = 0.5
#: A non-prose block inside a prose run costs at most this many words: headings,
#: list items and labels between paragraphs do not end it; long noise does.
_GAP_COST = 3
#: A region holding this share of the address's words is the story, not a footer's or a teaser's prose.
STORY_RELEVANCE = 0.5
#: A run within this many blocks of the region continues it (a caption's or a player's lines between).
_NEAR = 10
WARNING = "text: flattened dump; the article region held little of the page's prose, widened to its longest prose run"


def _prose_words(block: Block, verdict: Verdict) -> int:
    return block.words if verdict.running_prose else 0


def longest_prose_run(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> tuple[int, int, int]:
    """``(start, end, prose words)`` of the run of blocks with the most prose, gaps counted against it.

    A maximum-sum run: each prose block adds its words, any other block
    takes away its words up to :data:`_GAP_COST` (a block judged noise takes
    away all of them).
    """
    best = (0, 0, 0)
    total = 0
    start = 0
    prose = 0
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        words = _prose_words(block, verdict)
        if words:
            total += words
            prose += words
        elif verdict.category is None:
            total -= min(block.words, _GAP_COST)
        else:
            total -= block.words
        if total <= 0:
            total, start, prose = 0, index + 1, 0
            continue
        if prose > best[2] and words:
            best = (start, index + 1, prose)
    return best


def _longest_stretch(blocks: Sequence[Block], verdicts: Sequence[Verdict], indices: Sequence[int]) -> int:
    """Prose words of the longest stretch of ``indices`` (in order) that no named block breaks.

    The rest of an article lost past a box is paragraphs in a row: unnamed
    lines (a caption, an embedded post's handle) may stand between them. The
    prose of teaser summaries, bios and footers comes between dates, labels
    and share rows the lexicons name.
    """
    best = current = 0
    previous = None
    for index in indices:
        if verdicts[index].category is not None or (previous is not None and index != previous + 1):
            current = 0
        current += _prose_words(blocks[index], verdicts[index])
        best = max(best, current)
        previous = index
    return best


def widen_region(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    region: tuple[int, int],
    trimmed: dict[int, str],
    barrier: int | None = None,
    relevance: Callable[[int, int], float | None] | None = None,
) -> tuple[int, int] | None:
    """The region widened to the page's longest prose run, or ``None`` when it already holds enough prose.

    ``trimmed`` (edge cuts by index) loses the entries inside the run: the
    run is read as article text. ``barrier`` is where a barrier ended the
    region (a share row, a comment header, a footer, found once most of the
    region's prose was behind it): the article is judged on what stands
    before it, and the run is not looked for beyond it. The prose after a
    page's share row is its footer's and its teasers' (product blurbs, "About
    us"), and counted in the page's prose it made a short article look lost:
    on the flat renders of fp-dev the guard then took in the footer and
    teasers of 4 pages of 4 sites and saved no article (6 renders, F1 +0.24
    to +0.40 each).

    The prose found outside the region is its longest stretch that no named
    block breaks (:func:`_longest_stretch`): teaser summaries between their
    dates and "Premium" labels, or a live page's other posts between their
    stamps, added up to more than a short article held; the rest of an
    article is paragraphs in a row. On the flat renders this stopped the
    widening on 4 pages of 4 sites (5 renders, F1 +0.17 to +0.31 each) and
    kept it on the 3 pages whose article it saves (region cut after an
    embedded post, a caption, an audio player).

    ``relevance`` (:func:`~newsclean.text.headline.slug_relevance`) judges
    a run apart from the region (more than :data:`_NEAR` blocks away, a
    menu or a box between): it is taken in only when it holds at least as
    many of the address's words as the region, when the region holds
    :data:`STORY_RELEVANCE` of them or more.
    A region that settled on a footer's or a teaser's prose beside the story
    holds fewer of them than the story does; a short article (a wire
    story of one paragraph under its headline) holds more than the
    products' blurbs of the site's footer, whose sentences outran it, or
    than a menu's. On the flat renders of fe and fp-dev this kept 4 pages
    of 2 sites from taking in their footer or menu (F1 +0.02 to +0.39) and
    changed no other render (a region holding 0.67 to 1.0 of the address's
    words, a run 0.0 to 0.17); the 3 pages whose article the guard saves
    have a run that continues their region. A te-dev results table whose
    one-row region held 0.25 of them is still widened.
    """
    if barrier is not None:
        blocks, verdicts = blocks[:barrier], verdicts[:barrier]
    start, end = region
    page = sum(_prose_words(b, v) for b, v in zip(blocks, verdicts, strict=True))
    kept = sum(_prose_words(blocks[i], verdicts[i]) for i in range(start, end) if i not in trimmed)
    if page == 0 or kept >= MIN_PROSE_SHARE * page:
        return None
    run_start, run_end, _ = longest_prose_run(blocks, verdicts)
    outside = _longest_stretch(
        blocks, verdicts, [i for i in range(run_start, run_end) if not start <= i < end or i in trimmed]
    )
    if outside <= OUTSIDE_RUN_RATIO * kept or outside == 0:
        return None
    if relevance is not None and (run_start > end + _NEAR or run_end < start - _NEAR):
        run_words, region_words = relevance(run_start, run_end), relevance(start, end)
        if run_words is not None and region_words is not None and run_words < region_words >= STORY_RELEVANCE:
            return None
    for index in range(run_start, run_end):
        trimmed.pop(index, None)
    if start == end:
        return run_start, run_end
    return min(start, run_start), max(end, run_end)

