"""The moves from a winning headline candidate to a line next to it.

:mod:`newsclean.text.headline` scores each line near the article's start;
the best score is not always the headline. A header prints kicker,
headline, standfirst, byline and date line in a regular order, and a short
kicker, a standfirst retelling the lead, a writer's name or a page's SEO
title can outscore the headline on the story's words. Each move here reads
that order: from the winner to the line the header's shape says is its
headline, only where the scores and shared words vouch for it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet

from ..normalize.text import comparison_key
from .person_names import is_person_name
from .segment import Block
from .story_words import tokens as _tokens

#: The score a candidate needs to convince: below it the page has no headline line, or another line is it.
MIN_SCORE = 1.5
#: A list number before a line ("4. Headline"): a breadcrumb's or a ranking's item.
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
#: A kicker ("Minderheit in Syrien") is a short line right above a longer headline.
KICKER_MAX_WORDS = 5
_KICKER_GAP = 2
#: A kicker between a page's SEO title and its header's headline may run a word longer than a kicker the
#: headline reader takes alone: the furniture right below and the shared words already vouch for the headline
#: (fp-dev text renders: 1 headline more on each, a six-word topic line; te-dev and fe titles unchanged).
_FRONT_KICKER_WORDS = KICKER_MAX_WORDS + 1
#: The longest line a short winner passes to as its headline: a longer line under a short one is its standfirst,
#: a caption or a teaser (fp-dev and te-dev text renders: of the 12 lines over 10 words this step chose, 1 was the
#: headline, 6 had passed over it and 5 were neither; of the 20 up to 10 words, 11 were the headline, 4 not).
_KICKED_MAX_WORDS = 10
#: Sentence punctuation a kicker never ends with (a colon it may: "Bei Protesten 2022:").
KICKER_ENDS = re.compile(r"[.!?;,…。]$")
#: A header's own furniture (byline, date line, reading time) follows its headline within this many blocks.
ANCHOR_REACH = 8
#: How far from the winner another printing of the story's headline is looked for right above the header's
#: furniture: a page prints its SEO title (the one the address spells) a line or three from its headline.
_FRONT_REACH = 3
#: Words a headline shares with its standfirst (the story's names and subject).
_SHARED_WORDS = 2
#: How narrowly a standfirst may outscore the line right above it for that line to be its headline even where
#: the two share no naming word (a headline's wordplay, a standfirst's question).
_NARROW_WIN = 0.5
#: Blocks above the winner where the header's first line, its headline, may sit (standfirst, caption between).
_HEADER_SPAN = 8


def copies(one: str, other: str) -> bool:
    """Whether one line prints the other inside it (a breadcrumb's or a kicker line's copy)."""
    return one in other or other in one


def past_kicker(blocks: Sequence[Block], scores: dict[int, float], index: int, weak: Collection[int]) -> int:
    """The headline under a kicker: a short label line wins on overlap, the longer line below it is the headline.

    Kickers ("Minderheit in Syrien" above "Drusen fordern Teilhabe ...") share
    the story's key words, and being short their overlap ratio is high; the
    line right below that is itself a candidate and clearly longer is the
    headline. A line of "|"-joined labels or a numbered item is not, nor
    a photo caption, nor a line that prints the short one inside it: that
    is the short line itself, the headline, glued to its standfirst by the
    renderer ("Steigende US-Zinsen setzen Dax zu Index gibt leicht nach ...").
    A short line over a line longer than a headline is itself the headline:
    what follows it is its standfirst or a caption.
    """
    if blocks[index].words > KICKER_MAX_WORDS:
        return index
    below = next((i for i in range(index + 1, index + 1 + _KICKER_GAP) if i in scores), None)
    if (below is None or not blocks[index].words + 2 <= blocks[below].words <= _KICKED_MAX_WORDS
            or scores[below] < MIN_SCORE
            or "|" in blocks[below].text or NUMBERED.match(blocks[below].text) or below in weak
            or comparison_key(blocks[index].text) in comparison_key(blocks[below].text)):
        return index
    return below


def above_standfirst(
    blocks: Sequence[Block], scores: dict[int, float], index: int, lead: AbstractSet[str] = frozenset()
) -> int:
    """The headline over a standfirst: the summary under a headline shares more of the lead's words.

    A header prints kicker, headline, then standfirst; the standfirst
    retells the first paragraph, so it can outscore the headline on
    overlap. A candidate line right above the winner that is no kicker
    (longer than a label), no longer than the winner, itself convincing and
    about the same story (it shares words with the winner, without being
    a breadcrumb's copy of it) is the headline. A headline playing on words
    may share none with its standfirst ("The world needs more spaceports.
    Oman wants to help" over "Can a small country build a space industry
    from scratch?"): the line directly above a winner that beat it by less
    than :data:`_NARROW_WIN`, naming the story as the ``lead`` (the lead
    paragraphs' and the slug's words) does, is the headline too.
    """
    below = blocks[index].text
    shared = _tokens(below)
    found = index
    for above in range(index - 1, index - 1 - _HEADER_SPAN, -1):
        if above not in scores:
            continue
        text = blocks[above].text
        if (blocks[above].words > KICKER_MAX_WORDS and blocks[above].words <= blocks[index].words
                and scores[above] >= MIN_SCORE and "|" not in text and not NUMBERED.match(text)
                and (len(_naming(_tokens(text) & shared)) >= _SHARED_WORDS
                     or (above == index - 1 and scores[above] >= scores[index] - _NARROW_WIN
                         and len(_naming(_tokens(text) & lead)) >= _SHARED_WORDS))
                and not copies(comparison_key(below), comparison_key(text))):
            found = above
    return found


def above_byline(blocks: Sequence[Block], scores: dict[int, float], index: int, slug: set[str]) -> int:
    """The headline over a byline: a bare name right under a convincing longer line is the story's writer.

    A name printed under the headline (and again by the lead photo) shares
    no words that would hold it back, and being short and close to the
    article it can outscore the headline; the candidate just above it,
    longer and itself convincing, is the headline. A title-cased line the
    address spells ("Peanut Butter Truffles") is the story's name, not its
    writer's, and a longer line printing it (a breadcrumb) is no headline.
    """
    name = blocks[index].text.strip()
    if not is_person_name(name) or _tokens(name) & slug:
        return index
    above = next((i for i in range(index - 1, index - 1 - _KICKER_GAP, -1) if i in scores), None)
    if (above is None or scores[above] < MIN_SCORE or blocks[above].words <= blocks[index].words
            or copies(comparison_key(name), comparison_key(blocks[above].text))):
        return index
    return above
def fronted(blocks: Sequence[Block], scores: dict[int, float], index: int, anchors: Collection[int],
             weak: Collection[int], lead: set[str]) -> int:
    """The headline under its kicker right above the header's furniture, over a telling of the story above them.

    A page may print its SEO title (the one the address spells, in a
    breadcrumb or a share box) just above the header, which then prints
    kicker, headline, byline and date line. Where the winner is such a
    line, the candidate a kicker below it (a short headline-shaped line, no
    one-word section or format label, naming the story's subject as the
    lead or the slug does, where a comment count does not) that sits right
    above the furniture, is convincing and tells the same story (it shares
    words with the winner without printing it, and is no longer than it by
    more than a word or two) is the headline. Two headline-shaped lines
    with nothing between them are headline and subtitle, in either order,
    and stay as the scores have them.
    """
    fronting = _fronting(scores, anchors, weak)
    if index in fronting:
        return index
    shared = {w.casefold() for w in _tokens(blocks[index].text)}
    for other in range(index + 2, min(len(blocks), index + 1 + _FRONT_REACH)):
        if other not in fronting:
            continue
        text = blocks[other].text
        kicked = any(i in scores and blocks[i].words <= _FRONT_KICKER_WORDS and _names_subject(blocks[i].text, lead)
                     for i in range(index + 1, other))
        if (kicked and scores[other] >= MIN_SCORE
                and blocks[other].words <= blocks[index].words + _SHARED_WORDS
                and len({w.casefold() for w in _tokens(text)} & shared) >= _SHARED_WORDS
                and not copies(comparison_key(blocks[index].text), comparison_key(text))
                and not is_person_name(text.strip())):
            return other
    return index


def over_furniture(blocks: Sequence[Block], scores: dict[int, float], index: int, anchors: Collection[int],
                    weak: Collection[int]) -> int:
    """The headline right above the header's furniture, over another telling of the story right below it.

    The mirror of :func:`fronted`: a page may print headline, date line,
    then the title the address spells (its SEO title, or a teaser's
    rewording), which wins on the slug's words. Where the winner follows a
    run of furniture directly and the convincing line directly above that
    run tells the same story (two naming words shared, neither printing the
    other), the line above is the header's headline. Only lines that touch
    the run on both sides: a winner further below is a caption or a related
    story's title, each with its own date line (fe and te-dev text renders
    lost 1 to 8 titles each with a looser reach).
    """
    fronting = _fronting(scores, anchors, weak)
    if index in fronting:
        return index
    shared = _naming(_tokens(blocks[index].text))
    key = comparison_key(blocks[index].text)
    for above in sorted(fronting, reverse=True):
        if (above < index - 1 and all(i in anchors for i in range(above + 1, index))
                and scores[above] >= MIN_SCORE and len(_naming(_tokens(blocks[above].text)) & shared) >= _SHARED_WORDS
                and not copies(key, comparison_key(blocks[above].text))):
            return above
    return index


def _fronting(scores: dict[int, float], anchors: Collection[int], weak: Collection[int]) -> set[int]:
    """The candidates nearest above each run of header furniture, past captions and non-candidates."""
    found: set[int] = set()
    for anchor in anchors:
        if anchor - 1 in anchors:
            continue  # the run's first line looks up for the whole run
        for index in range(anchor - 1, max(-1, anchor - 1 - ANCHOR_REACH), -1):
            if index in scores and index not in weak:
                found.add(index)
                break
    return found


def _names_subject(text: str, lead: set[str]) -> bool:
    """Whether a line shares a content word with the lead: one of four letters or more (a function word
    such as "new" or "the" is shorter) or a CJK bigram."""
    return bool(_naming(_tokens(text) & lead))


def _naming(words: set[str]) -> set[str]:
    """The words of a set that name a subject: of four letters or more, or not ASCII (a CJK bigram, a folded
    spelling); three-letter words are mostly function words ("des", "the", "und") every line may share."""
    return {word.casefold() for word in words if len(word) >= 4 or not word.isascii()}
