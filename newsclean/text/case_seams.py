"""Case seams: related headlines in sentence case glued end to end in a dump without line breaks.

A box of related or most-read stories prints one headline per link. English
sites write headlines in sentence case with no closing stop ("Man charged
after crash on motorway"), so a dump that lost its line breaks glues them
into one run ("Man charged after crash on motorway Police appeal for
witnesses after fire Council approves ...") that holds no sentence end, no
title-cased label run and, often, no capitalised function word
(:func:`~newsclean.text.item_runs.opens_headline`): nothing the unflattener
cut at, so the run reads as one long paragraph and stays with the article.

The seam between two such headlines is a capitalised word right after a
lower-case word, with no punctuation between them ("motorway Police"). A
sentence has that seam only before a name ("said Keir Starmer", "the
hypersonic Oreshnik"), and then seldom four times within a few words with
no comma in between; a headline run has it every 5 to 14 words. So a run
is cut at its seams only where:

- four seams or more follow each other, each :data:`MIN_ITEM_WORDS` to
  :data:`MAX_ITEM_WORDS` words after the one before, with no sentence end
  between them;
- the word before a seam is no function word ("by Police" is a clause
  going on), the word after it starts in capital then lower case (a
  one-letter "I" or "A", or a word in capitals, is no headline's start);
- no item between the seams holds a comma, colon or semicolon (prose
  naming people lists them between commas: "businessman Marlon
  Marroquin, and attorney Perry Goldberg, who ...");
- the page writes its prose so that a capital after a lower-case word is
  rare (:func:`cased_prose`): German capitalises every noun ("gegen
  Russland", "neue Regierung"), and there a seam is no evidence at all.

Nothing is removed here, and the pieces are not named as teasers
(:func:`~newsclean.text.item_runs.item_runs` says why): they go to the
region search as the separate lines a line-structured render printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

#: Seams in a row before a run is cut at them (three whole items between the first and the last).
#: With three, fp-dev flat rose more (0.8818 -> 0.8822) but prose naming people was cut mid-sentence
#: on three fe pages ("the mellifluous violinist Hilary Hahn rounds out her New York Philharmonic").
MIN_SEAMS = 4
#: Words between two seams of a chain at least (a headline, not "said Jane Roe told Reuters") ...
MIN_ITEM_WORDS = 5
#: ... and at most (a longer stretch is a sentence's clause). With 4 to 16 the cuts reached menus
#: glued to a page's end wall, and the region ran on past it (fp-dev flat es/ABC 0.24 lower).
MAX_ITEM_WORDS = 14
#: Share of the items between a chain's seams that may hold a comma, colon or semicolon (none: with
#: a third allowed, prose naming people was cut on four fe pages for every related-headline box).
MAX_PUNCTUATED_SHARE = 0.0
#: Seams per lower-case word of a page's sentences above which its language capitalises inside
#: sentences (German nouns): on the flat dev pages the German-language ones measure 0.25 to 0.47,
#: most English, French, Spanish and Scandinavian ones under 0.15 (a page whose "sentences" are
#: mostly menus and headlines measures more, and gets no cut).
MAX_PROSE_SEAM_RATE = 0.15
#: Words a sentence holds at least to count as prose for :func:`cased_prose`.
MIN_PROSE_WORDS = 12

_CLOSERS = "'\"’”»)"
_OPENERS = "'\"‘“«„("
_STOPS = ".!?…"
_CLAUSE_MARKS = ",;:"


def _lower_word(token: str, function_words: frozenset[str]) -> bool:
    """Whether ``token`` is a word in lower case that may end a headline (closing quotes aside)."""
    word = token.rstrip(_CLOSERS)
    return (
        len(word) >= 2 and word[0].islower() and word[-1].isalpha() and word[-1].islower()
        and word.casefold() not in function_words
    )


def _capital_word(token: str) -> bool:
    """Whether ``token`` starts like a headline's first word: a capital, then lower case."""
    word = token.lstrip(_OPENERS)
    return len(word) >= 2 and word[0].isupper() and word[1].islower()


def is_seam(before: str, token: str, function_words: frozenset[str]) -> bool:
    """Whether a headline may end at ``before`` and the next start at ``token``."""
    return _capital_word(token) and _lower_word(before, function_words)


def _seams(tokens: list[str], function_words: frozenset[str]) -> list[tuple[int, bool]]:
    """``(index, is_stop)``: where a seam starts a word, or where a sentence end precedes one."""
    marks: list[tuple[int, bool]] = []
    for index in range(1, len(tokens)):
        before = tokens[index - 1]
        if before.rstrip(_CLOSERS)[-1:] in _STOPS:
            marks.append((index, True))
        elif is_seam(before, tokens[index], function_words):
            marks.append((index, False))
    return marks


def _punctuated(item: list[str]) -> bool:
    """Whether a clause mark ends a word of ``item`` (inside a closing quote too: 'houses,”')."""
    return any(token.rstrip(_CLOSERS)[-1:] in _CLAUSE_MARKS for token in item)


def _kept(tokens: list[str], chain: list[int]) -> bool:
    items = [tokens[a:b] for a, b in pairwise(chain)]
    return sum(1 for item in items if _punctuated(item)) <= MAX_PUNCTUATED_SHARE * len(items)


def seam_chains(tokens: list[str], function_words: frozenset[str]) -> list[list[int]]:
    """Token indices where a glued headline starts, one list per run of :data:`MIN_SEAMS` seams or more."""
    chains: list[list[int]] = []
    chain: list[int] = []
    for index, stop in _seams(tokens, function_words):
        if not stop and chain and MIN_ITEM_WORDS <= index - chain[-1] <= MAX_ITEM_WORDS:
            chain.append(index)
            continue
        if len(chain) >= MIN_SEAMS and _kept(tokens, chain):
            chains.append(chain)
        chain = [] if stop else [index]
    if len(chain) >= MIN_SEAMS and _kept(tokens, chain):
        chains.append(chain)
    return chains


def cased_prose(sentences: Iterable[list[str]], function_words: frozenset[str]) -> bool:
    """Whether the page's prose (``sentences`` as tokens) seldom puts a capital after a lower-case word.

    Only sentences closed by a stop and of :data:`MIN_PROSE_WORDS` words or
    more are read; a page with none of them has no evidence and gets no cut.
    """
    seams = words = 0
    for tokens in sentences:
        if len(tokens) < MIN_PROSE_WORDS or tokens[-1].rstrip(_CLOSERS)[-1:] not in _STOPS:
            continue
        for before, token in pairwise(tokens):
            if _lower_word(before, function_words):
                words += 1
                seams += _capital_word(token)
    return words > 0 and seams <= MAX_PROSE_SEAM_RATE * words
