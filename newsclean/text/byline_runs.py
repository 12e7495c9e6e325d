"""Bylines a renderer spread over lines or glued to the header's meta line.

A page's header prints its writers as links beside the story's age; a text
render breaks or joins those inline elements where the page did not: one
writer per line with the list's comma ending each ("Von A ," / "B ,"), a
name and a relative age on one line ("Jonisayi Maromo | Published 1 day
ago"), or a name glued to the next element without a space ("Jen
MillsPublished Jul 17, 2024"). These readers put the byline back together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..normalize.authors import is_agency, split_byline
from .classify import Verdict
from .lexicon import Lexicon
from .line_ends import strip_bullet
from .person_names import LEADING_NAME, LINE_PARTS, NAMES_LINE_WORDS, RELABEL, bare_name, is_person_name
from .segment import Block


def glued_name(text: str, lexicon: Lexicon, stopwords: frozenset[str] | None) -> str | None:
    """A bare name a renderer glued to the meta line after it without a space ("Jen MillsPublished Jul 17, 2024").

    Two inline elements printed back to back leave a lower-case letter
    right before a capital inside one word; where the words from that
    capital on are a header's meta line and the words before it a name,
    the name is the writer's. Names with an inner capital ("McCarthy")
    are not cut: what follows their capital is no meta line.
    """
    for cut in range(1, len(text)):
        if text[cut - 1].islower() and text[cut].isupper() and lexicon.match_line(text[cut:]) == "meta":
            name = text[:cut].strip()
            return name if bare_name(name, lexicon, stopwords) else None
    return None


def names_with_age(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], first: int, stop: int, lexicon: Lexicon,
    stopwords: frozenset[str] | None,
) -> list[tuple[int, str]]:
    """Bare names printed on one line with the story's age ("Jonisayi Maromo | Published 1 day ago").

    A relative age ("2 minutes ago", "vor 4 Stunden") is no date line, so
    :func:`_on_date_lines` does not read it; the header prints it beside
    the writer's name. A line whose words before the first separator or
    digit are a bare name and whose rest the lexicon reads as a header's
    meta line names the writer, and so does a labelled byline among the
    line's parts ("... | Published: 5 hours ago | Written by X"). Returns
    the lines' indices and the names.
    """
    found: list[tuple[int, str]] = []
    for index in range(max(0, first), min(len(blocks), stop)):
        if verdicts[index].category not in RELABEL:
            continue
        text = strip_bullet(blocks[index].text).strip()
        kinds = [(part.strip(), lexicon.match_line(part.strip())) for part in LINE_PARTS.split(text)]
        if any(kind == "meta" for _, kind in kinds):
            # "Published: 5 hours ago | Written by Eliaser Ndeyanale": a labelled byline among the
            # ages (a line of separated items, however long, that no prose test should keep out).
            found.extend((index, part) for part, kind in kinds if kind == "byline")
        if verdicts[index].prose:
            continue
        parts = LINE_PARTS.split(text, maxsplit=1)
        leading = LEADING_NAME.match(text)
        name = parts[0] if len(parts) > 1 else leading.group(1) if leading else ""
        rest = parts[1] if len(parts) > 1 else text[len(name):]
        name, rest = name.strip(), rest.strip()
        if rest and lexicon.match_line(rest) == "meta" and bare_name(name, lexicon, stopwords):
            found.append((index, name))
    return found


#: Lines a byline's list of writers runs on over, one name or "A and B" each ("Von A ," / "B ," / "C und D").
_CONTINUED_LINES = 3
#: A renderer's comma at the end of a byline line: the list of writers goes on below.
_RUNS_ON = re.compile(r"\s*,$")
#: A note in brackets after a name ("Martí Abad (Enviado especial)"): the writer's role on the story.
_ASIDE = re.compile(r"\([^)]*\)")
#: A line that ends as a label or as a list's item: what follows it is that list's, not a byline.
_LIST_ITEM_BEFORE = re.compile(r"[,:]$")


def continued_bylines(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], first: int, stop: int, lexicon: Lexicon
) -> list[int]:
    """A byline whose writers the renderer put one per line ("Von Christian Unger ," / "Tobias Köberlein ,").

    Pages link each writer's name; a text render prints each link on its
    own line, with the list's comma ending the line before. A byline
    (the classifier's, a labelled line the lexicon reads as one once the
    comma is off, or a bare name) that ends with a comma runs on: the lines below it
    that name writers (a person's name, "A und B", an agency) belong to
    it, as long as each line before them ends with the comma. A bare name
    counts only with a names line under it: two lines of writers' names
    joined by the list's comma, the whole list (its last line without the
    comma), and not under a label or another item (a tag list is printed
    the same way: "Tags:" / "Georg von Below ," / ...). Returns the byline's own line and its
    continuations.
    """
    found: list[int] = []
    for index in range(max(0, first), min(len(blocks), stop)):
        text = blocks[index].text.strip()
        if index in found or not _RUNS_ON.search(text):
            continue
        head = _RUNS_ON.sub("", strip_bullet(text).strip())
        labelled = verdicts[index].category == "byline" or lexicon.match_line(head) == "byline"
        if not labelled and not (verdicts[index].category in RELABEL and _names_line(head, verdicts[index], lexicon)
                                 and not _LIST_ITEM_BEFORE.search(blocks[index - 1].text.strip() if index else "")):
            continue
        chain = [index]
        while len(chain) <= _CONTINUED_LINES and _RUNS_ON.search(blocks[chain[-1]].text.strip()):
            below = chain[-1] + 1
            if below >= len(blocks) or not _names_line(blocks[below].text, verdicts[below], lexicon):
                break
            chain.append(below)
        # Bare names are a byline only as a whole list: it ends where a line has no comma.
        if len(chain) > 1 and (labelled or not _RUNS_ON.search(blocks[chain[-1]].text.strip())):
            found.extend(chain)
    return found


def _names_line(text: str, verdict: Verdict, lexicon: Lexicon) -> bool:
    """Whether a line under a run-on byline names writers: names (or an agency), no digits, no UI words."""
    text = _RUNS_ON.sub("", strip_bullet(text).strip())
    if verdict.prose or not text or len(text.split()) > NAMES_LINE_WORDS or any(c.isdigit() for c in text):
        return False
    if is_agency(text):
        return True
    if lexicon.match_line(text) not in (None, "byline"):
        return False
    names = split_byline(text)
    if not names or not all(is_person_name(n) for n in names):
        return False
    # A capitalised word the names leave out is a role ("Senior Sports Correspondent" reads as the name
    # "Senior Sports"): a writer's title, not a writer. Joining words ("und", "and") are lower-case.
    kept = {w.casefold() for n in names for w in n.split()}
    words = (w.strip(",;&") for w in _ASIDE.sub(" ", text).split())
    return all(w.casefold() in kept or not w[:1].isupper() for w in words)
