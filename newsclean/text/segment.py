"""Segmentation of plain-text dumps: lines into blocks, blocks into sentences.

Renderers emit one line per DOM text node, wrap banners over several short
lines, and glue embeds onto paragraphs. Blocks are the unit the classifier
judges; sentences are the unit used where noise sits inside a paragraph.
Sentence spans are offsets into the block so kept text is sliced from the
original, never rebuilt.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..normalize.scripts import UNSPACED_CHAR
from .line_ends import DANGLING, GLUE_START, KICKER_WORDS, PARAGRAPH_WORDS, ends_sentence, is_bulleted
from .link_breaks import broken_sentences

#: A line cannot end with an opening bracket or low quotation mark after a word: the renderer broke off
#: the link inside it ("... the offence (" / "Art. 90" / ") applies"). Glued to a word it is a smiley ("m(");
#: after a number it opens a stamp's label ("14. Juni 2013 at 20:51 (" / "Category" / ")"), not a sentence.
_OPEN_END = re.compile(r"[^\W\d_]\s+[(\[{„]$")
#: The characters an :data:`_OPEN_END` match ends with.
_OPEN_MARKS = "([{„"

#: "von Dr. Max Kolter" under a headline: a byline, not the headline's continuation.
_BYLINE_LINE = re.compile(
    r"^\s*(?:by|von|par|por|door|av|af|oleh)\s+(?:(?:Dr|Prof)\.\s+)?([^\W\d_])[^\s]*(?:\s+[^\s]+){0,3}\s*$"
)
#: A three-word lead-in ("Eine Webseite der", "Mehr lesen über") names what
#: the next line says; from four words a line ending in a particle is a
#: headline ("setzen Dax zu") or a timestamp ("at 9:00 am").
_HEADLINE_WORDS = 4
#: A close-button glyph standing between two texts splits them.
_CLOSE_GLYPH = re.compile(r"(?<![\d\s]\s)(?<!\d)\s*[×✕✖]\s*(?!\s?\d)")
#: Words after which a bare line continues on the next one ("By" / "NAME").
#: Scripts without spaces: a renderer's break at an inline link is re-joined
#: without a space when the text cannot stop there. A line never starts with
#: a closing or pausing mark, a Japanese sentence never starts with a case
#: particle, and a line ending in an opening or pausing mark goes on.
_CJK_GLUE_START = frozenset("、。，．）」』】：；！？")
_CJK_GLUE_END = frozenset("、，（「『【：")
_JA_PARTICLES = frozenset("はがをにとのでへもや")
_CONTINUES = re.compile(r"^(?:by|von|par|por|di|door|av|af|przez|от|автор)$", re.IGNORECASE)

# Sentence boundary: terminal punctuation (optionally closed by a quote or
# bracket), whitespace, then something that can start a sentence.
_SENTENCE_END = re.compile(
    r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?[\w\d@#]|[^\w\s])"
)
# An ALL-CAPS run glued to a following sentence ("WATCH LIVE HERE You can").
_CAPS_GLUE = re.compile(r"\b[A-Z0-9]{2,}\s+[A-Z0-9]{2,}\s+(?=[A-Z][a-z])")
ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Inc|Ltd|Co|Corp|No|Nr|vs|etc|ca|bzw|z\.B|u\.a|d\.h|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)


@dataclass
class Block:
    """A paragraph-like unit of the dump with its position."""

    index: int
    text: str
    line: int
    gap_before: bool
    # The last count and the text it was made of: every stage asks for the
    # count, and segmentation still grows the text while it joins lines.
    _counted: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def words(self) -> int:
        counted = self._counted
        if counted is None or counted[0] is not self.text:
            counted = self._counted = (self.text, count_words(self.text))
        return counted[1]


def count_words(text: str) -> int:
    """Words of ``text``, with scripts written without spaces counted fairly.

    A Chinese or Japanese paragraph is one whitespace token; counting its
    ideographs and kana (about 1.7 per word) keeps length evidence comparable
    across scripts.
    """
    tokens = text.split()
    if text.isascii():
        # No ASCII character is Chinese or Japanese: one C scan spares the pattern's pass over the text.
        return len(tokens)
    cjk = len(UNSPACED_CHAR.findall(text))
    if not cjk:
        return len(tokens)
    return max(len(tokens), int(cjk / 1.7) + sum(1 for t in tokens if not UNSPACED_CHAR.search(t)))


def _is_byline_line(line: str) -> bool:
    match = _BYLINE_LINE.match(line)
    return match is not None and match.group(1).isupper()


def _continues(prev: str, line: str, gap: bool, after: str | None = None) -> bool:
    """True when ``line`` continues ``prev``, a line the renderer broke.

    Renderers break paragraphs at inline links and wrap banners over short
    lines. Without a blank line between them, a lower-case start continues
    the previous line (unless that is a single word: "Share" / "facebook" is
    a list). Even across a blank line, a start with glued punctuation
    (", shared the...") or a previous line ending in an article, preposition
    or conjunction ("...Services at") continues it, unless the line is a
    block of its own (see :func:`_stands_alone`); ``after`` is the next
    non-blank line when a blank line precedes it, else ``None``.
    """
    if not prev or not line:
        return False
    first = line.lstrip()[0]
    trimmed = prev.rstrip()
    # A line never starts with a comma: whatever precedes it was a link. The open-end pattern only runs
    # where it can match: a growing block's text was scanned whole for every line joined to it.
    if (
        first in GLUE_START
        or (trimmed[-1:] in _OPEN_MARKS and _OPEN_END.search(trimmed))
        or _CONTINUES.match(trimmed.lstrip())
    ):
        return True
    if ends_sentence(prev) or is_bulleted(line) or _is_byline_line(line):
        return False
    # Only the last word and whether there are 2, 3 or _HEADLINE_WORDS of them are read:
    # splitting off that many from the right keeps a block's growing text from being
    # split whole for every line joined to it (``len`` is ``min(words, _HEADLINE_WORDS)``).
    words = prev.rsplit(None, _HEADLINE_WORDS - 1)
    if len(words) < 2:
        return False
    if len(words) >= 3 and words[-1].casefold() in DANGLING:
        if len(words) >= _HEADLINE_WORDS and _opens_anew(trimmed, line):
            return False
        return not (gap and len(words) >= _HEADLINE_WORDS and _stands_alone(line, after))
    return not gap and first.islower()


def _opens_anew(prev: str, line: str) -> bool:
    """True when a line under a headline-long line that ends on a particle is a block of its own, gap or not.

    German headlines end in verb particles ("Chiesa ruft zum Widerstand
    gegen die Asylpolitik auf"), and a header prints the next line without a
    blank one between: the standfirst, a full sentence of a paragraph's
    length that opens on a capitalised article, preposition or conjunction
    ("Die Delegierten haben eine Initiative lanciert.", "Dem Urteil zufolge
    ...", "En av de misstänkta ..."), which inside a sentence would be in
    lower case; or the kicker printed again apart ("SVP-Parteitag zur
    Migration: Chiesa ruft ... auf" / "SVP-Parteitag zur Migration"). A link
    a renderer broke out of a sentence opens on a name ("negocjacji w" /
    "Pakistanie reprezentowali ..."), and it never reprints the opening of
    the line before it.
    """
    words = line.split()
    if (line[0].isupper() and words[0].casefold() in DANGLING and ends_sentence(line)
            and len(words) >= PARAGRAPH_WORDS):
        return True
    return len(words) >= 2 and prev.startswith(line.rstrip(":"))


def _stands_alone(line: str, after: str | None) -> bool:
    """True when a capitalised line after a blank line is a block of its own.

    German headlines end in verb particles ("setzen Dax zu", "reichen
    Attest ein"), English timestamps in "am": a dangling last word alone
    does not make the next line its continuation. A link the renderer
    broke out of a sentence is not a full sentence of its own, and unless
    it closes the sentence ("Journalismus.") the rest comes next (",
    enquire with...", "steht jedem offen"), not a blank line and a
    capitalised start.
    """
    if not line[0].isupper():
        return False
    if ends_sentence(line):
        # "Journalismus." closes the sentence a link broke; a paragraph is longer.
        return len(line.split()) >= PARAGRAPH_WORDS
    return after is not None and after[0].isupper()


def _cjk_continues(prev: str, line: str, last_line: str) -> bool:
    """True when ``line`` continues ``prev`` in a script written without spaces."""
    end, first = prev[-1], line[0]
    if not UNSPACED_CHAR.search(prev[-3:]):
        return False
    if end in "(:" or (first in "):" and UNSPACED_CHAR.match(end)):
        # Full-width brackets and colons are ASCII after normalisation.
        return True
    if first in _CJK_GLUE_START or end in _CJK_GLUE_END:
        return True
    if not UNSPACED_CHAR.match(first):
        return False
    # "気象庁" / "は13日、…": a link broke the sentence before its particle;
    # "高知県" / "と" / "宮崎県": a lone particle joins what follows.
    # "この地震で、気象庁は" / "高知県": a clause under way, ended by a particle.
    clause = prev.rsplit("。", 1)[-1]
    # Headlines drop は, が, を and の, and often end in へ or に: only the
    # former mark a clause that must go on.
    return first in _JA_PARTICLES or (end in _JA_PARTICLES and len(last_line) <= 2) or (
        end in "はがをの" and "、" in clause
    )


def split_close_glyphs(text: str) -> list[str]:
    """Split text at close-button glyphs ("×") that separate widgets from prose."""
    if "×" not in text and "✕" not in text and "✖" not in text:
        # Nearly every line: the pattern's look-behinds would be tried at each position for nothing.
        stripped = text.strip()
        return [stripped] if stripped else []
    parts = [p.strip() for p in _CLOSE_GLYPH.split(text)]
    return [p for p in parts if p]


def iter_blocks(text: str, *, streamed: bool = False) -> list[Block]:
    """Group the lines of ``text`` into blocks.

    Every non-blank line starts a block unless it continues a line the
    renderer wrapped mid-sentence (a lower-case start after a short line
    with no terminal punctuation), in which case they merge. ``streamed``:
    the dump lost its line breaks and they were restored by guesswork
    (:mod:`.unflatten`), so its lines are no renderer's breaks at links and
    only whole runs are read as one sentence (see :func:`broken_sentences`).
    """
    blocks: list[Block] = []
    gap = True
    last_line = ""
    lines = _join_lone_colons(text.split("\n"))
    broken = broken_sentences(lines, stretches=not streamed)
    whole = _reprinted_units(lines)
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            gap = True
            continue
        if number in broken and blocks:
            blocks[-1].text = f"{blocks[-1].text} {line}"
        elif line == last_line and not gap:
            # The line printed twice in a row (a visible and a screen reader's copy of a headline): two
            # printings, never one sentence, though the first ends on a word that leaves it open ("Looks Like").
            blocks.append(Block(len(blocks), line, number, gap))
        elif blocks and not gap and _cjk_continues(blocks[-1].text, line, last_line):
            blocks[-1].text = f"{blocks[-1].text}{line}"
        elif (blocks and blocks[-1].text not in whole
              and _continues(blocks[-1].text, line, gap, _after_gap(lines, number) if gap else None)):
            blocks[-1].text = f"{blocks[-1].text} {line}"
        else:
            for piece in split_close_glyphs(line) or [line]:
                blocks.append(Block(len(blocks), piece, number, gap))
                gap = False
        gap = False
        last_line = line
    return blocks


def _reprinted_units(lines: list[str]) -> frozenset[str]:
    """Lines of headline length ending on a particle that the dump prints more than once, going on differently.

    A line ending on a particle or preposition ("... räumte öffentlich
    Versäumnisse ein") reads as a sentence the renderer broke at a link,
    and the next line joins it. A sentence broken at a link goes on with
    the same word wherever it is printed; a line the page prints twice with
    a different word after it each time (a lead photo's caption over its
    credit, then again over the share row) is a unit of its own, and
    joining it made the share row a paragraph of the story's length above
    the headline. One printing at least must go on with a capitalised word
    (the credit): sentences that open alike and go on in lower case
    ("The council met for the" / "first time ...", "second time ...") are
    each one sentence.
    """
    counts = Counter(line.strip() for line in lines)
    repeated = {line for line, count in counts.items()
                if count > 1 and len(words := line.split()) >= _HEADLINE_WORDS and words[-1].casefold() in DANGLING}
    if not repeated:
        return frozenset()
    openings: dict[str, set[str]] = {}
    for number, raw in enumerate(lines):
        line = raw.strip()
        if line in repeated:
            after = next((other.split() for other in lines[number + 1:number + 3] if other.strip()), [""])
            # The word, not its punctuation: a quote's close or a comma a renderer spaced off ("2025»," / "2025» ,").
            openings.setdefault(line, set()).add("".join(c for c in after[0] if c.isalnum()))
    return frozenset(line for line, opened in openings.items()
                     if len({word.casefold() for word in opened}) > 1 and any(word[:1].isupper() for word in opened))


def _after_gap(lines: list[str], number: int) -> str | None:
    """The next non-blank line after ``number`` when a blank line comes first, else ``None``."""
    if number + 1 >= len(lines) or lines[number + 1].strip():
        return None
    # By index, not over ``lines[number + 2:]``: that slice copied the rest of the dump per blank line.
    for index in range(number + 2, len(lines)):
        line = lines[index].strip()
        if line:
            return line
    return None


def _join_lone_colons(lines: list[str]) -> list[str]:
    """"LTE-Patent" / ":" / "Samsung soll ..." becomes "LTE-Patent: Samsung soll ...".

    A renderer that breaks at every element prints a kicker, the colon after
    it and the headline as three lines (each is its own ``<span>``); the
    other renderers print one line. The joined line keeps the first line's
    number and the others become blank, so line numbers stay put.
    """
    colons = [n for n, line in enumerate(lines) if n and len(line) < 4 and line.strip() == ":"]
    if not colons:
        return lines
    lines = list(lines)
    for number in colons:
        kicker = lines[number - 1].strip()
        after = next((i for i in range(number + 1, min(len(lines), number + 3)) if lines[i].strip()), None)
        if not kicker or kicker.endswith(":") or len(kicker.split()) > KICKER_WORDS or after is None:
            continue
        lines[number - 1] = f"{kicker}: {lines[after].strip()}"
        lines[number] = lines[after] = ""
    return lines


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``.

    Rule based on purpose: it only has to find where glued-on noise starts,
    so it errs towards fewer, longer sentences around abbreviations.
    """
    cuts = [0]
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rstrip("\"'”’»)]")
        if ABBREVIATION.search(before[-8:]):
            continue
        cuts.append(match.end())
    for match in _CAPS_GLUE.finditer(text):
        cuts.append(match.end())
    cuts = sorted(set(cuts))
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=False):
        piece = text[start:end]
        stripped_end = start + len(piece.rstrip())
        if stripped_end > start:
            spans.append((start, stripped_end))
    return spans
