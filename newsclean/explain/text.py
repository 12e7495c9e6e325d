"""``explain`` for plain-text dumps: each line as the text path read it."""

from __future__ import annotations

from ..record import Article
from ..text.extract import read_lines
from .align import align
from .model import Explanation, Line


def explain_text(text: str, article: Article) -> Explanation:
    """Each non-blank line of the dump, cut into what ``article`` kept and removed.

    ``text`` is the dump as ``clean`` read it (cut to size, repaired).
    Lines are the ones the text engine reads (``read_lines``: repaired,
    normalised, wrapped paragraphs joined, Markdown links as their labels),
    so the record's spans can be found in them as the engine cut them.
    """
    lines = [line for line in read_lines(text).text.split("\n") if line.strip()]
    found = align(lines, article)
    return Explanation(
        article=article,
        input_format="text",
        lines=[Line(tuple(spans)) for spans in found.lines],
        unplaced=found.unplaced,
    )
