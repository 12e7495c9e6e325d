"""The HTML path's date question: htmldate's cascade on the page tree with a bounded parser.

``find_page_date`` given htmldate's own parser must be ``find_date`` as
trafilatura calls it (``original_date``, extensive search, the page's url),
must leave the caller's tree as it was, and with the page's language it must
read a date line htmldate would send to dateparser.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from htmldate import find_date
from lxml import etree

from newsclean.html.extract import _Guesses
from newsclean.html.parse import parse_page
from newsclean.normalize.dates import parser_languages
from newsclean.text.date_replay import AVAILABLE, ExternalParsers, find_page_date

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="the installed htmldate lacks a step the replay uses")

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_TODAY = dt.date(2026, 12, 31).isoformat()

#: A page whose only date is printed in Swedish words in a date-classed element, and one in running text.
_SWEDISH = """<html lang="sv"><head><title>Kommunen röstade om budgeten</title></head><body>
<article><h1>Kommunen röstade om budgeten</h1><span class="date">söndag 2 augusti 2026</span>
<p>Kommunfullmäktige sammanträdde i går och röstade om nästa års budget efter en lång debatt.</p>
</article></body></html>"""
_PROSE = """<html><body><article><h1>Rat stimmt ab</h1>
<p>Veröffentlicht Sonntag, 2. August 2026</p><p>Der Rat tagte am Dienstag und stimmte ab.</p>
</article></body></html>"""


def _library(tree: etree._Element, url: str | None) -> str | None:
    return find_date(tree, extensive_search=True, original_date=True, max_date=_TODAY, url=url)


def _tree(html: str) -> etree._Element:
    tree = parse_page(html)
    assert tree is not None
    return tree


def test_bounded_parser_reads_the_date_element_in_the_pages_language() -> None:
    swedish = ExternalParsers().reader(parser_languages("sv"))
    tree = _tree(_SWEDISH)
    before = etree.tostring(tree)
    assert find_page_date(tree, None, swedish, original_date=True, max_date=_TODAY) == "2026-08-02"
    assert etree.tostring(tree) == before  # the caller's tree is copied before htmldate's cleaning
    german = ExternalParsers().reader(parser_languages("de"))
    assert find_page_date(_tree(_PROSE), None, german, original_date=True, max_date=_TODAY) == "2026-08-02"


def test_guesses_ask_the_bounded_search_only_when_given_a_parser() -> None:
    """trafilatura's replay keeps htmldate's call; newsclean's own question reads the page's language."""
    tree = _tree(_SWEDISH)
    swedish = ExternalParsers().reader(parser_languages("sv"))
    bounded = _Guesses(tree, "https://example.org/kommun", object(), swedish)
    assert bounded.get("date") == "2026-08-02"
    assert _Guesses(tree, "https://example.org/kommun", None, swedish).get("date") is None  # no body, no guesses


@pytest.mark.slow
def test_replay_with_htmldates_parser_is_find_date_on_the_fixture_pages() -> None:
    """Every fixture page with its HTML: the replay with htmldate's own parser is ``find_date``."""
    own = ExternalParsers().reader(())
    pages = sorted(_FIXTURES.glob("*/*.html.gz"))
    assert len(pages) >= 20
    for path in pages:
        record = path.with_name(path.name[: -len(".html.gz")] + ".json")
        url = json.loads(record.read_text(encoding="utf-8")).get("url") if record.is_file() else None
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        expected = _library(_tree(html), url)
        assert find_page_date(_tree(html), url, own, original_date=True, max_date=_TODAY) == expected, path.name
