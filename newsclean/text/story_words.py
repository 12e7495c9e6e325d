"""The words by which a line is compared with the story: its headline, its lead and its address's slug.

Kept apart from :mod:`.headline`, which weighs candidate lines by these
words; other stages (the short-headline search, the region's slug scorer)
compare lines the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..normalize.scripts import CJK_CHAR

WORD = re.compile(r"\w+", re.UNICODE)
#: The ASCII spellings slugs give letters that NFKD does not strip to a base letter.
FOLD_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})
#: The base letter slugs write for a letter NFKD leaves whole: Norwegian and Danish slugs drop the stroke
#: ("øke" -> "oke", dagbladet.no, nrk.no), Polish ones too ("Wałęsa" -> "walesa", onet.pl, wp.pl).
_STROKE_BASE = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i"})


@functools.lru_cache(maxsize=1 << 12)
def fold(word: str) -> frozenset[str]:
    """A word and its ASCII spellings, as URL slugs write them.

    Memoised (a pure function of the word): every candidate headline and
    lead is folded word by word, and the same words recur.
    """
    lower = word.casefold()
    if lower.isascii():  # nothing to strip or spell out: the word itself
        return frozenset((lower,))
    stripped = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    stripped = stripped.translate(_STROKE_BASE)
    return frozenset((lower, stripped, lower.translate(FOLD_ASCII)))


def tokens(text: str) -> set[str]:
    """Content-bearing tokens: words of three letters or more, or CJK bigrams."""
    if text.isascii():
        # Most lines are ASCII through and through: one lower-casing of the
        # line and one comprehension give the per-word loop's answer (lower
        # case changes no ``\w`` boundary and no digit), at a third of its
        # cost; the region search tokenises every paragraph of every range.
        return {word for word in WORD.findall(text.lower()) if len(word) >= 3 and not word.isdigit()}
    found: set[str] = set()
    for word in WORD.findall(text):
        if word.isascii():  # no CJK to look for, and an ASCII word's only spelling is its lower case
            if len(word) >= 3 and not word.isdigit():
                found.add(word.lower())
        elif CJK_CHAR.search(word):
            found.update(word[i: i + 2] for i in range(len(word) - 1))
        elif len(word) >= 3 and not word.isdigit():
            found.update(fold(word))
    return found
