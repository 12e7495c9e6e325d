"""Item runs: teaser lists and "most read" boxes printed as one unpunctuated run of words.

A dump without its line breaks glues a list of teasers ("Title words here
March 1, 2024 Other title words March 1, 2024 ..."), a list of related
headlines or a numbered "most read" box into one run of words with no
sentence end in it. Cut into sentences
(:func:`~newsclean.text.unflatten.split_units`), the whole list is one unit
of 60 words or more and reads as a paragraph: lower-case headlines defeat
the label search, and length alone does not tell such a run from the
article (of the kept units of 60+ words on the flat renders, about half
were article and half were lists).

What a list has and a sentence lacks is a repeated shape at short, regular
spacing: the same kind of separator recurring every few words. This module
finds such chains and cuts the run into one piece per item, as a
line-preserving renderer would have printed it, so that the usual
classification, region search and repeated-run logic judge each item for
the short unfinished label or teaser it is. Nothing is removed here. The
separators are shapes found in every language:

- stamps: a clock time ("10:42", "9:36pm", "10h42", "11:15 AM UTC") or a
  date with a year ("13.04.2023", "2024-03-01", "2 March 2024", "March 1,
  2024"); a date and time side by side count as one stamp. A teaser list
  gives each headline its stamp. The stamp goes out on a line of its own
  (a date line, which the lexicons name as metadata), only where a word
  that is not lower-case follows it: a sentence goes on in lower case after
  a time it names, and a stamp closed by a comma is inside a sentence. Cut
  into a headline and its date, a list weighs against the article as it
  does in a line-structured render; a list cut into headlines alone would
  be a weaker barrier than the one long noise unit it was;
- counters that count up by one ("1. Title 2. Title 3. Title", "#1 ... #2"):
  the cut goes before each;
- headline openers: a capitalised article or preposition right after a
  word ("... over the war The Latest ...", "READ MORE The UK is ..."), with
  no sentence end between two of them.

Symbols standing alone between items ("|", "/", "•") were measured as
separators too and left out: a menu cut at its bars into one-word labels
weighs less against the article than the one noise unit it was, and on
the flat renders the region then ran on into footers and comment forms
(fp-dev flat-insc RBB24 0.865 -> 0.577, a te-dev blog page 0.8 -> 0) for
no gain in the sets' means.

A chain needs :data:`MIN_ITEMS` separators, each at most
:data:`MAX_ITEM_WORDS` words from the one before; a sentence rarely names
three times or dates so close together, and never counts "1. 2. 3."
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

#: Separators in a chain before the unit is cut at them.
MIN_ITEMS = 3
#: Words between two separators of a chain at most (a teaser's headline and its kicker).
MAX_ITEM_WORDS = 25
#: Words between two stamps of a chain at least (a headline; "13:00 14:00" is a timetable).
MIN_STAMP_GAP = 2
#: A clock time or a date with its year, not part of a longer number or path.
_STAMP = re.compile(
    r"(?<![\w:./-])(?:"
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2}\.?\s[^\W\d_]{3,}\.?,?\s(?:19|20)\d{2}"
    r"|[^\W\d_]{3,}\.?\s\d{1,2},?\s(?:19|20)\d{2}"
    r"|\d{1,2}[:h]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{3,4}(?!\w))?"
    r")(?![\w:/-]|[.,]\d)"
)
#: What may stand between a date and its time in one stamp (", ", " • ", " | ", " at ", " um ").
_STAMP_JOIN = re.compile(r"[\s,|•·@-]*|\s[^\W\d_]{1,3}\s")
_SENTENCE_STOPS = frozenset(".!?…")
#: Words between two headline openers of a chain at least (a headline, not "of The Times").
MIN_OPENER_GAP = 3
#: A counter opening an item: "1.", "2)", "#3".
_COUNTER = re.compile(r"^(?:#(\d{1,2})|(\d{1,2})[.)])$")


def _load_function_words() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("data/cues.json").read_text("utf-8"))
    return frozenset(w for words in data["dangling"].values() for w in words)


#: Articles, prepositions and conjunctions (the cue lists' function words): capitalised, they open a headline.
_FUNCTION_WORDS = _load_function_words()


@dataclass(frozen=True)
class _Mark:
    """One separator: the tokens it covers (``first`` to ``last``) and where the unit is cut for it."""

    first: int
    last: int
    cut: int
    #: A second cut, before a stamp: the stamp goes out on a line of its own.
    before: int | None = None
    #: A sentence end: it ends the chain before it and starts none.
    stop: bool = False


def _lower(token: str) -> bool:
    return next((c for c in token if c.isalpha()), "").islower()


def _stamps(text: str, spans: list[tuple[int, int]]) -> list[_Mark]:
    """The stamps of ``text`` (dates and times side by side merged), each to be cut out on a line of its own."""
    found: list[tuple[int, int]] = []
    for match in _STAMP.finditer(text):
        if found and _STAMP_JOIN.fullmatch(text[found[-1][1]:match.start()]):
            found[-1] = (found[-1][0], match.end())
        else:
            found.append(match.span())
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    marks: list[_Mark] = []
    for start, end in found:
        first = bisect_right(ends, start)
        last = bisect_left(starts, end) - 1
        if first > last or spans[last][1] != end:
            # A stamp closed by a comma or colon ("On March 1, 2024, the") is inside a sentence.
            continue
        marks.append(_Mark(first, last, last + 1, first))
    return marks


def _chains(marks: list[_Mark], min_gap: int) -> Iterator[list[_Mark]]:
    """Runs of marks each within :data:`MAX_ITEM_WORDS` words (and ``min_gap`` or more) of the one before."""
    chain: list[_Mark] = []
    for mark in marks:
        if mark.stop:
            if len(chain) >= MIN_ITEMS:
                yield chain
            chain = []
            continue
        if chain and min_gap <= mark.first - chain[-1].last - 1 <= MAX_ITEM_WORDS:
            chain.append(mark)
            continue
        if len(chain) >= MIN_ITEMS:
            yield chain
        chain = [mark]
    if len(chain) >= MIN_ITEMS:
        yield chain


def _counter_chains(tokens: list[str]) -> Iterator[list[_Mark]]:
    """Counters that count up by one, each a few words after the one before."""
    chain: list[_Mark] = []
    previous = 0
    for index, token in enumerate(tokens):
        match = _COUNTER.match(token)
        if not match:
            continue
        value = int(match.group(1) or match.group(2))
        if chain and value == previous + 1 and 1 <= index - chain[-1].last - 1 <= MAX_ITEM_WORDS:
            chain.append(_Mark(index, index, index))
        else:
            if len(chain) >= MIN_ITEMS:
                yield chain
            chain = [_Mark(index, index, index)]
        previous = value
    if len(chain) >= MIN_ITEMS:
        yield chain


def _opens(token: str, before: str) -> bool:
    """Whether ``token`` is a capitalised function word that opens a headline after ``before``.

    A word in capitals ("IN THIS STORY") is a label's, not a headline's
    opener; a one-letter word ("A", or "I", which is no function word in
    English) opens one only after a word in lower case.
    """
    if token.casefold() not in _FUNCTION_WORDS or not before[-1:].isalpha() or before.casefold() in _FUNCTION_WORDS:
        return False
    if len(token) == 1:
        return token.isupper() and _lower(before)
    return token[0].isupper() and token[1:].islower()


def _openers(tokens: list[str]) -> list[_Mark]:
    """Capitalised function words right after a word: where a glued headline starts.

    Inside a sentence an article or preposition is written in lower case;
    "... tensions flare over the war The Latest ..." is one headline ending
    and the next starting, "READ MORE The UK is ..." a heading and the
    headline under it. A title inside a sentence ("told The Associated
    Press") makes one such mark, a list of glued headlines a chain of them;
    a sentence end between two marks breaks the chain.
    """
    marks: list[_Mark] = []
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if _opens(token, before):
            marks.append(_Mark(index, index, index))
        elif before[-1:] in _SENTENCE_STOPS:
            marks.append(_Mark(index, index, index, stop=True))
    return marks


def item_cuts(text: str) -> list[int]:
    """Character offsets in ``text`` where a list item starts (``[]`` when ``text`` holds no item run)."""
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if len(spans) < MIN_ITEMS * 2:
        return []
    tokens = [text[a:b] for a, b in spans]
    cuts: set[int] = set()
    for chain in _chains(_stamps(text, spans), MIN_STAMP_GAP):
        for mark in chain:
            if mark.cut < len(tokens) and not _lower(tokens[mark.cut]):
                cuts.add(mark.cut)
                if mark.before is not None:
                    cuts.add(mark.before)
    for chain in _chains(_openers(tokens), MIN_OPENER_GAP):
        cuts.update(m.cut for m in chain)
    for chain in _counter_chains(tokens):
        cuts.update(m.cut for m in chain)
    return sorted(spans[i][0] for i in cuts if 0 < i < len(tokens))


def item_pieces(line: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``units`` (spans of ``line``) cut at the starts of list items; ``units`` when ``line`` holds no item run.

    Chains are looked for in the whole line, not sentence by sentence: a
    teaser's headline may end with a question mark or a stop, and the list
    goes on after it.
    """
    cuts = item_cuts(line)
    if not cuts:
        return units
    pieces: list[tuple[int, int]] = []
    index = 0
    for start, end in units:
        while index < len(cuts) and cuts[index] <= start:
            index += 1
        inner: list[int] = []
        while index < len(cuts) and cuts[index] < end:
            inner.append(cuts[index])
            index += 1
        for a, b in zip([start, *inner], [*inner, end], strict=True):
            piece = line[a:b]
            if piece.strip():
                pieces.append((a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())))
    return pieces
