"""The month and weekday names of a language, so a byline reader does not take "Freitag" for a surname.

An unlabelled byline is read as the name-shaped words right before a date
("... Chuck Ross Apr 15, 2025"); the words before a date are as often the
date's own weekday ("Freitag, 15. Mai 2025", "Tue 14 May 2024") or a
month. The names come from dateparser's locale data (the page's language
and English, the second language of most pages' dates), not from a list of
our own: one source for every language dateparser reads.
"""

from __future__ import annotations

import functools

_FIELDS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)


@functools.cache
def calendar_words(language: str | None) -> frozenset[str]:
    """Month and weekday names and abbreviations of ``language`` and English, case-folded, without full stops."""
    from dateparser.languages import default_loader

    words: set[str] = set()
    for code in dict.fromkeys(("en", language or "en")):
        try:
            info = default_loader.get_locale(code).info
        except (ValueError, KeyError):
            continue
        for field in _FIELDS:
            words.update(str(name).casefold().rstrip(".") for name in info.get(field, ()))
    return frozenset(words)
