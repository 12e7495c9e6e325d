"""dateparser, called the fast way: known languages, reused parsers.

``dateparser.parse`` without languages detects the language of every string
(hundreds of milliseconds), and with a settings dict builds a new parser and
settings object on each call. We hold one ``DateDataParser`` per
(languages, reference) combination in an explicit, bounded pool, always pass
the page's language and at most one candidate (English, which pages use for
machine-ish dates), and read ``parts`` to know whether a time was stated.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from .date_english import read_english_date

#: Parsers kept; a batch uses a handful of languages and one or few references.
_POOL_SIZE = 64
#: Readings kept: live blogs and dumps repeat their date lines ("Sat 2 Mar 2024 17:00 CET").
_MEMO_SIZE = 4096
#: Settings shared by every parser: missing parts are never filled from the clock.
_BASE_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
}
#: A base for absolute dates so that no reading ever depends on this machine's clock.
_FIXED_BASE = dt.datetime(2000, 1, 1)
#: Tried when the page's language is unknown: a short list, not detection over 200 locales.
_UNKNOWN_LANGUAGE = ("en", "fr", "de", "es")


@dataclass(frozen=True)
class EngineResult:
    """What dateparser read, and which parts of a date the string stated."""

    value: dt.datetime
    parts: frozenset[str]


class DateparserPool:
    """A small, thread-safe pool of ``DateDataParser`` instances."""

    def __init__(self, size: int = _POOL_SIZE) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._parsers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._readings: OrderedDict[tuple[Any, ...], EngineResult | None] = OrderedDict()

    def _parser(self, languages: tuple[str, ...], base: dt.datetime | None, require_full: bool) -> Any:
        key = (languages, base, require_full)
        with self._lock:
            parser = self._parsers.get(key)
            if parser is not None:
                self._parsers.move_to_end(key)
                return parser
        from dateparser.date import DateDataParser

        settings = dict(_BASE_SETTINGS)
        settings["RELATIVE_BASE"] = base or _FIXED_BASE
        if require_full:
            settings["REQUIRE_PARTS"] = ["day", "month", "year"]
            # An absolute reading never needs the relative-time parser, which
            # dateparser otherwise tries first on every string (~40% of its time).
            settings["PARSERS"] = ["absolute-time"]
        parser = DateDataParser(
            languages=list(languages) or None, use_given_order=bool(languages), settings=settings
        )
        with self._lock:
            self._parsers[key] = parser
            while len(self._parsers) > self._size:
                self._parsers.popitem(last=False)
        return parser

    def parse(
        self, text: str, languages: tuple[str, ...], *, base: dt.datetime | None = None
    ) -> EngineResult | None:
        """Parse ``text``; relative forms need ``base``, absolute ones need day, month and year.

        A reading depends only on the string, the languages and the base, so
        it is memoised (bounded): a repeated date line costs one lookup.
        """
        key = (text, languages, base)
        with self._lock:
            if key in self._readings:
                self._readings.move_to_end(key)
                return self._readings[key]
        result = self._read(text, languages, base)
        with self._lock:
            self._readings[key] = result
            while len(self._readings) > _MEMO_SIZE:
                self._readings.popitem(last=False)
        return result

    def forget_readings(self) -> None:
        """Drop the memoised readings (measurements that must parse every string again)."""
        with self._lock:
            self._readings.clear()

    def _read(self, text: str, languages: tuple[str, ...], base: dt.datetime | None) -> EngineResult | None:
        if base is None and languages == ("en",):
            # English pages print a few shapes over and over; read them without
            # dateparser (same reading, a fraction of the time). Only for English
            # alone: another language tried first could read the words its own way.
            fast = read_english_date(text)
            if fast is not None:
                return EngineResult(*fast)
        try:
            data = self._parser(languages, base, base is None).get_date_data(text)
        except (ValueError, OverflowError, TypeError, KeyError):
            return None
        value = data.date_obj
        if value is None:
            return None
        parts = frozenset(getattr(data, "parts", None) or ())
        return EngineResult(value, parts)


def candidate_languages(language: str | None) -> tuple[str, ...]:
    """The page's language plus English; never a language guess over all locales."""
    if not language:
        return _UNKNOWN_LANGUAGE
    return (language,) if language == "en" else (language, "en")
