"""htmldate's ``find_date`` on a dump's page, with its last-resort parser bounded.

A dump's date search hands htmldate a page of one ``<p>`` per line. Where
no quick pattern reads a line, htmldate's extensive search sends it to
dateparser with no language given, which tries the line in every one of its
~200 locales: a line that is no date in any of them (a comment's "17.07,
2011 @ 17:55", a league's "Saison 2023/24") cost 60 ms warm, and the first
such line in a process 4 s while every locale's patterns compile. htmldate
offers no way to pass its own parser, so :func:`find_text_date` replays
``find_date``'s cascade (htmldate 1.11; every step is htmldate's own
function) and gives that one step a parser of the page's language and
English, the languages :mod:`newsclean.normalize.date_engine` reads dates
in. On the 356 dumps of the dev sets that reach the search, the bounded
parser changes no date and the search costs 4.8 s instead of 16.2 s.

The replay covers the page :mod:`newsclean.text.date_search` builds (no
``<meta>``, ``<script>``, attributes or other tags): it follows the
library's steps in order, and a test compares it with ``find_date`` on the
fixture dumps. If the installed htmldate lacks a function the replay uses,
:data:`AVAILABLE` is false and the caller uses ``find_date`` itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

try:  # htmldate's own steps; their names and signatures are those of htmldate 1.11
    from htmldate.core import (
        TIMESTAMP_PATTERN,
        date_candidates,
        examine_abbr_elements,
        examine_elements,
        examine_header,
        examine_time_elements,
        search_page,
        serialize,
    )
    from htmldate.extractors import (
        DAY_TOKEN,
        DISCARD_PATTERNS,
        FREE_TEXT_EXPRESSIONS,
        TEXT_DATE_PATTERN,
        custom_parse,
        discard_unwanted,
        extract_url_date,
        get_external_parser,
        has_date_cue,
        idiosyncrasies_search,
        img_search,
        json_search,
        pattern_search,
    )
    from htmldate.settings import CLEANING_LIST, MAX_SEGMENT_LEN, MIN_SEGMENT_LEN
    from htmldate.utils import Extractor, clean_html, load_html, trim_text
    from htmldate.validators import (
        REFERENCE_FORMAT,
        check_extracted_reference,
        compare_values,
        get_max_date,
        get_min_date,
        validate_and_convert,
    )

    AVAILABLE = True
except ImportError:  # pragma: no cover - another htmldate release
    AVAILABLE = False

#: htmldate's settings for its external parser (``extractors.get_external_parser``).
_EXTERNAL_SETTINGS: dict[str, Any] = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
_POOL_SIZE = 32

#: Reads one string as a date (``None``: no date).
External = Callable[[str], "dt.datetime | None"]


class ExternalParsers:
    """htmldate's external parser narrowed to a few languages, one per language tuple (bounded, thread-safe)."""

    def __init__(self, size: int = _POOL_SIZE) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._parsers: OrderedDict[tuple[str, ...], Any] = OrderedDict()

    def reader(self, languages: tuple[str, ...]) -> External:
        """A reader of ``languages`` (empty: htmldate's own, every locale)."""
        parser = self._parser(languages) if languages else None
        if parser is None:
            parser = get_external_parser()

        def read(string: str) -> dt.datetime | None:
            try:
                value: dt.datetime | None = parser.get_date_data(string)["date_obj"]
            except (OverflowError, ValueError):
                return None
            return value

        return read

    def _parser(self, languages: tuple[str, ...]) -> Any:
        with self._lock:
            parser = self._parsers.get(languages)
            if parser is not None:
                self._parsers.move_to_end(languages)
                return parser
        from dateparser import DateDataParser
        from dateparser.data.languages_info import language_order

        if not set(languages) <= set(language_order):
            # A language dateparser does not know (with settings given, it would
            # silently read nothing): every locale, as htmldate does.
            logger.debug("dateparser has no locale for %s", languages)
            return None
        parser = DateDataParser(languages=list(languages), settings=dict(_EXTERNAL_SETTINGS))
        with self._lock:
            self._parsers[languages] = parser
            while len(self._parsers) > self._size:
                self._parsers.popitem(last=False)
        return parser


def _try_date_expr(string: str | None, options: Extractor, external: External) -> str | None:
    """htmldate's ``try_date_expr`` (extensive), reading what its patterns cannot with ``external``."""
    if not string:
        return None
    string = trim_text(string)[:MAX_SEGMENT_LEN]
    if not string or not 4 <= sum(map(str.isdigit, string)) <= 18:
        return None
    if DISCARD_PATTERNS.search(string):
        return None
    found: str | None = custom_parse(string, REFERENCE_FORMAT, options.min, options.max)
    if found is not None:
        return found
    if TEXT_DATE_PATTERN.search(string) and DAY_TOKEN.search(string) and has_date_cue(string, options.min, options.max):
        converted: str | None = validate_and_convert(
            external(string), REFERENCE_FORMAT, earliest=options.min, latest=options.max
        )
        return converted
    return None


def find_text_date(
    page: str, url: str | None, min_date: str, max_date: str, external: External
) -> str | None:
    """``find_date(page, url=url, extensive_search=True, original_date=False, min_date=..., max_date=...)``.

    Step for step htmldate's cascade for a page without markup beyond its
    paragraphs, with ``external`` in place of htmldate's external parser.
    """
    tree = load_html(page)
    if tree is None:
        return None
    options = Extractor(True, get_max_date(max_date), get_min_date(min_date), False, "%Y-%m-%d")
    if url is None:
        link = tree.find('.//link[@rel="canonical"]')
        if link is not None:
            url = link.get("href")
    found: str | None = extract_url_date(url, options)
    if found is not None:
        return found
    found = examine_header(tree, options) or json_search(tree, options) or examine_abbr_elements(tree, options)
    if found is not None:
        return found
    # The page is ours (parsed from a string): it is cleaned in place, as find_date does.
    try:
        search_tree = discard_unwanted(clean_html(tree, CLEANING_LIST))
    except ValueError:  # pragma: no cover - lxml's cleaner on control characters
        search_tree = tree
    found = (
        examine_elements(date_candidates(search_tree, True), options)
        or examine_elements(search_tree.xpath(".//title|.//h1"), options)
        or examine_time_elements(search_tree, options)
    )
    if found is not None:
        return found
    htmlstring = serialize(search_tree)
    found = (
        pattern_search(htmlstring, TIMESTAMP_PATTERN, options)
        or img_search(search_tree, options)
        or idiosyncrasies_search(htmlstring, options)
    )
    if found is not None:
        return found
    reference: dt.datetime | None = None
    for segment in FREE_TEXT_EXPRESSIONS(search_tree):
        segment = segment.strip()
        if not MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
            continue
        attempt = _try_date_expr(segment, options, external)
        if attempt is not None:
            reference = compare_values(reference, attempt, options)
    converted: str | None = check_extracted_reference(reference, options)
    return converted or search_page(htmlstring, options)
