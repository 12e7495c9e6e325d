"""Scores: body shingle P/R/F1, title and date accuracy, authors F1.

The body metric follows the public article-extraction-benchmark (Scrapinghub's
evaluate.py) so numbers are comparable with published figures: tokens are
``\\w+`` runs (case kept), shingles are word 4-grams counted as a multiset (a
text shorter than four tokens is one shingle of all its tokens), per-page
tp/fp/fn are normalised by their sum so long pages do not weigh more, precision
and recall are averaged over the pages where they are defined, and F1 is taken
from the two averages. Where the reference would raise (no page defines a mean,
or both means are zero) we return 0.0 instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)

TpFpFn = tuple[float, float, float]


def tokenize(text: str | None) -> list[str]:
    """Word tokens as the reference takes them: ``\\w+`` runs, case preserved."""
    return _WORD.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of word n-grams; fewer than n tokens give one shorter shingle."""
    toks = tokenize(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_counts(true: str | None, pred: str | None, n: int = 4) -> TpFpFn:
    """Per-page (tp, fp, fn) over shingle multisets, normalised to sum to 1."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    if s > 0:
        return (tp / s, fp / s, fn / s)
    return (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    """Page precision; 1 when nothing was missed or added, 0 when nothing matched."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    """Page recall; 1 when nothing was missed or added, 0 when nothing matched."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


@dataclass(frozen=True)
class BodyScore:
    """Set-level body scores as the reference reports them."""

    precision: float
    recall: float
    f1: float


def body_scores(counts: Iterable[TpFpFn]) -> BodyScore:
    """Average page precision (pages with tp+fp > 0) and recall (tp+fn > 0); F1 of those."""
    cs = list(counts)
    p = _mean([precision_score(*c) for c in cs if c[0] + c[1] > 0])
    r = _mean([recall_score(*c) for c in cs if c[0] + c[2] > 0])
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return BodyScore(p, r, f1)


def page_f1(c: TpFpFn) -> float:
    """One page's F1, for ranking pages: an undefined side counts as 0, both empty as 1."""
    tp, fp, fn = c
    if tp + fp + fn == 0:
        return 1.0
    p = precision_score(*c) if tp + fp > 0 else 0.0
    r = recall_score(*c) if tp + fn > 0 else 0.0
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)


def norm_text(s: str | None) -> str:
    """NFKC, invisible format characters dropped, curly quotes to straight, whitespace collapsed, casefolded.

    Format characters (Unicode category Cf: the soft hyphen a headline
    carries for line breaking, zero-width spaces and joiners, direction
    marks) are not seen by a reader: a title with or without them is the
    same title, so neither the gold nor a system is held to them.
    """
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES)
    if not s.isascii():
        s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    return " ".join(s.split()).casefold()


def title_match(gold: str, pred: str | None) -> bool:
    """Exact title match after :func:`norm_text`."""
    return pred is not None and norm_text(gold) == norm_text(pred)


def date_match(gold: str, pred: str | None) -> bool:
    """Same calendar day: the first ten characters of the ISO strings agree."""
    return bool(pred) and str(pred)[:10] == gold[:10]


def _name_set(names: Iterable[str] | None) -> set[str]:
    return {n.strip().lower() for n in (names or []) if n and n.strip()}


def authors_f1(gold: Iterable[str], pred: Iterable[str] | None) -> float:
    """Page F1 of the sets of lower-cased, stripped author names."""
    g, p = _name_set(gold), _name_set(pred)
    hit = len(g & p)
    if not g or not p or not hit:
        return 1.0 if not g and not p else 0.0
    prec, rec = hit / len(p), hit / len(g)
    return 2 * prec * rec / (prec + rec)


def norm_lines(text: str | None) -> list[str]:
    """Non-empty lines after :func:`norm_text`, for line-level diffs of a page."""
    return [ln for ln in (norm_text(x) for x in (text or "").splitlines()) if ln]


# --- te-dev: must-contain / must-not-contain strings -------------------------
#
# trafilatura's own evaluation (tests/eval_common.py in adbar/trafilatura): per page,
# each gold "with" string found in the whitespace-normalised output is a true
# positive, each one missing a false negative; each "without" string found is a
# false positive, each one absent a true negative. Counts are pooled over all pages
# (not averaged per page), so a page with six strings weighs twice one with three.
# The substring test is case-sensitive and otherwise exact, as there.


def norm_space(text: str | None) -> str:
    """Whitespace runs (any Unicode space, newlines) to one space, ends stripped."""
    return " ".join((text or "").split())


@dataclass(frozen=True)
class StringCounts:
    """Confusion counts of the gold strings of one page, or of many pooled."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: StringCounts) -> StringCounts:
        return StringCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)


def string_counts(must: Iterable[str], must_not: Iterable[str], text: str | None) -> StringCounts:
    """Count which ``must`` and ``must_not`` strings occur in ``text`` (whitespace-normalised)."""
    found = norm_space(text)
    want = [norm_space(s) for s in must]
    avoid = [norm_space(s) for s in must_not]
    tp = sum(1 for s in want if s in found)
    fp = sum(1 for s in avoid if s in found)
    return StringCounts(tp=tp, fp=fp, fn=len(want) - tp, tn=len(avoid) - fp)


def string_scores(counts: Iterable[StringCounts]) -> BodyScore:
    """Pooled precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn); 0.0 when undefined."""
    total = sum(counts, StringCounts())
    p = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
    r = total.tp / (total.tp + total.fn) if total.tp + total.fn else 0.0
    denom = 2 * total.tp + total.fp + total.fn
    return BodyScore(p, r, 2 * total.tp / denom if denom else 0.0)


def string_page_f1(c: StringCounts) -> float:
    """One page's string F1, for ranking pages; a page with no string to judge scores 1."""
    denom = 2 * c.tp + c.fp + c.fn
    return 2 * c.tp / denom if denom else 1.0
