""""Read more:" teasers glued inside a flattened dump's paragraphs.

A page prints another story's headline inside its article, after a cue
("Lire aussi : ...", "Read more: ...", "Lesen Sie auch: ...", "Les også:
..."). On a line-preserving render the cue and headline are a line of their
own; flattened, they sit inside the sentence after them, and the headline,
which ends without a stop, runs into the article's next sentence. This
module cuts the cue and the headline out of their unit, so they go out as a
teaser line of their own and the article's sentences around them stay:

- the cue is a teaser label the lexicon knows (its line patterns, any
  language), capitalised, closed by a colon; a one-word cue ("RELATED:")
  only in capitals, as a word of prose may open a list ("More: ...");
- the headline ends where the next sentence starts: a capitalised
  function word ("Einen", "The") or a capitalised word after a lower-case
  word that is not a function word ("Middle East crisis / The request
  came"). A headline's names may stop it early ("abonnés / Sophie"), which
  keeps noise, not the article's words; without such a word within
  :data:`MAX_HEADLINE_TOKENS`, the headline is the rest of a short unit
  without a stop, or only the cue goes.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from .item_runs import HEADLINES
from .label_runs import is_opener, is_prose_word

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: The longest cue (tokens, its colon included): "À lire aussi :", "Das könnte Sie auch interessieren:".
MAX_CUE_TOKENS = 5
#: The longest teaser headline (tokens); a longer run after a cue holds the article's next sentence.
MAX_HEADLINE_TOKENS = 20
#: Share of the words after a lower-case word that are capitalised above which a page capitalises its nouns
#: (the flat fp-dev renders, menus included: German pages 0.24 to 0.49, most others under 0.2).
NOUN_CAPITALS = 0.2
_TOKEN = re.compile(r"\S+")
_CLOSING = "\"'”’»"
_STOPS = frozenset(".!?…\"'”’“»)")


def _cue_start(tokens: list[str], colon: int, lexicon: Lexicon, first: int) -> int | None:
    """Where the teaser cue that ends at token ``colon`` (its colon) starts, at ``first`` or after;
    ``None`` when it is no cue."""
    last = colon if tokens[colon] != ":" else colon - 1
    for start in range(max(last - MAX_CUE_TOKENS + 1, first), last + 1):
        words = tokens[start:last + 1]
        letter = next((c for c in words[0] if c.isalpha()), "")
        if not letter.isupper():
            continue
        text = " ".join(words).rstrip(":").strip()
        if len(words) == 1 and not text.isupper():
            continue
        if lexicon.match_line(text) == "teaser":
            return start
    return None


def capitalises_nouns(words: list[str]) -> bool:
    """Whether the prose of ``words`` capitalises words after lower-case ones often (German nouns).

    In English or French prose a capital after a lower-case word is a name,
    a few in a hundred; in German every noun has one. There that capital
    does not start a sentence, and a headline's end is only read from a
    capitalised function word.
    """
    after = [b for a, b in pairwise(words) if is_prose_word(a) and a[-1:].isalpha()]
    capitals = sum(1 for word in after if word[:1].isupper())
    return capitals > NOUN_CAPITALS * max(len(after), 1)


def _headline_end(tokens: list[str], start: int, nouns: bool = False) -> int | None:
    """Where the headline that starts at token ``start`` ends (exclusive); ``None`` when not found.

    The next sentence starts at a capitalised function word ("Einen", "The")
    or at a capitalised word after a lower-case word of prose (not where
    ``nouns`` are capitalised: :func:`capitalises_nouns`). Without one,
    the headline is the rest of the unit when that is short and ends without
    a stop (a sentence's stop after it means the article's sentence is there).
    """
    limit = min(start + MAX_HEADLINE_TOKENS, len(tokens))
    for index in range(start + 2, limit):
        before, token = tokens[index - 1], tokens[index]
        first = next((c for c in token if c.isalpha()), "")
        # A word that ends the headline: a letter or a closing quote last ("are ‘eye-opening’ / “Imagine").
        ends = before.rstrip(_CLOSING)[-1:].isalpha()
        if first.isupper() and (is_opener(token) or (not nouns and is_prose_word(before) and ends)):
            return index
    if limit == len(tokens) and len(tokens) - start >= 2 and tokens[-1][-1:] not in _STOPS:
        return len(tokens)
    return None


def cue_pieces(
    line: str, units: list[tuple[int, int]], lexicon: Lexicon
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], str]]:
    """``units`` with each glued teaser (cue and headline) cut out as a piece of its own,
    and those pieces, named as the headlines they are."""
    pieces: list[tuple[int, int]] = []
    kinds: dict[tuple[int, int], str] = {}
    nouns: bool | None = None
    for start, end in units:
        text = line[start:end]
        if ":" not in text:
            pieces.append((start, end))
            continue
        spans = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text)]
        tokens = [line[a:b] for a, b in spans]
        at = start
        index = first = 0
        while index < len(tokens):
            closes = tokens[index].endswith(":") and index + 1 < len(tokens)
            cue = _cue_start(tokens, index, lexicon, first) if closes else None
            if cue is None:
                index += 1
                continue
            if nouns is None:
                nouns = capitalises_nouns(line.split())
            end_token = _headline_end(tokens, index + 1, nouns)
            if end_token is None:
                end_token = index + 1
            if spans[cue][0] > at:
                pieces.append((at, spans[cue - 1][1]))
            piece = (spans[cue][0], spans[end_token - 1][1])
            pieces.append(piece)
            kinds[piece] = HEADLINES
            at = spans[end_token][0] if end_token < len(tokens) else end
            index = first = end_token
        if at < end:
            pieces.append((at, end))
    return pieces, kinds
