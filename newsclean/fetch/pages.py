"""A fetched page as the cleaner receives it, and cleaning it (the batch runner's work function).

:class:`FetchedPage` is small and picklable so the same process pool that
``newsclean clean`` uses can clean fetched pages, with its per-page time
limit. Cleaning goes through exactly the code path the WARC and raw-index
readers feed, so re-cleaning the archive gives the same record.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..decode import header_charset
from ..hints import Hints
from ..io.inputs import InputItem
from ..io.media_types import input_format_for
from ..options import Options
from ..pipeline import clean_item_traced, error_article
from ..record import Article

#: Where the page's decoding and typing rules live (shared with the WARC reader); re-exported.
__all__ = ["FetchedPage", "clean_fetched", "header_charset", "input_format_for"]


@dataclass(frozen=True)
class FetchedPage:
    """A page fetched (``body`` set) or failed (``error`` set), with its provenance and hints."""

    source: str
    url: str
    final_url: str | None = None
    body: bytes | str = b""
    fetched_at: str | None = None
    input_format: str | None = None
    hints: Hints | None = None
    error: str | None = None


def clean_fetched(page: FetchedPage, options: Options) -> tuple[Article, str | None]:
    """Clean one fetched page, or turn a failed fetch into its error record.

    The page becomes the same :class:`InputItem` (hints included) that the
    WARC and raw-index readers make of its archived copy, and goes through
    the same cleaning call, which fills gaps from the hints: that is what
    makes re-cleaning the archive give the same record.
    """
    if page.error is not None:
        return error_article(InputItem(source=page.source, url=page.url), page.error), None
    item = InputItem(
        source=page.source, kind="page", data=page.body, url=page.final_url or page.url,
        fetched_at=page.fetched_at, input_format=page.input_format, hints=page.hints,
    )
    return clean_item_traced(item, options)
