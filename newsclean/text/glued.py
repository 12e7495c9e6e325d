"""Dumps that kept some line breaks but glued labels to the article's prose.

A scraper that keeps breaks only between some elements (a ``<br>`` here, a
``<p>`` there, a message queue that joined a few fields) leaves a dump in
between a line-structured render and a flattened one: the menu, share row,
byline and the next story's teaser share lines with the paragraphs next to
them. :mod:`~newsclean.text.unflatten` puts the breaks back in a flattened
dump; a glued dump needs the same splitting, but only where it is glued.

Judged one line at a time, a glued line looks like an ordinary paragraph
that opens with names ("House Oversight Committee Chairman James Comer
said") or, in German, capitalised nouns: splitting every such line in a
line-structured render loses more than it gains (fe soup 0.940 -> 0.919).
So the decision is taken over the whole dump, from two kinds of evidence
that a line-preserving renderer does not leave:

- few short lines. A renderer that keeps the page's lines prints each menu
  item, button and label on a line of its own, so most of its lines hold
  three words or fewer (the soup and inscriptis renders of the dev pages:
  a median share of 0.72 and 0.63); glued, those labels sit inside longer
  lines (0.46 and 0.33);
- many long lines that hold a label run next to a sentence, as
  :func:`~newsclean.text.unflatten.restore_line` finds it.

A dump with more short lines (up to :data:`OPEN_MAX_SHORT_SHARE`) passes
the first test when many of its long lines are open-ended: they hold a
sentence end but go on past it without one of their own. A dump with few
short lines (under :data:`OPEN_ONLY_MAX_SHORT_SHARE`) whose long lines are
that often open-ended is glued without the second test: the labels glued
to its sentences are written in sentence case ("Read more", "Sign up"), or
a teaser's summary runs into the next teaser's headline, and no label run
shows.

Dumps that fail either test come out byte-identical, but for their long
Chinese and Japanese lines: those scripts set no space between words, so a
space between two of their characters is an element boundary wherever it
stands, glued or not (:func:`~newsclean.text.unspaced.element_lines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .bullet_lines import bullet_lines, may_hold_bullets
from .furniture_tail import furniture_lines
from .inner_credits import Piece, credit_pieces
from .markdown import is_markdown
from .open_tails import ends_block, open_tails
from .unflatten import (
    CLOSED_END,
    FLAT_MAX_CHARS,
    FLAT_MIN_CHARS,
    is_flattened,
    last_unit_start,
    repeat_breaks,
    restore_items,
    restore_line,
    restore_lines_items,
    split_units,
)
from .unspaced import element_lines, may_hold_elements

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: A line of at most this many words is a label, a button or a short heading.
SHORT_LINE_WORDS = 3
#: A glued dump has fewer short lines than this share of its lines (line-structured
#: dev renders of fe and fp-dev: soup median 0.72, inscriptis 0.63; glued: 0.46, 0.33) ...
MAX_SHORT_SHARE = 0.4
#: ... and at least this share of its long lines hold a label run glued to a sentence.
#: Measured on the soup and inscriptis renders of fe, fp-dev and te-dev (1,464 dumps)
#: and their glued variants: 9 line-structured dumps pass both tests, none of them
#: worse for it, against a fifth (soup) to two thirds (inscriptis) of the glued ones.
#: Looser (0.5 and 0.2) splits more glued dumps but loses whole articles on German
#: pages, whose capitalised nouns read as label runs.
MIN_GLUED_SHARE = 0.3
#: A line of this many words is long enough to hold a paragraph and its labels.
LONG_LINE_WORDS = 15
#: A caption glued inside a line is cut only below this many words of long lines (:mod:`.inner_credits`).
CAPTION_PROSE_ABOVE = 100
#: Fewer lines than this: not enough evidence to judge the dump by.
MIN_LINES = 8
#: A dump with more short lines than :data:`MAX_SHORT_SHARE` but fewer than this share
#: is still glued when many of its long lines are open-ended (:func:`_open_ended`): the
#: soup renders glued keep more short lines (median 0.46) than the inscriptis ones.
OPEN_MAX_SHORT_SHARE = 0.6
#: ... at least this share of its long lines. Measured on the 1,464 soup and inscriptis
#: renders of fe, fp-dev and te-dev and their glued variants: 140 more glued soup dumps
#: and 51 more glued inscriptis ones pass, and 5 line-structured renders (te-dev
#: inscriptis: 2 better, 1 worse by must-strings). At 0.2, 13 line-structured renders
#: passed (12 te-dev inscriptis renders, 1 fp-dev).
MIN_OPEN_SHARE = 0.3
#: Few enough short lines that open-ended long lines (:data:`MIN_OPEN_SHARE` of them) alone
#: make the dump glued. Measured on the same 1,464 renders and their glued variants:
#: 109 more glued dumps pass (fe and fp-dev: 36 of them), and 2 line-structured
#: te-dev soup renders; at 0.6, 13 more line-structured renders passed.
OPEN_ONLY_MAX_SHORT_SHARE = 0.5
#: A dump with fewer short lines than this share is also glued when its lines run on
#: (:func:`_runs_on`): the two tests above miss glued dumps whose labels are glued in
#: sentence case and whose long lines end closed often enough.
RUN_ON_MAX_SHORT_SHARE = 0.55
#: A line of this many words is long enough to end like a sentence when it holds one.
RUN_ON_LINE_WORDS = 8
#: ... and a dump runs on when fewer than this share of those lines end like a sentence
#: (dev renders of fe, fp-dev and te-dev, 10th/50th/90th percentiles: line-structured
#: 0.35/0.65/0.86, glued 0.16/0.35/0.59) ...
RUN_ON_MAX_CLOSED_SHARE = 0.4
#: ... and its runs of short lines (a menu, a tag row) are this short on average: a
#: line-preserving renderer prints a menu's items one per line (dev renders, median run
#: 3.7 to 6.5 lines; 10th percentile 2.0 to 3.3), glued they share lines (median 1.6 to 2.6).
RUN_ON_MAX_SHORT_RUN = 3.0
#: ... with at least this many lines that hold a sentence end inside them: a dump of a
#: dozen lines gives too little evidence (a te-dev club page of 12 lines lost half its strings).
RUN_ON_MIN_SENTENCE_LINES = 5
#: ... out of at least this many lines of :data:`RUN_ON_LINE_WORDS` words, and this share
#: of them: a short dump or a product page, whose long lines are specifications and
#: link rows, is no evidence of run-on prose (te-dev glued: a shop page of 36 such lines,
#: 5 with a sentence end, lost a third of its strings; a 17-line club page lost one).
RUN_ON_MIN_WORDED_LINES = 20
RUN_ON_MIN_SENTENCE_SHARE = 0.15
#: Lexicon categories a sentence of a glued line is cut out for (:func:`noise_lines`): the
#: blocks a page prints beside the article (banners, appeals, share rows, teaser cues).
#: Not dates and bylines (``meta``, ``byline``): "July 8, 1972:" opens an article's own
#: paragraph, and cut out there it ended the region (fp-dev glued: one page lost a third
#: of its article); nor captions and embeds, which the compose stage already cuts from
#: inside a paragraph.
NOISE_CUT_CATEGORIES = frozenset({
    "advertisement", "app_prompt", "appeal", "comments", "contribute", "cookie", "legal", "navigation",
    "newsletter", "paywall", "share", "teaser",
})


def _capped_words(lines: list[str]) -> list[int]:
    """Each line's words, counted up to :data:`LONG_LINE_WORDS` (``split``'s maxsplit): every bound the
    glued tests ask about lies below it, and a paragraph's line is not cut into all its words."""
    return [len(line.split(None, LONG_LINE_WORDS - 1)) for line in lines]


def _mostly_open_ended(lines: list[str]) -> bool:
    """Whether at least :data:`MIN_OPEN_SHARE` of ``lines`` are :func:`_open_ended`; read only until that is known."""
    needed = MIN_OPEN_SHARE * len(lines)
    found = 0
    for number, line in enumerate(lines):
        if _open_ended(line):
            found += 1
            if found >= needed:
                return True
        elif found + len(lines) - number - 1 < needed:
            return False
    return found >= needed


def _open_ended(line: str) -> bool:
    """Whether ``line`` holds a sentence end but does not end like a sentence.

    A renderer that keeps the page's lines ends a paragraph's line with the
    paragraph's last stop (or the quote or bracket closing it); glued, the
    line goes on into the next block (a share row, a label, the next
    teaser's headline). Sentences are cut as in a flattened dump
    (:func:`~newsclean.text.unflatten.split_units`), so an abbreviation or an
    initial ("Prof. Petzold", "Logan C. Ritchie") is no sentence end.
    """
    return not CLOSED_END.search(line.rstrip()) and last_unit_start(line) is not None


def _runs_on(lines: list[str], words: list[int]) -> bool:
    """Whether the lines of a dump with few short lines run on past their sentences (see :func:`is_glued`).

    Glued, a paragraph's line goes on into the label, share row or teaser
    after it, so few of the dump's longer lines end like a sentence; and the
    runs of short lines a line-preserving renderer prints for a menu or a
    tag row are broken up, their items glued to each other and to the prose.
    Both are needed: a page of headline lists ends few lines with a stop but
    prints its menu one item a line, and a glued page can end most of its
    lines with a stop where its paragraphs stand each on their own line.
    ``words`` holds each line's words counted up to :data:`LONG_LINE_WORDS`
    (:func:`_capped_words`).
    """
    runs: list[int] = []
    run = 0
    for count in words:
        if count <= SHORT_LINE_WORDS:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    if runs and sum(runs) > RUN_ON_MAX_SHORT_RUN * len(runs):
        return False
    worded = [line.rstrip() for line, count in zip(lines, words, strict=True) if count >= RUN_ON_LINE_WORDS]
    if len(worded) < RUN_ON_MIN_WORDED_LINES:
        return False
    sentence_lines = sum(1 for line in worded if last_unit_start(line) is not None)
    if sentence_lines < max(RUN_ON_MIN_SENTENCE_LINES, RUN_ON_MIN_SENTENCE_SHARE * len(worded)):
        return False
    return sum(1 for line in worded if CLOSED_END.search(line)) < RUN_ON_MAX_CLOSED_SHARE * len(worded)


def is_glued(text: str) -> bool:
    """Whether ``text`` kept some line breaks but glued label runs to the sentences of many lines."""
    # The same bounds on the dump's size as for flattened dumps.
    if not FLAT_MIN_CHARS <= len(text) <= FLAT_MAX_CHARS:
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_LINES:
        return False
    # Words are counted only as far as the bound asked about (``split``'s maxsplit): a paragraph's line
    # is not cut into all its words to learn it has more than three. A line-structured dump (most) has
    # enough short lines to be told before the last of them.
    most_short = OPEN_MAX_SHORT_SHARE * len(lines)
    short = 0
    for line in lines:
        if len(line.split(None, SHORT_LINE_WORDS)) <= SHORT_LINE_WORDS:
            short += 1
            if short >= most_short:
                return False
    words = _capped_words(lines)
    long_lines = [line for line, count in zip(lines, words, strict=True) if count >= LONG_LINE_WORDS]
    if not long_lines:
        return False
    open_ended = _mostly_open_ended(long_lines)
    if open_ended and short < OPEN_ONLY_MAX_SHORT_SHARE * len(lines):
        return True
    if short < RUN_ON_MAX_SHORT_SHARE * len(lines) and _runs_on(lines, words):
        return True
    if not open_ended and short >= MAX_SHORT_SHARE * len(lines):
        return False
    needed = MIN_GLUED_SHARE * len(long_lines)
    glued = 0
    for line in long_lines:
        glued += len(restore_line(line)) > 1
        if glued >= needed:
            return True
    return False


@dataclass(frozen=True)
class DumpShape:
    """How a dump kept its lines: flattened, else Markdown, else glued (each tested only when the one before is not).

    Read once per dump (:func:`dump_shape`): restoring the lines and
    reading the header both ask, and the glued test reads every line of
    the dump (a quarter of a millisecond a dump, asked twice before).
    """

    flattened: bool
    markdown: bool
    glued: bool

    @property
    def streamed(self) -> bool:
        """The dump lost its line breaks, all of them (flattened) or some (glued, no Markdown)."""
        return self.flattened or self.glued


def dump_shape(text: str) -> DumpShape:
    """The :class:`DumpShape` of ``text``."""
    if is_flattened(text):
        return DumpShape(flattened=True, markdown=False, glued=False)
    if is_markdown(text):
        return DumpShape(flattened=False, markdown=True, glued=False)
    return DumpShape(flattened=False, markdown=False, glued=is_glued(text))


def noise_lines(line: str, lexicon: Lexicon) -> list[str]:
    """A long line of a glued dump cut before and after its sentences the lexicon names as noise.

    Glued to a paragraph, a cookie banner, an appeal or a "Read more" cue
    stops being a block of its own: the compose stage cuts the sentence that
    matched from the paragraph, but the banner's other sentences, and the
    teasers after the cue, stay in the article with the paragraph. On a line
    of its own the noise sentence is judged as the renderer's line was, and
    the region can end at it. Only lines with such a sentence are cut, and
    only there: cutting every glued line into sentences cost 19 page
    renders more than 5% of their article's words (fe and fp-dev, glued
    soup and inscriptis), as one sentence judged alone reads as a label or
    a teaser, and a region weighed by sentences lost whole articles. On the
    same renders this changed 77 page renders: 47 better, 8 worse by at
    most 0.013 F1, none losing more than 2% of its article's words.
    """
    if len(line.split()) < LONG_LINE_WORDS:
        return [line]
    units = split_units(line)
    if len(units) < 2:
        return [line]
    noise = [lexicon.match(line[start:end]) in NOISE_CUT_CATEGORIES for start, end in units]
    if not any(noise):
        return [line]
    pieces: list[str] = []
    start = 0
    for index in range(1, len(units)):
        # A cut between prose and noise, and between two noise sentences (two cues in a row).
        if noise[index] or noise[index - 1]:
            pieces.append(line[start:units[index][0]].strip())
            start = units[index][0]
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def restore_dump(text: str, lexicon: Lexicon | None = None) -> str:
    """``text`` with line breaks put back where labels are glued to prose (unchanged in a clean dump).

    See :func:`restore_dump_items`, which also says which lines are list items.
    """
    return restore_dump_items(text, lexicon)[0]


def restore_dump_items(
    text: str, lexicon: Lexicon | None = None, shape: DumpShape | None = None
) -> tuple[str, dict[str, str]]:
    """``text`` with line breaks put back where labels are glued to prose (unchanged in a clean dump),
    and the lines cut from lists glued into one run, by their text, with the kind of the list.

    A flattened dump is restored whole (:func:`~newsclean.text.unflatten.restore_lines`);
    a glued one line by line, with its noise sentences on lines of their own
    when a ``lexicon`` is given (:func:`noise_lines`) and a short tail after
    a line's last sentence on a line of its own
    (:func:`~newsclean.text.open_tails.open_tail`), and the photo captions
    and credits glued inside it on lines of their own
    (:mod:`~newsclean.text.inner_credits`); any other dump is
    returned as it is, but for its furniture tails, its lines of bulleted
    items (:func:`~newsclean.text.bullet_lines.bullet_lines`) and the element
    boundaries of its long Chinese and Japanese lines. ``shape`` is
    :func:`dump_shape` of ``text`` when the caller has it.
    """
    if shape is None:
        shape = dump_shape(text)
    if shape.flattened:
        return restore_lines_items(text, lexicon)
    if shape.markdown:
        # Markdown keeps its lines (each link and image on the line the page had it); its
        # link targets and image alts read as label runs.
        return text, {}
    if not shape.glued:
        # A dump glued only here and there still gets its furniture tails cut off (:mod:`.furniture_tail`).
        # ... and its lines that hold two bulleted items or more cut at their bullets: a renderer that marks
        # list items prints each on a line of its own, so a bullet inside a line is a glue point wherever it is.
        tails_cut = furniture_lines(text, lexicon) if lexicon else text
        if not may_hold_bullets(tails_cut) and not may_hold_elements(tails_cut):
            return tails_cut, {}
        return "\n".join(
            piece for line in tails_cut.split("\n") for item in bullet_lines(line) for piece in element_lines(item)
        ), {}
    out: list[str] = []
    found: dict[str, str] = {}
    lines = text.split("\n")
    prose_above = 0
    for number, line in enumerate(lines):
        words = len(line.split())
        if words < LONG_LINE_WORDS:
            out.extend(element_lines(line))
            continue
        # Captions are cut inside the article, not at its head: a lead photo's caption cut from the first
        # paragraph moved the article's start below it (fp-dev and te-dev glued renders, 3 pages).
        credits = lexicon is not None and prose_above >= CAPTION_PROSE_ABOVE
        prose_above += words
        pieces = [
            piece for item in bullet_lines(line)
            for piece in (repeat_breaks(item) if len(item.split()) >= LONG_LINE_WORDS else [item])
        ]
        restored_lines: list[str] = []
        for piece in pieces:
            for element, credited in (
                part for item in element_lines(piece)
                for part in (credit_pieces(item, lexicon) if lexicon and credits else [Piece(item, False)])
            ):
                if credited:
                    # A caption and its credit, or a credit, cut from the line: judged whole, as a renderer
                    # prints it (neither its labels nor its credit, an open tail, are cut from it).
                    out.extend(open_tails(restored_lines, True))
                    out.append(element)
                    restored_lines = []
                    continue
                restored = restore_items(element, items=True, prose_lines=True)
                for restored_line in restored.lines:
                    restored_lines.extend(noise_lines(restored_line, lexicon) if lexicon else [restored_line])
                found.update(restored.items)
        out.extend(open_tails(restored_lines, ends_block(lines, number)))
    return "\n".join(out), found
