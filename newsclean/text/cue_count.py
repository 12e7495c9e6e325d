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
from collections.abc import Iterable

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
