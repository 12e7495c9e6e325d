"""De-duplication across a batch: exact copies and near copies (syndicated wire stories).

News corpora are full of the same agency story republished by dozens of
sites with a different headline, a dateline or a trailing paragraph. Exact
de-duplication hashes the normalised text; near de-duplication estimates the
Jaccard similarity of word shingles with MinHash and finds candidates with
LSH (``datasketch``, the ``dedup`` extra), the method used for web-scale
corpora (Broder 1997; used by e.g. RefinedWeb and The Pile).

A deduper is an explicit object holding the run's index; it sees records in
output order, and the first record of a story is the one the others point to
(``duplicate_of``), so with ordered output the marks are deterministic.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Protocol

_WORD = re.compile(r"\w+")


def normalize_for_hash(text: str) -> str:
    """Case, punctuation and spacing folded away: copies differing only there are equal."""
    return " ".join(_WORD.findall(text.casefold()))


class Deduper(Protocol):
    def check(self, ident: str, text: str) -> str | None:
        """Return the id of an earlier record ``text`` duplicates, else remember it and return ``None``."""
        ...


class ExactDeduper:
    """Duplicates by a hash of the normalised text (empty texts are never duplicates)."""

    def __init__(self) -> None:
        self._first: dict[bytes, str] = {}

    def check(self, ident: str, text: str) -> str | None:
        norm = normalize_for_hash(text)
        if not norm:
            return None
        key = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
        first = self._first.get(key)
        if first is None:
            self._first[key] = ident
        # A second capture of one url has the same id: it still points to the first.
        return first


class NearDeduper:
    """Near duplicates by MinHash/LSH over word ``shingle``-grams.

    Args:
        threshold: estimated Jaccard similarity above which two texts are the
            same story (0.8 keeps a rewritten lead apart, catches a changed
            headline or an added trailing line).
        num_perm: MinHash permutations; more is more precise and more memory.
        shingle: words per shingle.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        try:
            from datasketch import MinHash, MinHashLSH
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "near de-duplication needs datasketch: pip install datasketch (the 'dedup' extra)"
            ) from exc
        self._minhash = MinHash
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._num_perm, self._shingle = num_perm, shingle
        self._exact = ExactDeduper()
        self._ids: list[str] = []

    def _signature(self, words: list[str]) -> Any:
        size = min(self._shingle, len(words))
        grams = {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}
        signature = self._minhash(num_perm=self._num_perm, seed=1)
        signature.update_batch(sorted(grams))
        return signature

    def check(self, ident: str, text: str) -> str | None:
        first = self._exact.check(ident, text)
        if first is not None:
            return first
        words = normalize_for_hash(text).split()
        if not words:
            return None
        signature = self._signature(words)
        # LSH keys are arrival numbers, so the earliest match is the smallest.
        matches: list[int] = self._lsh.query(signature)
        if matches:
            return self._ids[min(matches)]
        self._lsh.insert(len(self._ids), signature)
        self._ids.append(ident)
        return None


def make_deduper(mode: str, threshold: float = 0.8) -> Deduper:
    """``exact`` or ``near``; anything else is a caller's bug."""
    if mode == "exact":
        return ExactDeduper()
    if mode == "near":
        return NearDeduper(threshold=threshold)
    raise ValueError(f"unknown dedup mode {mode!r}; choose exact or near")
