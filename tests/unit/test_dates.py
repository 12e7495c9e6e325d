from __future__ import annotations

import datetime as dt
import time

import pytest

from newsclean.normalize.date_engine import DateparserPool
from newsclean.normalize.dates import country_from_url, parse_date, parse_date_result, strip_date_label

REF = dt.datetime(2024, 5, 10, 12, 0)


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("2023-07-23 | 06:12", "en", "2023-07-23T06:12"),
        ("2024-02-27T21:12:45+01:00", None, "2024-02-27T21:12:45+01:00"),
        ("2024-02-27T21:12:45Z", None, "2024-02-27T21:12:45+00:00"),
        ("2024-02-27T21:12:45.123+0100", None, "2024-02-27T21:12:45+01:00"),
        ("20230723T061200Z", None, "2023-07-23T06:12:00+00:00"),
        ("06. 01. 2026, 14:59 Uhr", "de", "2026-01-06T14:59"),
        ("Published 9:14 AM EDT, Sun July 23, 2023", "en", "2023-07-23T09:14-04:00"),
        ("2023-07-23 06:12 CEST", "de", "2023-07-23T06:12+02:00"),
        ("Updated: 12 March 2021", "en", "2021-03-12"),
        ("23 juillet 2023", "fr", "2023-07-23"),
        ("13/04/2022", "en", "2022-04-13"),
        ("2023/07/23", None, "2023-07-23"),
    ],
)
def test_printed_and_declared_forms(text: str, language: str | None, expected: str) -> None:
    parsed = parse_date(text, language=language)
    assert parsed is not None and parsed.iso == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sun, 23 Jul 2023 06:12:00 +0200", "2023-07-23T06:12:00+02:00"),
        ("Sun, 23 Jul 2023 06:12:00 GMT", "2023-07-23T06:12:00+00:00"),
        ("23 Jul 2023 06:12:00 -0000", "2023-07-23T06:12:00"),  # RFC 2822: zone unknown
    ],
)
def test_rfc_2822(text: str, expected: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso == expected


@pytest.mark.parametrize("text", ["1690092720", "1690092720123"])
def test_unix_timestamps_in_seconds_and_milliseconds(text: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso == "2023-07-23T06:12:00+00:00" and parsed.has_offset
    local = parse_date(text, default_timezone="Europe/Berlin")
    assert local is not None and local.iso == "2023-07-23T08:12:00+02:00"


def test_no_offset_is_invented() -> None:
    parsed = parse_date("2023-07-23 06:12", language="en")
    assert parsed is not None and parsed.iso == "2023-07-23T06:12" and not parsed.has_offset
    assert parse_date("2023-07-23", language="en").iso == "2023-07-23"  # type: ignore[union-attr]


def test_default_timezone_gives_the_offset_of_that_date() -> None:
    summer = parse_date("2023-07-23 06:12", default_timezone="Europe/Berlin")
    winter = parse_date("23.01.2023, 06:12 Uhr", language="de", default_timezone="Europe/Berlin")
    assert summer is not None and summer.iso == "2023-07-23T06:12+02:00" and summer.has_offset
    assert winter is not None and winter.iso == "2023-01-23T06:12+01:00"
    # A stated offset wins; a date without time stays a date.
    stated = parse_date("2023-07-23T06:12-04:00", default_timezone="Europe/Berlin")
    assert stated is not None and stated.iso == "2023-07-23T06:12-04:00"
    assert parse_date("2023-07-23", default_timezone="Europe/Berlin").iso == "2023-07-23"  # type: ignore[union-attr]


def test_ambiguous_numeric_date_warns() -> None:
    parsed = parse_date("03/04/2023", language="de")
    assert parsed is not None and parsed.iso == "2023-04-03"
    assert parsed.warnings and "ambiguous" in parsed.warnings[0]
    english = parse_date("03/04/2023", language="en")
    assert english is not None and english.warnings and "ambiguous" in english.warnings[0]


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.example.com/a", "2023-03-04"),  # not decided: read, with a warning
        ("https://www.example.us/a", "2023-03-04"),
        ("https://www.example.co.uk/a", "2023-04-03"),
        ("https://example.com.au/a", "2023-04-03"),
        ("https://www.example.in/a", "2023-04-03"),
    ],
)
def test_day_month_order_by_country(url: str, expected: str) -> None:
    parsed, warnings = parse_date_result("03/04/2023", language="en", country=country_from_url(url))
    assert parsed is not None and parsed.iso == expected
    assert bool(warnings) == (country_from_url(url) is None)


def test_unambiguous_and_dotted_numeric_forms_need_no_warning() -> None:
    for text in ("13/04/2022", "04/13/2022", "05.04.2025"):
        parsed = parse_date(text, language="en")
        assert parsed is not None and not parsed.warnings
    assert parse_date("05.04.2025", language="tr").iso == "2025-04-05"  # type: ignore[union-attr]


def test_country_from_url() -> None:
    assert country_from_url("https://www.bbc.co.uk/news") == "uk"
    assert country_from_url("https://example.com/x") is None
    assert country_from_url("https://www.usa.gov/") == "us"
    assert country_from_url(None) is None


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("3 hours ago", "en", "2024-05-10T09:00"),
        ("vor 3 Stunden", "de", "2024-05-10T09:00"),
        ("il y a 2 jours", "fr", "2024-05-08"),
        ("hace 3 horas", "es", "2024-05-10T09:00"),
        ("3 ore fa", "it", "2024-05-10T09:00"),
        ("há 2 dias", "pt", "2024-05-08"),
        ("3 uur geleden", "nl", "2024-05-10T09:00"),
        ("2 godziny temu", "pl", "2024-05-10T10:00"),
        ("3 часа назад", "ru", "2024-05-10T09:00"),
        ("3 saat önce", "tr", "2024-05-10T09:00"),
        ("för 2 timmar sedan", "sv", "2024-05-10T10:00"),
        ("3小时前", "zh", "2024-05-10T09:00"),
        ("3時間前", "ja", "2024-05-10T09:00"),
        ("3시간 전", "ko", "2024-05-10T09:00"),
        ("منذ 3 ساعات", "ar", "2024-05-10T09:00"),
        ("3 jam yang lalu", "id", "2024-05-10T09:00"),
        ("gestern, 14:05 Uhr", "de", "2024-05-09T14:05"),
        ("Aktualisiert vor 3 Stunden", "de", "2024-05-10T09:00"),
    ],
)
def test_relative_dates_resolve_against_the_reference(text: str, language: str, expected: str) -> None:
    parsed = parse_date(text, language=language, reference=REF)
    assert parsed is not None and parsed.iso == expected


def test_relative_dates_without_reference_are_left_unresolved_with_a_warning() -> None:
    assert parse_date("3 hours ago", language="en") is None
    for text, language in (("vor 3 Stunden", "de"), ("il y a 2 jours", "fr"), ("hace 3 horas", "es")):
        parsed, warnings = parse_date_result(text, language=language)
        assert parsed is None and warnings and "no reference time" in warnings[0]


def test_relative_time_keeps_the_reference_offset() -> None:
    ref = dt.datetime(2024, 5, 10, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    parsed = parse_date("vor 2 Stunden", language="de", reference=ref)
    assert parsed is not None and parsed.iso == "2024-05-10T10:00+02:00"


# Weekday and month names as pages print them, in 24 languages.
NAMED = [
    ("Sunday, July 23, 2023", "en"),
    ("Sonntag, 23. Juli 2023, 14:59 Uhr", "de"),
    ("dimanche 23 juillet 2023 à 14h59", "fr"),
    ("domingo, 23 de julio de 2023", "es"),
    ("domenica 23 luglio 2023", "it"),
    ("domingo, 23 de julho de 2023", "pt"),
    ("zondag 23 juli 2023", "nl"),
    ("niedziela, 23 lipca 2023", "pl"),
    ("воскресенье, 23 июля 2023", "ru"),
    ("23 Temmuz 2023 Pazar", "tr"),
    ("söndag 23 juli 2023", "sv"),
    ("søndag den 23. juli 2023", "da"),
    ("søndag 23. juli 2023", "no"),
    ("sunnuntai 23. heinäkuuta 2023", "fi"),
    ("neděle 23. července 2023", "cs"),
    ("duminică, 23 iulie 2023", "ro"),
    ("2023. július 23., vasárnap", "hu"),
    ("Κυριακή 23 Ιουλίου 2023", "el"),
    ("неділя, 23 липня 2023", "uk"),
    ("الأحد 23 يوليو 2023", "ar"),
    ("2023年7月23日(日)", "ja"),
    ("2023年7月23日 星期日", "zh"),
    ("Minggu, 23 Juli 2023", "id"),
    ("2023년 7월 23일 일요일", "ko"),
]


@pytest.mark.parametrize("text,language", NAMED)
def test_month_and_weekday_names(text: str, language: str) -> None:
    parsed = parse_date(text, language=language)
    assert parsed is not None and parsed.day == "2023-07-23"


def test_named_dates_keep_a_stated_time_only() -> None:
    assert parse_date("Sonntag, 23. Juli 2023, 14:59 Uhr", language="de").iso == "2023-07-23T14:59"  # type: ignore[union-attr]
    assert parse_date("domenica 23 luglio 2023", language="it").iso == "2023-07-23"  # type: ignore[union-attr]


def test_labels_keep_published_and_modified_apart() -> None:
    assert strip_date_label("Updated: 12 March 2021") == ("12 March 2021", "modified")
    assert strip_date_label("Aktualisiert am 12.03.2021")[1] == "modified"
    assert strip_date_label("Publié le 12 mars 2021")[1] == "published"


@pytest.mark.parametrize("text", ["3min", "High views", "1985-01-01", "Election 2024", "", "x" * 200])
def test_non_dates_and_implausible_dates(text: str) -> None:
    assert parse_date(text, language="en") is None


def test_min_year_can_be_lowered() -> None:
    assert parse_date("1985-01-01", min_year=1900) is not None


def test_future_dates_after_reference_are_rejected() -> None:
    assert parse_date("2030-01-01", reference=dt.datetime(2024, 1, 1)) is None


def test_dates_are_fast_after_warm_up() -> None:
    samples = [(t, lang) for t, lang in NAMED[:6]] + [("2023-07-23T06:12:00+02:00", "en"), ("23.07.2023", "de")]
    for text, language in samples:
        parse_date(text, language=language)
    start = time.perf_counter()
    for _ in range(5):
        for text, language in samples:
            parse_date(text, language=language)
    per_call = (time.perf_counter() - start) / (5 * len(samples))
    assert per_call < 0.02  # dateparser with a known language: a few ms, not hundreds


def test_memoised_readings_depend_on_the_reference_time() -> None:
    """A repeated date line is read once, but a relative one is read again against another base."""
    pool = DateparserPool()
    first = pool.parse("vor 3 Stunden", ("de", "en"), base=dt.datetime(2024, 5, 1, 12, 0))
    later = pool.parse("vor 3 Stunden", ("de", "en"), base=dt.datetime(2024, 5, 2, 12, 0))
    assert first is not None and later is not None
    assert (first.value.day, later.value.day) == (1, 2)
    again = pool.parse("vor 3 Stunden", ("de", "en"), base=dt.datetime(2024, 5, 1, 12, 0))
    assert again == first
    absolute = pool.parse("Sat 2 Mar 2024 17:00 CET", ("en",))
    assert absolute is not None and absolute.value.date() == dt.date(2024, 3, 2) and "time" in absolute.parts
    pool.forget_readings()
    assert pool.parse("Sat 2 Mar 2024 17:00 CET", ("en",)) == absolute
