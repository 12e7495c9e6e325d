"""The dump's date search: htmldate's cascade replayed with a bounded last-resort parser.

The replay must return what ``htmldate.find_date`` returns when it is given
htmldate's own parser, and the bounded parser must read the dates a page's
own language writes.
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from htmldate import find_date

from newsclean.normalize.dates import DateContext, parser_languages
from newsclean.text.date_replay import AVAILABLE, ExternalParsers, find_text_date
from newsclean.text.date_search import _as_page, search_date

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="the installed htmldate lacks a step the replay uses")

_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
_BOUNDS = ("1995-01-01", "2026-12-31")

#: Pages that end at each step of the cascade (and one that passes them all).
_LINES = [
    ["Council votes on budget", "Published 2024-03-05T10:00:00+01:00", "The council met."],
    ["Rat stimmt ab", "Veröffentlicht am 05.03.2024", "Der Rat tagte am Dienstag."],
    ["Ayuntamiento", "5 de marzo de 2024", "El pleno aprobó el presupuesto."],
    ["Comment by Anna — 17.07, 2011 @ 17:55", "Nothing else here."],
    ["söndag 2 augusti 2026", "Kommunen röstade."],
    ["No date at all on this page.", "© 2023 Example"],
]


def _library(lines: list[str], url: str | None = None) -> str | None:
    return find_date(_as_page(lines), url=url, extensive_search=True, original_date=False,
                     min_date=_BOUNDS[0], max_date=_BOUNDS[1])


def test_replay_with_htmldates_parser_is_find_date() -> None:
    own = ExternalParsers().reader(())
    for lines in _LINES:
        assert find_text_date(_as_page(lines), None, *_BOUNDS, own) == _library(lines), lines
    url = "https://example.org/2024/03/05/council-budget"
    assert find_text_date(_as_page(_LINES[5]), url, *_BOUNDS, own) == _library(_LINES[5], url) == "2024-03-05"


def test_bounded_parser_reads_the_pages_language() -> None:
    parsers = ExternalParsers()
    swedish = parsers.reader(parser_languages("sv"))
    assert swedish("söndag 2 augusti 2026") == dt.datetime(2026, 8, 2)
    assert find_text_date(_as_page(_LINES[4]), None, *_BOUNDS, swedish) == "2026-08-02"
    # A language dateparser does not know falls back to every locale.
    assert parsers.reader(("xx-unknown",))("söndag 2 augusti 2026") == dt.datetime(2026, 8, 2)


def test_search_date_keeps_htmldates_answer_without_a_language() -> None:
    context = DateContext(language=None, reference=dt.datetime(2026, 12, 31), min_year=1995)
    found = search_date(_LINES[1], None, context)
    assert found is not None and found.day == "2024-03-05"


@pytest.mark.slow
def test_replay_matches_find_date_on_the_fixture_dumps() -> None:
    """Every fixture dump, as the text path hands it over: the replay with htmldate's
    parser is ``find_date``, and with the parser of the language the text path detects it finds the same day."""
    import newsclean

    parsers = ExternalParsers()
    own = parsers.reader(())
    dumps = sorted(_PAGES.glob("*.txt.gz"))
    assert len(dumps) >= 20
    for path in dumps:
        dump = gzip.decompress(path.read_bytes()).decode("utf-8")
        lines = dump.splitlines()
        expected = _library(lines)
        assert find_text_date(_as_page(lines), None, *_BOUNDS, own) == expected, path.name
        language = newsclean.clean(dump, input_format="text").language
        bounded = parsers.reader(parser_languages(language))
        assert find_text_date(_as_page(lines), None, *_BOUNDS, bounded) == expected, (path.name, language)
