"""What a line of a plain-text dump ends or opens on: the marks segmentation reads.

Shared by the segmenter (:mod:`newsclean.text.segment`) and the joining of
sentences a renderer broke at its links (:mod:`newsclean.text.link_breaks`),
so the two read a sentence's end, a list item and a dangling word alike.
"""

from __future__ import annotations

import json
import re
from importlib import resources

#: Marks a sentence (or a quoted or bracketed one) ends on.
TERMINAL = ".!?…。！？\"'”’»)]।؟۔։።"


def _load_dangling() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("data/cues.json").read_text("utf-8"))
    return frozenset(w for words in data["dangling"].values() for w in words)


DANGLING = _load_dangling()
#: Characters a continuation can start with: punctuation glued to a link.
GLUE_START = frozenset(",.;:)]%»”’!?")
#: A line that is only an address: the link a sentence ends on ("Infos unter" / "http://...").
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
#: A short quoted title printed as a line of its own: a link inside a sentence, not its end.
QUOTED_LINK = re.compile(r"^[\"“„«‘‚'][^\"“”„«»]{1,40}[\"”“»’‘']$")
#: Marks a line cannot end a sentence on: a comma, a dash.
RUN_ON_END = frozenset(",;–—-")
#: A list item's marker: a bullet glyph, a dash, or a lone "o" (a rendered ``<li>`` circle).
BULLET_MARK = r"(?:[*+•·▪►▸-]|o(?=\s))"
#: The characters a :data:`BULLET_MARK` match can open with: a text starting with none
#: of them has no marker, and the pattern need not run (the unit tests check every character).
BULLET_OPENERS = "*+•·▪►▸-o"
#: A line that opens with a marker and a space is a list item.
_BULLET = re.compile(rf"^\s*{BULLET_MARK}\s+")
#: Words from which a capitalised line that ends a sentence is a paragraph of its own.
PARAGRAPH_WORDS = 6
#: Longest kicker joined to the line after a lone colon.
KICKER_WORDS = 6


def strip_bullet(text: str) -> str:
    """``text`` without its list marker (see :data:`BULLET_MARK`)."""
    return _BULLET.sub("", text, count=1)


def is_bulleted(text: str) -> bool:
    """Whether ``text`` is a list item ("* Item", "- Item", "o Item")."""
    return _BULLET.match(text) is not None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends on a mark a sentence ends on (see :data:`TERMINAL`)."""
    return bool(text) and text.rstrip()[-1] in TERMINAL
