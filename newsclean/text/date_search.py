"""The last resort for a dump's date: htmldate's search over the page's text.

The header reader finds the article's date line by its place under the
headline; the URL may carry the day. When neither gives a date, the dump may
still state it somewhere the header reader does not look (a date line far
from the headline, a "last updated" stamp, a time element's text kept by the
renderer). htmldate's extensive search reads every line for date patterns in
many languages and weighs them; it is handed the dump as one ``<p>`` per
line (the most neutral markup, as the benchmarks' HTML-only peers get it).

htmldate reads the lines its patterns cannot with dateparser in every
locale, which cost more than the rest of the text path; here that step reads
them in the page's language and English (:mod:`newsclean.text.date_replay`).
A page whose language is unknown keeps htmldate's own search.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Iterable

from htmldate import find_date

from ..normalize.dates import DateContext, ParsedDate, parser_languages
from .date_replay import AVAILABLE, find_text_date, reader_for

logger = logging.getLogger(__name__)

#: htmldate's answer when a page states only a year (a copyright line): a guess, not the article's day.
_YEAR_ONLY = "-01-01"


def _as_page(lines: Iterable[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>" for line in lines if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


def search_date(lines: Iterable[str], url: str | None, context: DateContext) -> ParsedDate | None:
    """The date htmldate finds in the dump's lines, within the context's bounds, or ``None``.

    htmldate prefers the most recent date it finds (``original_date`` off):
    on the dev renders that choice found the article's day more often than
    the oldest date, which is often a teaser's or an archive link's (17 of
    the 28 fp-dev soup pages without a date line, against 14).
    """
    latest = context.reference or dt.datetime.now()
    page, earliest, last = _as_page(lines), f"{context.min_year}-01-01", latest.strftime("%Y-%m-%d")
    try:
        if AVAILABLE and context.language:
            external = reader_for(parser_languages(context.language))
            found = find_text_date(page, url, earliest, last, external)
        else:
            found = find_date(
                page, url=url, extensive_search=True, original_date=False, min_date=earliest, max_date=last
            )
    except (ValueError, TypeError) as err:  # htmldate's bounds and parsers on odd input
        logger.debug("htmldate on the dump: %s", err)
        return None
    if not found or found.endswith(_YEAR_ONLY):
        return None
    parsed, _ = context.parse(found)
    return parsed
