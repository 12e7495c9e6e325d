"""Date normalisation: what pages print and declare, to ISO 8601.

Output keeps exactly the precision the page gives: a date alone when no time
is known, minutes without seconds when seconds are not stated, and a UTC
offset only when the page states one (UTC is never invented) or the caller
names the site's zone (``default_timezone``). Regular expressions read the
machine and numeric forms (:mod:`.date_forms`); dateparser, restricted to the
page's language and held in a pool (:mod:`.date_engine`), reads month and
weekday names and relative forms. Relative dates are resolved only against a
reference time, never against the clock of the machine doing the cleaning.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..lazy import Lazy
from ..options import Options
from .date_engine import DateparserPool, candidate_languages
from .date_forms import (
    DateOrder,
    Reading,
    format_iso,
    generic_zone_offset,
    read_machine_form,
    read_numeric_form,
)

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_HAS_DIGIT = re.compile(r"\d")
_TIME_WORD = re.compile(r"\d{1,2}[:h.]\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
#: "kl. 13.05" (Nordic), "klo 10.23" (Finnish): the clock word before a time, which dateparser does not know.
_CLOCK_WORD = re.compile(r"(?<!\w)(?:kl|klo|kello)\.?\s*(?=\d{1,2}[.:]\d{2}(?!\d))", re.IGNORECASE)
#: A time written with a dot ("11.08 Uhr", "07.57"), which the numeric forms would not see.
_DOT_TIME = re.compile(r"(?<![\d.])(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.])")
#: What makes "HH.MM" a time rather than a day and month: a clock word or a year before it, "Uhr"/"h" after it.
_DOT_TIME_BEFORE = re.compile(r"(?:(?<!\w)(?:kl|klo|kello|um)\.?|(?<!\d)(?:19|20)\d{2}[\s,;|–—-]*)\s*$", re.IGNORECASE)
_DOT_TIME_AFTER = re.compile(r"\s*(?:Uhr|h)(?!\w)")
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_MAX_LENGTH = 120
_MAX_RELATIVE_WORDS = 6
#: dateparser's code for Norwegian Bokmål, which pages declare as "no".
_LANGUAGE_ALIASES = {"no": "nb", "iw": "he", "in": "id"}


def _read_data() -> dict[str, object]:
    path = resources.files(__package__).joinpath("data/date_labels.json")
    labels = json.loads(path.read_text("utf-8"))
    words = json.loads(resources.files(__package__).joinpath("data/date_words.json").read_text("utf-8"))
    return {"labels": labels, "relative": words["relative"]}


def _label_pattern(data: dict[str, list[str]]) -> re.Pattern[str]:
    words = sorted({w for ws in data.values() for w in ws}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^\W*(?:{body})(?!\w)\W*", re.IGNORECASE)


def _cue_pattern(words: list[str]) -> re.Pattern[str]:
    # Scripts written without spaces ("3小时前") take a cue anywhere; others need word edges.
    spaced = [re.escape(w) for w in words if w.isascii() or not _is_unspaced_script(w)]
    unspaced = [re.escape(w) for w in words if not w.isascii() and _is_unspaced_script(w)]
    parts = []
    if spaced:
        parts.append(rf"(?<!\w)(?:{'|'.join(sorted(spaced, key=len, reverse=True))})(?!\w)")
    if unspaced:
        parts.append("|".join(unspaced))
    return re.compile("|".join(parts), re.IGNORECASE)


def _is_unspaced_script(word: str) -> bool:
    return any(0x3040 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF for ch in word)


class _DateResources:
    """Compiled labels, relative cues and the dateparser pool, built once per process."""

    def __init__(self) -> None:
        data = _read_data()
        labels = data["labels"]
        relative = data["relative"]
        assert isinstance(labels, dict) and isinstance(relative, dict)
        self.published_label = _label_pattern(labels["published"])
        self.modified_label = _label_pattern(labels["modified"])
        self.relative_by_language = {lang: _cue_pattern(words) for lang, words in relative.items()}
        self.relative_any = _cue_pattern(sorted({w for ws in relative.values() for w in ws}))
        self.order = DateOrder()
        self.pool = DateparserPool()

    def relative_cue(self, text: str, language: str | None) -> bool:
        pattern = self.relative_by_language.get(language or "", self.relative_any)
        english = self.relative_by_language["en"]
        # English is searched on its own only when it is not already the page's pattern.
        return bool(pattern.search(text) or (english is not pattern and english.search(text)))


_RESOURCES: Lazy[_DateResources] = Lazy(_DateResources)


def forget_readings() -> None:
    """Make the next reading of every date string parse it again (for cold-cache measurements)."""
    _RESOURCES.get().pool.forget_readings()
#: A single "Label:" word before a date, in any language.
_GENERIC_LABEL = re.compile(r"^\W*\w{2,20}\s*:\s+(?=\S)")


def _clock_times(text: str) -> str:
    """"05.08.2024, kl. 13.05" -> "05.08.2024, 13:05": times with a dot, in the form the readers know."""

    def colon(match: re.Match[str]) -> str:
        cued = _DOT_TIME_BEFORE.search(text, 0, match.start()) or _DOT_TIME_AFTER.match(text, match.end())
        return f"{match['h']}:{match['m']}" if cued else match.group(0)

    return _CLOCK_WORD.sub("", _DOT_TIME.sub(colon, text))


def strip_date_label(text: str) -> tuple[str, str | None]:
    """Remove a leading 'Published'/'Updated:' label; name its kind.

    Returns the remaining text and ``"published"``, ``"modified"`` or
    ``None`` when no known label was found. The kind keeps ``published``
    and ``modified`` apart when both are printed.
    """
    res = _RESOURCES.get()
    for kind, pattern in (("modified", res.modified_label), ("published", res.published_label)):
        match = pattern.match(text)
        if match and match.end() < len(text):
            return text[match.end():], kind
    match = _GENERIC_LABEL.match(text)
    if match and not _HAS_DIGIT.search(text[: match.end()]):
        return text[match.end():], None
    return text, None


@dataclass(frozen=True)
class ParsedDate:
    """A normalised date with the precision the source stated."""

    iso: str
    has_time: bool
    has_offset: bool
    warnings: tuple[str, ...] = field(default=())

    @property
    def day(self) -> str:
        return self.iso[:10]


def country_from_url(url: str | None) -> str | None:
    """The country a URL's top-level domain names, or ``None`` for generic domains.

    Only two-letter country domains count; "gov" and "mil" are US domains.
    """
    if not url:
        return None
    host = _URL_SCHEME.sub("", url.strip().lower()).split("/")[0].split(":")[0]
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld in ("gov", "mil"):
        return "us"
    return tld if len(tld) == 2 and tld.isalpha() else None


def parse_date(
    text: str,
    *,
    language: str | None = None,
    reference: dt.datetime | None = None,
    min_year: int = 1990,
    default_timezone: str | None = None,
    country: str | None = None,
) -> ParsedDate | None:
    """Parse one date string as printed or declared by a page.

    Returns ``None`` when the string holds no date, the date is impossible
    (before ``min_year`` or after ``reference``), or it is relative and no
    reference is given; :func:`parse_date_result` also says why.
    """
    parsed, _ = parse_date_result(
        text, language=language, reference=reference, min_year=min_year,
        default_timezone=default_timezone, country=country,
    )
    return parsed


def parse_date_result(
    text: str,
    *,
    language: str | None = None,
    reference: dt.datetime | None = None,
    min_year: int = 1990,
    default_timezone: str | None = None,
    country: str | None = None,
) -> tuple[ParsedDate | None, list[str]]:
    """Parse a date and return it with warnings for the record.

    The warnings cover what a caller cannot see from ``None`` alone: a
    relative date left unresolved for want of a reference time, an ambiguous
    day/month order. ``country`` (e.g. from :func:`country_from_url`) decides
    the order of numeric dates together with ``language``.
    """
    original = " ".join(text.split())
    text, _ = strip_date_label(original)
    if not text or len(text) > _MAX_LENGTH:
        return None, []
    text = _clock_times(text)
    res = _RESOURCES.get()
    language = (language or "").split("-")[0].split("_")[0].lower() or None
    reading: Reading | None = None
    try:
        reading = read_machine_form(text) or read_numeric_form(text, res.order, language, country)
    except (ValueError, OverflowError):
        reading = None
    warnings = list(reading.warnings) if reading else []
    # A label word of one language can be the start of another's relative form ("il y a").
    relative = _relative_text(text, original, language, res)
    if relative is not None and len(relative.split()) > _MAX_RELATIVE_WORDS:
        relative = None  # "vor 20 Jahren gegründet ...": a sentence, not a date line
    if reading is None and relative is not None:
        if reference is None:
            return None, [f"date: relative date {relative!r} left unresolved (no reference time)"]
        reading = _relative(relative, language, reference, res.pool)
    elif reading is None and _YEAR.search(text):
        reading = _named(text, language, res.pool)
    if reading is None:
        return None, warnings
    reading = _localise(reading, default_timezone)
    parsed = ParsedDate(
        format_iso(reading.value, reading.has_time, reading.seconds),
        reading.has_time, reading.has_offset, tuple(warnings),
    )
    if not _plausible(parsed, reference, min_year):
        return None, warnings
    return parsed, warnings


def _relative_text(text: str, original: str, language: str | None, res: _DateResources) -> str | None:
    """The first of ``text`` (label stripped) and ``original`` that holds a relative cue, or ``None``.

    Most strings carry no label, so both are the same string: it is searched
    once, not twice (the cue patterns span every language's relative words).
    """
    if res.relative_cue(text, language):
        return text
    if original != text and res.relative_cue(original, language):
        return original
    return None


@dataclass(frozen=True)
class DateContext:
    """What one page's dates are read with: its language, country, zone and bounds.

    Both paths build one per page so every date of a page is read the same
    way, and the warnings of each reading reach the record.
    """

    language: str | None = None
    reference: dt.datetime | None = None
    min_year: int = 1990
    default_timezone: str | None = None
    country: str | None = None

    @classmethod
    def for_page(cls, options: Options, language: str | None, url: str | None) -> DateContext:
        return cls(language, options.reference_date, options.min_year, options.default_timezone, country_from_url(url))

    def parse(self, text: str) -> tuple[ParsedDate | None, list[str]]:
        return parse_date_result(
            text, language=self.language, reference=self.reference, min_year=self.min_year,
            default_timezone=self.default_timezone, country=self.country,
        )


def _languages(language: str | None) -> tuple[str, ...]:
    return candidate_languages(_LANGUAGE_ALIASES.get(language or "", language))


def parser_languages(language: str | None) -> tuple[str, ...]:
    """The dateparser languages a page's dates are read in: its own (dateparser's code for it) and English."""
    return _languages(language)


def _named(text: str, language: str | None, pool: DateparserPool) -> Reading | None:
    """Month and weekday names ("So., 23. Juli 2023", "23 июля 2023, 14:05")."""
    result = pool.parse(text, _languages(language))
    if result is None:
        return None
    has_time = "time" in result.parts or (not result.parts and bool(_TIME_WORD.search(text)))
    value = result.value
    if has_time and (zone := generic_zone_offset(text, value.replace(tzinfo=None))) is not None:
        value = value.replace(tzinfo=zone)  # "5 AM PT" in June is PDT, not PST
    return Reading(value, has_time, has_time and value.second != 0)


def _relative(text: str, language: str | None, reference: dt.datetime, pool: DateparserPool) -> Reading | None:
    """"vor 3 Stunden", "il y a 2 jours", "yesterday, 14:05", against ``reference``."""
    base = reference.replace(tzinfo=None, microsecond=0)
    result = pool.parse(text, _languages(language), base=base)
    if result is None:
        return None
    # "3 hours ago" states a time of day, "2 days ago" only a day.
    has_time = "time" in result.parts
    value = result.value.replace(tzinfo=reference.tzinfo) if has_time else result.value
    return Reading(value, has_time, False)


def _localise(reading: Reading, zone_name: str | None) -> Reading:
    """Give a stated time without offset the offset of the site's zone, when known."""
    if not zone_name or not reading.has_time:
        return reading
    zone = _zone(zone_name)
    if zone is None:
        return reading
    if reading.value.tzinfo is None:
        value = reading.value.replace(tzinfo=zone)
    elif reading.instant:
        # A Unix timestamp is an instant, not a printed time: show it in the site's zone.
        value = reading.value.astimezone(zone)
    else:
        return reading
    fixed = value.utcoffset()
    value = value.replace(tzinfo=dt.timezone(fixed)) if fixed is not None else value
    return Reading(value, reading.has_time, reading.seconds, reading.warnings, reading.instant)


def _zone(name: str) -> dt.tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _plausible(parsed: ParsedDate, reference: dt.datetime | None, min_year: int) -> bool:
    day = dt.date.fromisoformat(parsed.day)
    if day.year < min_year:
        return False
    return not (reference is not None and day > (reference + dt.timedelta(days=1)).date())


__all__ = ["ParsedDate", "country_from_url", "parse_date", "parse_date_result", "parser_languages", "strip_date_label"]
