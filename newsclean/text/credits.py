"""Contributor credits at the foot of a story: "Additional reporting by ...", "Mitarbeit: ...".

Wire copy and many newsrooms end a story with the people who helped write
it: "Reporting by A, B; Editing by C", "Additional reporting by D",
"Mitarbeit: E", "Avec F", "Con la colaboración de G", "H contributed to this
report". The body filter removes most of these lines as bylines, and the
record would lose who reported the story; :func:`find_credits` reads them back
into the record's ``credits``, each name with the role the line gives it.

A credit is recognised by its structure, in any language, not by a phrase:
a short line made only of clauses ``<role words> <preposition> <names>``
(or ``<role>: <names>``, or ``<names> <contribution verb> ...``), where every
name is shaped like a person's or an agency's. Role words stay as printed
(lower-cased), so a user can map "additional reporting" and "mitarbeit" to
their own vocabulary; the byline's ``authors`` are not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..normalize.authors import is_agency, normalize_authors
from ..record import Credit
from .bylines import is_person_name

#: Prepositions that put names after a role: "by", "from", "with" and their kin.
_MARKERS = (
    "by", "from", "with", "von", "mit", "par", "avec", "por", "con", "com", "de", "di", "da", "door", "met",
    "av", "med", "af", "przez", "od", "van",
)
_MARKER = "|".join(_MARKERS)
#: The prepositions that credit a helper with no role word before them ("Avec Jean Dupont").
_WITH = frozenset({"with", "mit", "avec", "con", "com", "met", "med"})
#: A preposition between words: where role words may end and names begin.
_MARKER_AT = re.compile(rf"(?<!\S)(?:{_MARKER})(?=\s)", re.IGNORECASE)
#: At most this many role words before the preposition ("Con la colaboración de").
_ROLE_WORDS = 4
#: ``<Role>: <names>``: one to three role words and a colon.
_ROLE_COLON = re.compile(r"^(?P<role>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,2})\s*:\s*(?P<names>\S.*)$")
#: ``<names> <contribution verb> ...``: stems of "contributed", "collaborated", "beigetragen" in our languages.
_CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+(?P<verb>contribu\w*|colabor\w*|collabor\w*|beigetragen|mitgewirkt|mitgearbeitet)\b"
    r"(?P<rest>.{0,40})$",
    re.IGNORECASE,
)
#: A possessive outlet before the names ("Fox News' Jane Doe", "AP's John Roe").
_POSSESSIVE = re.compile(r"^.*?\w['’]s?\s+")
#: A nominal role word: a verbal noun in the languages we read ("reporting", "Mitarbeit", "colaboración").
_NOMINAL = re.compile(r"(?:ing|ung|ion|ión|ção|zione|arbeit|hilfe|recherche|report)$", re.IGNORECASE)
#: Where one clause of a wire credit ends and the next may start: "; ", " | ".
_CLAUSE_BREAK = re.compile(r"\s*[;|]\s*")
#: A capitalised role word before a preposition, which may start the next clause without a separator.
_NEXT_ROLE = re.compile(rf"\s+(?=[A-Z][a-z]+\s+(?:{_MARKER})\s)")
#: Dashes and bullets in front of a credit line ("- – additional reporting by ...", "—Associated Press ...").
_LEAD = re.compile(r"^[\s\-–—•*·]+")
#: A credit line is short; a longer paragraph is prose that happens to contain "by".
_MAX_WORDS = 30
#: Only the story's last paragraphs hold its credits.
_TAIL = 3


def _without_agency(name: str) -> str:
    """"Associated Press John Roe" -> "John Roe": the agency a reporter works for, before the name."""
    words = name.split()
    for cut in range(1, min(4, len(words) - 1)):
        if is_agency(" ".join(words[:cut])) and is_person_name(" ".join(words[cut:])):
            return " ".join(words[cut:])
    return name


def _names(text: str) -> list[str] | None:
    """The names of a credit, or ``None`` when anything in it is not a person or an agency."""
    names = [_without_agency(n) for n in normalize_authors(text.strip().rstrip("."))]
    if not names:
        return None
    for name in names:
        if not (is_person_name(name) or is_agency(name) or (name.isupper() and 2 <= len(name) <= 5)):
            return None
    return names


def _is_role(role: str) -> bool:
    """Role words end in a verbal noun ("Additional reporting", "Mitarbeit", "Con la colaboración").

    That is what sets a credit apart from the byline above the story ("Ein
    Kommentar von", "Written by"), a link to the writer's page ("Mehr von")
    and a sentence ("He was killed by John Smith").
    """
    return bool(role) and _NOMINAL.search(role.split()[-1]) is not None


def _role_then_names(text: str) -> list[Credit] | None:
    """``<role words> <preposition> <names>``, trying each preposition as the split point."""
    for marker in _MARKER_AT.finditer(text):
        role = " ".join(text[: marker.start()].split())
        word = marker.group(0).lower()
        if len(role.split()) > _ROLE_WORDS or (not role and word not in _WITH):
            continue
        if role and not _is_role(role) and word not in _WITH:
            continue
        names = _names(text[marker.end():])
        if names is not None:
            return [Credit(role=role.lower() or word, name=name) for name in names]
    return None


def _clause(text: str) -> list[Credit] | None:
    """One clause as credits, or ``None`` when it is not a credit clause."""
    text = text.strip().rstrip(".")
    found = _role_then_names(text)
    if found is not None:
        return found
    match = _ROLE_COLON.match(text)
    if match and _is_role(match["role"]):
        names = _names(match["names"])
        if names is not None:
            return [Credit(role=" ".join(match["role"].split()).lower(), name=name) for name in names]
    match = _CONTRIBUTED.match(text)
    if match and len(match["rest"].split()) <= 4:
        names = _names(_POSSESSIVE.sub("", match["names"], count=1))
        if names is not None:
            return [Credit(role=match["verb"].lower(), name=name) for name in names]
    return None


def _clauses(part: str) -> list[Credit] | None:
    """A run of clauses without separators ("Reporting by A Writing by B"), split where each parses."""
    found = _clause(part)
    if found is not None:
        return found
    for cut in _NEXT_ROLE.finditer(part):
        head = _clause(part[: cut.start()])
        if head is not None:
            tail = _clauses(part[cut.end():])
            if tail is not None:
                return head + tail
    return None


def parse_credit_line(line: str) -> list[Credit]:
    """The credits of one line when the whole line is credit clauses, else ``[]``."""
    line = _LEAD.sub("", " ".join(line.split()))
    if not line or len(line.split()) > _MAX_WORDS:
        return []
    credits: list[Credit] = []
    for part in _CLAUSE_BREAK.split(line):
        if not part.strip():
            continue
        found = _clauses(part)
        if found is None:
            return []
        credits.extend(found)
    return credits


def find_credits(body: str, removed: Iterable[str]) -> list[Credit]:
    """Credits from the lines the cleaner removed and from the body's last paragraphs, in page order."""
    lines = [*removed, *[p for p in body.split("\n\n") if p.strip()][-_TAIL:]]
    seen: set[tuple[str, str]] = set()
    out: list[Credit] = []
    for line in lines:
        for credit in parse_credit_line(line):
            key = (credit.role, credit.name.casefold())
            if key not in seen:
                seen.add(key)
                out.append(credit)
    return out
