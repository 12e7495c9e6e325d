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
#: A paragraph opening with a name and a lower-case verb ("Jane Doe studied law...").
_NAME_START = re.compile(rf"^(?P<name>{_NAME})\s+(?=[^\W\d_A-ZÀ-Þ])")
#: A writer introducing themself in the first person ("Ich bin Eleonore, Betreiberin von...",
#: "I'm Jane, a nurse who..."): the name, then a comma and what they do. Blogs close posts so.
_SELF_INTRO = re.compile(
    r"^(?i:(?:hi|hallo|hello|hey|salut|hola|ciao|cześć|hej)[,!]?\s+)?"
    r"(?i:ich bin|i'm|i am|i’m|je suis|je m'appelle|je m’appelle|soy|me llamo|mi chiamo|sono|jestem|"
    r"mijn naam is|ik ben|jag heter|jeg heter|eu sou)\s+"
    rf"(?P<name>{_NAME.replace('{1,3}', '{0,3}')}),\s"
)
#: A box headed "About <name>": the preposition a theme prints before the writer's name
#: ("About Jane Doe", "Über Jane Doe", "À propos de Jane Doe", "Acerca de Jane Doe").
_ABOUT_HEADING = re.compile(
    r"^(?i:about|über|à propos de|a propos de|acerca de|sobre|informazioni su|over|om)\s+"
    rf"(?P<name>{_NAME})$"
)
#: An "About <name>" box needs this much post above it, and this share of the region's prose.
_ABOUT_MIN_WORDS = 30
_ABOUT_SHARE = 0.0
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
#: A box whose text a renderer cut at each link ("is a writer for" / "Paper" / ", where he...")
#: spans more blocks than three: it is in the tail when this few words follow its start.
_TAIL_WORDS = 150
#: How many non-prose blocks (a share row under the name) may separate a name line from its biography.
_ROW_BLOCKS = 6
#: A box the page labelled as the author's may run longer (two paragraphs, a contact line).
_LABELLED_WORDS = 250


@dataclass(frozen=True)
class Bio:
    """A biography box: its blocks (from the first to the region's end) and the writer's name."""

    first: int
    name: str


def author_bio(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> Bio | None:
    """The biography box at the end of the region, if there is one.

    Everything from the box to the region's end goes with it (its
    "More by this author" links); nothing is found unless the box sits
    among the region's last blocks, after a full article. A box headed
    "About <the byline's name>" says itself where the post ended: it may
    close a short post, and sit above a comment thread the region took in.
    """
    prose = 0
    after = _words_after(blocks, start, end)
    total = sum(blocks[i].words for i in range(start, end) if verdicts[i].prose)
    for index in range(start, end):
        if prose >= _ABOUT_MIN_WORDS and prose >= _ABOUT_SHARE * total:
            about = _about_box(blocks, verdicts, index, end)
            if about is not None:
                return about
        if prose >= _MIN_ARTICLE_WORDS and _in_tail(after[index - start], index, end, _LABELLED_WORDS):
            labelled = _labelled_box(blocks, verdicts, index, end)
            if labelled is not None:
                return labelled
        if prose >= _MIN_ARTICLE_WORDS and _in_tail(after[index - start], index, end, _TAIL_WORDS):
            intro = _self_intro(blocks, verdicts, index)
            if intro is not None:
                return intro
            if _is_bio(blocks[index]):
                above = _name_above(blocks, verdicts, start, index)
                if above is not None:
                    return Bio(above, blocks[above].text.strip())
                opening = _NAME_OPENING.match(blocks[index].text)
                if opening and _printed_before(blocks, index, opening.group("name")):
                    return Bio(index, opening.group("name"))
            named = _named_again(blocks, verdicts, start, index)
            if named is not None:
                return named
        if verdicts[index].prose:
            prose += blocks[index].words
    return None


def _self_intro(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int) -> Bio | None:
    """A short paragraph after the article where the writer introduces themself.

    First person, a name and a comma ("Ich bin Eleonore, Betreiberin
    von...", "I'm Jane, a nurse who..."): no role word is needed, the
    register and the place after a full article are the evidence. A story
    quoting someone who introduces themself has the quote marks first.
    """
    block = blocks[index]
    if block.words > _BIO_MAX_WORDS or not verdicts[index].prose:
        return None
    intro = _SELF_INTRO.match(block.text.strip())
    return Bio(index, intro.group("name")) if intro is not None else None


def _words_after(blocks: Sequence[Block], start: int, end: int) -> list[int]:
    """The words from each block of the region to its end (item ``i`` for block ``start + i``).

    Summed once from the end: summing again for every block made the bio
    search quadratic in the region's length, a tenth of the text engine's
    time on a long live blog.
    """
    after = [0] * (end - start + 1)
    for index in range(end - 1, start - 1, -1):
        after[index - start] = after[index - start + 1] + blocks[index].words
    return after


def _in_tail(words_to_end: int, index: int, end: int, words: int) -> bool:
    """Whether ``index`` is among the region's last blocks, or ``words_to_end`` is at most ``words``."""
    return index >= end - _TAIL_BLOCKS or words_to_end <= words


def _labelled_box(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int, end: int) -> Bio | None:
    """A box the page labelled as the author's: a byline line ("About the author", the writer's name)
    after the article, then the writer's name and a short paragraph about them.

    The byline's place after a full article is the evidence, so no journalist's
    role is needed ("Jane Doe" / "Jane Doe studied law..." / "is a partner at...").
    The paragraph must open with the name or continue the name's line (a
    lower-case verb); a story's last paragraph under a "Reporting by" line does neither.
    """
    if verdicts[index].category != "byline" or verdicts[index].prose or blocks[index].words > _BYLINE_WORDS:
        return None
    name = _NAME_LINE.match(blocks[index].text.strip())
    body = index + 1
    if body < end and _is_name_line(blocks[body], verdicts[body]):
        name = _NAME_LINE.match(blocks[body].text.strip())
        body += 1
    if body >= end or not 0 < blocks[body].words <= _BIO_MAX_WORDS:
        return None
    text = blocks[body].text.strip()
    if name is None:
        # The renderer joined the name and its paragraph ("Jane Doe is a partner at...").
        name = _NAME_START.match(text)
        return Bio(index, name.group("name")) if name is not None else None
    if not (text.startswith(name.group(0)) or text[:1].islower()):
        return None
    return Bio(index, name.group(0))


def _about_box(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int, end: int) -> Bio | None:
    """A box headed "About <name>" ("Über Jane Doe") over a short paragraph, where the name is the byline's.

    Blog themes print the writer's card so after the post, with a "View
    all posts by" link below. The heading says whom the paragraph is
    about; that the page printed the same name on a short line before (its
    byline) tells a writer's card from a story's section about a person.
    """
    if verdicts[index].prose or blocks[index].words > _BYLINE_WORDS:
        return None
    heading = _ABOUT_HEADING.match(blocks[index].text.strip())
    body = index + 1
    if heading is None or body >= end or not 0 < blocks[body].words <= _BIO_MAX_WORDS:
        return None
    name = heading.group("name")
    return Bio(index, name) if _printed_before(blocks, index, name) else None


def _named_again(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, index: int) -> Bio | None:
    """A biography that opens with the name line above it ("Jane Doe" / share row / "Jane Doe writes about...").

    The name must be the byline the page printed before: a profile's last
    section headed by its subject's name opens the same way.
    """
    if blocks[index].words > _BIO_MAX_WORDS or not verdicts[index].prose:
        return None
    for above in range(index - 1, max(start, index - _ROW_BLOCKS - 1) - 1, -1):
        if verdicts[above].category in (None, "byline") and _is_name_line(blocks[above], verdicts[above]):
            # A share row's label ("Follow Us") has a name's shape, not a name's verdict.
            name = blocks[above].text.strip()
            if blocks[index].text.startswith(name + " ") and _printed_before(blocks, above, name):
                return Bio(above, name)
            return None
        if verdicts[above].prose:
            return None
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
