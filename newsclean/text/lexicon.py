"""Noise lexicons: per-category patterns, loaded from data files.

Each ``lexicons/<category>.json`` holds ``line`` patterns (a whole short
block is UI text of that kind: "Share", "Accept all cookies") and ``phrase``
patterns (a sentence of running text is an appeal, a consent notice...), per
language. All languages apply to every page: pages mix languages and the
detector can be wrong on short dumps, while the patterns are specific enough
not to collide across languages.
"""

from __future__ import annotations

import importlib
import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

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
class Part:
    """One category's patterns of one language (or kind), compiled once per process.

    ``words`` are case-folded literals one of which every match of the
    patterns outside ``rest`` contains (see :class:`Matcher`); ``rest``
    holds the patterns no such word could be found for.
    """

    whole: re.Pattern[str]
    rest: re.Pattern[str] | None
    words: frozenset[str]


@dataclass(frozen=True)
class Matcher:
    """The patterns of one category and kind for a set of languages, behind a gate.

    The patterns are long case-insensitive alternations, and the regex
    engine tries every alternative at every position of the text, so testing
    each sentence against sixteen of them dominated the text path. Nearly
    every alternative needs some literal word ("subscribe", "cookie"), so
    ``needle`` first looks for any of those words in the case-folded text
    (one case-sensitive search over a prefix tree of the words) and only on
    a hit do the full patterns run; otherwise only the patterns without such
    a word can match, and only they run. The gate never changes a verdict.

    Patterns stay split by language (one alternation a language, OR-ed), so
    a language's patterns are compiled once per process however many page
    languages a batch meets, instead of once per language view.
    """

    wholes: tuple[re.Pattern[str], ...]
    rests: tuple[re.Pattern[str], ...]
    needle: re.Pattern[str] | None

    def matches(self, text: str, folded: str, *, whole: bool) -> bool:
        """Whether a pattern matches ``text`` (all of it when ``whole``); ``folded`` feeds the gate."""
        run = self.wholes if self.needle is None or self.needle.search(folded) else self.rests
        # Plain loops: this runs for every block and sentence, and any() over a generator costs more.
        if whole:
            for pattern in run:  # noqa: SIM110  # see above
                if pattern.fullmatch(text):
                    return True
            return False
        for pattern in run:  # noqa: SIM110  # see above
            if pattern.search(text):
                return True
        return False


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


def _regex_internals() -> tuple[Any, Any, dict[int, tuple[int, ...]]] | None:
    """The parser, lower-casing and case-equivalence table ``re`` itself uses (3.11+).

    Gates must fold text exactly as ``re.IGNORECASE`` compares characters,
    so they borrow its own tables; where they are missing, no gate is built
    and every pattern runs as before.
    """
    try:
        parser = importlib.import_module("re._parser")
        casefix = importlib.import_module("re._casefix")
        sre = importlib.import_module("_sre")
        return parser, sre.unicode_tolower, dict(casefix._EXTRA_CASES)
    except (ImportError, AttributeError):  # pragma: no cover - Python 3.10
        return None


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

    def fold(self, text: str) -> str:
        """``text`` with every character replaced by its class representative."""
        # ASCII letters' classes are represented by their lower case (the other
        # members, such as the Kelvin sign, lie above ASCII): str.lower is exact there.
        return text.lower() if text.isascii() else text.translate(self)

    def __missing__(self, code: int) -> int:
        lower = int(self._tolower(code))
        value = self._rep.get(lower, lower)
        self[code] = value
        return value


_INTERNALS = _regex_internals()


def new_case_fold() -> CaseFold | None:
    """A fresh fold table, or ``None`` where gates are unavailable."""
    return CaseFold(_INTERNALS[1], _INTERNALS[2]) if _INTERNALS else None


def literal_gate(pattern: re.Pattern[str], fold: CaseFold | None) -> re.Pattern[str] | None:
    """A search for the words one of which every match of ``pattern`` contains, or ``None``.

    The gate runs on ``text.translate(fold)``; when it finds nothing,
    ``pattern`` cannot match ``text`` (see :class:`Matcher`).
    """
    if _INTERNALS is None or fold is None:
        return None
    words = _required(_INTERNALS[0].parse(pattern.pattern, pattern.flags), fold)
    return re.compile(_prefix_tree_pattern(_minimal(words))) if words else None


def _minimal(words: set[str]) -> list[str]:
    """The words without those that contain a shorter one (the shorter one is found first)."""
    minimal: list[str] = []
    for word in sorted(words, key=lambda w: (len(w), w)):
        if not any(kept in word for kept in minimal):
            minimal.append(word)
    return minimal


def _required(items: Iterable[tuple[Any, Any]], fold: CaseFold) -> set[str] | None:
    """Folded literals one of which every match of a parsed sequence contains, or ``None``.

    A run of literal characters is required, and so is what a group, an
    alternation (every branch's set, pooled) or a repeat of at least one
    requires; of the candidates the sequence offers, the most selective
    (longest shortest word, then fewest words) is kept.
    """
    best: set[str] | None = None

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
            best = candidate

    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(fold[av]))
            continue
        if run:
            consider({"".join(run)})
            run = []
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
    if run:
        consider({"".join(run)})
    return best


def _selectivity(words: set[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


def _prefix_tree_pattern(words: list[str]) -> str:
    """One regex for a set of words where none contains another, factored by common prefixes."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})

    def emit(node: dict[str, Any]) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        if len(alternatives) <= 1:
            return "".join(alternatives)
        return "(?:" + "|".join(alternatives) + ")"

    return emit(tree)


def _build_part(patterns: list[str], fold: CaseFold | None) -> Part | None:
    """Compile one language's patterns of a category and find the words that gate them."""
    whole = _compile(patterns)
    if whole is None:
        return None
    if _INTERNALS is None or fold is None:
        return Part(whole, whole, frozenset())
    parser = _INTERNALS[0]
    words: set[str] = set()
    ungated: list[str] = []
    for pattern in patterns:
        required = _required(parser.parse(pattern, re.IGNORECASE), fold)
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
    words = set().union(*(p.words for p in parts))
    if not words:
        return Matcher(tuple(p.whole for p in parts), rests, None)
    return Matcher(tuple(p.whole for p in parts), rests, re.compile(_prefix_tree_pattern(_minimal(words))))


class _Parts:
    """Every (category, kind, language) part, compiled on first use and shared by all views.

    Also owns the case-fold table the gates read text through. Both are
    memos of pure functions of the lexicon data: what they hold never
    changes a match, only how soon it is known.
    """

    def __init__(self, sources: list[CategorySource]) -> None:
        self.fold = new_case_fold()
        self._tables = {(s.category, kind): getattr(s, kind) for s in sources for kind in ("line", "phrase")}
        self._built: dict[tuple[str, str, str], Part | None] = {}
        self._lock = threading.Lock()

    def matcher(self, category: str, kind: str, languages: frozenset[str] | None) -> Matcher | None:
        table: dict[str, list[str]] = self._tables[(category, kind)]
        langs = [lang for lang in table if languages is None or lang in languages]
        parts: list[Part] = []
        with self._lock:
            for lang in langs:
                key = (category, kind, lang)
                if key not in self._built:
                    self._built[key] = _build_part(table[lang], self.fold)
                part = self._built[key]
                if part is not None:
                    parts.append(part)
        return _matcher(parts)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

#: Patterns that apply to every page besides its own language's: English UI
#: strings are everywhere, and "xx" holds the language-independent ones.
_ALWAYS = frozenset({"en", "xx"})
#: Phrase patterns describe sentences; a block this short is a UI string or nothing.
_MIN_PHRASE_WORDS = 2


_BULLET = re.compile(r"^(?:[*+•·▪►▸-]|o(?=\s))\s*")
_TRAILING = re.compile(r"[\s:.|]+$")


def _strip_line(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    return _TRAILING.sub("", _BULLET.sub("", text))


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
        self.categories = [
            CategoryPatterns(
                source.category,
                self._parts.matcher(source.category, "line", languages),
                self._parts.matcher(source.category, "phrase", languages),
            )
            for source in self._sources
        ]
        self._views: dict[str, Lexicon] = {}
        self._lock = threading.Lock()

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
        folded = self._fold.fold(stripped) if self._fold is not None else stripped
        for cat in self.categories:
            if cat.line is not None and cat.line.matches(stripped, folded, whole=True):
                return cat.category
        return None

    def match_phrase(self, sentence: str) -> str | None:
        """The category whose phrase pattern occurs in a sentence of prose."""
        sentence = sentence.translate(_QUOTES)
        folded = self._fold.fold(sentence) if self._fold is not None else sentence
        for cat in self.categories:
            if cat.phrase is not None and cat.phrase.matches(sentence, folded, whole=False):
                return cat.category
        return None

    def match(self, text: str, *, max_line_words: int = 15) -> str | None:
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
