"""The body score the page-fixture tests share.

Word 4-gram F1, the benchmark's body metric on one page without its
per-page normalisation; kept here so both fixture suites score alike.
Words are ``\\w+`` runs as in the benchmark, so a Japanese page (few
spaces) is scored by its clauses, not as three whitespace tokens.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if 0 < len(words) < 4:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3)))


def body_f1(found: str, gold: str) -> float:
    """F1 of the word 4-gram multisets of ``found`` against ``gold``."""
    a, b = _shingles(found), _shingles(gold)
    tp = sum((a & b).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(a.values()), tp / sum(b.values())
    return 2 * precision * recall / (precision + recall)
