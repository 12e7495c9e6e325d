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
  2024") or a relative age ("23 mins ago", "vor 3 Std.", "il y a 2
  heures"); a date and time side by side count as one stamp. A teaser list
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

The pieces between a chain's first and last separator are items beyond
doubt (:func:`item_runs`); the text path names them teasers, so they weigh
as the noise run they were, not as a few labels
(:data:`~newsclean.text.prepare.TEASER_ITEMS`). A chain of stamps that are
periods ("04.04.2020 - 25.04.2020": a table of seasons or a timetable) and
a chain of one-letter openers ("... where I was living") are cut but vouch
for no list.

Symbols standing alone between items ("|", "/", "•") were measured as
separators too and left out: a menu cut at its bars into one-word labels
weighs less against the article than the one noise unit it was, and on
the flat renders the region then ran on into footers and comment forms
(fp-dev flat-insc RBB24 0.865 -> 0.577, a te-dev blog page 0.8 -> 0) for
no gain in the sets' means. Measured again with the items named teasers
(the bars' pieces weighing as noise): fp-dev flat 0.848 -> 0.850 but
flat-insc 0.857 -> 0.856, RBB24 still 0.865 -> 0.579, and two te-dev pages
lost their article (0.8 -> 0.0: a byline / date / headline row is
separated by bars too, and named it took the header with it).

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

from .case_seams import seam_chains
from .ranked_items import headline_items, ranked_chains

#: Separators in a chain before the unit is cut at them.
MIN_ITEMS = 3
#: Words between two separators of a chain at most (a teaser's headline and its kicker).
MAX_ITEM_WORDS = 25
#: Words between two stamps of a chain at least (a headline; "13:00 14:00" is a timetable).
MIN_STAMP_GAP = 2
#: A relative age ("23 mins ago", "5 h ago", "an hour ago", "vor 3 Std.", "il y a 2 heures",
#: "hace 5 horas"): a live blog or a "latest" box stamps each item with it.
_AGES = (
    r"|\d{1,3}\s?(?:[Ss]ec(?:ond)?s?|[Mm]in(?:ute)?s?|[Hh](?:(?:ou)?rs?)?|[Dd](?:ays?)?|[Ww](?:ee)?ks?)\.?\s[Aa]go"
    r"|(?:[Vv]or|[Ii]l y a|[Hh]ace|[Hh]á)\s\d{1,3}\s?(?:Sek\.?|Sekunden|Min\.?|Minuten|Std\.?|Stunden|Tag(?:en)?"
    r"|min(?:utes?|utos?)?|h|heures?|horas?|jours?|días?|dias?|semaines?|semanas?)"
    r"|(?:an?|one)\s(?:second|minute|hour|day|week)\sago"
    r"|(?:vor\s(?:einer|einem)|il\sy\sa\sune?|hace\sun[ao]?|há\sum[a]?)\s(?:Minute|Stunde|Tag|Woche|minute|heure|jour|semaine|minuto|hora|día|dia|semana)"
)
#: A clock time or a date with its year, not part of a longer number or path.
_STAMP = re.compile(
    r"(?<![\w:./-])(?:"
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2}\.?\s[^\W\d_]{3,}\.?,?\s(?:19|20)\d{2}"
    r"|[^\W\d_]{3,}\.?\s\d{1,2},?\s(?:19|20)\d{2}"
    r"|\d{1,2}[:h]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{3,4}(?!\w))?"
    + _AGES
    + r")(?![\w:/-]|[.,]\d)"
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
FUNCTION_WORDS = _load_function_words()
_FUNCTION_WORDS = FUNCTION_WORDS


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


def opens_headline(token: str, before: str) -> bool:
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
        if opens_headline(token, before):
            marks.append(_Mark(index, index, index))
        elif before[-1:] in _SENTENCE_STOPS:
            marks.append(_Mark(index, index, index, stop=True))
    return marks


#: The kinds of item chains, as :func:`item_runs` names the text they cover.
DATED = "dated"
NUMBERED = "numbered"
HEADLINES = "headlines"
#: A box of headlines ranked by bare counters ("Most read 1 Headline 2 Headline ..."): teasers.
RANKED = "ranked"


_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}")


def _is_range(stamp: str) -> bool:
    """Whether a stamp holds two dates (a period: a season, a timetable's row), not one moment."""
    return sum(1 for m in _STAMP.finditer(stamp) if not _CLOCK.match(m.group())) >= 2


@dataclass(frozen=True)
class ItemRuns:
    """Where a line's list items start, and the stretches of it that are items beyond doubt.

    ``covered`` holds, per chain, the characters from its first separator to
    its last (a numbered list: to the end of its last item when that item is
    no longer than one), with the chain's kind. What comes before the first
    separator or after the last may be a label or the article's next
    sentence, so only what lies between two separators is an item for sure.
    """

    cuts: list[int]
    covered: list[tuple[int, int, str]]


def item_runs(text: str, seams: bool = False) -> ItemRuns:
    """The list items of ``text``: where each starts and which stretches are items (empty when none).

    With ``seams`` (a page whose prose seldom capitalises inside sentences)
    headlines in sentence case glued end to end are cut apart at their case
    seams too (:func:`~newsclean.text.case_seams.seam_chains`).
    """
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if len(spans) < MIN_ITEMS * 2:
        return ItemRuns([], [])
    tokens = [text[a:b] for a, b in spans]
    cuts: set[int] = set()
    covered: list[tuple[int, int, str]] = []
    for chain in _chains(_stamps(text, spans), MIN_STAMP_GAP):
        kept = [m for m in chain if m.cut < len(tokens) and not _lower(tokens[m.cut])]
        for mark in kept:
            cuts.add(mark.cut)
            if mark.before is not None:
                cuts.add(mark.before)
        if len(kept) >= MIN_ITEMS and not any(_is_range(text[spans[m.first][0]:spans[m.last][1]]) for m in kept):
            covered.append((spans[kept[0].first][0], spans[kept[-1].last][1], DATED))
    for chain in _chains(_openers(tokens), MIN_OPENER_GAP):
        cuts.update(m.cut for m in chain)
        if all(len(tokens[m.cut]) > 1 for m in chain):
            # "I" and "A" open a clause as often as a headline ("... where I was living"): only
            # openers of two letters or more vouch for a list.
            covered.append((spans[chain[0].cut][0], spans[chain[-1].cut - 1][1], HEADLINES))
    for seam_chain in seam_chains(tokens, FUNCTION_WORDS) if seams else ():
        # Cut, not named: named teasers, a box glued inside the article (a related-stories box between
        # two paragraphs) walled off the paragraphs before it; cut, the region search bridges it as
        # it does the box's lines in a line-structured render.
        cuts.update(seam_chain)
    for chain in _counter_chains(tokens):
        cuts.update(m.cut for m in chain)
        last = min(chain[-1].cut + MAX_ITEM_WORDS, len(tokens)) - 1
        covered.append((spans[chain[0].cut][0], spans[last][1], NUMBERED))
    for ranks in ranked_chains(tokens):
        cuts.update(ranks)
        if headline_items(tokens, ranks):
            # The last item's end is unknown (the article may go on after it): only the items
            # closed by the next counter are the box's beyond doubt.
            covered.append((spans[ranks[0]][0], spans[ranks[-1] - 1][1], RANKED))
    return ItemRuns(sorted(spans[i][0] for i in cuts if 0 < i < len(tokens)), covered)


def item_cuts(text: str) -> list[int]:
    """Character offsets in ``text`` where a list item starts (``[]`` when ``text`` holds no item run)."""
    return item_runs(text).cuts


def item_pieces(
    line: str, units: list[tuple[int, int]], seams: bool = False
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], str]]:
    """``units`` (spans of ``line``) cut at the starts of list items; ``units`` when ``line`` holds no item run.

    Also returns the pieces that are items beyond doubt (:class:`ItemRuns`),
    with their chain's kind, so the judge can name them as the teasers they
    are: cut into short pieces, a list would otherwise score as a few labels,
    a weaker wall than the one long noise run it was.

    Chains are looked for in the whole line, not sentence by sentence: a
    teaser's headline may end with a question mark or a stop, and the list
    goes on after it.
    """
    runs = item_runs(line, seams)
    cuts = runs.cuts
    if not cuts:
        return units, {}
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
    items = {
        (a, b): kind for a, b in pieces for first, last, kind in runs.covered if first <= a and b <= last
    }
    return pieces, items
