"""The byline of a dump that lost its line breaks, read from the words right after its headline.

On a flattened dump the header is one stream: "... headline Standfirst
sentence. Von Sabrina Gerstmaier 15.04.2026, 14:36 Uhr Kein Homeoffice ...".
The line-based byline readers see a block the unflatten stage cut where it
could: a byline label followed by a capitalised name reads like the start of
a title-cased label run, so the block often ends inside the name ("Von
Sabrina") or runs on into the lead. The headline the address spells
(:mod:`.slug_span`) says where the header is; a byline label within the few
words after it, followed by words in the shape of a person's name, is the
writer's byline.

Where a name ends is the hard part: a capitalised noun (German), a place
dateline or the next sentence's first word may follow it. A name here is
two words (particles and initials between them do not count); a third
counts only when a separator, a date or the end of the run follows it. A
second name needs a comma or a conjunction ("und", "and", "&") before it.
Each name must pass :func:`~.person_names.bare_name` (no UI string, no
function word), or be a news agency's credit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..normalize.authors import after_byline_label, is_agency, joins_names
from ..normalize.date_forms import DATE_SPAN
from ..normalize.dates import strip_date_label
from .lexicon import Lexicon
from .person_names import PARTICLES, bare_name

#: How many words after the headline the byline may sit (a standfirst of one or two sentences between).
WINDOW_WORDS = 45
#: The most words a byline label and the names after it are read from.
_LABEL_READ = 16
#: The most writers one byline names.
_MAX_NAMES = 4
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_'’.-]*[^\W\d_.])?\.?$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
#: Tokens after which a byline label may start a new element although it is lower case.
_ELEMENT_END = re.compile(r"[.!?:|•·–—)\]»“”\"]$")
_TRAILING = ",;"
#: Words a date written among words spans at most ("Apr 15, 2025, 3:48 pm").
_DATE_READ = 6
#: A third word of a name is spelled out (a weekday's or a title's abbreviation is not).
_THIRD_LETTERS = 3
#: Generational suffixes that end a name ("Perry Bacon Jr."): part of the name, not a next word.
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def stream_byline(words: list[str], lexicon: Lexicon, stopwords: frozenset[str] | None) -> list[str]:
    """The writers a byline among ``words`` (the stream after the headline) names, or ``[]``."""
    for index, word in enumerate(words):
        if not (word[:1].isupper() or index == 0 or _ELEMENT_END.search(words[index - 1])):
            continue
        chunk = words[index:index + _LABEL_READ]
        rest = after_byline_label(" ".join(chunk))
        if not rest:
            continue
        tail = rest.split()
        if tail != chunk[len(chunk) - len(tail):]:
            continue
        names = _names(tail, lexicon, stopwords)
        if names:
            return names
    return []


def name_before_date(
    words: list[str], lexicon: Lexicon, stopwords: frozenset[str] | None, calendar: frozenset[str]
) -> list[str]:
    """The writer an unlabelled byline names: the two name-shaped words right before the first date.

    "... standfirst. Chuck Ross Apr 15, 2025 ...": without a label only the
    position says it is a byline, so the words must be a bare name (no
    function word of the page's language, no UI string) and must not end a
    sentence ("Amtszeit. Frankfurt") nor be a place dateline ("Neue Ideen
    Hamburg, 2. November"). The date's weekday and its label may
    sit between ("Robin Tschöpe Freitag, 06.07.2018", "Noora Mykkanen
    Published November 18"); a photo credit ("© Jane Roe") or the tail of a
    list ("AI & Machine Learning") is no byline.
    """
    index = next((i for i in range(len(words)) if DATE_SPAN.match(" ".join(words[i:i + _DATE_READ]))), None)
    if index is None:
        return []
    end = _skip_back(words, index, lambda word: not any(c.isalnum() for c in word))
    end = _skip_back(words, end, lambda word: word.rstrip(",").casefold() in calendar, most=1)
    end = _skip_back(words, end, _date_label, most=1)
    end = _skip_back(words, end, lambda word: not any(c.isalnum() for c in word))
    start = end - 2
    if start < 0:
        return []
    first, last = words[start], words[end - 1]
    if first.endswith(".") or last.endswith((".", ",")) or last.casefold() in calendar:
        # A sentence's end, or a place dateline ("... Hamburg, 2. November 2021").
        return []
    if start > 0 and ("©" in words[start - 1] or joins_names(words[start - 1])):
        return []
    name = f"{first} {last}"
    if lexicon.match_line(name) is not None or not bare_name(name, lexicon, stopwords):
        return []
    return [name]


def _date_label(word: str) -> bool:
    """Whether ``word`` is a capitalised date label ("Published", "Stand:"; "on" is a preposition too)."""
    return word[:1].isupper() and strip_date_label(f"{word} 1")[0] == "1"


def _skip_back(words: list[str], end: int, skip: Callable[[str], bool], most: int = _DATE_READ) -> int:
    """``end`` moved back over at most ``most`` words ``skip`` accepts."""
    while most and end > 0 and skip(words[end - 1]):
        end, most = end - 1, most - 1
    return end


def _names(words: list[str], lexicon: Lexicon, stopwords: frozenset[str] | None) -> list[str]:
    """The names at the start of ``words``, joined by commas or conjunctions."""
    names: list[str] = []
    position = 0
    while position < len(words) and len(names) < _MAX_NAMES:
        taken = _one_name(words, position)
        if taken == position:
            break
        name = " ".join(words[position:taken]).rstrip(_TRAILING)
        if not (bare_name(name, lexicon, stopwords) or is_agency(name)):
            break
        names.append(name)
        position = taken
        if words[position - 1][-1:] in _TRAILING:
            continue
        if position < len(words) and joins_names(words[position]):
            position += 1
            continue
        if position < len(words) and words[position] in {",", ";"}:
            position += 1
            continue
        break
    return names


def _one_name(words: list[str], first: int) -> int:
    """The index after the name starting at ``words[first]`` (``first`` itself when none starts there)."""
    position, named = first, 0
    while position < len(words):
        word = words[position]
        bare = word.rstrip(_TRAILING)
        if not named and position == first and is_agency(bare):
            return position + 1
        if bare in PARTICLES and named:
            position += 1
            continue
        if named >= 2 and bare in _SUFFIXES:
            return position + 1
        if not (bare and bare[0].isupper() and _NAME_WORD.match(bare)):
            break
        if named >= 2 and not _closes(words, position):
            break
        named += 0 if _INITIAL.match(bare) else 1
        position += 1
        if word[-1] in _TRAILING or named >= 3:
            break
    # A name is two words or more (a lone word is an agency's credit at most: "dpa", "AFP").
    return position if named >= 2 else first


def _closes(words: list[str], position: int) -> bool:
    """Whether the word at ``position`` ends a byline: a separator, a date or the run's end follows it."""
    if len(words[position].rstrip(_TRAILING + ".")) < _THIRD_LETTERS:
        return False  # "Fr" before "12.05.2023": a weekday's abbreviation, not a surname
    if words[position][-1] in _TRAILING:
        return True
    if position + 1 >= len(words):
        return True
    following = words[position + 1]
    return following[:1].isdigit() or joins_names(following) or not any(c.isalnum() for c in following)
