"""Literal gates: cheap proofs that a regex cannot match a text.

The lexicons and cue lists are long case-insensitive alternations, and the
regex engine tries every alternative at every position of the text. Nearly
every alternative needs some literal word ("subscribe", "cookie"); when none
of those words occurs in the text, the pattern cannot match, and a search
for the words alone (one pass over a prefix tree) costs a fraction of the
pattern. A gate never changes a verdict: it only says "cannot match" early.

Words are compared in a case-folded copy of the text, folded exactly as
``re.IGNORECASE`` compares characters (see :class:`CaseFold`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick


def _regex_internals() -> tuple[Any, Any, dict[int, tuple[int, ...]]] | None:
    """The parser, lower-casing and case-equivalence table ``re`` itself uses (3.11+).

    Gates must fold text exactly as ``re.IGNORECASE`` compares characters,
    so they borrow its own tables; where they are missing, no gate is built
    and every pattern runs ungated (correct, only slower).
    """
    try:
        parser = importlib.import_module("re._parser")
        casefix = importlib.import_module("re._casefix")
        sre = importlib.import_module("_sre")
        return parser, sre.unicode_tolower, dict(casefix._EXTRA_CASES)
    except (ImportError, AttributeError):  # pragma: no cover - Python 3.10
        return None


#: The characters whose ``str.lower`` is not their simple lower case: "İ" (two characters) and
#: "Σ" (a final sigma at a word's end). Unicode's SpecialCasing.txt has no other unconditional
#: lower-case mapping, and Python applies none of its language-dependent ones.
_LOWER_NOT_SIMPLE = re.compile("[\u0130\u03a3]")


class CaseFold(dict[int, int]):
    """``str.translate`` table mapping each character to its ``re.IGNORECASE`` class.

    Two characters that a case-insensitive literal treats as equal (``K``
    and ``k``, ``ſ`` and ``s``) map to one representative. Filled on demand:
    a page uses a few hundred distinct characters of Unicode's million.
    """

    def __init__(self, tolower: Any, extra: dict[int, tuple[int, ...]]) -> None:
        super().__init__()
        self._tolower = tolower
        self._rep: dict[int, int] = {}
        for start in extra:  # classes of characters equal under IGNORECASE beyond lower-casing
            group, todo = {start}, [start]
            while todo:
                for other in extra.get(todo.pop(), ()):
                    if other not in group:
                        group.add(other)
                        todo.append(other)
            for member in group:
                self._rep[member] = min(group)
        # Lower-cased characters whose class is represented by another one ("ſ" by "s", Greek "σ" by "ς").
        moved = sorted(member for member, rep in self._rep.items() if rep != member)
        self._moved = re.compile("[" + "".join(re.escape(chr(code)) for code in moved) + "]") if moved else None

    def fold(self, text: str) -> str:
        """``text`` with every character replaced by its class representative.

        A class's representative is the lower case of its members (as
        ``re`` lower-cases them: Unicode's simple mapping) unless the
        class is one of the few extra ones, and ``str.lower`` gives the
        simple mapping for every character but two (dotted "İ" becomes two
        characters, and a capital sigma ending a word a final sigma). So a
        text without those two, whose lower case holds no member of an
        extra class that is not its representative, folds to its lower
        case: two C scans instead of a dictionary lookup per character,
        which cost a dump's classifier a millisecond. Other texts (Greek,
        whose sigma and iota have other representatives; Turkish dotless
        "ı") are translated character by character as before.
        """
        # ASCII letters' classes are represented by their lower case (the other
        # members, such as the Kelvin sign, lie above ASCII): str.lower is exact there.
        if text.isascii():
            return text.lower()
        if _LOWER_NOT_SIMPLE.search(text) is None:
            lowered = text.lower()
            if self._moved is None or self._moved.search(lowered) is None:
                return lowered
        return text.translate(self)

    def __missing__(self, code: int) -> int:
        lower = int(self._tolower(code))
        value = self._rep.get(lower, lower)
        self[code] = value
        return value


_INTERNALS = _regex_internals()


def new_case_fold() -> CaseFold | None:
    """A fresh fold table, or ``None`` where gates are unavailable."""
    return CaseFold(_INTERNALS[1], _INTERNALS[2]) if _INTERNALS else None


def literal_words(pattern: re.Pattern[str], fold: CaseFold | None) -> frozenset[str] | None:
    """Folded words one of which every match of ``pattern`` contains (``None``: none found)."""
    if _INTERNALS is None or fold is None:
        return None
    words = _required(_INTERNALS[0].parse(pattern.pattern, pattern.flags), fold)
    return frozenset(minimal_words(words)) if words else None


def literal_gate(pattern: re.Pattern[str], fold: CaseFold | None) -> WordGate | None:
    """A one-set gate for :func:`literal_words` of ``pattern``, or ``None``.

    The gate runs on ``text.translate(fold)``; when its mask is 0,
    ``pattern`` cannot match ``text``.
    """
    words = literal_words(pattern, fold)
    return word_gate([words]) if words else None


def minimal_words(words: Iterable[str]) -> list[str]:
    """The words, shortest first, without those that contain another (the shorter one is found first).

    A word goes when one of its substrings is in the set; that substring is
    kept or itself holds a kept word. Looking a word's substrings up costs
    far less than testing it against every kept word (all languages' words
    of a category number in the thousands).
    """
    pool = set(words)
    lengths = sorted({len(word) for word in pool})
    minimal: list[str] = []
    for word in sorted(pool, key=lambda w: (len(w), w)):
        size = len(word)
        contains = False
        for length in lengths:
            if length >= size or contains:
                break
            contains = any(word[i: i + length] in pool for i in range(size - length + 1))
        if not contains:
            minimal.append(word)
    return minimal


def _required(items: Iterable[tuple[Any, Any]], fold: CaseFold) -> set[str] | None:
    """Folded literals one of which every match of a parsed sequence contains, or ``None``.

    Consecutive items that each match one of a few fixed strings (a literal,
    a group or alternation of literals such as ``(of|/|von)``, a small set
    ``[ap]``) spell one of their concatenations, so such a run requires the
    whole concatenation (" of ", " / ") rather than the space alone: a
    gate on a lone space or letter lets its patterns run on nearly every
    line. Zero-width items (anchors, look-arounds) consume nothing and leave
    a run joined. What a group, an alternation (every branch's set, pooled)
    or a repeat of at least one requires is a candidate too; of the
    candidates the sequence offers, the most selective (longest shortest
    word, then fewest words) is kept.
    """
    best: set[str] | None = None

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
            best = candidate

    run: set[str] = {""}
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        spelt = _exact(name, av, fold)
        joined = None if spelt is None else _spell_on(run, spelt)
        if joined is not None:
            run = joined
            continue
        consider(run)
        run = {""} if spelt is None else spelt
        if name == "SUBPATTERN":
            consider(_required(av[-1], fold))
        elif name == "ATOMIC_GROUP":
            consider(_required(av, fold))
        elif name == "BRANCH":
            branches = [_required(branch, fold) for branch in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]  # all() checked for None
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            consider(_required(av[2], fold))
    consider(run)
    return best


#: Items that match without consuming text: a run of fixed strings goes on across them.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
#: The most spellings a run of fixed strings is followed through (a gate's words stay few).
_MAX_SPELLINGS = 64


def _exact(name: str, av: Any, fold: CaseFold) -> set[str] | None:
    """The folded strings a parsed item matches, when they are few and fixed, else ``None``."""
    if name == "LITERAL":
        return {chr(fold[av])}
    if name == "IN":
        if len(av) > 8 or any(str(op) != "LITERAL" for op, _ in av):
            return None
        return {chr(fold[code]) for _, code in av}
    if name == "SUBPATTERN":
        return _exact_sequence(av[-1], fold)
    if name == "BRANCH":
        spelt: set[str] = set()
        for branch in av[1]:
            found = _exact_sequence(branch, fold)
            if found is None or len(spelt | found) > _MAX_SPELLINGS:
                return None
            spelt |= found
        return spelt
    return None


def _exact_sequence(items: Iterable[tuple[Any, Any]], fold: CaseFold) -> set[str] | None:
    """The folded strings a parsed sequence matches, when every item is fixed (see :func:`_exact`)."""
    spelt: set[str] = {""}
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        found = _exact(name, av, fold)
        joined = None if found is None else _spell_on(spelt, found)
        if joined is None:
            return None
        spelt = joined
    return spelt


def _spell_on(heads: set[str], tails: set[str]) -> set[str] | None:
    """Every spelling of ``heads`` followed by one of ``tails``; ``None`` past :data:`_MAX_SPELLINGS`."""
    if len(heads) * len(tails) > _MAX_SPELLINGS:
        return None
    return {head + tail for head in heads for tail in tails}


def _selectivity(words: set[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


def parse_pattern(pattern: str) -> Any:
    """``re``'s parse of ``pattern`` with IGNORECASE (``None`` without re's internals).

    Gate words, match widths and match bounds are all read from it: a
    lexicon view parses each of its hundreds of patterns once, not thrice.
    """
    return None if _INTERNALS is None else _INTERNALS[0].parse(pattern, re.IGNORECASE)


def required_words(pattern: str, fold: CaseFold | None, parsed: Any = None) -> set[str] | None:
    """Folded words one of which every match of ``pattern`` (IGNORECASE) contains, or ``None``.

    ``parsed`` is :func:`parse_pattern` of ``pattern`` when the caller has it.
    """
    if _INTERNALS is None or fold is None:
        return None
    return _required(parse_pattern(pattern) if parsed is None else parsed, fold)


def pattern_width(pattern: str, parsed: Any = None) -> tuple[int, int] | None:
    """The fewest and most characters a match of ``pattern`` (IGNORECASE) spans, or ``None``.

    A case-insensitive match pairs characters one to one, so a text outside
    these bounds cannot be matched whole: most short lines are longer or
    shorter than most UI strings whose gate word they contain.
    """
    if _INTERNALS is None:
        return None
    low, high = (parse_pattern(pattern) if parsed is None else parsed).getwidth()
    return int(low), int(high)


@dataclass(frozen=True)
class WordGate:
    """Which of several word sets occur in a folded text, found in one pass.

    Set ``i`` is bit ``i`` of :meth:`mask`. An Aho-Corasick automaton (one
    pass, every occurrence of every word, overlapping ones included) reports
    each word with the sets holding it, so the cost is one walk of the text
    however many words and sets there are, where a regex alternation tries
    the words' first letters at every position; the unit tests compare the
    masks with substring tests.
    """

    automaton: Any  # ahocorasick.Automaton: each word's value is the mask of the sets holding it
    full: int

    def mask(self, folded: str) -> int:
        found = 0
        full = self.full
        for _end, bits in self.automaton.iter(folded):
            found |= bits
            if found == full:  # every set is found: the rest of the text cannot add one
                break
        return found


def word_gate(word_sets: Sequence[frozenset[str]]) -> WordGate | None:
    """The one-pass gate of ``word_sets`` (``None`` when they hold no word)."""
    own: dict[str, int] = {}
    for bit, words in enumerate(word_sets):
        for word in words:
            own[word] = own.get(word, 0) | (1 << bit)
    if not own:
        return None
    automaton = ahocorasick.Automaton()
    for word, bits in own.items():
        automaton.add_word(word, bits)
    automaton.make_automaton()
    full = 0
    for bits in own.values():
        full |= bits
    return WordGate(automaton, full)
