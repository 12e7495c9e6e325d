"""Noise lexicons: per-category patterns, loaded from data files.

Each ``lexicons/<category>.json`` holds ``line`` patterns (a whole short
block is UI text of that kind: "Share", "Accept all cookies") and ``phrase``
patterns (a sentence of running text is an appeal, a consent notice...), per
language. All languages apply to every page: pages mix languages and the
detector can be wrong on short dumps, while the patterns are specific enough
not to collide across languages.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

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
class CategoryPatterns:
    """Compiled patterns of one noise category."""

    category: str
    line: re.Pattern[str] | None
    phrase: re.Pattern[str] | None


@dataclass(frozen=True)
class CategorySource:
    """The raw patterns of one category, per language."""

    category: str
    line: dict[str, list[str]]
    phrase: dict[str, list[str]]

    def compile(self, languages: frozenset[str] | None) -> CategoryPatterns:
        def pick(table: dict[str, list[str]]) -> list[str]:
            return [p for lang, ps in table.items() if languages is None or lang in languages for p in ps]

        return CategoryPatterns(self.category, _compile(pick(self.line)), _compile(pick(self.phrase)))


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

#: Patterns that apply to every page besides its own language's: English UI
#: strings are everywhere, and "xx" holds the language-independent ones.
_ALWAYS = frozenset({"en", "xx"})
#: Phrase patterns describe sentences; a block this short is a UI string or nothing.
_MIN_PHRASE_WORDS = 2


def _strip_line(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    text = re.sub(r"^(?:[*+•·▪►▸-]|o(?=\s))\s*", "", text)
    return re.sub(r"[\s:.|]+$", "", text)


class Lexicon:
    """Noise categories compiled for a set of languages, ready to match.

    Matching every language's patterns on every page costs ten times more
    than matching the page's own language plus English and the
    language-independent set; :meth:`for_language` gives that narrower view
    (built once per language and kept), :meth:`load` the all-language one
    used when the language is unknown.
    """

    def __init__(self, sources: list[CategorySource], languages: frozenset[str] | None = None) -> None:
        rank = {name: i for i, name in enumerate(CATEGORY_ORDER)}
        self._sources = sorted(sources, key=lambda c: rank.get(c.category, len(rank)))
        self.categories = [source.compile(languages) for source in self._sources]
        self._views: dict[str, Lexicon] = {}
        self._lock = threading.Lock()

    def for_language(self, language: str | None) -> Lexicon:
        """This lexicon narrowed to ``language`` plus English and "xx"."""
        if not language:
            return self
        with self._lock:
            view = self._views.get(language)
            if view is None:
                view = Lexicon(self._sources, _ALWAYS | {language})
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
        for cat in self.categories:
            if cat.line is not None and cat.line.fullmatch(stripped):
                return cat.category
        return None

    def match_phrase(self, sentence: str) -> str | None:
        """The category whose phrase pattern occurs in a sentence of prose."""
        sentence = sentence.translate(_QUOTES)
        for cat in self.categories:
            if cat.phrase is not None and cat.phrase.search(sentence):
                return cat.category
        return None

    def match(self, text: str, *, max_line_words: int = 15) -> str | None:
        """Line match for short blocks, else phrase match."""
        words = len(text.split())
        if words <= max_line_words:
            found = self.match_line(text)
            if found or words <= _MIN_PHRASE_WORDS:
                return found
        return self.match_phrase(text)
