"""htmldate's ``find_date`` with its last-resort parser bounded, for a dump's page and an HTML page.

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

The HTML path asks the same question when a page declares no date
(:class:`newsclean.html.extract._Guesses` given a parser): there
:func:`find_page_date` also bounds the date-like elements' step, where the
first cold call in a process cost 4 s compiling every locale; on 150 cold
dev pages the HTML path went from 78 to 69 ms CPU per page, with no
``published`` value changed.

The text replay covers the page :mod:`newsclean.text.date_search` builds (no
``<meta>``, ``<script>``, attributes or other tags): it follows the
library's steps in order, leaving out those that read only markup such a
page lacks, and a test compares it with ``find_date`` on the fixture dumps.
If the installed htmldate lacks a function the replay uses, :data:`AVAILABLE`
is false and the caller uses ``find_date`` itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from lxml.html import HtmlElement

from ..lazy import Lazy

logger = logging.getLogger(__name__)

try:  # htmldate's own steps; their names and signatures are those of htmldate 1.11
    from htmldate.core import (
        NON_DIGITS_REGEX,
        TIMESTAMP_PATTERN,
        date_candidates,
        examine_abbr_elements,
        examine_header,
        examine_time_elements,
        has_plausible_candidates,
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
        """A reader of ``languages`` (empty: htmldate's own, every locale), its parser built on first read.

        The reader remembers its answers: htmldate sends a page's repeated
        lines (comments' time stamps, a date printed over several teasers)
        to the parser once each time, and on the dev dumps that reach the
        search 38 of 440 strings were repeats within a page, at about 1.5 ms
        each. One reader serves one page, so what it remembers goes with it.
        """
        chosen: list[Any] = []
        answers: dict[str, dt.datetime | None] = {}

        def read(string: str) -> dt.datetime | None:
            if string in answers:
                return answers[string]
            if not chosen:
                chosen.append((self._parser(languages) if languages else None) or get_external_parser())
            try:
                value: dt.datetime | None = chosen[0].get_date_data(string)["date_obj"]
            except (OverflowError, ValueError):
                value = None
            answers[string] = value
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


#: One bounded parser per language tuple, built on first use in each process (both paths share it).
_PARSERS: Lazy[ExternalParsers] = Lazy(ExternalParsers)


def reader_for(languages: tuple[str, ...]) -> External:
    """htmldate's external parser reading ``languages`` (empty: every locale), from the process's pool."""
    return _PARSERS.get().reader(languages)


def _try_date_expr(
    string: str | None, options: Extractor, external: External, form: str = REFERENCE_FORMAT
) -> str | None:
    """htmldate's ``try_date_expr`` (extensive, output ``form``), reading what its patterns cannot with ``external``."""
    if not string:
        return None
    string = trim_text(string)[:MAX_SEGMENT_LEN]
    if not string or not 4 <= sum(map(str.isdigit, string)) <= 18:
        return None
    if DISCARD_PATTERNS.search(string):
        return None
    found: str | None = custom_parse(string, form, options.min, options.max)
    if found is not None:
        return found
    if TEXT_DATE_PATTERN.search(string) and DAY_TOKEN.search(string) and has_date_cue(string, options.min, options.max):
        converted: str | None = validate_and_convert(
            external(string), form, earliest=options.min, latest=options.max
        )
        return converted
    return None


def _examine_elements(elements: list[HtmlElement], options: Extractor, external: External) -> str | None:
    """htmldate's ``examine_elements`` (with its ``examine_text``), reading with ``external``."""
    if not has_plausible_candidates(elements):
        return None
    for elem in elements:
        for text in (elem.text_content(), elem.get("title", "")):
            text = trim_text(text)
            if len(text) <= MIN_SEGMENT_LEN:
                continue
            text = NON_DIGITS_REGEX.sub("", text[:MAX_SEGMENT_LEN])
            attempt = _try_date_expr(text, options, external, options.format)
            if attempt:
                return attempt
    return None


def find_text_date(
    page: str, url: str | None, min_date: str, max_date: str, external: External
) -> str | None:
    """``find_date(page, url=url, extensive_search=True, original_date=False, min_date=..., max_date=...)``.

    Step for step htmldate's cascade for a page of bare paragraphs (no
    ``<meta>``, ``<script>``, attributes or other tags, as
    :mod:`newsclean.text.date_search` builds it), with ``external`` in place
    of htmldate's external parser. The steps that read markup only (meta
    and JSON-LD, ``<abbr>``, elements whose class or id names a date,
    ``<footer>``/``<small>``, ``<title>``/``<h1>``, ``<time>``, the
    preview image's meta) have nothing to read on such a page and are
    skipped; on the 353 dev dumps that reach the search they found nothing,
    and walking every paragraph for a date class cost a tenth of the search.
    """
    tree = load_html(page)
    if tree is None:
        return None
    # The page is ours (parsed from a string): it is cleaned in place, as find_date does.
    return find_page_date(
        tree, url, external, original_date=False, min_date=min_date, max_date=max_date, owned=True, markup=False
    )


def find_page_date(
    tree: HtmlElement,
    url: str | None,
    external: External,
    *,
    original_date: bool,
    min_date: str | None = None,
    max_date: str | None = None,
    owned: bool = False,
    markup: bool = True,
) -> str | None:
    """``find_date(tree, url=url, extensive_search=True, original_date=..., min_date=..., max_date=...)``.

    htmldate's cascade, every step its own function, with ``external`` in
    place of its external parser in the two steps that send strings to
    dateparser on the dev pages: the date-like elements (class or id naming
    a date, ``<title>``, ``<h1>``) and the free-text search over every short
    line. The meta, JSON-LD, ``<abbr>`` and ``<time>`` steps keep htmldate's
    own parser: on the 732 dev HTML pages none of them reached it (5 element
    and 50 free-text strings did). A tree the caller keeps
    (``owned`` false) is copied before htmldate's cleaning, as ``find_date``
    copies a tree it is given. ``markup`` false leaves out the steps that
    read markup only (meta and JSON-LD, ``<abbr>``, elements whose class or
    id names a date, ``<title>``/``<h1>``, ``<time>``, the preview image's
    meta): a page of bare paragraphs has nothing there for them.
    """
    options = Extractor(True, get_max_date(max_date), get_min_date(min_date), original_date, "%Y-%m-%d")
    found: str | None = extract_url_date(_canonical_url(tree, url), options)
    if found is not None:
        return found
    if markup:
        found = examine_header(tree, options) or json_search(tree, options) or examine_abbr_elements(tree, options)
        if found is not None:
            return found
    search_tree = _search_tree(tree, owned)
    if markup:
        found = (
            _examine_elements(date_candidates(search_tree, True), options, external)
            or _examine_elements(search_tree.xpath(".//title|.//h1"), options, external)
            or examine_time_elements(search_tree, options)
        )
        if found is not None:
            return found
    htmlstring = serialize(search_tree)
    found = (
        pattern_search(htmlstring, TIMESTAMP_PATTERN, options)
        or (img_search(search_tree, options) if markup else None)
        or idiosyncrasies_search(htmlstring, options)
    )
    if found is not None:
        return found
    return _free_text_date(search_tree, options, external) or search_page(htmlstring, options)


def _canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """The page's URL, or its canonical link's when none is given (as ``find_date`` reads it)."""
    if url is None:
        link = tree.find('.//link[@rel="canonical"]')
        if link is not None:
            url = link.get("href")
    return url


def _search_tree(tree: HtmlElement, owned: bool) -> HtmlElement:
    """The tree htmldate's later steps search, cleaned as ``find_date`` cleans it (a copy unless ``owned``)."""
    pruning = tree if owned else deepcopy(tree)
    try:
        searched: HtmlElement = discard_unwanted(clean_html(pruning, CLEANING_LIST))
    except ValueError:  # pragma: no cover - lxml's cleaner on control characters
        searched = pruning
    return searched


def _free_text_date(search_tree: HtmlElement, options: Extractor, external: External) -> str | None:
    """The free-text step: every short text segment read by ``external``, the best date kept by htmldate's rule."""
    reference: dt.datetime | None = None
    for segment in FREE_TEXT_EXPRESSIONS(search_tree):
        segment = segment.strip()
        if not MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
            continue
        attempt = _try_date_expr(segment, options, external)
        if attempt is not None:
            reference = compare_values(reference, attempt, options)
    converted: str | None = check_extracted_reference(reference, options)
    return converted
