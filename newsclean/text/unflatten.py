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
   line-preserving renderer;
3. a sentence that is all labels (the last one of a page often is) goes out
   the same way;
4. a caption closed by a credit in brackets ("... stock up on food (Picture:
   Getty Images) US analysts say ...") ends its line there: the article's
   next sentence is judged apart from the caption and its credit
   (:func:`restore_line` with ``credits``);
5. each sentence goes out on a line of its own (``sentences``): a cookie
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

import json
import re
from importlib import resources

from ..normalize.scripts import UNSPACED_CHAR
from .segment import ABBREVIATION
from .unspaced import element_breaks

#: A dump is flattened when its lines average this many characters or more
#: (a line-structured render of a news page averages 40 to 120) and it is
#: long enough to hold a page.
FLAT_LINE_CHARS = 400
FLAT_MIN_CHARS = 1000
#: Longer than this, a one-line dump is not a page (the dev pages flattened
#: stay under 120,000 characters): it is left as one line, not unflattened.
FLAT_MAX_CHARS = 500_000
#: A label run shorter than this stays with its sentence ("Prime Minister Sunak said").
MIN_LABEL_RUN = 3
#: Weights of the label score: a capitalised token counts for the run, a
#: lower-case word against it, a function word ("of", "the",
#: "for" in "Find the Card for You": the cue lists' function words) a little
#: against it.
_CAP_WEIGHT = 1.0
_LOWER_WEIGHT = -1.0
_CONNECTOR_WEIGHT = -0.4
#: Lower-case words in a row that make running prose.
PROSE_RUN = 3
#: Words in a row that, printed twice on a page, are an element of it (a headline, a share row).
REPEAT_TOKENS = 8
#: Words of a line beyond which repeats are not looked for (a bound on memory).
MAX_REPEAT_WORDS = 100_000
#: Characters before a stop read to judge it (its token, a URL it ends).
_LOOKBEHIND = 200
#: Tokens of a long sentence; a unit longer than this holds labels before its sentence.
MAX_SENTENCE_TOKENS = 60
#: How far back a capitalised function word may open the sentence.
_OPENER_TOKENS = 7
#: How far before a sentence's first lower-case word a dateline's dash may stand.
_DATELINE_TOKENS = 10
_DASHES = frozenset({"-", "–", "—", "―"})
#: A dateline's place: a word in capitals, a comma after it at most ("PUTRAJAYA,", "NEW").
_PLACE = re.compile(r"^[^\W\d_a-z]{3,}[^\W\d_]*,?$")
_STOPS = frozenset(".!?…。！？")
#: Chinese and Japanese: ideographs and kana (Korean is written with spaces
#: and has no case: its labels are not told from its words here).
_CJK_CLAUSE = re.compile(r"[、，。！？]")
#: A token of this many characters in those scripts is a clause, not a label.
_CJK_LABEL_CHARS = 12
#: The weight of such a clause: prose on its own.
_PROSE_TOKEN = -3.0

# Sentence ends: a stop (optionally closed by a quote or bracket) and space
# before an upper-case letter, a digit or an opening quote; or a stop of a
# script written without spaces, where the next sentence follows directly.
_SPACED_END = re.compile(r"[.!?…؟۔։።।]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?\S)")
_CJK_END = re.compile(r"[。！？]+[」』”’）)]*\s*")
#: A caption's credit in brackets ("(Picture: Getty Images)", "(AP Photo/Jane Roe)", "(Foto: dpa)"):
#: a word, a colon or slash and a name inside (not "(w/m/d)", "(Az. 508/21)" or "(abgerufen am:
#: 20.10.2025)"), a capitalised word after. On a page without line
#: breaks it ends the caption, and the article's next sentence follows it.
_BRACKET_CREDIT = re.compile(r"\([^()\s][^()]{0,60}?[^\W\d_]{2}[:/]\s?[^\W\d_][^()]{0,60}\)\s+(?=[^\W\d_])")
_URL = re.compile(r"(?:https?://|www\.)\S+$")
#: Tokens before a stop that do not end a sentence: initials and dotted
#: abbreviations ("J.", "U.S.", "z.B."); titles and month names are the
#: segmenter's list (:data:`~newsclean.text.segment.ABBREVIATION`).
_INITIALS = re.compile(r"(?:^|[\s(])(?:\w|\w\.\w\.?(?:\w\.)?)\.$")


def _load_function_words() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("data/cues.json").read_text("utf-8"))
    return frozenset(w for words in data["dangling"].values() for w in words)


#: Articles, prepositions and conjunctions: capitalised, they start a sentence ("The", "Der", "El").
_FUNCTION_WORDS = _load_function_words()


def is_flattened(text: str) -> bool:
    """Whether ``text`` is a page printed without its line breaks."""
    if not FLAT_MIN_CHARS <= len(text) <= FLAT_MAX_CHARS:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return len(text) >= FLAT_LINE_CHARS * max(lines, 1)


def split_units(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``line`` in reading order; nothing is dropped."""
    cuts = [0]
    for match in _SPACED_END.finditer(line):
        # A window, not the whole line before the stop: a page-long line must stay linear.
        before = line[max(0, match.start() - _LOOKBEHIND): match.start() + 1]
        token = before.rsplit(None, 1)[-1] if before.strip() else ""
        following = line[match.end(): match.end() + 1]
        if following.islower() or _URL.search(before):
            continue
        if token.endswith(".") and (_INITIALS.search(" " + token) or ABBREVIATION.search(before[-8:])):
            continue
        cuts.append(match.end())
    for match in _CJK_END.finditer(line):
        cuts.append(match.end())
    cuts = sorted(set(cuts))
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, [*cuts[1:], len(line)], strict=False):
        piece = line[start:end]
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return spans


def _weight(token: str) -> float | None:
    """How much ``token`` reads as a label (positive) or as prose (negative); ``None`` in scripts without case.

    Chinese and Japanese are written without spaces: a sentence is one long
    token (or has clause marks), a label a short one.
    """
    if UNSPACED_CHAR.search(token):
        return _PROSE_TOKEN if len(token) >= _CJK_LABEL_CHARS or _CJK_CLAUSE.search(token) else _CAP_WEIGHT
    letter = next((c for c in token if c.isalpha()), "")
    if not letter:
        # Numbers, counters, symbols ("12", "|", "×", "•") belong to widgets.
        return _CAP_WEIGHT / 2
    if letter.isupper():
        return _CAP_WEIGHT
    if letter.islower():
        word = token.strip("\"'“”‘’«»()[],:;").casefold()
        return _CONNECTOR_WEIGHT if word in _FUNCTION_WORDS else _LOWER_WEIGHT
    return None


def _first_prose(weights: list[float | None]) -> int:
    """Index where the sentence's running prose starts (``len(weights)`` when none).

    Labels never glue to the middle of a sentence, so the label run is
    looked for before it. Prose is lower-case words in a row, not all of
    them function words ("for the"): two in a unit of sentence length
    ("On Thursday, Minsk announced that Russian Wagner Group fighters ..."
    has no labels), :data:`PROSE_RUN` within :data:`MAX_SENTENCE_TOKENS` of
    the end in a longer unit, which holds labels, some written in sentence
    case ("retour à la une", "Se connecter"). In Chinese and Japanese the
    clauses that end the unit are its sentence.
    """
    trailing = len(weights)
    while trailing and weights[trailing - 1] == _PROSE_TOKEN:
        trailing -= 1
    if trailing < len(weights):
        # Chinese or Japanese: the sentence is the clause the unit ends with.
        return trailing
    short = len(weights) <= MAX_SENTENCE_TOKENS
    needed = 2 if short else PROSE_RUN
    run: list[int] = []
    for index, weight in enumerate(weights):
        if weight in (_LOWER_WEIGHT, _CONNECTOR_WEIGHT):
            run.append(index)
            if (
                len(run) >= needed
                and any(weights[i] == _LOWER_WEIGHT for i in run)
                and len(weights) - run[0] <= MAX_SENTENCE_TOKENS
            ):
                return run[0]
        else:
            run = []
    return len(weights)


def _sentence_start(tokens: list[str], weights: list[float | None], end: int) -> int:
    """Where the sentence starts among the capitalised tokens before ``end``.

    A news agency's dateline ("PARIS, March 4 (AFP) - ...", "BERLIN (dpa) —")
    opens the article's first paragraph: its place name in capitals before
    a dash starts the sentence. Otherwise a capitalised function word among
    the names and function words before ``end`` does ("... List The first
    step", "... Archiv Das Hutfestival im Herzen von Chemnitz ist"), or the
    last two tokens do ("... Twitter Boris Johnson said").
    """
    window = range(end - 1, max(end - _DATELINE_TOKENS, -1), -1)
    dash = next((i for i in window if tokens[i] in _DASHES), None)
    if dash is not None:
        place = [i for i in range(max(dash - 4, 0), dash) if _PLACE.match(tokens[i])]
        if place:
            first = place[0]
            # A place of several words ("NEW YORK,", "SAN JOSÉ,").
            while first and _PLACE.match(tokens[first - 1]) and not tokens[first - 1].endswith(","):
                first -= 1
            return first
    for back in range(end - 1, max(end - _OPENER_TOKENS, -1), -1):
        if weights[back] not in (_CAP_WEIGHT, _CONNECTOR_WEIGHT):
            break
        if tokens[back][:1].isupper() and tokens[back].casefold() in _FUNCTION_WORDS:
            return back
    return max(end - 2, 0)


def label_prefix(tokens: list[str]) -> int:
    """How many leading tokens of a sentence are glued-on labels (0 when none).

    The prefix is where the running sum of label weights peaks before the
    sentence's running prose; :func:`_sentence_start` gives the sentence
    back the capitalised words that open it.
    """
    weights = [_weight(t) for t in tokens]
    if any(w is None for w in weights):
        return 0
    limit = _first_prose(weights)
    total = best = 0.0
    end = 0
    for index, weight in enumerate(weights[:limit]):
        total += weight or 0.0
        if total > best:
            best, end = total, index + 1
    if best < MIN_LABEL_RUN:
        return 0
    if limit < len(tokens) and weights[limit] == _PROSE_TOKEN:
        return end
    lower = sum(1 for w in weights[end:] if w in (_LOWER_WEIGHT, _PROSE_TOKEN))
    if limit == len(tokens) and not (lower >= 2 and tokens[-1][-1:] in _STOPS):
        # No prose after the labels: the whole unit is labels.
        return len(tokens)
    start = _sentence_start(tokens, weights, end)
    return start if start >= MIN_LABEL_RUN else 0


def _label_lines(tokens: list[str]) -> list[str]:
    """Labels one a line, as a line-preserving renderer prints a menu.

    A new label starts at each capitalised token, except after a short
    lower-case connector ("Find the Card").
    """
    lines: list[list[str]] = []
    for token in tokens:
        weight = _weight(token)
        if lines and (weight is None or weight < _CAP_WEIGHT or _weight(lines[-1][-1]) == _CONNECTOR_WEIGHT):
            lines[-1].append(token)
        else:
            lines.append([token])
    return [" ".join(line) for line in lines]


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


def restore_line(line: str, credits: bool = False, sentences: bool = False) -> list[str]:
    """``line`` as the lines a renderer would have printed; ``[line]`` when no label run is glued in it.

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
    """
    out: list[str] = []
    paragraph: int | None = None
    last_end = 0
    changed = False
    units = split_units(line)
    credit_ends: set[int] = set()
    if credits:
        pieces = [piece for unit in units for piece in _credit_pieces(line, unit)]
        credit_ends = {end for _, end in pieces} - {end for _, end in units}
        units = pieces
    for start, end in units:
        spans = [m.span() for m in re.finditer(r"\S+", line[start:end])]
        cut = label_prefix([line[start + a:start + b] for a, b in spans])
        if cut:
            changed = True
            if paragraph is not None:
                out.append(line[paragraph:last_end])
            out.extend(_label_lines([line[start + a:start + b] for a, b in spans[:cut]]))
            paragraph = start + spans[cut][0] if cut < len(spans) else None
        elif paragraph is None:
            paragraph = start
        last_end = end
        if (sentences or end in credit_ends) and paragraph is not None:
            out.append(line[paragraph:last_end])
            paragraph = None
            changed = True
    if paragraph is not None:
        out.append(line[paragraph:last_end])
    return out if changed else [line]


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

    Only a flattened dump is searched. In a dump that kept its lines, a long
    line is a paragraph far more often than a paragraph glued to a menu:
    sentences open with names and titles ("House Oversight Committee
    Chairman James Comer said"), German capitalises its nouns, and on the
    dev renders splitting such lines lost more than it gained.
    """
    if not is_flattened(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        for piece in repeat_breaks(line):
            for element in element_breaks(piece):
                # Chinese and Japanese elements are already cut at their clauses (:func:`element_breaks`).
                sentences = UNSPACED_CHAR.search(element) is None
                out.extend(restore_line(element, credits=True, sentences=sentences))
    return "\n".join(out)
