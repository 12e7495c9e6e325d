"""What a headline-shaped line says of itself that makes it no headline: a media item's running time, an
echo of the byline.

Kept apart from :mod:`.headline`, which weighs candidates against the story; these read one line and, for
the echo, the header's furniture below it. Both hold across sites and languages: a player's teaser states
its length in minutes or as a clock time, and a photo credit or publication name repeats words of the byline.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..normalize.text import comparison_key
from .segment import Block
from .story_words import tokens

#: A running time closing a line: "(1 Min)", "(7 MIN)", "(4 Min.)", "(30 mins)", "(2:45)". A player's or a
#: playlist's item, where a headline names its subject ("... (3-3)" is a score, no length). Seen on a news
#: site's audio teaser ("Seltenes Ereignis: ... (1 Min)"), a magazine's read-more box ("DIVE DEEPER (7 MIN)"),
#: a church site's clip link ("Kurzclip auf Youtube (4 Min)"), a meetup's agenda ("... talks (30 mins)").
_RUNNING_TIME = re.compile(
    r"\(\s*(?:\d{1,3}\s*(?:min(?:s|ute|utes|uten)?|sek|sec|secs|seconds?)\.?|\d{1,2}:\d{2}(?::\d{2})?)\s*\)\s*$",
    re.IGNORECASE,
)
#: The fewest naming words of a line whose echo of the byline is told: one word shares too little to say.
_ECHO_WORDS = 2
#: The most words of a credit or a name (a headline is longer) and of the byline line that prints it: a
#: longer furniture line is a run a glued dump joined, headline and all (te-dev glued renders: 3 headlines of
#: 4 to 7 words stood inside such a run and were lost without these bounds).
_ECHO_MAX_WORDS = 5
_FURNITURE_MAX_WORDS = 15
#: Words shorter than this are function words ("the", "und", "von") every line may share.
_NAMING_LETTERS = 4


def states_running_time(text: str) -> bool:
    """Whether a line closes on a media item's running time: a video's or an audio's teaser, no headline."""
    return _RUNNING_TIME.search(text) is not None


def echoes_furniture(blocks: Sequence[Block], index: int, furniture: Collection[int], reach: int) -> bool:
    """Whether every word of a line recurs in one furniture line (a byline) within ``reach`` blocks below it.

    A photo credit or the publication's name printed right above the
    article ("The Yomiuri Shimbun" over "By A and B / Yomiuri Shimbun Staff
    Writers") is short, close to the text and shares the lead's words,
    which wins it the headline's score; its words all stand in the byline,
    where a headline's never do. A furniture line that prints the whole line
    (a date line a glued dump joined to the headline) reprints the headline;
    a longer furniture line is such a glued run too.
    """
    own = _naming(blocks[index].text)
    if len(own) < _ECHO_WORDS or blocks[index].words > _ECHO_MAX_WORDS:
        return False
    key = comparison_key(blocks[index].text)
    return any(other in furniture and blocks[other].words <= _FURNITURE_MAX_WORDS
               and own <= _naming(blocks[other].text) and key not in comparison_key(blocks[other].text)
               for other in range(index + 1, min(len(blocks), index + 1 + reach)))


def _naming(text: str) -> set[str]:
    """A line's words that name something: of four letters or more, or not ASCII (a CJK bigram)."""
    return {word.casefold() for word in tokens(text) if len(word) >= _NAMING_LETTERS or not word.isascii()}
