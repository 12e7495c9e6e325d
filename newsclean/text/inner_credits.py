"""A photo's caption and credit glued inside a paragraph line, put on a line of their own.

A line-structured render prints a photo's caption and its credit
("Eight houses were hit. Photo: Jane Roe/AP", "... Dvor. (Kremlin Press
Office via Getty Images)") on a line between two paragraphs, and the
compose stage cuts that line as a caption. A render that glues elements
joins it to the paragraphs around it: "<paragraph> <caption>. Foto: Jane
Roe/AP <next paragraph>". Judged as part of a paragraph, the caption stays
in the article and only a credit closing the line is cut.

The evidence is the credit itself, which the lexicon names as an
``image_credit``; only credits whose end is unambiguous are taken: one in
brackets, or a labelled one ("Photo:", "Foto:", "Bild:") whose names end
with a news agency or picture service after a slash ("Jane Roe/AP",
"Jane Roe/Getty Images"), so the
next paragraph's first words are never read as the credit's names (after
"Bildrechte: Sender/Max" a name's second half, "Muster", would open the
paragraph: fp-dev, a broadcaster's glued render -0.009). The line is cut after
the credit and before the sentence that precedes it (the caption), when
that sentence is caption-sized; the caption and credit are then judged as a
renderer's line would be. Nothing is dropped here: a line that is really a
paragraph stays in the article, only on its own line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..normalize.authors import is_agency
from .unflatten import split_units

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: A credit in brackets, ended by the line or by a new element: "(Jane Roe/AP)", "(Photo: Getty Images)".
_BRACKETED = re.compile(r"\((?=[^()]*[:/])[^()\s][^()]{2,80}\)(?=\s+\S|\s*$)")
#: A labelled credit whose last names follow a slash: "Foto: Jan Kowal/AP", "Photo: Jane Roe/Getty Images".
_LABELLED = re.compile(
    r"(?<!\S)[^\W\d_][\w-]{1,15}(?:\s[^\W\d_][\w-]{1,15})?:\s+(?:[^\s/]+\s+){0,4}?[^\s/]*[^\W_]/"
    r"(?P<source>[^\W\d_][\w.-]*(?:\s[^\W\d_][\w.-]*){0,2})(?=\s+\S|\s*$)"
)
#: A caption is a sentence of this many words at most; a longer one before a credit is the article's.
MAX_CAPTION_WORDS = 40
#: A caption holds this many words at least: a bracket before the credit ("(Archivbild)") is not all of it.
MIN_CAPTION_WORDS = 4
#: Only lines this long are searched: a shorter line is judged as a caption or a credit already.
MIN_LINE_WORDS = 12


def _source_end(match: re.Match[str], lexicon: Lexicon) -> int | None:
    """Where the agency or picture service after a labelled credit's slash ends; ``None`` when there is none.

    The longest of the words after the slash (up to three) that name one:
    "AP", "dpa", "Getty Images", "picture alliance". A person's name there
    ("Sender/Max Muster") gives ``None``: where it ends is not known.
    """
    words = match.group("source").split()
    start = match.start("source")
    for size in range(len(words), 0, -1):
        source = " ".join(words[:size])
        if is_agency(source) or lexicon.match(source) == "image_credit":
            return start + len(source)
    return None


def _credits(line: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """``(start, end)`` of the credits the lexicon names in ``line``, in reading order."""
    if "/" not in line and "(" not in line:
        return []
    found: list[tuple[int, int]] = []
    for match in _BRACKETED.finditer(line):
        if lexicon.match(match.group()) == "image_credit":
            found.append(match.span())
    for match in _LABELLED.finditer(line):
        end = _source_end(match, lexicon)
        if end is not None and lexicon.match(line[match.start():end]) == "image_credit":
            found.append((match.start(), end))
    found.sort()
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


class Piece(NamedTuple):
    """A piece of a cut line: its text, and whether it ends with a credit (a caption and its credit, or a credit)."""

    text: str
    credited: bool


def credit_pieces(line: str, lexicon: Lexicon) -> list[Piece]:
    """``line`` cut before each caption and after each credit glued inside it; one piece when there is none.

    The caption is the sentence of :func:`~newsclean.text.unflatten.split_units`
    that the credit follows, or that holds it ("Dvor. (Getty)" and
    "Dvor (Getty)"); one longer than :data:`MAX_CAPTION_WORDS` stays with
    the text before it, and only the cut after the credit is made. A piece
    that ends with a credit is to be kept whole: the label splitting of
    :mod:`~newsclean.text.unflatten` would cut a credit's label ("Photo:")
    from its names and the caption from both, and none would read as a
    caption any more.
    """
    if len(line.split()) < MIN_LINE_WORDS:
        return [Piece(line, False)]
    credits = _credits(line, lexicon)
    if not credits:
        return [Piece(line, False)]
    units = split_units(line)
    cuts: set[int] = set()
    credit_ends = {end for _, end in credits}
    for start, end in credits:
        cuts.add(end)
        before = [unit for unit in units if unit[0] < start]
        if not before:
            continue
        # The caption: the sentence the credit closes, or the one before it when the credit opens its own,
        # taken back one more sentence while it is too short to be all of a caption ("<caption>. (Archivbild)").
        taken = len(before) - 1
        while taken > 0 and len(line[before[taken][0]:start].split()) < MIN_CAPTION_WORDS:
            taken -= 1
        unit_start = before[taken][0]
        if not line[unit_start:start].strip():
            unit_start = 0
        if unit_start > 0 and len(line[unit_start:start].split()) <= MAX_CAPTION_WORDS:
            cuts.add(unit_start)
    pieces: list[Piece] = []
    last = 0
    for cut in sorted(cuts):
        if line[last:cut].strip():
            pieces.append(Piece(line[last:cut].strip(), cut in credit_ends))
        last = cut
    if line[last:].strip():
        pieces.append(Piece(line[last:].strip(), False))
    return pieces


def credit_lines(line: str, lexicon: Lexicon) -> list[str]:
    """The texts of :func:`credit_pieces`."""
    return [piece.text for piece in credit_pieces(line, lexicon)]
