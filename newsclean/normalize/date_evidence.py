"""Choosing the publication date by weighing a page's declarations against each other.

A page states its publication date several times (JSON-LD, meta tags, Dublin
Core, a ``<time>`` element, the URL path) and the copies disagree: a CMS
writes the day a draft was created into one tag and the day it went live
into another, one tag holds a UTC instant while the visible date shows the
publisher's local day. A fixed order of sources picks whichever comes first;
here each calendar day collects the distinct statements that support it, and
the day with the most support wins, source precedence breaking ties (the
manner of news-please's comparer). Two kinds of agreement are recognised
beyond the same day:

- the same instant stated twice, in UTC and with the publisher's offset: the
  local form names the publisher's day, so it stands for both;
- a UTC instant and a day stated without a time (a printed date, the URL's
  day) one day apart, when some real offset (UTC-12 to UTC+14) puts the
  instant on that day: the day without a time is the local one;
- a slashed date whose day/month order is open ("11/01/2023") and a day
  another statement names in the other order: the other order was meant.

The module is pure: candidates in, one candidate out, so each rule has a
small test of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .dates import ParsedDate

#: Statements of one instant at most this far apart are the same instant (CMSs round differently).
SAME_INSTANT = dt.timedelta(minutes=2)
#: The offsets a publisher's clock can have: UTC-12 (Baker Island) to UTC+14 (Line Islands).
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)
#: Sources that are copies of one declaration (JSON-LD of the article and of its page).
_FAMILY = {"jsonld-page": "jsonld"}
#: Country domains whose CLDR territory code differs (".uk" is GB).
_TERRITORY = {"uk": "GB"}


@dataclass(frozen=True)
class DateCandidate:
    """One statement of the publication date: where it came from and what it says."""

    source: str
    parsed: ParsedDate
    #: The day the statement names read in the other day/month order, when that order is open.
    alternate: str | None = None

    @property
    def family(self) -> str:
        """The declaration this statement belongs to; copies within a family are one statement."""
        return _FAMILY.get(self.source, self.source)

    @property
    def instant(self) -> dt.datetime | None:
        """The moment stated, when a time and an offset are both given."""
        if not (self.parsed.has_time and self.parsed.has_offset):
            return None
        return dt.datetime.fromisoformat(self.parsed.iso)

    @property
    def in_utc(self) -> bool:
        """A time stated in UTC: many CMSs write every stamp so, whatever the publisher's zone."""
        instant = self.instant
        return instant is not None and instant.utcoffset() == dt.timedelta(0)


def _local_form(candidate: DateCandidate, others: Sequence[DateCandidate]) -> DateCandidate:
    """The same instant stated with a non-zero offset elsewhere on the page, else ``candidate``."""
    instant = candidate.instant
    if instant is None or not candidate.in_utc:
        return candidate
    for other in others:
        seen = other.instant
        if seen is not None and not other.in_utc and abs(seen - instant) <= SAME_INSTANT:
            return DateCandidate(candidate.source, other.parsed)
    return candidate


def _settled_order(candidate: DateCandidate, stated: Sequence[tuple[str, str]]) -> DateCandidate:
    """``candidate`` read in its other day/month order when only that reading agrees with the page.

    ``stated`` holds (family, day) of the page's statements whose order is
    not open. A CMS printing "11/01/2023" in the US order on a Swiss page
    and the visible "01.11.2023" are one statement of 1 November.
    """
    alternate = candidate.alternate
    if alternate is None:
        return candidate
    days = {day for family, day in stated if family != candidate.family}
    if candidate.parsed.day in days or alternate not in days:
        return candidate
    return DateCandidate(candidate.source, replace(candidate.parsed, iso=alternate + candidate.parsed.iso[10:]))


def _country_days(instant: dt.datetime, country: str | None) -> set[str] | None:
    """The local days ``instant`` fell on across the zones of ``country``, or ``None`` if unknown."""
    if not country:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from babel.core import get_global

    zones = get_global("territory_zones").get(_TERRITORY.get(country, country.upper()))
    if not zones:
        return None
    days = set()
    for name in zones:
        try:
            days.add(instant.astimezone(ZoneInfo(name)).date().isoformat())
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return days or None


def _local_day(candidate: DateCandidate, days_without_time: set[str], country: str | None) -> str:
    """The day ``candidate`` votes for: a UTC instant goes to a stated local day it can fall on.

    The site's country, when its domain names one, bounds the offsets to its
    zones ("03:00 UTC" is never the previous day in Zurich); otherwise any
    real offset is possible.
    """
    instant = candidate.instant
    if instant is None or not candidate.in_utc or candidate.parsed.day in days_without_time:
        return candidate.parsed.day
    reachable = _country_days(instant, country)
    if reachable is None:
        reachable = {(instant + EARLIEST_OFFSET).date().isoformat(), (instant + LATEST_OFFSET).date().isoformat()}
    matches = sorted((days_without_time & reachable) - {candidate.parsed.day})
    return matches[0] if len(matches) == 1 else candidate.parsed.day


def weigh_published(
    candidates: Sequence[DateCandidate],
    precedence: Sequence[str],
    local_days: Sequence[ParsedDate] = (),
    country: str | None = None,
    form_order: Sequence[str] | None = None,
) -> ParsedDate | None:
    """The best-supported publication date among ``candidates``.

    ``precedence`` orders the sources for ties; ``form_order`` (default
    ``precedence``) orders them for the form of the winning day, so a date
    read from text can settle a tie yet leave the stating of the time to a
    declaration; ``local_days`` are days stated elsewhere without a time
    (the URL's day) that do not vote but tell which local day a UTC instant
    fell on; ``country`` (the site's, from its domain) bounds that offset.
    """
    if not candidates:
        return None
    stated = [(c.family, c.parsed.day) for c in candidates if c.alternate is None]
    stated += [("local", d.day) for d in local_days]
    candidates = [_settled_order(c, stated) for c in candidates]
    candidates = [_local_form(c, candidates) for c in candidates]
    undated = {c.parsed.day for c in candidates if not c.parsed.has_time}
    undated |= {d.day for d in local_days if not d.has_time}
    keyed = [(c, _local_day(c, undated, country)) for c in candidates]
    support: dict[str, set[tuple[str, str]]] = {}
    for candidate, day in keyed:
        support.setdefault(day, set()).add((candidate.family, candidate.parsed.iso))

    def rank(source: str, order: Sequence[str] = precedence) -> int:
        return order.index(source) if source in order else len(order)

    def strength(day: str) -> tuple[int, int]:
        # More distinct statements first, then the best source among them.
        return (-len(support[day]), min(rank(c.source) for c, d in keyed if d == day))

    day = min(support, key=strength)
    own = [c for c in candidates if c.parsed.day == day]
    if own:
        return min(own, key=lambda c: rank(c.source, form_order or precedence)).parsed
    # Only UTC instants and a local day from outside the candidates (the URL): the day alone.
    return next(d for d in local_days if d.day == day)


def settled_against(candidates: Sequence[DateCandidate], precedence: Sequence[str], newcomer: str) -> bool:
    """Whether no single statement from source ``newcomer`` could change :func:`weigh_published`'s choice.

    Reading a statement can be the dearest step of the weighing (the date
    printed by the headline goes through a date parser); when the outcome
    cannot move, it need not be read. One more statement moves it only by
    settling an open day/month order, by being the same instant as a UTC
    stamp or its local day, or by outvoting the winning day. So the answer
    is yes when every candidate names one day, none has an open order or a
    UTC instant, none comes from ``newcomer``, and that day has two distinct
    statements or a source ranked before ``newcomer`` (a lone statement that
    it would tie then still wins on precedence; on that day itself the
    newcomer only adds support, and any form its own day gives yields to the
    candidates' when ``newcomer`` is the last form source, as the caller
    ensures).
    """
    if not candidates or len({c.parsed.day for c in candidates}) != 1:
        return False
    if any(c.alternate is not None or c.in_utc or c.source == newcomer for c in candidates):
        return False

    def rank(source: str) -> int:
        return precedence.index(source) if source in precedence else len(precedence)

    statements = {(c.family, c.parsed.iso) for c in candidates}
    return len(statements) >= 2 or min(rank(c.source) for c in candidates) < rank(newcomer)


def _forms_of(day: dt.date) -> re.Pattern[str]:
    """Numeric ways of writing ``day`` (ISO, slashed, dotted, compact, day or month first)."""
    y, m, d = day.year, day.month, day.day
    mm, dd = rf"0?{m}", rf"0?{d}"
    forms = [
        rf"{y}[-/.]{mm}[-/.]{dd}", rf"{dd}[./-]\s?{mm}[./-]\s?{y}", rf"{mm}/{dd}/{y}",
        rf"{y}{m:02d}{d:02d}", rf"{y}\s*年\s*{mm}\s*月\s*{dd}\s*日",
    ]
    return re.compile(rf"(?<!\d)(?:{'|'.join(forms)})(?!\d)")


def _named_forms(year: int) -> re.Pattern[str]:
    """A day number and a month word next to ``year`` ("1 January 2024", "January 1st, 2024")."""
    return re.compile(
        rf"(?<![\w.])(?:\d{{1,2}}(?:st|nd|rd|th|er|º|°)?\.?\s+(?:de\s+)?\w{{3,12}}\.?,?\s+(?:de\s+)?"
        rf"|\w{{3,12}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+){year}(?!\d)"
    )


def is_placeholder(guess: ParsedDate, markup: Callable[[], str], read: Callable[[str], ParsedDate | None]) -> bool:
    """Whether a guessed first of the month stands for a month or year the page only mentions.

    A date searcher that finds only "© 2019" or "March 2019" reports
    2019-01-01 or 2019-03-01. Such a day is no publication date. A first of
    the month counts as stated when ``markup()`` (the page's markup,
    attributes included, asked for only for a first of the month) writes it
    in a numeric form or ``read`` (the page's date reader) finds it in a
    day-month-year phrase.
    """
    if guess.has_time:
        return False
    day = dt.date.fromisoformat(guess.day)
    if day.day != 1:
        return False
    page = markup()
    if _forms_of(day).search(page):
        return False
    for match in _named_forms(day.year).finditer(page):
        parsed = read(match.group(0))
        if parsed is not None and parsed.day == guess.day:
            return False
    return True


__all__ = ["DateCandidate", "is_placeholder", "settled_against", "weigh_published"]
