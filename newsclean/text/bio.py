"""The author's biography box that closes many articles.

Pages print the writer's name and a short biography after the last
paragraph ("Jane Doe" / "Jane Doe is a senior reporter covering..."). It
reads as prose, so the region search keeps it; it is found by its shape: a
person's name, on a line of its own or opening the block, and a
journalist's role among the block's first words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .classify import Verdict
from .segment import Block

#: Journalists' roles, in the languages of the lexicons; a biography names one early.
_ROLE = re.compile(
    r"\b(?:journalist(?:in|e|a|as)?|reporter(?:in)?|writer|editor(?:a|e)?|correspondent|columnist|producer|"
    r"contributor|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|author|journaliste|rédact(?:eur|rice)|"
    r"correspondant(?:e)?|chroniqueu(?:r|se)|periodista|redactor(?:a)?|corresponsal|columnista|giornalista|"
    r"redatt(?:ore|rice)|corrispondente|jornalista|repórter|correspondente|verslaggever|redacteur|"
    r"dziennikar(?:z|ka)|redaktor(?:ka)?|журналист(?:ка)?|корреспондент|обозреватель|gazeteci|muhabir|"
    r"editör|reportér|novinář(?:ka)?|toimittaja|újságíró)\b",
    re.IGNORECASE,
)
#: A person's name: two to four capitalised words ("Chus del Pino" allows lower-case particles).
_NAME = r"[A-ZÀ-ÞĀ-Ž][\w'’.-]+(?:\s+(?:(?:de|del|da|di|van|von|der|den|la|le|el|bin|al)\s+)?[A-ZÀ-ÞĀ-Ž][\w'’.-]+){1,3}"
_NAME_LINE = re.compile(rf"^{_NAME}$")
#: A biography's opening: the name, then "is", "ist", "est"... ("Jane Doe is a reporter").
_NAME_OPENING = re.compile(
    rf"^(?P<name>{_NAME}),?\s+(?:is|was|has|ist|war|est|a été|es|fue|è|é|foi|jest|är|er|on|она|он)\b"
)
#: The role must appear this early: later, it is a story about a journalist.
_ROLE_WORDS = 20
_BIO_MAX_WORDS = 100
#: Only the region's last blocks are looked at, after this much article.
_TAIL_BLOCKS = 3
_MIN_ARTICLE_WORDS = 150
#: A byline is a short line.
_BYLINE_WORDS = 8
#: A link between name and biography ("See more articles").
_LINK_WORDS = 4


@dataclass(frozen=True)
class Bio:
    """A biography box: its blocks (from the first to the region's end) and the writer's name."""

    first: int
    name: str


def author_bio(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> Bio | None:
    """The biography box at the end of the region, if there is one.

    Everything from the box to the region's end goes with it (its
    "More by this author" links); nothing is found unless the box sits
    among the region's last blocks, after a full article.
    """
    prose = 0
    for index in range(start, end):
        if index >= end - _TAIL_BLOCKS and prose >= _MIN_ARTICLE_WORDS and _is_bio(blocks[index]):
            above = _name_above(blocks, verdicts, start, index)
            if above is not None:
                return Bio(above, blocks[above].text.strip())
            opening = _NAME_OPENING.match(blocks[index].text)
            if opening and _printed_before(blocks, index, opening.group("name")):
                return Bio(index, opening.group("name"))
        if verdicts[index].prose:
            prose += blocks[index].words
    return None


def _name_above(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, index: int) -> int | None:
    """The name line above a biography, with at most one link between ("Jane Doe" / "More articles")."""
    for above in (index - 1, index - 2):
        if above < start:
            return None
        if _is_name_line(blocks[above], verdicts[above]):
            return above
        if verdicts[above].prose or blocks[above].words > _LINK_WORDS:
            return None
    return None


def _printed_before(blocks: Sequence[Block], index: int, name: str) -> bool:
    """Whether the page showed ``name`` on a short line before (its byline).

    "Jane Doe is a reporter who was detained..." may close a story about
    her; a biography repeats the name the byline printed.
    """
    return any(name in blocks[i].text for i in range(index) if blocks[i].words <= _BYLINE_WORDS)


def _is_name_line(block: Block, verdict: Verdict) -> bool:
    return not verdict.prose and block.words <= 5 and _NAME_LINE.match(block.text.strip()) is not None


def _is_bio(block: Block) -> bool:
    if block.words > _BIO_MAX_WORDS:
        return False
    opening = " ".join(block.text.split()[:_ROLE_WORDS])
    return _ROLE.search(opening) is not None
