"""Noise lexicons: per-category patterns, loaded from data files.

Each ``lexicons/<category>.json`` holds ``line`` patterns (a whole short
block is UI text of that kind: "Share", "Accept all cookies") and ``phrase``
patterns (a sentence of running text is an appeal, a consent notice...), per
language. A page is matched with its own language's patterns plus English
and the language-independent "xx" ones (:meth:`Lexicon.for_language`); all
languages apply when its language is unknown.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources.abc is new in 3.11; 3.10 has the same class in importlib.abc
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

from ..lazy import Lazy
from .gates import CaseFold, WordGate, minimal_words, new_case_fold, required_words, word_gate
from .segment import BULLET_MARK, count_words

#: When a block matches several categories, the first in this order wins.
CATEGORY_ORDER: tuple[str, ...] = (
    "share",
    "embed",
    "cookie",
    "paywall",
    "appeal",
    "newsletter",
    "contribute",
    "app_prompt",
    "comments",
    "advertisement",
    "teaser",
    "image_credit",
    "byline",
    "meta",
    "legal",
    "navigation",
)


@dataclass(frozen=True)
class Part:
    """One category's patterns of one language (or kind), compiled once per process.

    ``words`` are case-folded literals one of which every match of the
    patterns outside ``rest`` contains (see :mod:`newsclean.text.gates`);
    ``rest`` holds the patterns no such word could be found for.
    """

    whole: re.Pattern[str]
    rest: re.Pattern[str] | None
    words: frozenset[str]


@dataclass(frozen=True)
class Matcher:
    """The patterns of one category and kind for a set of languages, behind a gate.

    The patterns are long case-insensitive alternations, and testing each
    sentence against sixteen of them dominated the text path. When none of
    ``words`` occurs in the folded text (the lexicon finds out for all
    categories in one pass, see :class:`~newsclean.text.gates.WordGate`),
    only the patterns without such a word can match, and only they run. No
    ``words`` means no gate: every pattern always runs. The gate never
    changes a verdict.

    Patterns stay split by language (one alternation a language, OR-ed), so
    a language's patterns are compiled once per process however many page
    languages a batch meets, instead of once per language view.
    """

    wholes: tuple[re.Pattern[str], ...]
    rests: tuple[re.Pattern[str], ...]
    words: frozenset[str]


@dataclass(frozen=True)
class CategoryPatterns:
    """The matchers of one noise category (``None``: the category has no patterns of that kind)."""

    category: str
    line: Matcher | None
    phrase: Matcher | None


@dataclass(frozen=True)
class CategorySource:
    """The raw patterns of one category, per language."""

    category: str
    line: dict[str, list[str]]
    phrase: dict[str, list[str]]


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _build_part(patterns: list[str], fold: CaseFold | None) -> Part | None:
    """Compile one language's patterns of a category and find the words that gate them."""
    whole = _compile(patterns)
    if whole is None:
        return None
    words: set[str] = set()
    ungated: list[str] = []
    for pattern in patterns:
        required = required_words(pattern, fold)
        if required:
            words |= required
        else:
            ungated.append(pattern)
    if not words:
        return Part(whole, whole, frozenset())
    return Part(whole, _compile(ungated), frozenset(words))


def _matcher(parts: list[Part]) -> Matcher | None:
    """The gated OR of some languages' parts (a part without words runs whole, as its ``rest``)."""
    if not parts:
        return None
    rests = tuple(p.rest for p in parts if p.rest is not None)
    return Matcher(tuple(p.whole for p in parts), rests, frozenset().union(*(p.words for p in parts)))


class _Parts:
    """Every (category, kind, language) part and every gate, built on first use and shared by all views.

    Also owns the case-fold table the gates read text through. All are
    memos of pure functions of the lexicon data: what they hold never
    changes a match, only how soon it is known.
    """

    def __init__(self, sources: list[CategorySource]) -> None:
        self.fold = new_case_fold()
        self._categories = [s.category for s in sources]
        self._tables = {(s.category, kind): getattr(s, kind) for s in sources for kind in ("line", "phrase")}
        self._built: dict[tuple[str, str, str], Part | None] = {}
        self._gates: dict[tuple[str, frozenset[str] | None], WordGate | None] = {}
        self._lock = threading.Lock()

    def _parts(self, category: str, kind: str, languages: frozenset[str] | None) -> list[Part]:
        """The parts of ``languages`` (``None``: all), built as needed; the caller holds the lock."""
        table: dict[str, list[str]] = self._tables[(category, kind)]
        parts: list[Part] = []
        for lang in table:
            if languages is not None and lang not in languages:
                continue
            key = (category, kind, lang)
            if key not in self._built:
                self._built[key] = _build_part(table[lang], self.fold)
            part = self._built[key]
            if part is not None:
                parts.append(part)
        return parts

    def matcher(self, category: str, kind: str, languages: frozenset[str] | None) -> Matcher | None:
        with self._lock:
            return _matcher(self._parts(category, kind, languages))

    def gate(self, kind: str, languages: frozenset[str] | None) -> WordGate | None:
        """The one-pass gate of ``languages``' patterns of ``kind``: bit ``i`` for the ``i``-th category.

        Gates are kept per language group, not per view: compiling a gate
        costs more than running one, and every view shares the English and
        language-independent group.
        """
        with self._lock:
            key = (kind, languages)
            if key not in self._gates:
                sets = []
                for category in self._categories:
                    words = set().union(*(p.words for p in self._parts(category, kind, languages)))
                    sets.append(frozenset(minimal_words(words)))
                self._gates[key] = word_gate(sets)
            return self._gates[key]


#: One category as a match loop reads it: its bit in the gates' masks, its
#: name, the patterns to run when one of its gate words occurs, and those to
#: run when none does (all of them when the category has no gate).
_Step = tuple[int, str, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]


def _plan(categories: list[CategoryPatterns], kind: str) -> tuple[_Step, ...]:
    steps: list[_Step] = []
    for bit, category in enumerate(categories):
        matcher: Matcher | None = getattr(category, kind)
        if matcher is not None:
            rests = matcher.rests if matcher.words else matcher.wholes
            steps.append((1 << bit, category.category, matcher.wholes, rests))
    return tuple(steps)


@dataclass(frozen=True)
class _Compiled:
    """A view's matchers, in category order, its gates (one a language group) and match loops per kind."""

    categories: list[CategoryPatterns]
    line_gates: tuple[WordGate, ...]
    phrase_gates: tuple[WordGate, ...]
    line_plan: tuple[_Step, ...]
    phrase_plan: tuple[_Step, ...]


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

#: Patterns that apply to every page besides its own language's: English UI
#: strings are everywhere, and "xx" holds the language-independent ones.
_ALWAYS = frozenset({"en", "xx"})
#: A block this short (words) is matched whole, as a UI string ("Share this article");
#: a longer one only by the phrases in it. Set with the lexicons (commit c7895e8).
MAX_LINE_WORDS = 15
#: Phrase patterns describe sentences; a block this short is a UI string or nothing.
_MIN_PHRASE_WORDS = 2


#: A label's leading list marker, spaced or not ("• Share", "-Menu"): not part of the label.
_BULLET = re.compile(rf"^{BULLET_MARK}\s*")
#: Trailing separators a label carries ("Share:", "Tags |"). Stripped with
#: ``str.rstrip`` (linear) rather than a ``[...]+$`` pattern, which re-scans a
#: long run of dots from every position inside it (quadratic).
_TRAILING = " :.|"


def _found_words(gates: tuple[WordGate, ...], fold: CaseFold | None, text: str) -> int:
    """The categories (as bits) one of whose gate words occurs in ``text``."""
    if not gates or fold is None:
        return 0
    folded = fold.fold(text)
    found = 0
    for gate in gates:
        found |= gate.mask(folded)
    return found


def _strip_line(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    return _BULLET.sub("", text).rstrip(_TRAILING)


class Lexicon:
    """Noise categories compiled for a set of languages, ready to match.

    Matching every language's patterns on every page costs ten times more
    than matching the page's own language plus English and the
    language-independent set; :meth:`for_language` gives that narrower view
    (built once per language and kept), :meth:`load` the all-language one
    used when the language is unknown.
    """

    def __init__(
        self, sources: list[CategorySource], languages: frozenset[str] | None = None, parts: _Parts | None = None
    ) -> None:
        rank = {name: i for i, name in enumerate(CATEGORY_ORDER)}
        self._sources = sorted(sources, key=lambda c: rank.get(c.category, len(rank)))
        self._parts = parts if parts is not None else _Parts(self._sources)
        self._fold = self._parts.fold
        self._languages = languages
        # Built on first match: the all-language view is only needed for pages
        # whose language is unknown, and compiling it costs a second a process.
        self._compiled: Lazy[_Compiled] = Lazy(self._compile)
        self._views: dict[str, Lexicon] = {}
        self._lock = threading.Lock()

    @property
    def categories(self) -> list[CategoryPatterns]:
        """The categories' matchers, in :data:`CATEGORY_ORDER`."""
        return self._compiled.get().categories

    def _compile(self) -> _Compiled:
        languages = self._languages
        categories = [
            CategoryPatterns(
                source.category,
                self._parts.matcher(source.category, "line", languages),
                self._parts.matcher(source.category, "phrase", languages),
            )
            for source in self._sources
        ]
        # One gate a language group (English and "xx", then the page's own),
        # each finding for all categories at once whether a gate word occurs.
        groups: list[frozenset[str] | None] = [None]
        if languages is not None:
            groups = [_ALWAYS, languages - _ALWAYS] if languages - _ALWAYS else [_ALWAYS]
        line_gates = (self._parts.gate("line", group) for group in groups)
        phrase_gates = (self._parts.gate("phrase", group) for group in groups)
        return _Compiled(
            categories,
            tuple(g for g in line_gates if g is not None),
            tuple(g for g in phrase_gates if g is not None),
            _plan(categories, "line"),
            _plan(categories, "phrase"),
        )

    def for_language(self, language: str | None) -> Lexicon:
        """This lexicon narrowed to ``language`` plus English and "xx"."""
        if not language:
            return self
        with self._lock:
            view = self._views.get(language)
            if view is None:
                view = Lexicon(self._sources, _ALWAYS | {language}, self._parts)
                self._views[language] = view
            return view

    @classmethod
    def load(cls, directory: Traversable | None = None) -> Lexicon:
        """Load every category file of ``directory``.

        The default is the lexicons shipped in ``newsclean/text/lexicons``.
        """
        root = directory or resources.files(__package__).joinpath("lexicons")
        found: list[CategorySource] = []
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".json"):
                continue
            data = json.loads(entry.read_text("utf-8"))
            found.append(CategorySource(data["category"], data.get("line", {}), data.get("phrase", {})))
        return cls(found)

    def match_line(self, text: str) -> str | None:
        """The category whose UI-string pattern covers the whole short block."""
        stripped = _strip_line(text)
        if not stripped:
            return None
        compiled = self._compiled.get()
        found = _found_words(compiled.line_gates, self._fold, stripped)
        # Plain loops: this runs for every short block, and any() over a generator costs more.
        for flag, category, wholes, rests in compiled.line_plan:
            for pattern in wholes if found & flag else rests:
                if pattern.fullmatch(stripped):
                    return category
        return None

    def match_phrase(self, sentence: str) -> str | None:
        """The category whose phrase pattern occurs in a sentence of prose."""
        sentence = sentence.translate(_QUOTES)
        compiled = self._compiled.get()
        found = _found_words(compiled.phrase_gates, self._fold, sentence)
        for flag, category, wholes, rests in compiled.phrase_plan:
            for pattern in wholes if found & flag else rests:
                if pattern.search(sentence):
                    return category
        return None

    def may_match_phrase(self, text: str) -> bool:
        """``False`` only when no phrase pattern can occur anywhere in ``text``.

        Then no sentence of it can match either: a sentence is a slice of the
        text, and the gate words found in a slice are among those found in
        the whole (at each position the whole offers the slice's word or a
        longer one holding it, whose mask includes the shorter word's). One
        gate pass over a paragraph thus replaces one per sentence.
        """
        compiled = self._compiled.get()
        found = _found_words(compiled.phrase_gates, self._fold, text.translate(_QUOTES))
        return any(found & flag or rests for flag, _category, _wholes, rests in compiled.phrase_plan)

    def match(self, text: str, *, max_line_words: int = MAX_LINE_WORDS) -> str | None:
        """Line match for short blocks, else phrase match.

        Words are counted as :func:`count_words` does, so a Japanese or
        Chinese sentence (one whitespace token) still gets its phrase match.
        """
        words = count_words(text)
        if words <= max_line_words:
            found = self.match_line(text)
            if found or words <= _MIN_PHRASE_WORDS:
                return found
        return self.match_phrase(text)
