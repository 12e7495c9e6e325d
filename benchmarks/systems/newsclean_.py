"""newsclean itself: HTML mode reads the page, text modes read the render as text."""

from __future__ import annotations

from benchmarks.systems import Extractor, Output

REQUIRES = ("newsclean",)
DISTS = ("newsclean",)
FIELDS = frozenset({"title", "date", "authors"})


def make(mode: str) -> Extractor:
    """Bind ``newsclean.clean`` with the input format that matches ``mode``."""
    import newsclean

    if not callable(getattr(newsclean, "clean", None)):
        # The package exists but its public API is not written yet: skip, don't score zeros.
        raise ImportError("newsclean.clean() is not available yet")

    fmt = "html" if mode == "html" else "text"

    def extract(raw: str, url: str | None) -> Output:
        art = newsclean.clean(raw, url=url, input_format=fmt)
        return Output(
            text=art.text or "",
            title=art.title,
            date=art.published,
            authors=list(art.authors or []),
        )

    return extract
