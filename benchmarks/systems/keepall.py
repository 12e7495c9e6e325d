"""keep-all: everything the naive scraper has, the floor every extractor must beat.

In text modes that is the render itself; in HTML mode it is html-text's render
of the whole page (a fair stand-in for "strip the tags").
"""

from __future__ import annotations

from benchmarks.systems import Extractor, Output

REQUIRES = ("html_text",)
DISTS = ("html-text",)
FIELDS: frozenset[str] = frozenset()


def page_text(raw: str, mode: str) -> str:
    """The whole text of the input: html-text's render for HTML, else the input."""
    if mode != "html":
        return raw
    import html_text

    return html_text.extract_text(raw)


def make(mode: str) -> Extractor:
    """Return the input's full text unchanged."""
    if mode == "html":
        import html_text  # noqa: F401  (fail early, at make time, if it is missing)

    def extract(raw: str, url: str | None) -> Output:
        return Output(text=page_text(raw, mode))

    return extract
