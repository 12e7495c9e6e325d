"""Which language's stopwords a text is made of: cheap evidence beside langdetect.

jusText's stoplists (a dependency already) cover about eighty languages. A
paragraph of news prose is a third or more function words of its language,
so counting, in one pass over the words, how many belong to each stoplist
says which language the text is written in when one list clearly leads.
It is not an identifier of its own: closely related languages share most
of their function words, and a text of a few words proves nothing. It
serves to confirm a language the page declares (``<html lang>``, meta),
so that langdetect, whose random trials cost several milliseconds a page,
need not run when the declaration and the words agree.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from importlib import resources

from ..lazy import Lazy

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Fewer words than this in the sample: too few to count on.
_MIN_WORDS = 40
#: The declared language's stopwords must be at least this share of the words.
#: News prose measures 0.30-0.55 in its own list (jusText calls 0.32 "high");
#: a page in another language reads far lower in the declared list.
_CONFIRM_DENSITY = 0.25
#: No other list may hold more of the text's words outside the declared list than this
#: share of the declared list's count. Lists are not clean: several jusText lists
#: built from web text hold common English words, so they score nearly as high as
#: English on English prose, but all with words English's list holds too; a page in
#: another language than declared has many stopwords the declared list lacks.
#: Measured on the 686 dev HTML pages that declare a language: at most 0.45 where
#: langdetect agrees with the declaration, 0.67 and more where it does not.
_FOREIGN_SHARE = 0.5


class StopwordVote:
    """Every stoplist's words, indexed so one pass counts each language's share of a text.

    Each word maps to a bit mask of the lists holding it (bit ``i``: the
    ``i``-th list), one shared int per distinct mask: the index of all
    eighty lists then takes under 30 MB a process (measured 27).
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        import justext

        # Codes that share one list (no, nb) count as the first code listed.
        lists: dict[str, str] = {}
        for code, name in names.items():
            lists.setdefault(name, code)
        bits = {code: 1 << i for i, code in enumerate(lists.values())}
        self._bit = {code: bits[lists[name]] for code, name in names.items()}
        index: dict[str, int] = {}
        for name, code in lists.items():
            for word in justext.get_stoplist(name):
                key = word.lower()
                index[key] = index.get(key, 0) | bits[code]
        shared: dict[int, int] = {}
        self._index = {word: shared.setdefault(mask, mask) for word, mask in index.items()}

    def lists_of(self, word: str) -> int:
        """The bit mask of the lists holding ``word`` (lower-cased), 0 when none does."""
        return self._index.get(word, 0)

    def confirms(self, text: str, declared: str) -> bool:
        """Whether ``text``'s stopwords say it is written in ``declared`` (an ISO 639-1 code).

        ``False`` means "not shown", not "another language": the caller then
        asks langdetect.
        """
        own_bit = self._bit.get(declared)
        if own_bit is None:
            return False
        words = _WORD.findall(text.lower())
        if len(words) < _MIN_WORDS:
            return False
        own = 0
        foreign: Counter[int] = Counter()
        index = self._index
        for word in words:
            mask = index.get(word, 0)
            if mask & own_bit:
                own += 1
            elif mask:
                foreign[mask] += 1
        if own < _CONFIRM_DENSITY * len(words):
            return False
        # Each other list's count of the words outside the declared list.
        per_list: Counter[int] = Counter()
        for mask, count in foreign.items():
            while mask:
                low = mask & -mask
                per_list[low] += count
                mask ^= low
        return all(count <= _FOREIGN_SHARE * own for count in per_list.values())


def _load() -> StopwordVote:
    # The ISO code -> jusText list name table the text classifier reads too.
    data = resources.files("newsclean.text").joinpath("data/stoplist_names.json").read_text("utf-8")
    names: dict[str, str] = json.loads(data)["names"]
    return StopwordVote(names)


_DEFAULT: Lazy[StopwordVote] = Lazy(_load)


def shared_vote() -> StopwordVote:
    """The shared index (built on first use), for callers that count words themselves."""
    return _DEFAULT.get()


def stopwords_confirm(text: str, declared: str) -> bool:
    """:meth:`StopwordVote.confirms` with the shared index (built on first use)."""
    return _DEFAULT.get().confirms(text, declared)
