from __future__ import annotations

import datetime as dt

import pytest

from newsclean.normalize.date_engine import DateparserPool
from newsclean.normalize.date_english import read_english_date
from newsclean.normalize.dates import parse_date

#: Date lines as English pages print them (the shapes of several unrelated sites' bylines).
_SHAPES = [
    "February 26, 2024",
    "Feb. 28, 2024 10:00 pm",
    "2 March 2024 21:28",
    "Saturday 02 March 2024 22:14",
    "March 1 2024, 12:47 p.m.",
    "Jan. 31, 2024",
    "May 07, 2025",
    "Sept. 3, 2024",
    "Sep 3, 2024 9:05:07 PM",
    "Tue, 26 November 2024 9:27PM",
    "Wed, Feb 28 2024",
    "Thursday, February 29, 2024",
    "March 2, 2024 12:00 am",
    "March 2, 2024 12:30 pm",
    "march 2 2024 6:00 a.m.",
    "DECEMBER 31, 1999 23:59:59",
    "1 March 2024, 0:05",
]


def _dateparser(text: str) -> tuple[dt.datetime, frozenset[str]] | None:
    """dateparser's own reading, as the pool would make it without the fast path."""
    pool = DateparserPool()
    data = pool._parser(("en",), None, True).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, frozenset(getattr(data, "parts", None) or ())


@pytest.mark.parametrize("text", _SHAPES)
def test_reads_what_dateparser_reads(text: str) -> None:
    fast = read_english_date(text)
    assert fast is not None
    assert fast == _dateparser(text)


def test_states_time_only_when_printed() -> None:
    assert read_english_date("Feb. 28, 2024 10:00 pm") == (
        dt.datetime(2024, 2, 28, 22, 0), frozenset({"day", "month", "year", "time"})
    )
    assert read_english_date("Feb. 28, 2024") == (dt.datetime(2024, 2, 28), frozenset({"day", "month", "year"}))


@pytest.mark.parametrize(
    "text",
    [
        "Feb 30, 2024",  # no such day
        "Monday 02 March 2024",  # 2 March 2024 was a Saturday
        "March 2, 2024 13:30 pm",  # dateparser's own rule for a 24-hour time with pm
        "2 March 2024 24:00",
        "on Sat 2 Mar 2024 17:09 CET",  # a word before, a zone after
        "Brit Awards 2024 key points",
        "2024-03-02",
        "March 2024",
        "2nd March 2024",
        "March 2, 2024 6:00 am (Updated",
    ],
)
def test_leaves_other_strings_to_dateparser(text: str) -> None:
    assert read_english_date(text) is None


def test_pool_reading_is_unchanged_for_english() -> None:
    pool = DateparserPool()
    for text in _SHAPES:
        result = pool.parse(text, ("en",))
        assert result is not None
        assert (result.value, result.parts) == _dateparser(text)


def test_other_languages_still_go_through_dateparser() -> None:
    # German first: "Mai" is read by dateparser's German locale, never by the English shapes.
    assert parse_date("6. Mai 2025, 12:26", language="de") is not None
    assert read_english_date("6. Mai 2025, 12:26") is None
    assert parse_date("Feb. 28, 2024 10:00 pm", language="en") == parse_date("Feb. 28, 2024 10:00 pm", language="fr")
