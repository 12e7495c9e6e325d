"""A teaser or comments box's label glued to the box's first items, put on a line of its own.

A line-structured render prints a "Read more:" or "You might also like"
heading on its own line, and the region's end is cut at it (the barrier
of :func:`~newsclean.text.ends.cut_at_barrier`, the teaser cut of
:mod:`~newsclean.text.region`). A render that glues elements joins the
heading to what follows it: "You might also like <headline> 2024-10-14",
"<box title> Heute, 12:34 Uhr", "Read more: <headline> <headline> …". The
line is then too long for a label and reads as a paragraph, or its date
makes it a dateline, and the article runs on into the box.

The split is narrow: only a label the lexicon already names as a teaser
or comments box heading, at a line's start or right after a closed
sentence; only when what follows the label opens a new element (a
capital, a digit: a headline or a date, not the rest of a sentence such
as "Related coverage shows that …") and runs on without a sentence end
(a headline, a date, short items; a sentence of the article would close);
and only in the last part of the dump, once most of its prose is above,
where such a box ends an article rather than sits inside it. A line read
as a box's already stays whole: the lexicon names the whole line a teaser
(its label's phrase), or it is a "Read also: <headline>" cue line between
paragraphs (:func:`~newsclean.text.cue_line.is_cue_line`), or the links
to a post's neighbours (:func:`~newsclean.text.post_nav.is_post_nav`,
which ends the post there); split, its
headline stood alone as a paragraph of the article (fp-dev: a DailyMail
glued render -0.014, a Nettavisen inscriptis render -0.011).
A one-word label ("More", "Latest", "Related") opens longer labels and
headlines alike and is split off only when a colon closes it; a label
ends at its colon ("Watch: <name> ..." split after the name cost a fe
glued page 0.275).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cue_line import is_cue_line
from .post_nav import is_post_nav
from .segment import count_words
from .unflatten import CLOSED_END, split_units

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: Lexicon categories whose line patterns name a box's heading.
BOX_CATEGORIES = frozenset({"teaser", "comments"})
#: A label holds at most this many words ("Das könnte Sie auch interessieren").
MAX_LABEL_WORDS = 6
#: A sentence's end: a stop, maybe closed by quotes or a bracket (a colon introduces what follows).
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
#: A numeric date closing a headline ("<headline> 2024-10-14", "<headline> 14.10.2024").
_TRAILING_DATE = re.compile(r"\s((?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})$")
#: A line this short is judged as a label already; nothing glued to it needs cutting.
MIN_LINE_WORDS = 4
#: A label is split off only once this share of the dump's prose words lies above it.
MIN_PROSE_SHARE = 0.5
#: A line of this many words counts as prose when placing a line in the dump.
PROSE_LINE_WORDS = 15


def _label_end(piece: str, lexicon: Lexicon) -> int | None:
    """Where the shortest box label that opens ``piece`` and is followed by no sentence ends.

    The shortest: a label pattern that takes a topic ("More on <topic>",
    "Read more: <anything>") would take the first headline with it. A label
    of one word only when a colon closes it ("Related: <headline>").
    """
    # The label's words and the one after them, the rest unsplit: a paragraph's sentences each ask, and
    # splitting the whole rest of the line for each made the line's cost grow with its square.
    words = piece.split(None, MAX_LABEL_WORDS + 1)
    for size in range(1, min(MAX_LABEL_WORDS, len(words) - 1) + 1):
        if size > 1 and words[size - 2].endswith(":"):
            # A label ends at its colon: "Watch: <name>" is the label and the headline's first word.
            break
        if size == 1 and not words[0].endswith(":"):
            # One word ("More", "Latest", "Related") opens longer labels and headlines alike.
            continue
        opener = words[size][:1]
        if opener.isalpha() and not opener.isupper():
            continue  # what follows goes on in lower case: no new element (the cheap half of _no_sentence, first)
        if lexicon.match_line(" ".join(words[:size])) in BOX_CATEGORIES and _no_sentence(
            " ".join(piece.split()[size:])
        ):
            position = 0
            for word in words[:size]:
                position = piece.index(word, position) + len(word)
            return position
    return None


def _no_sentence(rest: str) -> bool:
    """Whether ``rest`` opens a new element that runs on without a sentence end (a headline, a date, items)."""
    opener = rest[:1]
    if opener.isalpha() and not opener.isupper():
        # Lower case goes on the label's sentence: "Related coverage shows that ..."
        return False
    units = split_units(rest)
    first = rest[units[0][0]:units[0][1]] if units else rest
    # A first unit that closes like a sentence makes the label's words open a sentence of the article.
    return not (_SENTENCE_END.search(first) and count_words(first) > MAX_LABEL_WORDS)


def split_label(line: str, lexicon: Lexicon, words: int | None = None) -> list[str]:
    """``line`` cut after a box label that opens it, or opens a sentence after a closed one (see module).

    ``words`` is :func:`~newsclean.text.segment.count_words` of ``line`` when the caller has it.
    """
    if words is None:
        words = count_words(line)
    if words < MIN_LINE_WORDS or not lexicon.may_match_line_within(line, BOX_CATEGORIES):
        # No run of the line's words can be a box label: its sentences need not be found.
        return [line]
    previous_end = 0
    for start, end in split_units(line):
        # Only space parts a unit from the one before: the text before ``start`` ends where that one ends.
        closed_before = previous_end > 0 and CLOSED_END.search(line[previous_end - 1]) is not None
        previous_end = end
        if start and not closed_before:
            continue
        cut = _label_end(line[start:], lexicon)
        if cut is None:
            continue
        if lexicon.match(line) in BOX_CATEGORIES or (
            not start and (is_cue_line(line, lexicon) or is_post_nav(line, lexicon))
        ):
            # A line read as a box's already ("Read also: <headline>" between paragraphs, the links to a
            # post's neighbours) is dropped or ends the post whole: split, its items would stand as prose.
            return [line]
        head, label, rest = line[:start].rstrip(), line[start:start + cut].strip(), line[start + cut:].strip()
        # The first item's date goes on a line of its own, as a line-structured render prints it.
        dated = _TRAILING_DATE.search(rest)
        items = [rest[:dated.start()].rstrip(), dated.group(1)] if dated else [rest]
        return [piece for piece in (head, label, *items) if piece]
    return [line]


def _words(line: str) -> int:
    """:func:`~newsclean.text.segment.count_words` of ``line``, taken only where it can reach
    :data:`MIN_LINE_WORDS` (no line counts more words than it has characters; most lines of a
    dump are blank or short labels)."""
    return count_words(line) if len(line) >= MIN_LINE_WORDS else 0


def split_box_labels(text: str, lexicon: Lexicon) -> str:
    """``text`` with each box label glued to its items in the dump's last part on a line of its own.

    Each line's words are counted once: they place the line in the dump (the
    share of the dump's prose words above it) and tell a line too short to split.
    """
    lines = text.split("\n")
    sizes = [_words(line) for line in lines]
    total = sum(size for size in sizes if size >= PROSE_LINE_WORDS) or 1
    out: list[str] = []
    seen = 0
    for line, words in zip(lines, sizes, strict=True):
        if words >= MIN_LINE_WORDS and seen / total >= MIN_PROSE_SHARE:
            out.extend(split_label(line, lexicon, words))
        else:
            out.append(line)
        if words >= PROSE_LINE_WORDS:
            seen += words
    return "\n".join(out)
