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
    """Every stoplist's words, indexed so one pass counts each language's share of a text."""

    def __init__(self, names: Mapping[str, str]) -> None:
        import justext

        # Codes that share one list (no, nb) count as the first code listed.
        codes: dict[str, str] = {}
        for code, name in names.items():
            codes.setdefault(name, code)
        self._alias = {code: codes[name] for code, name in names.items()}
        index: dict[str, list[str]] = {}
        for name, code in codes.items():
            for word in justext.get_stoplist(name):
                index.setdefault(word.lower(), []).append(code)
        self._index = {word: tuple(langs) for word, langs in index.items()}

    def confirms(self, text: str, declared: str) -> bool:
        """Whether ``text``'s stopwords say it is written in ``declared`` (an ISO 639-1 code).

        ``False`` means "not shown", not "another language": the caller then
        asks langdetect.
        """
        code = self._alias.get(declared)
        if code is None:
            return False
        words = _WORD.findall(text.lower())
        if len(words) < _MIN_WORDS:
            return False
        own = 0
        foreign: Counter[str] = Counter()
        index = self._index
        for word in words:
            langs = index.get(word)
            if not langs:
                continue
            if code in langs:
                own += 1
            else:
                foreign.update(langs)
        if own < _CONFIRM_DENSITY * len(words):
            return False
        return all(count <= _FOREIGN_SHARE * own for count in foreign.values())


def _load() -> StopwordVote:
    # The ISO code -> jusText list name table the text classifier reads too.
    data = resources.files("newsclean.text").joinpath("data/stoplist_names.json").read_text("utf-8")
    names: dict[str, str] = json.loads(data)["names"]
    return StopwordVote(names)


_DEFAULT: Lazy[StopwordVote] = Lazy(_load)


def stopwords_confirm(text: str, declared: str) -> bool:
    """:meth:`StopwordVote.confirms` with the shared index (built on first use)."""
    return _DEFAULT.get().confirms(text, declared)
