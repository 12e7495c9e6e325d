"""Counting cue words at word starts without running their alternation over every position.

The appeal cues are one case-insensitive pattern, ``(?<![\\w'’])(?:w1|w2|...)``:
a listed word (longest first) where no word character or apostrophe comes
before it. ``findall`` tries that look-behind and then the alternatives at
each position of the text, which cost more than the rest of the cue count.
:class:`PrefixCounter` finds every occurrence of every word in one
Aho-Corasick pass over the case-folded text and replays ``findall``'s
left-to-right scan over those occurrences only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import ahocorasick

#: What the cue pattern's look-behind refuses before a word, compiled as that pattern is (IGNORECASE).
_RUN_CHAR = re.compile(r"[\w'’]", re.IGNORECASE)


class PrefixCounter:
    """``len(pattern.findall(text))`` for ``pattern = (?<![\\w'’])(?:words)`` with IGNORECASE, from the folded text.

    ``words`` are folded as :class:`~newsclean.text.gates.CaseFold` folds,
    which maps each character to one that ``re.IGNORECASE`` treats as equal
    and keeps positions, so a word matches at a position exactly when its
    folded form occurs there in the folded text.
    """

    def __init__(self, folded_words: Iterable[str]) -> None:
        automaton = ahocorasick.Automaton()
        for word in set(folded_words):
            if word:
                automaton.add_word(word, len(word))
        automaton.make_automaton()
        self._automaton = automaton

    def count(self, text: str, folded: str) -> int:
        """Matches of the pattern in ``text`` (``folded`` is ``text`` case-folded)."""
        longest: dict[int, int] = {}
        for end, length in self._automaton.iter(folded):
            start = end - length + 1
            if longest.get(start, 0) < length:
                longest[start] = length
        if not longest:
            return 0
        hits = 0
        position = 0
        # findall: at each position from the left, the look-behind, then the longest word
        # there (the alternatives run longest first); the next try starts after a match.
        for start in sorted(longest):
            if start < position or (start > 0 and _RUN_CHAR.match(text, start - 1) is not None):
                continue
            hits += 1
            position = start + longest[start]
        return hits


#: What the cue patterns do not count as part of a word (``[\w'’]``): each stretch of it becomes one space.
_NON_RUN = re.compile(r"[^\w'’]+")
#: ``_NON_RUN`` below 128 as a byte table: run characters (``[A-Za-z0-9_']``) kept, every other one a space.
_ASCII_SPACING = bytes(c if chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(128)) + b" " * 128


class WholeWordCounter:
    """``len(pattern.findall(text))`` for ``pattern = (?<![\\w'’])(?:words)(?![\\w'’])`` with IGNORECASE.

    Each match is a whole run of word characters and apostrophes whose
    folded form is a listed word. The text's runs are set apart by single
    spaces (every stretch between them replaced by one, the whole padded
    with one) and folded; a listed word ``w`` is then a run exactly where
    `` w `` occurs, and one Aho-Corasick pass counts those occurrences
    (overlapping ones share their space and are all reported). This
    replaced a substring gate whose words included the Dutch "u", which
    occurs inside most English words: it sent half of all blocks on to a
    count that found a cue in 4% of them. An ASCII text folds to its lower
    case, and its spacing is a byte translation; another text's runs are
    found in the text itself and folded after (folding turns a Greek iota
    into a combining mark, which is no word character).
    """

    def __init__(self, folded_words: Iterable[str], fold: Callable[[str], str]) -> None:
        words = {word for word in folded_words if word}
        if any(" " in word for word in words):
            raise ValueError("a whole word cannot hold a space")
        self._fold = fold
        self._automaton: Any = None
        if words:
            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(f" {word} ", len(word))
            automaton.make_automaton()
            self._automaton = automaton

    def count(self, text: str, folded: str) -> int:
        """Matches of the pattern in ``text`` (``folded`` is ``text`` case-folded)."""
        if self._automaton is None:
            return 0
        if text.isascii():
            spaced = folded.encode("ascii").translate(_ASCII_SPACING).decode("ascii")
        else:
            spaced = self._fold(_NON_RUN.sub(" ", text))
        return sum(1 for _ in self._automaton.iter(f" {spaced} "))
