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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importlib.resources.abc is new in 3.11; 3.10 has the same class in importlib.abc
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

from ..lazy import Lazy
from .gate_table import load_table
from .gates import new_case_fold
from .line_ends import BULLET_MARK, BULLET_OPENERS
from .pattern_index import PatternEntry, PatternIndex, pattern_entries
from .segment import count_words

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
class Matcher:
    """The patterns of one category and kind for a set of languages, one alternation a language.

    The reference form of the lexicon (what :attr:`Lexicon.categories`
    shows and the tests match against): matching itself goes through a
    :class:`~newsclean.text.pattern_index.PatternIndex`, which gives the
    same answers pattern by pattern.
    """

    wholes: tuple[re.Pattern[str], ...]


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


class _Parts:
    """Every (category, kind, language) set of pattern entries, built on first use and shared by all views.

    Also owns the case-fold table the gates read text through. Finding a
    pattern's gate words means parsing it, which costs more than matching;
    the entries (and the patterns they compile) are built once per process
    however many views a batch of page languages needs.
    """

    def __init__(self, sources: list[CategorySource]) -> None:
        self.fold = new_case_fold()
        # The patterns' gate facts as shipped (read on the first view built, not at import).
        self._facts: Lazy[Mapping[str, list[Any]]] = Lazy(load_table)
        self._tables = {(s.category, kind): getattr(s, kind) for s in sources for kind in ("line", "phrase")}
        self._built: dict[tuple[str, str, str], tuple[PatternEntry, ...]] = {}
        self._lock = threading.Lock()

    def entries(self, category: str, kind: str, languages: frozenset[str] | None) -> list[PatternEntry]:
        """The entries of ``languages`` (``None``: all), in the table's language order."""
        table: dict[str, list[str]] = self._tables[(category, kind)]
        found: list[PatternEntry] = []
        with self._lock:
            for lang in table:
                if languages is not None and lang not in languages:
                    continue
                key = (category, kind, lang)
                if key not in self._built:
                    self._built[key] = pattern_entries(category, table[lang], self.fold, self._facts.get())
                found.extend(self._built[key])
        return found

    def matcher(self, category: str, kind: str, languages: frozenset[str] | None) -> Matcher | None:
        """The reference alternations of one category (compiled anew: for tests and inspection)."""
        table: dict[str, list[str]] = self._tables[(category, kind)]
        wholes = [_compile(table[lang]) for lang in table if languages is None or lang in languages]
        compiled = tuple(w for w in wholes if w is not None)
        return Matcher(compiled) if compiled else None


@dataclass(frozen=True)
class _Compiled:
    """A view's pattern indexes, one per kind."""

    line: PatternIndex
    phrase: PatternIndex


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
#: Any character :data:`_QUOTES` replaces: one C scan says whether a text needs the translation,
#: which looks every character up in the table (a tenth of a millisecond a long paragraph).
_QUOTE_CHARS = re.compile("[\u2019\u2018\u201c\u201d\u00a0]")
#: :data:`_QUOTES` as pairs for ``str.replace``: no replacement is itself replaced, so the order is free.
_QUOTE_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "))

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



def _unquote(text: str) -> str:
    """``text`` with typographic quotes and no-break spaces made plain (ASCII text has none)."""
    if text.isascii() or _QUOTE_CHARS.search(text) is None:
        return text
    # Five C scans, one a character to replace: ``str.translate`` looks every character up
    # in its table, five times slower on the dev dumps' quoted blocks.
    for old, new in _QUOTE_PAIRS:
        text = text.replace(old, new)
    return text


def _strip_line(text: str) -> str:
    text = " ".join(_unquote(text).split())
    if text[:1] in BULLET_OPENERS:
        text = _BULLET.sub("", text)
    return text.rstrip(_TRAILING)


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
        self._languages = languages
        # Built on first match: the all-language view is only needed for pages
        # whose language is unknown, and compiling it costs a second a process.
        self._compiled: Lazy[_Compiled] = Lazy(self._compile)
        self._reference: Lazy[list[CategoryPatterns]] = Lazy(self._reference_matchers)
        self._views: dict[str, Lexicon] = {}
        self._lock = threading.Lock()

    @property
    def categories(self) -> list[CategoryPatterns]:
        """The categories' reference matchers, in :data:`CATEGORY_ORDER` (compiled on first use).

        Matching does not use them (see :class:`~newsclean.text.pattern_index.PatternIndex`);
        they show the lexicon as alternations, and the tests match against them.
        """
        return self._reference.get()

    def _reference_matchers(self) -> list[CategoryPatterns]:
        return [
            CategoryPatterns(
                source.category,
                self._parts.matcher(source.category, "line", self._languages),
                self._parts.matcher(source.category, "phrase", self._languages),
            )
            for source in self._sources
        ]

    def _compile(self) -> _Compiled:
        fold = self._parts.fold
        kinds = [
            [entry for source in self._sources for entry in self._parts.entries(source.category, kind, self._languages)]
            for kind in ("line", "phrase")
        ]
        return _Compiled(PatternIndex(kinds[0], fold), PatternIndex(kinds[1], fold))

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
        return self._compiled.get().line.first_category(stripped, whole=True)

    def may_match_line_within(self, text: str, categories: frozenset[str]) -> bool:
        """``False`` only when no line pattern of ``categories`` can match whole any run of ``text``'s words.

        :meth:`match_line` strips a run as it strips ``text`` here (quotes made
        plain, spaces collapsed), and then only trims its ends, so what it
        matches is a slice of ``text`` so stripped: every gate word found in the
        slice is found in the whole. One gate pass over a line thus answers for
        every run of it (a box label at each sentence start, of one to six words).
        """
        return self._compiled.get().line.may_match(" ".join(_unquote(text).split()), categories)

    def may_match_within(self, text: str, categories: frozenset[str]) -> bool:
        """``False`` only when :meth:`match` gives none of ``categories`` for any slice of ``text``,
        nor for any run of its words joined by single spaces (the label lines cut from it).

        Line patterns as in :meth:`may_match_line_within`; phrase patterns run
        on the slice as it is, so their gate reads ``text`` both as it is and
        with its spaces collapsed.
        """
        compiled = self._compiled.get()
        unquoted = _unquote(text)
        collapsed = " ".join(unquoted.split())
        return (
            compiled.line.may_match(collapsed, categories)
            or compiled.phrase.may_match(unquoted, categories)
            or compiled.phrase.may_match(collapsed, categories)
        )

    def match_phrase(self, sentence: str) -> str | None:
        """The category whose phrase pattern occurs in a sentence of prose."""
        return self._compiled.get().phrase.first_category(_unquote(sentence), whole=False)

    def match_phrases(self, text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
        """:meth:`match_phrase` of each ``text[start:end]`` (the sentences of a paragraph), in one gate pass."""
        return self._compiled.get().phrase.first_categories(_unquote(text), spans)

    def may_match_phrase(self, text: str) -> bool:
        """``False`` only when no phrase pattern can occur anywhere in ``text``.

        Then no sentence of it can match either: a sentence is a slice of the
        text, and every gate word found in a slice is found in the whole.
        One gate pass over a paragraph thus replaces one per sentence.
        """
        return self._compiled.get().phrase.candidates(_unquote(text)) != 0

    def match(self, text: str, *, max_line_words: int = MAX_LINE_WORDS, words: int | None = None) -> str | None:
        """Line match for short blocks, else phrase match.

        Words are counted as :func:`count_words` does, so a Japanese or
        Chinese sentence (one whitespace token) still gets its phrase match;
        ``words`` is that count when the caller has it (a block's).
        """
        if words is None:
            words = count_words(text)
        if words <= max_line_words:
            found = self.match_line(text)
            if found or words <= _MIN_PHRASE_WORDS:
                return found
        return self.match_phrase(text)
