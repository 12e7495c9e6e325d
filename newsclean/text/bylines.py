"""Bylines a dump prints as a bare name: "Edgar Schuler" above "Publiziert heute um 12:19 Uhr".

The byline lexicon finds lines that say they are bylines ("By ...", "Von:
...", "Author of the article:"). Many pages print the name alone, as a link
to the writer's page, between the headline and the date line; out of
context it reads like a menu label. Context decides: a person-shaped name
right after a byline label, or next to the article's date line (or another
header line: an update time, a reading time) below the headline, is the byline.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..normalize.authors import after_byline_label, split_byline
from .byline_runs import continued_bylines, glued_name, names_with_age
from .classify import Verdict
from .datelines import DATE_WINDOW
from .lexicon import Lexicon
from .line_ends import strip_bullet
from .person_names import (
    LEADING_NAME,
    LINE_PARTS,
    MIN_NAME_WORDS,
    NAMES_LINE_WORDS,
    PARTICLES,
    RELABEL,
    bare_name,
)
from .person_names import is_person_name as is_person_name  # re-exported: the HTML path's bylines read it from here
from .segment import Block

#: How many lines away a bare name's date line may be, and how long the lines between may be.
_DATE_REACH = 3
_BETWEEN_WORDS = 4
#: A byline label on its own line ("By", "Von:", "Por") is this short.
_LABEL_WORDS = 2
#: Header lines a bare name sits beside: update and reading times, share rows.
_FURNITURE = frozenset({"meta", "share"})
def _is_label(text: str, verdict: Verdict) -> bool:
    """A byline label with the name on the next line ("Author of the article:", "Von", "By")."""
    return verdict.category == "byline" and (text.endswith(":") or len(text.split()) == 1)


def _mark_name_bylines(
    blocks: Sequence[Block],
    verdicts: list[Verdict],
    date_lines: Collection[int],
    head: int,
    start: int,
    lexicon: Lexicon,
    stopwords: frozenset[str] | None,
) -> list[int]:
    """Blocks between the headline and the article's start that are its byline as a bare name.

    Their verdict becomes ``byline``; the indices are returned. ``head`` is
    the headline's index (or where the header zone starts without one). A
    row of buttons is capitalised too ("Share Comments", "Teilen
    Kommentare"): a line any of whose words the lexicon knows as a UI
    string (other than a role: "Political Correspondent") is not a name.
    """
    found: list[int] = []
    for index in range(head + 1, min(len(blocks), start + 2)):
        verdict = verdicts[index]
        text = strip_bullet(blocks[index].text).strip().rstrip(",")
        if verdict.category not in RELABEL or verdict.prose:
            continue
        if not is_person_name(text) and not _names_after_label(blocks, verdicts, index, text):
            continue
        if any(lexicon.match_line(part) not in (None, "byline") for part in (text, *text.split())):
            continue
        previous = index - 1
        label = blocks[previous].text.strip()
        # "By" / "Von:" on a line of its own: the label and the name read together as a byline.
        after_label = _is_label(label, verdicts[previous]) or (
            len(label.split()) <= _LABEL_WORDS and lexicon.match_line(f"{label} {text}") == "byline"
        )
        by_date = _near_date(blocks, verdicts, date_lines, index)
        # Next to other header furniture ("Updated 15.59", "4 min read", a
        # share row), a weaker sign: a line with a function word ("In
        # Kürze") is a heading.
        by_meta = any(0 <= i < len(verdicts) and verdicts[i].category in _FURNITURE
                      for i in (_beside(blocks, index, -1), _beside(blocks, index, 1)))
        if not (after_label or by_date) and by_meta and stopwords is not None:
            by_date = not any(w.casefold() in stopwords and w not in PARTICLES for w in text.split())
        if after_label or by_date:
            verdict.category = "byline"
            found.append(index)
    return found


#: A line of separator glyphs only ("|", "-", "•"): a renderer's print of the rule between two header items.
_SEPARATOR_LINE = re.compile(r"^[\W_]{1,3}$")


def _beside(blocks: Sequence[Block], index: int, step: int) -> int:
    """The block next to ``index`` in direction ``step``, past one separator line.

    "Jonisayi Maromo" / "|" / "Published": the rule between two header
    items is no item of its own.
    """
    other = index + step
    if 0 <= other < len(blocks) and _SEPARATOR_LINE.match(blocks[other].text.strip()):
        return other + step
    return other


def _names_after_label(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int, text: str) -> bool:
    """Whether ``text``, under a byline label on its own line ("Autor:"), names several writers.

    One name is checked by :func:`is_person_name`; a line of names joined
    by commas and conjunctions is too long for it. Under a label, a short
    line without digits that splits into names, the first of them a
    person's, is the byline.
    """
    previous = index - 1
    if previous < 0 or not _is_label(blocks[previous].text.strip(), verdicts[previous]):
        return False
    if len(text.split()) > NAMES_LINE_WORDS or any(c.isdigit() for c in text):
        return False
    names = split_byline(text)
    return len(names) >= MIN_NAME_WORDS and is_person_name(names[0])


def _near_date(blocks: Sequence[Block], verdicts: Sequence[Verdict], date_lines: Collection[int], index: int) -> bool:
    """Whether the article's date line is next to ``index``, or a few short lines away.

    Between a bare name and its date line pages print the writer's role
    ("Political Correspondent"), the dateline city ("Madrid", "-") or the
    outlet ("/ TIMESOFINDIA.COM /"): short lines, never prose.
    """
    for step in (-1, 1):
        for distance in range(1, _DATE_REACH + 1):
            other = index + step * distance
            if other in date_lines:
                return True
            if not 0 <= other < len(blocks) or verdicts[other].prose or blocks[other].words > _BETWEEN_WORDS:
                break
    return False


def _on_date_lines(
    blocks: Sequence[Block], date_lines: Collection[int], first: int, stop: int, lexicon: Lexicon,
    stopwords: frozenset[str] | None,
) -> list[str]:
    """Bylines printed inside the article's date line ("Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch").

    The date line is split where pages separate its parts; a part the
    lexicon reads as a byline names the writer. A renderer that joins a
    header's inline elements prints a bare name there too ("Marco Pizzorno
    4 Febbraio 2025 - 14:41", "Aashish Saxena / TIMESOFINDIA.COM / Sep 2,
    2024"): the words before a part's first digit, when they are a name.
    """
    found: list[str] = []
    for index in sorted(date_lines):
        if not first <= index < stop:
            continue
        for part in LINE_PARTS.split(blocks[index].text):
            part = part.strip()
            if lexicon.match_line(part) == "byline":
                found.append(part)
                continue
            glued = glued_name(part, lexicon, stopwords)
            if glued:
                found.append(glued)
                continue
            name = LEADING_NAME.match(part)
            if name and bare_name(name.group(1).strip(), lexicon, stopwords):
                found.append(name.group(1).strip())
                continue
            labelled = _labelled_name(part)
            if labelled and bare_name(labelled, lexicon, stopwords):
                found.append(labelled)
    return found


def _labelled_name(part: str) -> str | None:
    """The name after a byline label inside a date line's part ("Kolumne von Carla Siepmann")."""
    words = part.split()
    for index in range(1, len(words) - 1):
        name = after_byline_label(" ".join(words[index:]))
        if name:
            return name
    return None


def header_bylines(
    blocks: Sequence[Block],
    verdicts: list[Verdict],
    date_lines: Collection[int],
    headline: int | None,
    start: int,
    lexicon: Lexicon,
    *,
    mark_names: bool = True,
    top: int | None = None,
    stopwords: frozenset[str] | None = None,
) -> tuple[list[str], list[int]]:
    """The byline texts of the article's header, and the bare-name blocks now marked as bylines.

    The header runs from ``DATE_WINDOW`` blocks before the article's
    ``start`` to just inside it; bare names are looked for below the
    headline (its first printed occurrence, ``headline``) when there is one.
    ``mark_names`` off (bylines kept in the text) leaves bare names alone.
    ``top``, a headline further above the article than ``DATE_WINDOW``
    (menus and share rows between header and text), opens the header there.
    ``stopwords`` (the page language's) tell a heading from a bare name.
    """
    marked: list[int] = []
    if mark_names:
        zone = max(headline, start - DATE_WINDOW) if headline is not None else start - DATE_WINDOW
        zone = zone if top is None else top
        marked = _mark_name_bylines(blocks, verdicts, date_lines, max(zone, -1), start, lexicon, stopwords)
    first = max(0, start - DATE_WINDOW if top is None else top)
    texts = [
        strip_bullet(blocks[i].text)
        for i in range(first, min(len(blocks), start + 2))
        # A label ("Author of the article:") introduces the name on the next line.
        if verdicts[i].category == "byline" and not blocks[i].text.rstrip().endswith(":")
    ]
    texts += _on_date_lines(blocks, date_lines, first, start + 2, lexicon, stopwords)
    aged = names_with_age(blocks, verdicts, first, start + 2, lexicon, stopwords)
    texts += [name for _, name in aged]
    if mark_names:
        marked += [i for i, _ in aged]
    continued = continued_bylines(blocks, verdicts, first, start + 2, lexicon)
    texts += [strip_bullet(blocks[i].text) for i in continued if verdicts[i].category != "byline"]
    if mark_names:
        marked += [i for i in continued if verdicts[i].category in RELABEL]
    if not texts:
        texts = _lead_bylines(blocks, verdicts, start)
    return texts, marked


#: How many of the article's first blocks a header's byline may sit among (lead photo, caption, credit, standfirst).
_LEAD_REACH = 6


def _lead_bylines(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int) -> list[str]:
    """A byline line among the article's first blocks, when the header above gave none.

    The region can start at a standfirst or a lead photo's caption that a
    page prints above its byline ("Von Sina Zehrfeld" under the photo
    credit); the lexicon's byline verdict there names the writer. The first
    such line only: further down, a byline belongs to a quoted or embedded item.
    """
    for index in range(start + 2, min(len(blocks), start + _LEAD_REACH)):
        text = blocks[index].text.rstrip()
        if verdicts[index].category == "byline" and not text.endswith(":"):
            return [strip_bullet(text)]
    return []
