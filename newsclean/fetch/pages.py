"""A fetched page as the cleaner receives it, and cleaning it (the batch runner's work function).

:class:`FetchedPage` is small and picklable so the same process pool that
``newsclean clean`` uses can clean fetched pages, with its per-page time
limit. Cleaning goes through exactly the code path the WARC and raw-index
readers feed, so re-cleaning the archive gives the same record.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..decode import declared_charset
from ..io.readers import InputItem
from ..options import Options
from ..pipeline import clean_item_traced, error_article
from ..record import Article
from .hints import Hints, fill_gaps

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


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


def input_format_for(media_type: str) -> str | None:
    """Which cleaning path a media type takes (``None``: let the cleaner sniff)."""
    if media_type in _HTML_TYPES:
        return "html"
    return "text" if media_type == "text/plain" else None


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def header_charset(body: bytes, charset: str | None) -> str | None:
    """The HTTP header's charset when the page itself leaves the encoding open, else ``None``.

    The cleaner reads a BOM, then the page's own declaration, then tries
    UTF-8, then guesses statistically; the header is better evidence than a
    guess, so it is used exactly where the guess would be, and nowhere else:
    a page whose bytes settle the question is decoded as the cleaner would
    decode the same bytes from disk.
    """
    if not charset or body.startswith(b"\x1f\x8b") or body.startswith(_BOMS):
        return None
    try:
        charset = codecs.lookup(charset).name
    except LookupError:
        return None
    declared = declared_charset(body)
    if declared and _decodes(body, declared):
        return None
    if _decodes(body, "utf-8") or not _decodes(body, charset):
        return None
    return charset


def clean_fetched(page: FetchedPage, options: Options) -> tuple[Article, str | None]:
    """Clean one fetched page, or turn a failed fetch into its error record; fill gaps from hints."""
    item = InputItem(
        source=page.source, kind="page", data=page.body, url=page.final_url or page.url,
        fetched_at=page.fetched_at, input_format=page.input_format,
    )
    if page.error is not None:
        return error_article(InputItem(source=page.source, url=page.url), page.error), None
    article, trace = clean_item_traced(item, options)
    if article.error is None and page.hints is not None:
        fill_gaps(article, page.hints, options)
    return article, trace
