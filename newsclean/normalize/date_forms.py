"""Machine and numeric date forms, read without dateparser.

Most dates a page declares are ISO 8601, RFC 2822 or Unix timestamps, and
most dates it prints are numeric ("23.07.2023, 14:59 Uhr", "07/23/2023").
Reading these with regular expressions costs microseconds, against
milliseconds for dateparser, and lets us keep exactly the precision and the
offset the page stated. Day/month order of numeric forms is decided by the
page's country and language (see :class:`DateOrder`), never guessed silently.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from dataclasses import dataclass
from importlib import resources

#: A date among words: day and month name and year, month name first, or numeric; then an optional time.
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
_TIME_AFTER = r"(?:,?\s*(?:[-–]|um|at|à|alle|kl\.?|a las|o)?\s*\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?m\.?|\s?uhr)?)?"
DATE_SPAN = re.compile(
    rf"(?:\b\d{{1,2}}\.?\s+{_MONTH_WORD}\s+(?:19|20)\d{{2}}|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\b\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?(?:19|20)\d{{2}}|\b(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}){_TIME_AFTER}",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?(?!\d))?)?"
)
_ISO_BASIC = re.compile(
    r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?(?P<tz>Z|[+-]\d{4})?)?$"
)
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_SLASHED_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})(?!\d)")
#: "15.10.24 23:35": a dotted date with a two-digit year, taken only alone or before a time.
_DOTTED_SHORT = re.compile(
    r"(?<![\d.])(?P<a>\d{2})\.(?P<b>\d{2})\.(?P<y>\d{2})(?![\d.])(?=\s*(?:$|[,|–-]?\s*\d{1,2}:\d{2}))"
)
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<y>(?:19|20)\d{2})(?!\d)")
_TIME = re.compile(
    r"(?<![\d:.])(?P<H>\d{1,2})(?:[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?|(?=\s*[ap]\.?m\.?\b))(?![\d:])\s*"
    r"(?P<ampm>[ap]\.?m\.?(?!\w))?",
    re.IGNORECASE,
)
_UNIX = re.compile(r"^(?P<s>\d{10})(?P<ms>\d{3})?(?:\.\d+)?$")
_TZ_WORD = re.compile(r"\b[A-Z]{2,5}\b|\b(?:UTC|GMT)\s*[+-]\s*\d")
#: North American zones named without standard/daylight ("5 AM PT"): the offset depends on the date.
_GENERIC_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}
_GENERIC_ZONE = re.compile(r"\d(?:\s*[ap]\.?m\.?)?\s*\b(?P<zone>ET|CT|MT|PT)\b(?!\s*[+-]\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """A date read from text: the value, what it states, and any doubts."""

    value: dt.datetime
    has_time: bool
    seconds: bool
    warnings: tuple[str, ...] = ()
    #: A Unix timestamp: an instant that a site's zone may show in local time.
    instant: bool = False

    @property
    def has_offset(self) -> bool:
        return self.value.utcoffset() is not None


class DateOrder:
    """Decides day/month order of numeric dates from country and language.

    A country's convention wins (en on a .us site is month first, on a .uk
    site day first); a language with one convention wherever it is written
    decides alone; otherwise the order is a guess, and the reading says so.
    """

    def __init__(self) -> None:
        path = resources.files(__package__).joinpath("data/date_words.json")
        data = json.loads(path.read_text("utf-8"))
        self.month_first_countries = frozenset(data["month_first_countries"])
        self.year_first_countries = frozenset(data["year_first_countries"])
        self.day_first_languages = frozenset(data["day_first_languages"])

    def month_first(self, language: str | None, country: str | None) -> tuple[bool, str | None]:
        """Return (month first?, why it is a guess or ``None`` when decided)."""
        if country in self.month_first_countries:
            return True, None
        if country and language != "en":
            return False, None
        if country and country not in self.year_first_countries:
            return False, None
        if language in self.day_first_languages:
            return False, f"read day first from the page's language ({language}) alone"
        return True, f"read month first for language {language or 'unknown'} without a country"


def parse_offset(tz: str | None) -> dt.tzinfo | None:
    """An ISO 8601 offset ("Z", "+02:00", "+0200", "+02") as a tzinfo."""
    if not tz:
        return None
    if tz.upper() == "Z":
        return dt.timezone.utc
    digits = tz[1:].replace(":", "").ljust(4, "0")
    minutes = int(digits[:2]) * 60 + int(digits[2:4])
    return dt.timezone(dt.timedelta(minutes=minutes if tz[0] == "+" else -minutes))


def format_iso(value: dt.datetime, has_time: bool, seconds: bool) -> str:
    """ISO 8601 with the stated precision; an offset only when the value has one."""
    if not has_time:
        return value.date().isoformat()
    text = value.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    offset = value.utcoffset()
    if offset is not None:
        total = int(offset.total_seconds() // 60)
        sign = "+" if total >= 0 else "-"
        total = abs(total)
        text += f"{sign}{total // 60:02d}:{total % 60:02d}"
    return text


def read_time(day: dt.date, text: str) -> Reading:
    """Attach the time of day (and a stated zone) found in ``text`` to ``day``."""
    match = _TIME.search(text)
    if not match:
        return Reading(dt.datetime(day.year, day.month, day.day), False, False)
    hour, minute = int(match["H"]), int(match["M"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if match["M"] is None and not ampm:
        return Reading(dt.datetime(day.year, day.month, day.day), False, False)
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    second = int(match["S"]) if match["S"] else 0
    if hour > 23 or minute > 59 or second > 59:
        return Reading(dt.datetime(day.year, day.month, day.day), False, False)
    value = dt.datetime(day.year, day.month, day.day, hour, minute, second)
    tz = generic_zone_offset(text[match.start():], value) or _stated_zone(text[match.end():])
    value = value.replace(tzinfo=tz)
    return Reading(value, True, bool(match["S"]))


def generic_zone_offset(text: str, value: dt.datetime) -> dt.tzinfo | None:
    """The offset a generic zone ("9 AM ET", "5 AM PT") has at ``value``'s local date and time."""
    match = _GENERIC_ZONE.search(text)
    if not match or not match["zone"].isupper():
        return None
    from zoneinfo import ZoneInfo

    offset = value.replace(tzinfo=ZoneInfo(_GENERIC_ZONES[match["zone"]])).utcoffset()
    return dt.timezone(offset) if offset is not None else None


def _stated_zone(rest: str) -> dt.tzinfo | None:
    """A zone abbreviation or UTC offset right after a time ("9:14 AM EDT")."""
    head = " " + rest[:16]
    numeric = re.match(r"\s*([+-]\d{2}:?\d{2})(?!\d)", head)
    if numeric:
        return parse_offset(numeric.group(1))
    if not _TZ_WORD.search(head):
        return None
    from dateparser.timezone_parser import pop_tz_offset_from_string

    remaining, tz = pop_tz_offset_from_string(head)
    if tz is None or remaining.strip() == head.strip():
        return None
    offset = tz.utcoffset(None)
    return dt.timezone(offset) if offset is not None else None


def read_machine_form(text: str) -> Reading | None:
    """ISO 8601 (extended and basic), RFC 2822 and Unix timestamps."""
    unix = _UNIX.match(text)
    if unix:
        # Seconds, or milliseconds as JavaScript writes them: an instant, so UTC is stated.
        value = dt.datetime.fromtimestamp(int(unix["s"]), tz=dt.timezone.utc)
        return Reading(value, True, True, instant=True)
    basic = _ISO_BASIC.match(text)
    iso = basic or _ISO.search(text)
    if iso:
        day = dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        if iso["H"] is None:
            return read_time(day, text[: iso.start()] + " " + text[iso.end():])
        value = dt.datetime(
            day.year, day.month, day.day, int(iso["H"]), int(iso["M"]), int(iso["S"] or 0),
            tzinfo=parse_offset(iso["tz"]),
        )
        if value.tzinfo is None:
            rest = text[iso.end():]
            value = value.replace(tzinfo=_stated_zone(rest))
        return Reading(value, True, bool(iso["S"]))
    if _RFC2822.match(text):
        parts = email.utils.parsedate_tz(text)
        if parts is None:
            return None
        year, month, mday, hour, minute, second = parts[:6]
        offset = parts[9]
        # RFC 2822 writes "-0000" for "local time, zone unknown": no offset is stated.
        unknown = offset is None or re.search(r"-0000\s*$", text) is not None
        tz = None if unknown else dt.timezone(dt.timedelta(seconds=offset or 0))
        return Reading(dt.datetime(year, month, mday, hour, minute, second, tzinfo=tz), True, True)
    return None


def read_numeric_form(
    text: str, order: DateOrder, language: str | None, country: str | None
) -> Reading | None:
    """Numeric day/month/year forms, with the order decided by :class:`DateOrder`."""
    warnings: list[str] = []
    match = _SLASHED_ISO.search(text)
    if match:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    else:
        match = _DOTTED.search(text)
        if match is None and (short := _DOTTED_SHORT.search(text)):
            match = short  # day first like every dotted form; the century is this one
        dotted = match is not None
        match = match or _SLASHED.search(text)
        if not match:
            return None
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        year += 2000 if year < 100 else 0
        if a > 12 >= b:
            day = dt.date(year, b, a)
        elif b > 12 >= a:
            day = dt.date(year, a, b)
        elif dotted:
            # "23.07.2023": the dotted form is day first wherever it is written.
            day = dt.date(year, b, a)
        else:
            month_first, doubt = order.month_first(language, country)
            if doubt and a != b:
                warnings.append(f"date: ambiguous numeric date {match.group(0)!r} {doubt}")
            day = dt.date(year, a, b) if month_first else dt.date(year, b, a)
    reading = read_time(day, text[: match.start()] + " " + text[match.end():])
    return Reading(reading.value, reading.has_time, reading.seconds, tuple(warnings))


def slashed_readings(text: str) -> tuple[dt.date, dt.date] | None:
    """Both days a slashed date names when its day/month order is open ("11/01/2023").

    :func:`read_numeric_form` settles the order by country and language, but
    that is a convention, not a certainty: CMSs print the US order on sites
    of every country. The two readings let a caller ask the page's other
    statements which one it meant. Dotted, ISO-ordered and machine forms
    have one order and give ``None``, as do slashed dates with a part over 12.
    """
    if read_machine_form(text) or _SLASHED_ISO.search(text) or _DOTTED.search(text) or _DOTTED_SHORT.search(text):
        return None
    match = _SLASHED.search(text)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    if a == b or a > 12 or b > 12 or not a or not b:
        return None
    return dt.date(year, a, b), dt.date(year, b, a)
