"""Lexicon patterns behind one automaton, each pattern gated by its own words.

A lexicon category holds hundreds of patterns, compiled into one long
case-insensitive alternation per language. Gating whole categories (run the
alternation when any of its words occurs) left the weakest word in charge:
one pattern needing a space or an ``h`` made the whole "meta" alternation
run on nearly every line, and trying a few hundred alternatives at a line's
start cost more than everything else the classifier does with it.

Here every pattern has its own bit. One Aho-Corasick pass over the folded
text reports every gate word present, each with the bits of the patterns
that need it; only those patterns, and the ones no word could be found for,
run, each compiled on its own the first time it is needed. Patterns are kept
in category order, so the first pattern that matches, in bit order, belongs
to the first category that matches: the answer the alternations give
(``tests/unit/test_fast_paths.py`` compares both on every fixture block).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .gate_table import facts_of
from .gates import CaseFold
from .match_bounds import DIGIT, NO_BOUNDS, MatchBounds


@dataclass
class PatternEntry:
    """One lexicon pattern: its category, its source, the words one of which every match contains.

    ``words`` is ``None`` when no such word was found: the pattern then runs
    on every text. ``width`` bounds the length of a match (``None``: not
    known), and ``bounds`` holds the characters a match needs (see
    :mod:`~newsclean.text.match_bounds`). The compiled pattern is built on first use and shared by every
    view that holds the entry.
    """

    category: str
    source: str
    words: frozenset[str] | None
    width: tuple[int, int] | None = None
    bounds: MatchBounds = NO_BOUNDS
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)

    def pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            # Two threads may both compile it; either result is the same pattern.
            compiled = self._compiled = re.compile(self.source, re.IGNORECASE)
        return compiled


def pattern_entries(
    category: str, patterns: Sequence[str], fold: CaseFold | None, table: Mapping[str, list[Any]] | None = None,
) -> tuple[PatternEntry, ...]:
    """The entries of one category's patterns of one language, each with its gate words.

    ``table``: the shipped facts by source (:mod:`.gate_table`); a pattern it lacks is read from its parse.
    """
    known = table if table is not None else {}
    entries = []
    for source in patterns:
        facts = facts_of(source, fold, known)
        entries.append(PatternEntry(category, source, facts.words, facts.width, facts.bounds))
    return tuple(entries)


@dataclass(frozen=True)
class _Gate:
    """The gate words of some categories' patterns: ``ungated`` when one of them has none (it always runs)."""

    ungated: bool
    automaton: ahocorasick.Automaton | None


class PatternIndex:
    """The patterns of one kind (line or phrase) for one lexicon view, in category order.

    :meth:`first_category` answers "which category's pattern matches first"
    with the same answer as trying each category's alternation in order.
    """

    def __init__(self, entries: Sequence[PatternEntry], fold: CaseFold | None) -> None:
        self._entries = tuple(entries)
        self._fold = fold
        self._ungated = 0
        # The patterns every match of which holds a digit: a text without one is spared them.
        self._digit_bits = 0
        own: dict[str, int] = {}
        for bit, entry in enumerate(self._entries):
            if entry.bounds.needs_digit:
                self._digit_bits |= 1 << bit
            if entry.words is None or fold is None:
                self._ungated |= 1 << bit
                continue
            for word in entry.words:
                own[word] = own.get(word, 0) | (1 << bit)
        self._fit_bounds, self._fit_masks = _length_steps(self._entries)
        # Per first character, the bits of the patterns a whole match can begin with it (filled on demand).
        self._first_fits: dict[str, int] = {}
        # The first-character classes, each with the bits of the patterns that share it, and the bits
        # of those any character may begin: a character not seen yet is tried against each class once,
        # not once per pattern (a view holds hundreds of patterns and a few dozen classes).
        self._any_first = 0
        classes: dict[tuple[str, int], tuple[re.Pattern[str], int]] = {}
        for bit, entry in enumerate(self._entries):
            first = entry.bounds.first
            if first is None:
                self._any_first |= 1 << bit
                continue
            key = (first.pattern, first.flags)
            known = classes.get(key)
            classes[key] = (first, (known[1] if known else 0) | (1 << bit))
        self._first_classes = tuple(classes.values())
        # The bits of each set of categories asked about (:meth:`category_bits`), and their
        # gates (:meth:`may_match`), filled on demand.
        self._category_bits: dict[frozenset[str], int] = {}
        self._category_gates: dict[frozenset[str], _Gate] = {}
        self._automaton: ahocorasick.Automaton | None = None
        if own:
            automaton = ahocorasick.Automaton()
            for word, bits in own.items():
                automaton.add_word(word, (bits, len(word)))
            automaton.make_automaton()
            self._automaton = automaton

    def candidates(self, text: str) -> int:
        """The bits of the patterns that can match ``text``: those whose word occurs, and the ungated."""
        found = self._ungated
        if self._automaton is not None and self._fold is not None:
            for _end, (bits, _length) in self._automaton.iter(self._fold.fold(text)):
                found |= bits
        if found & self._digit_bits and DIGIT.search(text) is None:
            found &= ~self._digit_bits
        return found

    def may_match(self, text: str, categories: frozenset[str]) -> bool:
        """Whether any pattern of ``categories`` is among :meth:`candidates` of ``text``.

        Asked through an automaton of those categories' gate words alone: a
        long paragraph holds dozens of the view's gate words, each a step in
        Python, and most lines hold none of a few categories' words.
        """
        gate = self._category_gates.get(categories)
        if gate is None:
            # Two threads may both build it; either gate is the same.
            gate = self._category_gates[categories] = self._category_gate(self.category_bits(categories))
        if gate.ungated:
            return True
        if gate.automaton is None or self._fold is None:
            return False
        digitless: bool | None = None
        for _end, bits in gate.automaton.iter(self._fold.fold(text)):
            if bits & ~self._digit_bits:
                return True
            if digitless is None:
                digitless = DIGIT.search(text) is None
            if not digitless:
                return True
        return False

    def _category_gate(self, wanted: int) -> _Gate:
        """The :class:`_Gate` of the patterns of the ``wanted`` bits."""
        own: dict[str, int] = {}
        for bit, entry in enumerate(self._entries):
            if wanted >> bit & 1 and entry.words is not None and self._fold is not None:
                for word in entry.words:
                    own[word] = own.get(word, 0) | (1 << bit)
        automaton: ahocorasick.Automaton | None = None
        if own:
            automaton = ahocorasick.Automaton()
            for word, bits in own.items():
                automaton.add_word(word, bits)
            automaton.make_automaton()
        return _Gate(bool(self._ungated & wanted), automaton)

    def category_bits(self, categories: frozenset[str]) -> int:
        """The bits of the patterns of ``categories``."""
        bits = self._category_bits.get(categories)
        if bits is None:
            bits = 0
            for bit, entry in enumerate(self._entries):
                if entry.category in categories:
                    bits |= 1 << bit
            # Two threads may both compute it; either value is the same.
            self._category_bits[categories] = bits
        return bits

    def first_categories(self, text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
        """:meth:`first_category` (not whole) of each ``text[start:end]``, from one gate pass over ``text``.

        A word occurs in a slice exactly when one of its occurrences in the
        whole lies inside the slice (folding maps character to character, so
        positions agree), so each slice gets the candidates a pass over it
        alone would give. A paragraph's sentences are thus gated in one pass.
        """
        starts: list[int] = []
        ends: list[int] = []
        masks: list[int] = []
        if self._automaton is not None and self._fold is not None:
            for end, (bits, length) in self._automaton.iter(self._fold.fold(text)):
                starts.append(end - length + 1)
                ends.append(end)
                masks.append(bits)
        categories: list[str | None] = []
        # A sentence holds a digit only if the paragraph does: one scan spares most paragraphs the digit patterns.
        digitless = ~self._digit_bits if DIGIT.search(text) is None else -1
        for start, stop in spans:
            found = self._ungated
            # Occurrences come in order of their last character: those ending inside the slice are a run.
            for i in range(bisect_left(ends, start), bisect_left(ends, stop)):
                if starts[i] >= start:
                    found |= masks[i]
            if found & self._digit_bits and digitless != -1:
                found &= digitless
            elif found & self._digit_bits and DIGIT.search(text, start, stop) is None:
                found &= ~self._digit_bits
            categories.append(self._first(text[start:stop], found, whole=False) if found else None)
        return categories

    def first_category(self, text: str, *, whole: bool) -> str | None:
        """The category of the first pattern that matches all of ``text`` (``whole``) or occurs in it."""
        found = self.candidates(text)
        if whole and found:
            # Measured on 150 soup dumps: 44% of the whole-line attempts were
            # patterns whose matches cannot be as long as the line.
            found &= self._fits(len(text))
            if found and text:
                found &= self._starts(text[0])
        return self._first(text, found, whole=whole)

    def _starts(self, char: str) -> int:
        """The bits of the patterns a whole match of which can begin with ``char``."""
        fits = self._first_fits.get(char)
        if fits is None:
            fits = self._any_first
            for first, bits in self._first_classes:
                if first.match(char) is not None:
                    fits |= bits
            # Two threads may both compute it; either value is the same.
            self._first_fits[char] = fits
        return fits

    def _fits(self, length: int) -> int:
        """The bits of the patterns a match of which can span ``length`` characters."""
        return self._fit_masks[bisect_right(self._fit_bounds, length)]

    def _first(self, text: str, found: int, *, whole: bool) -> str | None:
        """The category of the first pattern among the ``found`` bits that matches ``text``."""
        entries = self._entries
        while found:
            low = found & -found
            found ^= low
            entry = entries[low.bit_length() - 1]
            pattern = entry.pattern()
            if (pattern.fullmatch(text) if whole else pattern.search(text)) is not None:
                return entry.category
        return None


def _length_steps(entries: Sequence[PatternEntry]) -> tuple[list[int], list[int]]:
    """The lengths at which the set of patterns a whole match fits changes, and the set's bits on each step.

    Which patterns a text of length ``n`` can match whole depends only on
    where ``n`` lies among the patterns' fewest and one-past-most
    characters, so the bits are those of step ``bisect_right(bounds, n)``.
    Filled per length on demand, the answer looped over the view's hundreds
    of patterns for each new line length, a cost every process paid again
    (measured on 300 soup dumps: 1,697 such loops, about a millisecond a
    dump); the steps are one sweep over the patterns.
    """
    opens: dict[int, int] = {}
    closes: dict[int, int] = {}
    always = 0
    for bit, entry in enumerate(entries):
        if entry.width is None:
            always |= 1 << bit
            continue
        low, high = entry.width
        opens[low] = opens.get(low, 0) | (1 << bit)
        closes[high + 1] = closes.get(high + 1, 0) | (1 << bit)
    bounds = sorted(opens.keys() | closes.keys())
    current = always
    masks = [current]
    for bound in bounds:
        # A pattern opens and closes at different lengths (its fewest is at most its most).
        current = (current & ~closes.get(bound, 0)) | opens.get(bound, 0)
        masks.append(current)
    return bounds, masks
