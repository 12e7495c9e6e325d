"""The short unclosed tail of a glued line, after its last sentence, put on a line of its own.

A glued dump joins a paragraph to the block after it, so the paragraph's
line runs on past its last stop into that block: an ad slot ("…the track
and field events. Advertisement"), a repeated "Article content" marker, a
live blog's time stamp ("…in the Premier League. 5:59PM"), a caption's
credit ("…Premier League. Credit: Jane Doe"), a topic label ("…on
Wednesday. Politics"). A line-preserving renderer prints each of them on a
line of its own, and the line engine drops it there; glued, the paragraph
carries it into the article. :mod:`~newsclean.text.furniture_tail` cuts
such a tail on any dump, but only when the lexicon names it; a dump known
to be glued (:func:`~newsclean.text.glued.is_glued`) is evidence enough
that any short tail is the next block, whatever its words.

The tail is only what follows the line's last sentence end
(:func:`~newsclean.text.unflatten.last_unit_start`, which does not cut at
abbreviations and initials), only when it does not end like a sentence,
and only when it is short (:data:`MAX_TAIL_WORDS`): a longer tail is as
often the article's next paragraph or a subheading and its text, which
then stands as a short line of its own between paragraphs. The last
line cut from a dump's line keeps its tail unless a blank line follows
(:func:`open_tails`): a renderer that prints every text node on a line
of its own breaks a paragraph at its links with one line break, and a
dump glued from it (or a line-structured one that passes the glued
test) leaves that sentence's start unclosed before the link's line.
Without that guard a line-structured fe soup render lost 0.003 F1 and
the glued renders gained more (fe glued +0.0004, fp-dev glued-insc
+0.0014), most of it on pages where a tail split off the paragraph
before a single line break was an ad slot or a caption's credit.
"""

from __future__ import annotations

from .unflatten import CLOSED_END, last_unit_start

#: A tail of at most this many words is cut. Measured before the blank-line guard of
#: :func:`open_tails`, on the glued and glued-insc renders of fe and fp-dev (body F1
#: change, fe glued / fe glued-insc / fp-dev glued / fp-dev glued-insc): 3 words
#: +.0001/.0000/+.0003/+.0004; 5 words +.0004/.0000/+.0008/+.0014; 8 words
#: -.0003/-.0005/+.0004/+.0018 (teaser headlines cut off the last paragraph let the
#: region run on into the next stories); 12 words -.0003/-.0006/+.0016/+.0023.
MAX_TAIL_WORDS = 5


def open_tail(line: str) -> list[str]:
    """``line`` cut before the words after its last sentence end when they are short and end without a stop.

    ``[line]`` when the line ends like a sentence, holds one sentence only,
    or goes on for more than :data:`MAX_TAIL_WORDS` words after its last stop.
    """
    stripped = line.rstrip()
    if CLOSED_END.search(stripped):
        return [line]
    start = last_unit_start(stripped)
    if start is None:
        return [line]
    tail = stripped[start:]
    if len(tail.split()) > MAX_TAIL_WORDS:
        return [line]
    return [stripped[:start].rstrip(), tail]


def ends_block(lines: list[str], number: int) -> bool:
    """Whether line ``number`` of ``lines`` ends a block: a blank line or the dump's end follows it.

    A renderer that prints each text node on a line of its own breaks a
    paragraph at its links with one line break ("… This year," / "Olga
    Pericet" / "March 15), an intriguing …"), and its blocks with a blank
    line; a dump that glued such a render keeps those breaks.
    """
    return number + 1 >= len(lines) or not lines[number + 1].strip()


def open_tails(pieces: list[str], last_ends_block: bool) -> list[str]:
    """The lines a glued line was cut into, each cut before its tail (:func:`open_tail`).

    The last line's tail is cut only when ``last_ends_block``: when the line
    break after it is not a blank line, the tail may be a sentence's start
    that the renderer broke at a link, not a block glued on.
    """
    out: list[str] = []
    for index, piece in enumerate(pieces):
        out.extend(open_tail(piece) if index < len(pieces) - 1 or last_ends_block else [piece])
    return out
