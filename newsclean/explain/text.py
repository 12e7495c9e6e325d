"""``explain`` for plain-text dumps: each line as the text path read it."""

from __future__ import annotations

from ..options import Options
from ..record import Article
from ..text.extract import TextResources, extract_text
from ..text.prepare import read_lines
from .align import align
from .model import Explanation, FieldSource, Line


def field_sources(text: str, article: Article, options: Options) -> list[FieldSource]:
    """Title, publication date and authors with the dump's lines that gave them.

    The record keeps the values, not where they were read; the text path is
    run once more on the same dump (it is deterministic) for the lines its
    header reader took each field from: the headline line, the date line
    (or the URL, or htmldate's search of the text), the byline lines.
    """
    found = extract_text(text, options, TextResources.load(), article.url).sources
    values = (("title", article.title), ("published", article.published), ("authors", list(article.authors)))
    return [
        FieldSource(name, value, tuple(found.get(name, ())) or ("none",))
        for name, value in values if value
    ]


def explain_text(text: str, article: Article, options: Options | None = None) -> Explanation:
    """Each non-blank line of the dump, cut into what ``article`` kept and removed.

    ``text`` is the dump as ``clean`` read it (cut to size, repaired).
    Lines are the ones the text engine reads (``read_lines``: repaired,
    normalised, wrapped paragraphs joined, Markdown links as their labels),
    so the record's spans can be found in them as the engine cut them.
    """
    lines = [line for line in read_lines(text, TextResources.load().lexicon).text.split("\n") if line.strip()]
    found = align(lines, article)
    return Explanation(
        article=article,
        input_format="text",
        lines=[Line(tuple(spans)) for spans in found.lines],
        fields=field_sources(text, article, options or Options()),
        unplaced=found.unplaced,
    )
