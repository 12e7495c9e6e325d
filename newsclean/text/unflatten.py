"""Line structure for dumps that lost it: a page carried as one run of words.

``get_text(" ")``, whitespace-collapsing scrapers, CSV exports and message
queues print the menus, share rows, headline, byline and article as one
line. The text engine judges lines; on such input it would judge the whole
page as one block and keep it. This module puts line breaks back where a
renderer would have had them, so the usual classification, region search
and header reading run unchanged:

1. cut the line into sentences at terminal punctuation in many scripts
   (abbreviations, initials, decimals and URLs protected);
2. in each sentence, find the run of labels glued in front of it: menu
   items, share rows, a title-cased headline, a byline and date. Labels are
   capitalised tokens (or numbers and symbols) with few lower-case words
   between them; prose is mostly lower-case words. The run is the prefix
   with the highest excess of labels over prose words, and it goes out as
   short lines of its own, one label each, as a menu comes out of a
   line-preserving renderer (:mod:`~newsclean.text.label_runs`);
3. a sentence that is all labels (the last one of a page often is) goes out
   the same way;
4. a caption closed by a credit in brackets ("... stock up on food (Picture:
   Getty Images) US analysts say ...") ends its line there: the article's
   next sentence is judged apart from the caption and its credit
   (:func:`restore_line` with ``credits``);
5. a headline glued to the sentence after it ("Minister quits after budget
   row The finance minister resigned ...") goes out on a line of its own
   where the dump holds a run of them, as a box of teasers does
   (:mod:`~newsclean.text.lead_ins`);
6. each sentence goes out on a line of its own (``sentences``): a cookie
   notice, an appeal or another story's summary glued to the article
   without a label between them is judged apart from it. The region search
   weighs a run of such sentences as the paragraph it was
   (:mod:`~newsclean.text.sentence_runs`).

Before that, runs of words the page prints twice (its headline, share row
and teasers) are cut from what surrounds them (:func:`repeat_breaks`).

Dumps that kept their line breaks are left as they are (see
:func:`restore_lines`), so line-structured renders come out unchanged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..normalize.scripts import UNSPACED_CHAR
from .case_seams import cased_prose
from .caseless_labels import CaselessWords, caseless_words
from .inline_cues import cue_pieces
from .item_runs import FUNCTION_WORDS, item_pieces
from .label_runs import label_lines, label_prefix, sentence_words
from .lead_ins import lead_in_ends
from .segment import ABBREVIATION
from .unspaced import element_breaks

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: A dump is flattened when its lines average this many characters or more
#: (a line-structured render of a news page averages 40 to 120) and it is
#: long enough to hold a page.
FLAT_LINE_CHARS = 400
FLAT_MIN_CHARS = 1000
#: Longer than this, a one-line dump is not a page (the dev pages flattened
#: stay under 120,000 characters): it is left as one line, not unflattened.
FLAT_MAX_CHARS = 500_000
#: Words in a row that, printed twice on a page, are an element of it (a headline, a share row).
REPEAT_TOKENS = 8
#: Words of a line beyond which repeats are not looked for (a bound on memory).
MAX_REPEAT_WORDS = 100_000
#: Characters before a stop read to judge it (its token, a URL it ends).
_LOOKBEHIND = 200

# Sentence ends: a stop (optionally closed by a quote or bracket) and space
# before an upper-case letter, a digit or an opening quote; or a stop of a
# script written without spaces, where the next sentence follows directly.
_SPACED_END = re.compile(r"[.!?…؟۔։።।]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?\S)")
_CJK_END = re.compile(r"[。！？]+[」』”’）)]*\s*")
#: Any stop of :data:`_SPACED_END` or :data:`_CJK_END`: a line without one holds no sentence end.
_ANY_STOP = re.compile(r"[.!?…؟۔։።।。！？]")
#: A caption's credit in brackets ("(Picture: Getty Images)", "(AP Photo/Jane Roe)", "(Foto: dpa)"):
#: a word, a colon or slash and a name inside (not "(w/m/d)", "(Az. 508/21)" or "(abgerufen am:
#: 20.10.2025)"), a capitalised word after. On a page without line
#: breaks it ends the caption, and the article's next sentence follows it.
_BRACKET_CREDIT = re.compile(r"\([^()\s][^()]{0,60}?[^\W\d_]{2}[:/]\s?[^\W\d_][^()]{0,60}\)\s+(?=[^\W\d_])")
_URL = re.compile(r"(?:https?://|www\.)\S+$")
#: A line that ends like a sentence: a stop (of the scripts with spaces, the danda,
#: Arabic, Urdu and Ethiopic stops among them), a colon, or the quote or bracket closing it.
CLOSED_END = re.compile(r"[.!?…:;\"'“”‘’«»‹›)\]」』।॥؟۔።]$")
#: Tokens before a stop that do not end a sentence: initials and dotted
#: abbreviations ("J.", "U.S.", "z.B."); titles and month names are the
#: segmenter's list (:data:`~newsclean.text.segment.ABBREVIATION`).
_INITIALS = re.compile(r"(?:^|[\s(])(?:\w|\w\.\w\.?(?:\w\.)?)\.$")



def is_flattened(text: str) -> bool:
    """Whether ``text`` is a page printed without its line breaks."""
    if not FLAT_MIN_CHARS <= len(text) <= FLAT_MAX_CHARS:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return len(text) >= FLAT_LINE_CHARS * max(lines, 1)


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether the stop ``match`` (of :data:`_SPACED_END`) ends a sentence of ``line``: not an
    abbreviation's or an initial's, not inside a URL, not before a lower-case word."""
    # A window, not the whole line before the stop: a page-long line must stay linear.
    before = line[max(0, match.start() - _LOOKBEHIND): match.start() + 1]
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    following = line[match.end(): match.end() + 1]
    if following.islower() or _URL.search(before):
        return False
    return not (token.endswith(".") and (_INITIALS.search(" " + token) or ABBREVIATION.search(before[-8:])))


def split_units(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``line`` in reading order; nothing is dropped."""
    cuts = [0]
    cuts.extend(match.end() for match in _SPACED_END.finditer(line) if _ends_sentence(line, match))
    if not line.isascii():  # a Chinese or Japanese stop is no ASCII character
        cuts.extend(match.end() for match in _CJK_END.finditer(line))
    cuts = sorted(set(cuts))
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, [*cuts[1:], len(line)], strict=False):
        piece = line[start:end]
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return spans



def last_unit_start(line: str) -> int | None:
    """Where the last span of :func:`split_units` starts, when ``line`` has more than one; else ``None``.

    The same cuts as :func:`split_units`, judged from the line's end: only the
    last sentence end is needed, and every dump's lines ask (a paragraph of a
    line-structured render holds many stops that the whole split would judge).
    """
    if _ANY_STOP.search(line) is None:
        # Most lines of a dump (labels, headlines, menu items) hold no stop at all: one C scan tells them.
        return None
    content_end = len(line.rstrip())
    last = 0
    for match in reversed(list(_SPACED_END.finditer(line))):
        if match.end() < content_end and _ends_sentence(line, match):
            last = match.end()
            break
    # Every dump's lines ask: an ASCII line (most) holds no Chinese or Japanese stop, and skips the scan.
    for match in () if line.isascii() else _CJK_END.finditer(line):
        if last < match.end() < content_end:
            last = match.end()
    # Nothing is dropped but space: the line has a span before the last cut if it has text there.
    if last == 0 or not line[:last].strip():
        return None
    return last + len(line[last:]) - len(line[last:].lstrip())


def _credit_pieces(line: str, unit: tuple[int, int]) -> list[tuple[int, int]]:
    """``unit`` cut after each bracketed credit that closes a caption and that a capitalised word follows.

    A credit that opens the unit closes the sentence before it (a paragraph's
    "(Quelle: APA/dpa)"); it stays with the labels after it.
    """
    start, end = unit
    pieces: list[tuple[int, int]] = []
    for match in _BRACKET_CREDIT.finditer(line, start, end):
        if match.start() > start and match.end() < end and line[match.end()].isupper():
            pieces.append((start, match.start() + len(match.group().rstrip())))  # the credit, not the space after it
            start = match.end()
    pieces.append((start, end))
    return pieces


def restore_line(
    line: str,
    credits: bool = False,
    sentences: bool = False,
    subjects: bool = False,
    caseless: CaselessWords | None = None,
    items: bool = False,
    lexicon: Lexicon | None = None,
) -> list[str]:
    """``line`` as the lines a renderer would have printed; ``[line]`` when no label run is glued in it.

    See :func:`restore_items`, which also says which lines are list items.
    """
    return restore_items(line, credits, sentences, subjects, caseless, items, lexicon).lines


class Restored(NamedTuple):
    """A line as the lines a renderer would have printed, and those of them that are list items."""

    lines: list[str]
    #: Lines cut from a list glued into one run (:func:`~newsclean.text.item_runs.item_pieces`),
    #: by their text (spaces collapsed), with the kind of the list.
    items: dict[str, str]


def restore_items(
    line: str,
    credits: bool = False,
    sentences: bool = False,
    subjects: bool = False,
    caseless: CaselessWords | None = None,
    items: bool = False,
    lexicon: Lexicon | None = None,
    prose_lines: bool = False,
    seams: bool = False,
) -> Restored:
    """``line`` as the lines a renderer would have printed (``[line]`` when no label run is glued in it),
    and which of them are list items.

    Prose keeps its original characters: a paragraph is a slice of ``line``
    from its first sentence to its last. With ``credits`` (a flattened dump)
    a paragraph also ends after a caption's bracketed credit
    (:func:`_credit_pieces`): the page lost the break between the figure and
    the paragraph after it, and judged together the caption takes the
    article's next sentences with it (or they keep the caption). On the flat
    renders of fe and fp-dev this changed 24 pages, all for the better.
    Glued dumps and the test for them (:func:`~newsclean.text.glued.is_glued`)
    read lines without it, so dumps that kept their lines stay as they are.
    With ``sentences`` (a flattened dump in a script written with spaces)
    every sentence is a line of its own: on the flat renders of fe, fp-dev
    and te-dev, with the region weighing runs of sentences as paragraphs,
    body F1 rose 0.1 to 0.8 points on each.
    With ``subjects`` (a flattened dump) a label cut does not split a
    sentence's subject from its verb
    (:func:`~newsclean.text.label_runs.label_prefix`): on the flat
    renders, body F1 rose 0.1 to 0.5 points on each set (no page lost its
    article); glued dumps read their lines without it. ``caseless`` is the
    dump's evidence for words of scripts without case
    (:func:`~newsclean.text.caseless_labels.caseless_words`).
    With ``items`` (a flattened or glued dump) a line that holds a list
    glued into one run (teasers with their times or dates, related
    headlines, a numbered "most read" box) is cut into one line per item
    (:func:`~newsclean.text.item_runs.item_pieces`); the lines made of one
    such item alone are returned as items, for the judge to name.
    With ``lexicon`` and ``sentences`` (a flattened dump) a teaser glued
    inside a paragraph ("Lire aussi : <headline>") is cut out of it as an
    item (:func:`~newsclean.text.inline_cues.cue_pieces`).
    With ``credits`` and ``sentences`` (a flattened dump) a headline glued
    to the sentence after it, in a run of such pairs (a box of teasers), is
    cut from it after any labels before it
    (:func:`~newsclean.text.lead_ins.lead_in_ends`).
    With ``prose_lines`` (a glued dump, whose lines are mostly the renderer's
    paragraphs) a label cut is dropped when the labels are the sentence's
    own words (:func:`~newsclean.text.label_runs.sentence_words`).
    With ``items`` and ``seams`` (a flattened dump whose prose seldom puts a
    capital after a lower-case word) headlines in sentence case glued end to
    end are cut apart too (:mod:`~newsclean.text.case_seams`).
    """
    out: list[str] = []
    found: dict[str, str] = {}
    item_kinds: dict[tuple[int, int], str] = {}
    paragraph: int | None = None
    last_end = 0
    changed = False
    units = split_units(line)
    breaks: set[int] = set()
    if credits:
        pieces = [piece for unit in units for piece in _credit_pieces(line, unit)]
        breaks = {end for _, end in pieces} - {end for _, end in units}
        units = pieces
    if items:
        pieces, item_kinds = item_pieces(line, units, seams)
        breaks |= {end for _, end in pieces} - {end for _, end in units}
        units = pieces
    if lexicon is not None and sentences:
        pieces, cue_kinds = cue_pieces(line, units, lexicon)
        breaks |= {end for _, end in pieces} - {end for _, end in units}
        item_kinds.update(cue_kinds)
        units = pieces
    leads = lead_in_ends(line, units) if credits and sentences else [0] * len(units)
    for number, (start, end) in enumerate(units):
        spans = [m.span() for m in re.finditer(r"\S+", line[start:end])]
        tokens = [line[start + a:start + b] for a, b in spans]
        cut = label_prefix(tokens, subjects, caseless)
        if prose_lines and sentence_words(tokens, cut):
            cut = 0
        kind = item_kinds.get((start, end))
        if cut:
            changed = True
            if paragraph is not None:
                out.append(line[paragraph:last_end])
            labels = label_lines([line[start + a:start + b] for a, b in spans[:cut]], caseless)
            out.extend(labels)
            if kind:
                found.update((" ".join(label.split()), kind) for label in labels)
            paragraph = start + spans[cut][0] if cut < len(spans) else None
        elif paragraph is None:
            paragraph = start
        lead = leads[number]
        if lead > cut:
            # A headline glued to the sentence after it, past the labels before it: a line of its own.
            out.append(line[start + spans[cut][0]:start + spans[lead - 1][1]])
            paragraph = start + spans[lead][0]
            changed = True
        last_end = end
        if (sentences or end in breaks) and paragraph is not None:
            out.append(line[paragraph:last_end])
            if kind and paragraph >= start:
                # The line is this item alone, not prose an earlier sentence of which it closes.
                found[" ".join(out[-1].split())] = kind
            paragraph = None
            changed = True
    if paragraph is not None:
        out.append(line[paragraph:last_end])
    return Restored(out, found) if changed else Restored([line], {})


def repeat_breaks(line: str) -> list[str]:
    """``line`` cut before and after every run of words it holds more than once.

    A page prints its headline, its share row and its teasers several times
    (the title bar, the header, the share box); glued to a sentence, the
    second printing would hide where the sentence starts. Runs of
    :data:`REPEAT_TOKENS` words or more seldom repeat in prose, so cutting
    at their edges only separates what the page printed as separate
    elements. Nothing is removed here.
    """
    spans = [m.span() for m in re.finditer(r"\S+", line)]
    if len(spans) > MAX_REPEAT_WORDS:
        return [line]
    words = [line[a:b] for a, b in spans]
    starts: dict[tuple[str, ...], list[int]] = {}
    for index in range(len(words) - REPEAT_TOKENS + 1):
        starts.setdefault(tuple(words[index:index + REPEAT_TOKENS]), []).append(index)
    covered = [False] * len(words)
    for found in starts.values():
        if len(found) > 1:
            for first in found:
                covered[first:first + REPEAT_TOKENS] = [True] * REPEAT_TOKENS
    cuts = [spans[i][0] for i in range(1, len(words)) if covered[i] != covered[i - 1]]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def restore_lines(text: str) -> str:
    """``text`` with the line breaks of its glued label runs put back (unchanged unless flattened).

    See :func:`restore_lines_items`, which also says which lines are list items.
    """
    return restore_lines_items(text)[0]


def restore_lines_items(text: str, lexicon: Lexicon | None = None) -> tuple[str, dict[str, str]]:
    """``text`` with the line breaks of its glued label runs put back (unchanged unless flattened),
    and the lines cut from lists glued into one run, by their text, with the kind of the list.

    Only a flattened dump is searched. In a dump that kept its lines, a long
    line is a paragraph far more often than a paragraph glued to a menu:
    sentences open with names and titles ("House Oversight Committee
    Chairman James Comer said"), German capitalises its nouns, and on the
    dev renders splitting such lines lost more than it gained.
    """
    if not is_flattened(text):
        return text, {}
    out: list[str] = []
    found: dict[str, str] = {}
    caseless = caseless_words(text)
    # Whether a capital after a lower-case word is a seam on this page (English) or a noun (German).
    prose = (text[a:b].split() for line in text.split("\n") for a, b in split_units(line))
    seams = cased_prose(prose, FUNCTION_WORDS)
    for line in text.split("\n"):
        for piece in repeat_breaks(line):
            for element in element_breaks(piece):
                # Chinese and Japanese elements are already cut at their clauses (:func:`element_breaks`).
                sentences = UNSPACED_CHAR.search(element) is None
                restored = restore_items(element, credits=True, sentences=sentences, subjects=True,
                                         caseless=caseless, items=True, lexicon=lexicon, seams=seams)
                out.extend(restored.lines)
                found.update(restored.items)
    return "\n".join(out), found
