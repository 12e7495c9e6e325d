"""readability-lxml: the article HTML it keeps, flattened to paragraphs.

readability returns HTML, so we flatten it with html-text (the same renderer
the keep-all baseline uses) to get comparable plain text.
"""

from __future__ import annotations

from benchmarks.systems import Extractor, Output
from benchmarks.systems._wrap import html_input

REQUIRES = ("readability", "html_text")
DISTS = ("readability-lxml", "html-text")
FIELDS = frozenset({"title"})


def make(mode: str) -> Extractor:
    """Run ``Document.summary`` and ``Document.title`` on the page or wrapped render."""
    import html_text
    from readability import Document

    def extract(raw: str, url: str | None) -> Output:
        doc = Document(html_input(raw, mode), url=url)
        summary = doc.summary(html_partial=True)
        title = doc.title() if mode == "html" else None
        return Output(text=html_text.extract_text(summary), title=title or None)

    return extract
