"""What a headline-shaped line says of itself that makes it no headline: a media item's running time, an
echo of the byline, a caption's closing credit, a dateline's place names.

Kept apart from :mod:`.headline`, which weighs candidates against the story; these read one line and, for
the echo, the header's furniture below it. Both hold across sites and languages: a player's teaser states
its length in minutes or as a clock time, and a photo credit or publication name repeats words of the byline.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..normalize.text import comparison_key
from .segment import Block, split_sentences
from .story_words import WORD, fold, tokens

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
#: A caption's last sentence and the credit after it: a full stop, then one or two words and nothing more
#: ("... 정청래 전 대표가 자리하고 있다. 뉴시스", "... during the march on Sunday. Reuters"). A headline of two
#: sentences goes on in a clause ("The world needs more spaceports. Oman wants to help").
_CLOSING_CREDIT = re.compile(r"[.。]\s+(\S+(?:\s+\S+)?)\s*$")
#: The fewest words of the sentence before such a credit: a caption describes its picture in a sentence.
_CAPTION_WORDS = 6
#: A place line under a byline ("Sevilla, Los Gallardos", "Kyiv, Ukraine"): two or three names split by
#: commas, each of one or two capitalised words.
_PLACE_PART = re.compile(r"^(?:[^\W\d_][\w'’.-]*)(?:\s+[^\W\d_][\w'’.-]*)?$")
_PLACE_PARTS = (2, 3)
#: Quotes and brackets a title may close with, and the stops a sentence ends on inside them.
_CLOSERS = "\"'”’»)]"
_STOPS = ".:;,…。"
#: A dash and a space before a line: a list item's marker, or a quote opening a headline ("- Angsten vil øke").
_DASH_LED = re.compile(r"^\s*[-–]\s+(?=\S)")
#: The fewest words of a dash-led line the address must spell for it to be the story's quoted headline.
_QUOTE_WORDS = 2
#: The shortest word a slug is asked to spell: shorter ones ("i", "på", "de") a slug may leave out.
_SPELLED_LETTERS = 3
#: Words shorter than this are function words ("the", "und", "von") every line may share.
_NAMING_LETTERS = 4


def states_running_time(text: str) -> bool:
    """Whether a line closes on a media item's running time: a video's or an audio's teaser, no headline."""
    return _RUNNING_TIME.search(text) is not None


def closes_on_credit(text: str) -> bool:
    """Whether a line closes a sentence and then names a credit in one or two words: a photo's caption.

    A lead photo's caption tells the story in its words and sits by the
    article, so it scores as a headline would; the agency or photographer
    after its full stop says what it is, in any script. The credit's words
    are names: capitalised, or in a script without case (Hangul, Han); a
    lower-case word after a stop continues a headline's second clause. An
    abbreviation's point ("Rep.", "St.", "U.S.") ends no sentence.
    """
    stripped = text.rstrip()
    if _CLOSING_CREDIT.search(stripped) is None:
        return False  # most lines: no stop before a short tail, no sentence split to run
    spans = split_sentences(stripped)
    if len(spans) < 2 or stripped[spans[-2][1] - 1] not in ".。":
        return False
    credit = stripped[spans[-1][0]: spans[-1][1]]
    return (len(credit.split()) <= 2 and len(stripped[: spans[-1][0]].split()) >= _CAPTION_WORDS
            and not any(c in credit for c in ".?!")
            and all(word[:1].isalpha() and not word[:1].islower() for word in credit.split()))


def reads_as_title(text: str) -> bool:
    """Whether a line reads as one title: one sentence, not closed by a stop inside its closing quote or bracket.

    For a printing far above the article, where a paragraph the page
    prints twice (a teaser of the lead, a pull quote) is as likely as the
    headline: a quote closing on its full stop ('... "The Lumumba Plot."')
    or two sentences are prose.
    """
    bare = text.rstrip().rstrip(_CLOSERS)
    return bool(bare) and bare[-1] not in _STOPS and len(split_sentences(text.strip())) == 1


def names_places(text: str) -> bool:
    """Whether a line is a list of two or three place names split by commas ("Sevilla, Los Gallardos").

    A dateline's places sit between the byline and the date line, right
    where a headline sits in other headers, and share the story's words
    (its places), so they win on overlap; a headline says what happened, in
    more than a name or two between its commas.
    """
    parts = [part.strip() for part in text.split(",")]
    return (len(parts) in _PLACE_PARTS and all(_PLACE_PART.match(part) for part in parts)
            and all(word[:1].isupper() for part in parts for word in part.split()))


def quotes_story(text: str, slug: frozenset[str] | set[str]) -> bool:
    """Whether a dash-led line is a headline quoting someone: the story's slug spells every word of it.

    Scandinavian, Polish and German papers open a quoted headline with a
    dash ("- Angsten vil øke"), which a renderer prints like a list item;
    list items near an article are menus and teasers, so the headline reader
    passes over them. An item whose words the address's story slug holds,
    all of them, is the story's own headline; a menu's label is not spelled
    by the story's address.
    """
    match = _DASH_LED.match(text)
    if match is None:
        return False
    words = [word for word in WORD.findall(text[match.end():]) if len(word) >= _SPELLED_LETTERS]
    return len(words) >= _QUOTE_WORDS and all(fold(word) & slug for word in words)


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
