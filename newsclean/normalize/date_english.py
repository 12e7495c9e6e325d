"""The common English printed dates, read without dateparser ("Feb. 28, 2024 10:00 pm").

Date lines of English pages print a few shapes over and over: a month name
with day and year, an optional weekday before and a clock time after.
dateparser reads them correctly but slowly (it checks every locale it is
given, translates the string and tries its directives: about a millisecond
each, most of the date time of a text dump). This module reads exactly
those shapes and nothing else; any other string, or a shape it recognises
with an impossible value (a wrong weekday, "Feb 30", "13:30 pm"), returns
``None`` so that the caller asks dateparser as before. What it returns is
what dateparser returns for the same string (checked against dateparser in
the unit tests), so the fast path changes speed, never a reading.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december" \
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
#: "[Weekday[,]] Month D[,] YYYY" or "[Weekday[,]] D Month YYYY", then "[,] H:MM[:SS] [am|pm|a.m.|p.m.]".
_SHAPE = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?"
    rf"(?:(?P<month1>{_MONTH})\s+(?P<day1>\d{{1,2}}),?|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))"
    r"\s+(?P<year>(?:19|20)\d{2})"
    r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s?(?P<half>[ap])(?:m|\.m\.))?)?",
    re.IGNORECASE,
)


def read_english_date(text: str) -> tuple[dt.datetime, frozenset[str]] | None:
    """The date and stated parts of one of the common English shapes, or ``None`` for anything else.

    The parts are dateparser's names ("day", "month", "year" and "time"
    when a clock time is printed), so a reading here is interchangeable
    with dateparser's.
    """
    match = _SHAPE.fullmatch(text)
    if match is None:
        return None
    month = _MONTHS[(match["month1"] or match["month2"]).rstrip(".").lower()]
    day = int(match["day1"] or match["day2"])
    hour = minute = second = 0
    if match["hour"] is not None:
        hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
        if match["half"] is not None:
            if not 1 <= hour <= 12:
                return None  # "13:30 pm", "0:30 am": left to dateparser's own rules
            hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        elif hour > 23:
            return None
    try:
        value = dt.datetime(int(match["year"]), month, day, hour, minute, second)
    except ValueError:
        return None
    weekday = match["weekday"]
    if weekday is not None and _WEEKDAYS[weekday.lower()] != value.weekday():
        return None  # a weekday that contradicts the date: dateparser decides
    parts = {"day", "month", "year"} | ({"time"} if match["hour"] is not None else set())
    return value, frozenset(parts)


__all__ = ["read_english_date"]
