"""Author normalisation: names, not bylines.

Bylines leak "By", roles, e-mail addresses, handles, dates and "Updated ..."
fragments into author fields. This module splits a byline into names and
drops the rest, keeping agency credits (they are the author of wire copy)
and newsroom credits ("BR24 Redaktion"). Word lists live in
``data/author_words.json``; names are never split on spaces, so CJK and
Arabic names stay whole.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from ..lazy import Lazy
from .date_forms import DATE_SPAN
from .text import collapse_doubled, normalize_inline

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_SLUG = re.compile(r"^[a-z]+(?:-[a-z]+){1,3}$")
#: Dates and times in a byline fragment: "23.07.2023", "9:14 AM", "2023-07-23", "July 23, 2023".
_DATEISH = re.compile(r"\d{1,4}[./:-]\d{1,2}|\b(?:19|20)\d{2}\b|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
#: A parenthesised or bracketed note after a name: "(obe)", "[AFP]", "(cog.)".
_NOTE = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,24}?)\s*[)\]]")
#: What follows a name as a number ("… 4 Febbraio 2025 - 14:41", "… 2 minutes read") is a date or a count.
_NUMBER_TAIL = re.compile(r"(?<=\S)\s+\d.*$")
#: A byline wrapped in brackets, as Chinese pages print it: "(责编：牛镛、岳弘彬)".
_WRAPPED = re.compile(r"^\s*[(（\[]\s*(?P<inner>[^()（）\[\]]+?)\s*[)）\]]\s*$")
#: Metadata's "Last, First" (Dublin Core, citation tags): "You, Xiaoying", "Lenharo, Mariana".
_INVERTED = re.compile(r"^(?P<last>[^\W\d_][\w'’-]+),\s+(?P<first>[^\W\d_][\w'’-]+(?:\s+[^\W\d_]\.)?)$")
#: A name that ends in an initial or a short suffix keeps its full stop: "Joe S.", "Perry Bacon Jr.".
_ABBREVIATED_END = re.compile(r"(?<=\s)[^\W\d_][^\W\d_]?\.$")
_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 60


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _flat(group: dict[str, list[str]]) -> list[str]:
    return [w for ws in group.values() for w in ws]


def _is_unspaced(word: str) -> bool:
    return any(0x3040 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF for ch in word)


class _AuthorLexicon:
    """The compiled byline vocabulary, built once per process from the data file."""

    def __init__(self) -> None:
        path = resources.files(__package__).joinpath("data/author_words.json")
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        self.particles = frozenset(data["particles"])
        self.prefix = re.compile(
            rf"^\s*(?:{_alternation(_flat(data['prefixes']))})(?:\s*:?\s+|\s*[:：]\s*)", re.IGNORECASE
        )
        self.conjunctions = re.compile(
            rf"\s*(?:,|;|&|\+|/|、|，|；|،|\s(?:{_alternation(_flat(data['conjunctions']))})\s)\s*",
            re.IGNORECASE,
        )
        self.dangling = re.compile(rf"\s+(?:{_alternation(_flat(data['conjunctions']))})\s*$", re.IGNORECASE)
        roles = _flat(data["roles"])
        spaced = [r for r in roles if not _is_unspaced(r)]
        unspaced = [r for r in roles if _is_unspaced(r)]
        self.roles = re.compile(rf"(?<!\w)(?:{_alternation(spaced)})(?!\w)\.?", re.IGNORECASE)
        # Scripts without spaces glue the role to the name ("山田太郎記者").
        self.glued_roles = re.compile(rf"(?:{_alternation(unspaced)})")
        self.desks = re.compile(rf"(?<!\w)(?:{_alternation(data['desks'])})(?!\w)", re.IGNORECASE)
        self.cut = re.compile(
            rf"(?:(?<!\w)(?:{_alternation([w for w in data['cut_words'] if not _is_unspaced(w)])})(?!\w)"
            rf"|{_alternation([w for w in data['cut_words'] if _is_unspaced(w)])}).*$",
            re.IGNORECASE,
        )
        others = [re.escape(w).replace(re.escape("{n}"), r"\d+") for w in data["others"]]
        self.others = re.compile(rf"\s*(?:{'|'.join(others)})\s*$", re.IGNORECASE)
        self.place = re.compile(
            rf"\s+(?:{_alternation(data['place_markers'])})\s+[A-ZÀ-Þ][\w'-]*(?:\s+[A-ZÀ-Þ][\w'-]*)?\s*$"
        )
        self.affiliation = re.compile(rf"\s+(?:{_alternation(data['affiliation_markers'])})\s+\S.*$", re.IGNORECASE)
        canonical = data["agencies"]["xx"]
        self.agencies = {a.casefold(): a for a in canonical}
        # An agency printed right after a name, without a separator: "… Stepanenko The Associated Press".
        spellings = [*canonical, *(a.upper() for a in canonical)]
        self.agency_tail = re.compile(
            rf"^(?P<name>.*?\S)\s+(?P<agency>(?:The\s+|THE\s+)?(?:{_alternation(spellings)}))$"
        )


_LEXICON: Lazy[_AuthorLexicon] = Lazy(_AuthorLexicon)


def _name_case(name: str, lex: _AuthorLexicon) -> str:
    """ALL-CAPS names to name case; particles lower-case, agency acronyms kept."""
    if not name.isupper() or name.casefold() in lex.agencies:
        return name
    words = name.split()
    if len(words) == 1 and len(name) <= 4:
        return name  # an acronym credit ("TPN"), not a name
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index > 0 and lower in lex.particles:
            out.append(lower)
        elif word.casefold() in lex.agencies and len(word) <= 4:
            out.append(word)
        else:
            out.append("-".join(_cap(piece) for piece in word.split("-")))
    return " ".join(out)


def _cap(word: str) -> str:
    head, sep, tail = word.partition("'")
    if sep and len(head) <= 2 and tail:
        return head.capitalize() + sep + tail.capitalize()  # O'NEIL -> O'Neil
    return word.capitalize()


def _strip_prefix(text: str, lex: _AuthorLexicon) -> str:
    match = lex.prefix.match(text)
    if not match:
        return text
    word = match.group(0).strip(" :：")
    rest = text[match.end():].split()
    # "Di Maio", "von der Leyen": a particle that starts a name is not a "By";
    # "Von dpa" and "di Mario Rossi" are.
    if word.lower() in lex.particles and rest:
        if rest[0].lower() in lex.particles:
            return text
        if len(rest) == 1 and word[:1].isupper() and " ".join(rest).casefold() not in lex.agencies:
            return text
    return text[match.end():]


def _clean_part(part: str, lex: _AuthorLexicon) -> list[str]:
    """One name-sized piece of a byline: zero, one or (with a noted agency) two credits."""
    number = _NUMBER_TAIL.search(part)
    if number and not part.lstrip()[:1].isdigit():
        head = part[: number.start()]
        if len(head.split()) >= 2 or head.strip().casefold() in lex.agencies:
            part = head  # "Marco Pizzorno 4 Febbraio 2025", "dpa 30.04.2024"; not "Do 25.04.24"
    tail = lex.agency_tail.match(part.strip())
    if tail and len(tail["name"].split()) >= 2:
        return [*_clean_part(tail["name"], lex), *_clean_part(tail["agency"], lex)]
    extra: list[str] = []
    for note in _NOTE.findall(part):
        if note.strip().casefold() in lex.agencies:
            extra.append(lex.agencies[note.strip().casefold()])
    part = _NOTE.sub(" ", part)
    part = lex.others.sub("", _strip_prefix(part.strip(), lex))
    part = lex.affiliation.sub("", lex.place.sub("", part))
    had_role = False
    if not lex.desks.search(part):
        part, roles = lex.roles.subn(" ", part)
        had_role = roles > 0
    part = lex.glued_roles.sub(" ", part)
    abbreviated = _ABBREVIATED_END.search(part.rstrip(" ,;:-–—|"))
    part = " ".join(part.strip(" .,;:-–—|").split())
    if abbreviated and len(part.split()) >= 2:
        part += "."  # "Perry Bacon Jr.", "Joe S.": the full stop belongs to the name
    if had_role and len(part.split()) == 1 and part.casefold() not in lex.agencies:
        return extra  # the rest of a title ("News" of "News Reporter"), not a name
    part = collapse_doubled(part)  # "Martin Gramnæs Martin Gramnæs"
    if _SLUG.match(part):
        part = " ".join(w.capitalize() for w in part.split("-"))  # a CMS slug: "chuck-ross"
    if (
        not part
        or _DATEISH.search(part)
        or len(part) > _MAX_NAME_CHARS
        or len(part.split()) > _MAX_NAME_WORDS
        or not any(ch.isalpha() for ch in part)
        or _is_description(part, lex)
    ):
        return extra
    agency = lex.agencies.get(part.casefold())
    return [agency or _name_case(part, lex), *extra]


def _uninvert(text: str, lex: _AuthorLexicon) -> str:
    """"You, Xiaoying" -> "Xiaoying You"; not for an agency or a role ("AFP, Manila", "Smith, Editor")."""
    match = _INVERTED.match(text)
    if not match or not (match["last"][:1].isupper() and match["first"][:1].isupper()):
        return text
    words = (match["last"], match["first"].split()[0])
    if any(w.casefold() in lex.agencies or lex.roles.fullmatch(w) or lex.desks.search(w) for w in words):
        return text
    return f"{match['first']} {match['last']}"


def _is_description(part: str, lex: _AuthorLexicon) -> bool:
    """"Professor of History", "für die Zeit": a lower-case word before a capitalised one.

    Names hold lower-case words only as particles ("van", "de") or as a trailing
    tag ("FOCUS online"); all-lower-case credits ("jane doe") are kept too.
    """
    cased = [w for w in part.split() if w[:1].isalpha() and w[:1].upper() != w[:1].lower()]
    for index, word in enumerate(cased):
        lower_word = word[:1].islower() and word.lower() not in lex.particles
        if lower_word and any(w[:1].isupper() for w in cased[index + 1:]):
            return True
    return False


def _drop_ui_phrase(text: str, lex: _AuthorLexicon) -> str:
    """"View all posts by Jane Doe" -> "by Jane Doe": a phrase of lower-case words before a byline label.

    A name holds lower-case words only as particles ("von der Leyen"), so a
    head with another lower-case word is a link text or a sentence, and the
    label after it starts the byline.
    """
    words = text.split(" ")
    for index in range(1, min(len(words) - 1, 6)):
        head = words[:index]
        label, after = words[index], words[index + 1]
        if not label.islower() or lex.prefix.match(label + " ") is None:
            continue
        # After a particle a name goes on capitalised ("Hans von Trotha"); a lower-case
        # handle after it ("Artikel von hausinfo") means the head was a phrase.
        handle = index + 2 == len(words) and after.islower() and after not in lex.particles
        if label in lex.particles and not handle:
            continue
        if handle or any(w[:1].islower() and w.lower() not in lex.particles for w in head[1:]):
            return " ".join(words[index:])
    return text


def split_byline(byline: str) -> list[str]:
    """Split one byline string into author names."""
    lex = _LEXICON.get()
    text = normalize_inline(byline)
    text = _HANDLE.sub(" ", _EMAIL.sub(" ", _URL.sub(" ", text)))
    # A date printed in the byline ("By Jane Smith, March 5, 2024") would split into a name-shaped "March 5".
    text = DATE_SPAN.sub(" ", text)
    wrapped = _WRAPPED.match(text)
    text = _uninvert(wrapped["inner"] if wrapped else text, lex)
    if lex.prefix.match(text) is None:
        text = _drop_ui_phrase(text, lex)
    names: list[str] = []
    for segment in re.split(r"\s+[|•·]\s+|\s*\|\s*", text):
        # "Updated ...", "Published ..." and what follows end the names of a segment.
        segment = lex.cut.sub("", segment)
        # "… and 2 others", "박준석 기자 외 1명", "… with agencies": no names, and the joining word goes too.
        segment = lex.dangling.sub("", lex.others.sub("", segment))
        for part in lex.conjunctions.split(_strip_prefix(segment, lex)):
            names.extend(_clean_part(part, lex))
    # A site's domain after a name ("Jane Doe, example.org") is the outlet's tag;
    # alone it is the only credit the page gives, and stays.
    people = [n for n in names if not _DOMAIN.match(n)]
    return people if people else names


def normalize_authors(values: list[str] | str | None) -> list[str]:
    """Normalise one or more bylines into a de-duplicated list of names."""
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        for name in split_byline(value):
            key = " ".join(name.casefold().split())
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


def is_agency(name: str) -> bool:
    """True for a news agency credit such as AFP or Reuters."""
    return name.strip().casefold() in _LEXICON.get().agencies


def joins_names(word: str) -> bool:
    """Whether ``word`` joins two writers' names in a byline ("und", "and", "&", "et", "y")."""
    return _LEXICON.get().conjunctions.fullmatch(f" {word} ") is not None


def after_byline_label(text: str) -> str | None:
    """What follows a byline label ("Von: Eva Muster" -> "Eva Muster", "By" -> ""), or ``None`` without one.

    For finding bylines in page text, where a label is the evidence that a
    short line names the writer. A name that starts with a particle ("Von der
    Leyen") is not a label.
    """
    lex = _LEXICON.get()
    normal = normalize_inline(text).strip()
    if lex.prefix.match(normal + " ") is None:
        return None
    rest = _strip_prefix(normal + " ", lex).strip()
    return None if rest == normal else rest
