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
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

#: When a block matches several categories, the first in this order wins.
CATEGORY_ORDER: tuple[str, ...] = (
    "embed",
    "cookie",
    "paywall",
    "appeal",
    "newsletter",
    "contribute",
    "app_prompt",
    "share",
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


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _strip_line(text: str) -> str:
    text = text.translate(_QUOTES).strip()
    text = re.sub(r"^(?:[*+•·▪►▸-]|o(?=\s))\s*", "", text)
    return re.sub(r"[\s:.|]+$", "", text)


class Lexicon:
    """All noise categories, ready to match blocks and sentences."""

    def __init__(self, categories: list[CategoryPatterns]) -> None:
        rank = {name: i for i, name in enumerate(CATEGORY_ORDER)}
        self.categories = sorted(categories, key=lambda c: rank.get(c.category, len(rank)))

    @classmethod
    def load(cls, directory: Traversable | None = None) -> Lexicon:
        """Load every category file of ``directory``.

        The default is the lexicons shipped in ``newsclean/text/lexicons``.
        """
        root = directory or resources.files(__package__).joinpath("lexicons")
        found: list[CategoryPatterns] = []
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".json"):
                continue
            data = json.loads(entry.read_text("utf-8"))
            line = [p for ps in data.get("line", {}).values() for p in ps]
            phrase = [p for ps in data.get("phrase", {}).values() for p in ps]
            found.append(CategoryPatterns(data["category"], _compile(line), _compile(phrase)))
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
        if len(text.split()) <= max_line_words:
            found = self.match_line(text)
            if found:
                return found
        return self.match_phrase(text)
