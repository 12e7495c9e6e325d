from __future__ import annotations

import datetime as dt

import pytest

from newsclean.normalize.dates import parse_date


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("2023-07-23 | 06:12", "en", "2023-07-23T06:12"),
        ("2024-02-27T21:12:45+01:00", None, "2024-02-27T21:12:45+01:00"),
        ("2024-02-27T21:12:45Z", None, "2024-02-27T21:12:45+00:00"),
        ("06. 01. 2026, 14:59 Uhr", "de", "2026-01-06T14:59"),
        ("Published 9:14 AM EDT, Sun July 23, 2023", "en", "2023-07-23T09:14-04:00"),
        ("Updated: 12 March 2021", "en", "2021-03-12"),
        ("23 juillet 2023", "fr", "2023-07-23"),
        ("13/04/2022", "en", "2022-04-13"),
    ],
)
def test_printed_and_declared_forms(text: str, language: str | None, expected: str) -> None:
    parsed = parse_date(text, language=language)
    assert parsed is not None and parsed.iso == expected


def test_no_offset_is_invented() -> None:
    parsed = parse_date("2023-07-23 06:12", language="en")
    assert parsed is not None and parsed.iso == "2023-07-23T06:12" and not parsed.has_offset


def test_ambiguous_numeric_date_warns() -> None:
    parsed = parse_date("03/04/2023", language="de")
    assert parsed is not None and parsed.iso == "2023-04-03"
    assert parsed.warnings and "ambiguous" in parsed.warnings[0]


def test_relative_dates_need_a_reference() -> None:
    assert parse_date("3 hours ago", language="en") is None
    ref = dt.datetime(2024, 5, 10, 12, 0)
    parsed = parse_date("3 hours ago", language="en", reference=ref)
    assert parsed is not None and parsed.iso.startswith("2024-05-10T09:00")


@pytest.mark.parametrize("text", ["3min", "High views", "1985-01-01", "Election 2024", ""])
def test_non_dates_and_implausible_dates(text: str) -> None:
    assert parse_date(text, language="en") is None


def test_future_dates_after_reference_are_rejected() -> None:
    assert parse_date("2030-01-01", reference=dt.datetime(2024, 1, 1)) is None
