"""Date normalisation: what pages print and declare, to ISO 8601.

Output keeps exactly the precision the page gives: a date alone when no time
is known, minutes without seconds when seconds are not stated, and a UTC
offset only when the page states one (UTC is never invented). Fast regex
paths handle the common machine forms; dateparser, restricted to the page's
language, handles month names and site formats.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib import resources

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_SLASHED_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\b")
_DOTTED = re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})\b")
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<y>(?:19|20)\d{2})\b")
_TIME = re.compile(
    r"(?<![\d:])(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])\s*"
    r"(?P<ampm>[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_UNIX = re.compile(r"^\d{10}(?:\d{3})?$")
_HAS_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(
    r"\b(ago|vor|il y a|hace|fa|geleden|temu|назад|önce|há)\b", re.IGNORECASE
)

#: Languages whose pages write numeric dates month first.
_MONTH_FIRST_LANGUAGES = frozenset({"en"})


def _load_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(resources.files(__package__).joinpath("data/date_labels.json").read_text("utf-8"))

    def alternation(kind: str) -> re.Pattern[str]:
        words = sorted({w for ws in data[kind].values() for w in ws}, key=len, reverse=True)
        body = "|".join(re.escape(w) for w in words)
        return re.compile(rf"^\W*(?:{body})\b\W*", re.IGNORECASE)

    return alternation("published"), alternation("modified")


_PUBLISHED_LABEL, _MODIFIED_LABEL = _load_labels()
#: A single "Label:" word before a date, in any language.
_GENERIC_LABEL = re.compile(r"^\W*\w{2,20}\s*:\s+(?=\S)")


def strip_date_label(text: str) -> tuple[str, str | None]:
    """Remove a leading 'Published'/'Updated:' label; name its kind.

    Returns the remaining text and ``"published"``, ``"modified"`` or
    ``None`` when no known label was found.
    """
    for kind, pattern in (("modified", _MODIFIED_LABEL), ("published", _PUBLISHED_LABEL)):
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


def _format(value: dt.datetime, has_time: bool, seconds: bool) -> str:
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


def _parse_offset(tz: str | None) -> dt.tzinfo | None:
    if not tz:
        return None
    if tz.upper() == "Z":
        return dt.timezone.utc
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4])
    return dt.timezone(dt.timedelta(minutes=minutes if tz[0] == "+" else -minutes))


def _attach_time(day: dt.date, text: str) -> tuple[dt.datetime, bool, bool]:
    match = _TIME.search(text)
    if not match:
        return dt.datetime(day.year, day.month, day.day), False, False
    hour, minute = int(match["H"]), int(match["M"])
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    second = int(match["S"]) if match["S"] else 0
    if hour > 23 or minute > 59 or second > 59:
        return dt.datetime(day.year, day.month, day.day), False, False
    return dt.datetime(day.year, day.month, day.day, hour, minute, second), True, bool(match["S"])


def _fast_path(text: str, language: str | None) -> tuple[ParsedDate | None, list[str]]:
    warnings: list[str] = []
    iso = _ISO.search(text)
    if iso:
        day = dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        if iso["H"] is not None:
            tz = _parse_offset(iso["tz"])
            value = dt.datetime(
                day.year, day.month, day.day, int(iso["H"]), int(iso["M"]),
                int(iso["S"] or 0), tzinfo=tz,
            )
            return ParsedDate(_format(value, True, bool(iso["S"])), True, tz is not None), warnings
        rest = text[: iso.start()] + " " + text[iso.end():]
        value, has_time, secs = _attach_time(day, rest)
        return ParsedDate(_format(value, has_time, secs), has_time, False), warnings
    match = _SLASHED_ISO.search(text) or _DOTTED.search(text)
    if match:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    else:
        match = _SLASHED.search(text)
        if not match:
            return None, warnings
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            day = dt.date(int(match["y"]), b, a)
        elif b > 12 >= a:
            day = dt.date(int(match["y"]), a, b)
        else:
            month_first = language in _MONTH_FIRST_LANGUAGES
            if a != b:
                warnings.append(
                    f"date: ambiguous numeric date {match.group(0)!r} read "
                    + ("month first" if month_first else "day first")
                    + f" for language {language or 'unknown'}"
                )
            day = dt.date(int(match["y"]), a if month_first else b, b if month_first else a)
    rest = text[: match.start()] + " " + text[match.end():]
    value, has_time, secs = _attach_time(day, rest)
    return ParsedDate(_format(value, has_time, secs), has_time, False), warnings


def parse_date(
    text: str,
    *,
    language: str | None = None,
    reference: dt.datetime | None = None,
    min_year: int = 1990,
) -> ParsedDate | None:
    """Parse one date string as printed or declared by a page.

    Returns ``None`` when the string holds no date, or the date is impossible
    (before ``min_year`` or after ``reference``). Relative forms ("3 hours
    ago") are resolved only against ``reference``; without one they are left
    unresolved (``None``) rather than read against this machine's clock.
    """
    text, _ = strip_date_label(text.strip())
    if not text or (not _HAS_DIGIT.search(text) and not _RELATIVE.search(text)):
        return None
    if len(text) > 120:
        return None
    result: ParsedDate | None = None
    warnings: list[str] = []
    if _UNIX.match(text):
        seconds = int(text[:10])
        value = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
        result = ParsedDate(_format(value, True, True), True, True)
    elif _RELATIVE.search(text):
        if reference is None:
            return None
        result = _dateparser(text, language, reference)
    else:
        try:
            result, warnings = _fast_path(text, language)
        except ValueError:
            result = None
        if result is None and _YEAR.search(text):
            result = _dateparser(text, language, reference)
    if result is None or not _plausible(result, reference, min_year):
        return None
    if warnings:
        result = ParsedDate(result.iso, result.has_time, result.has_offset, tuple(warnings))
    return result


def _plausible(parsed: ParsedDate, reference: dt.datetime | None, min_year: int) -> bool:
    day = dt.date.fromisoformat(parsed.day)
    if day.year < min_year:
        return False
    return not (reference is not None and day > (reference + dt.timedelta(days=1)).date())


def _dateparser(text: str, language: str | None, reference: dt.datetime | None) -> ParsedDate | None:
    """Month names, weekday names and relative forms, in the page's language."""
    import dateparser

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if reference is not None:
        settings["RELATIVE_BASE"] = reference.replace(tzinfo=None)
        settings.pop("REQUIRE_PARTS")
    languages = [language] if language else None
    try:
        value = dateparser.parse(text, languages=languages, settings=settings)
        if value is None and languages and language != "en":
            value = dateparser.parse(text, languages=[language, "en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None:
        return None
    has_time = bool(_TIME.search(text)) or bool(_RELATIVE.search(text) and reference)
    seconds = has_time and value.second != 0
    return ParsedDate(_format(value, has_time, seconds), has_time, value.utcoffset() is not None)
