"""A menu glued to the headline at the top of a flattened dump's article.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
the sentence splitter has no stop to cut at between the site's menu, a
strip of topic links and the headline, so they come back as one long line
at the top of the region ("Home World Business Sport Tech Israel-Hamas war
Primaries Headline of the story"). Such a line reads as prose by its
length alone.

A standfirst printed without a full stop is long and unfinished too, so
length and the missing stop are not enough. What tells the two apart is
how the words are written: a menu is a list of names, each capitalised,
with few function words between them ("Broadband deals Mobile deals
SIM-only deals"); a standfirst is a sentence in sentence case, with a
capital on its first word and on names only, and function words at the
rate of any prose (a third or more of its words in jusText's stoplists).

A footer's link row printed above the article (a render that puts the
footer first) ends in its copyright notice, with a stop: a line ending in a
stop goes only when nearly all its words are capitalised, as no sentence is,
and it holds no run of commas (a caption naming the people in a photo,
glued to the article's first sentence, is capitalised as much).

Only the region's first lines are read, and only in cased scripts (a
caseless script has no title case to measure); the lines go only when
prose stays below them, so the article is never lost to the trim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .classify import Verdict
from .headline_body import FINISHED
from .segment import Block

#: The region's first this many body lines are read.
HEAD_LINES = 3
#: A glued menu line is at least this long (words): shorter unfinished lines are headlines.
MIN_WORDS = 20
#: Menus capitalise at least this share of their words (names of sections, topics, people);
#: sentence-case prose measures 0.15-0.35 (the first word and names).
MIN_CAPITALISED = 0.45
#: A line ending in a stop is a menu only when nearly all its words are capitalised: a footer's link row whose
#: last item is the copyright notice ("... Terms of Use Privacy Policy Copyright 2024 The Agency."). Prose that
#: capitalises its nouns (German) measures about 0.3-0.5; a title-case headline is shorter than MIN_WORDS.
MIN_CAPITALISED_FINISHED = 0.75
#: ... and carries at most this many clause marks: a link row has none, a caption naming people a comma each.
MAX_FINISHED_CLAUSE_MARKS = 1
_CLAUSE_MARKS = (",", ";", ":", "，", "；", "：")
#: ... and hold at most this share of stopwords (prose: a third or more).
MAX_FUNCTION = 0.38
#: A line with more than this share of words holding digits is a results table's or a schedule's row, which an
#: article may be made of; a menu is names.
MAX_NUMERIC = 0.1
#: The region must keep at least this many words of running prose below the lines cut.
MIN_PROSE_BELOW = 60
ROLE = "navigation"


def _cased(words: Sequence[str]) -> list[str]:
    """The words that start with a letter of a cased script (upper and lower case differ)."""
    return [w for w in words if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]


def is_glued_menu(text: str, stopword_density: Callable[[str], float | None]) -> bool:
    """Whether a long line is a list of capitalised names, not a sentence (see ``MIN_CAPITALISED_FINISHED``)."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    finished = FINISHED.search(text.strip()) is not None
    if finished and sum(text.count(mark) for mark in _CLAUSE_MARKS) > MAX_FINISHED_CLAUSE_MARKS:
        # Names in a row with commas ("Anna Berg, Tom Kurz, ...") and a stop: a caption or a sentence listing people.
        return False
    if sum(1 for w in words if any(c.isdigit() for c in w)) > MAX_NUMERIC * len(words):
        return False
    cased = _cased(words)
    if len(cased) < MIN_WORDS // 2:
        return False
    capitalised = sum(1 for w in cased if w[:1].isupper()) / len(cased)
    if capitalised < (MIN_CAPITALISED_FINISHED if finished else MIN_CAPITALISED):
        return False
    density = stopword_density(text)
    return density is not None and density <= MAX_FUNCTION


def glued_menu_head(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    start: int,
    end: int,
    trimmed: dict[int, str],
    stopword_density: Callable[[str], float | None],
) -> dict[int, str]:
    """The roles of the glued menu lines among the region's first body lines (empty when none, or too little
    prose would remain)."""
    body = [i for i in range(start, end) if verdicts[i].category is None and i not in trimmed]
    cut = {i: ROLE for i in body[:HEAD_LINES] if is_glued_menu(blocks[i].text, stopword_density)}
    if not cut:
        return {}
    last = max(cut)
    below = sum(blocks[i].words for i in body if i > last and verdicts[i].running_prose)
    return cut if below >= MIN_PROSE_BELOW else {}
