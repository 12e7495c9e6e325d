"""The article region: the densest contiguous run of prose in a dump.

An article is one contiguous stretch of the page; menus sit before it,
teasers, appeals and footers after it. Given a score per block (prose
positive, noise negative) the region is the maximum-sum run of blocks, then
its edges are trimmed of well-formed appeals that lean on hard noise.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import EDGE_CATEGORIES, Verdict


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


def find_region(verdicts: Sequence[Verdict]) -> tuple[int, int, dict[int, str]]:
    """The article's block range, trimmed of appeal-like edges.

    Returns ``(start, end, trimmed)`` where ``trimmed`` maps each edge block
    dropped by the trimming to the noise category it leaned on.
    """
    start, end = max_scoring_run([v.score for v in verdicts])
    return trim_edges(verdicts, start, end)


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
