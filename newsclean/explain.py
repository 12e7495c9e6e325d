"""Why each line of a page was kept or dropped: the view users trust the cleaner by.

The verdicts are read back from the record itself (its ``text``, ``title``,
``tags``, ``embeds`` and ``removed`` spans), so what ``explain`` shows is
exactly what ``clean`` did, not a second run of the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .api import clean
from .normalize.text import comparison_key
from .record import Article
from .text.extract import read_lines

KEPT = "kept"


@dataclass(frozen=True)
class LineVerdict:
    """One input line and what became of it: ``kept`` or a removal reason."""

    text: str
    verdict: str


def _verdicts_by_key(article: Article) -> list[tuple[str, str]]:
    spans = [(comparison_key(p), KEPT) for p in article.text.split("\n\n")]
    if article.title:
        spans.append((comparison_key(article.title), "title"))
    spans += [(comparison_key(t), "tags") for t in article.tags]
    spans += [(comparison_key(e.text), "embed") for e in article.embeds if e.text]
    spans += [(comparison_key(r.text), r.reason) for r in article.removed]
    return [(key, verdict) for key, verdict in spans if key]


def explain_article(raw_text: str, article: Article) -> list[LineVerdict]:
    """Each non-blank line of ``raw_text`` with the verdict ``article`` records for it."""
    spans = _verdicts_by_key(article)
    lines: list[LineVerdict] = []
    # Lines as the cleaner read them: wrapped paragraphs joined, links as their labels.
    for line in read_lines(raw_text).text.split("\n"):
        key = comparison_key(line)
        if not key:
            continue
        # Exact matches first (a short label inside a kept paragraph is
        # still the label), then the span that contains the line.
        verdict = next((v for k, v in spans if k == key), None)
        if verdict is None:
            verdict = next((v for k, v in spans if key in k), None)
        if verdict is None:
            # A line holding a kept paragraph plus a cut prefix ("date 2023-06-24 In a...").
            verdict = next((v for k, v in spans if v == KEPT and len(k) > len(key) // 2 and k in key), "boilerplate")
        lines.append(LineVerdict(line.strip(), verdict))
    return lines


def explain(raw: str, **options: Any) -> tuple[Article, list[LineVerdict]]:
    """Clean a plain-text dump and say, line by line, what was kept and why not."""
    article = clean(raw, input_format="text", **options)
    return article, explain_article(raw, article)
