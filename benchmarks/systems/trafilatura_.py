"""trafilatura with its defaults, or with ``favor_precision``.

Deduplication is off so one page's output never depends on the pages before it,
and metadata extraction is on so title, date and authors can be scored. The body
is built as ``extract()``'s default text output is (main text, then comments,
NFC), so the figures match a plain ``trafilatura.extract(html)`` call.
"""

from __future__ import annotations

import unicodedata

from benchmarks.systems import Extractor, Output
from benchmarks.systems._wrap import html_input

REQUIRES = ("trafilatura",)
DISTS = ("trafilatura", "htmldate")
FIELDS = frozenset({"title", "date", "authors"})


def _authors(raw: str | None) -> list[str]:
    return [a.strip() for a in (raw or "").split(";") if a.strip()]


def make(mode: str, favor_precision: bool = False) -> Extractor:
    """Extract body and metadata in one ``bare_extraction`` call."""
    import trafilatura

    def extract(raw: str, url: str | None) -> Output:
        doc = trafilatura.bare_extraction(
            html_input(raw, mode),
            url=url,
            favor_precision=favor_precision,
            deduplicate=False,
            with_metadata=True,
        )
        if doc is None:
            return Output()
        text = getattr(doc, "text", None) or ""
        comments = getattr(doc, "comments", None)
        if comments:
            text = f"{text}\n{comments}".strip()
        return Output(
            text=unicodedata.normalize("NFC", text),
            title=getattr(doc, "title", None),
            date=getattr(doc, "date", None),
            authors=_authors(getattr(doc, "author", None)),
        )

    return extract
