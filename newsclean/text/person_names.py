"""The shape of a person's name, and where a header line prints one.

Shared by the text path's byline readers (:mod:`.bylines`, :mod:`.byline_runs`),
the headline chooser (a bare name under a headline is its byline) and the HTML
path's visible bylines: one definition of what a bare name looks like.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

#: Words of a name: capitalised (or all capitals), with hyphens and apostrophes.
_NAME_WORD = re.compile(r"^(?:[^\W\d_][.]|[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?)$")
#: Lower-case particles of names in the languages we read.
PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "le", "la", "bin", "al",
    "ten", "ter", "zu", "y", "e",
})
#: Academic titles before a name.
_TITLES = frozenset({"dr.", "prof.", "dr", "prof"})
#: Words of a name, fewest and most, and its longest spelling.
MIN_NAME_WORDS = 2
_MAX_WORDS = 5
_MAX_CHARS = 48
#: Verdicts a bare name gets from the classifier: unclassified, or a menu label.
RELABEL = frozenset({None, "navigation"})
#: A line naming several writers after a label ("Monika Bolliger und Anna Trechsel, Sweidah") is this short.
NAMES_LINE_WORDS = 12
#: Separators inside a date line that may also set off its byline ("Kolumne von X - 28.04.2024").
LINE_PARTS = re.compile(r"\s[|•·/–—-]\s")
#: The words of a date-line part before its first digit.
LEADING_NAME = re.compile(r"^([^\d|/•·]+?)(?:\s*[,–—-]?\s*\d|$)")


def is_person_name(text: str) -> bool:
    """Whether ``text`` is shaped like a person's name ("Dieter Kuckelkorn", "María R. Sahuquillo")."""
    if len(text) > _MAX_CHARS or any(c.isdigit() for c in text):
        return False
    words = text.split()
    while words and words[0].casefold() in _TITLES:
        words = words[1:]
    if not MIN_NAME_WORDS <= len(words) <= _MAX_WORDS:
        return False
    named = 0
    for word in words:
        if word in PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
        named += 1
    return named >= MIN_NAME_WORDS and words[-1] not in PARTICLES


def bare_name(text: str, lexicon: Lexicon, stopwords: frozenset[str] | None) -> bool:
    """A person's name no word of which is a UI string or a function word (a month, "Published")."""
    if not is_person_name(text) or stopwords is None:
        return False
    words = text.split()
    return not any(lexicon.match_line(w) is not None or (w.casefold() in stopwords and w not in PARTICLES)
                   for w in words)
