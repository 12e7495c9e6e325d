"""Author normalisation: names, not bylines.

Bylines leak "By", roles, e-mail addresses, handles and dates into author
fields. This module splits a byline into names and drops the rest, keeping
agency credits (they are the author of wire copy).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from .text import normalize_inline


def _load() -> dict[str, dict[str, list[str]]]:
    path = resources.files(__package__).joinpath("data/author_words.json")
    data: dict[str, dict[str, list[str]]] = json.loads(path.read_text("utf-8"))
    return data


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_DATA = _load()
_PREFIX = re.compile(
    rf"^\s*(?:{_alternation([w for ws in _DATA['prefixes'].values() for w in ws])})\s*:?\s+",
    re.IGNORECASE,
)
_CONJUNCTIONS = re.compile(
    rf"\s*(?:,|;|&|\+|/|\b(?:{_alternation([w for ws in _DATA['conjunctions'].values() for w in ws])})\b)\s*",
    re.IGNORECASE,
)
_ROLES = re.compile(
    rf"\b(?:{_alternation([w for ws in _DATA['roles'].values() for w in ws])})\b\.?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"https?://\S+")
_DATEISH = re.compile(r"\d")
_AGENCIES = frozenset(a.casefold() for a in _DATA["agencies"]["xx"])


def _name_case(name: str) -> str:
    if name.isupper() and name.casefold() not in _AGENCIES and len(name) > 4:
        return " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())
    return name


def split_byline(byline: str) -> list[str]:
    """Split one byline string into author names."""
    text = normalize_inline(byline)
    text = _EMAIL.sub(" ", _URL.sub(" ", text))
    text = _HANDLE.sub(" ", text)
    # "Updated ..." or a date after the names ends the byline.
    text = re.split(r"\b(?:updated|published|aktualisiert|mis à jour)\b|\|", text, flags=re.IGNORECASE)[0]
    names: list[str] = []
    for part in _CONJUNCTIONS.split(_PREFIX.sub("", text)):
        part = _ROLES.sub(" ", _PREFIX.sub("", part))
        part = " ".join(part.strip(" .,;:-–—()[]").split())
        if not part or _DATEISH.search(part) or len(part) > 60 or len(part.split()) > 5:
            continue
        names.append(_name_case(part))
    return names


def normalize_authors(values: list[str] | str | None) -> list[str]:
    """Normalise one or more bylines into a de-duplicated list of names."""
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        for name in split_byline(value):
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


def is_agency(name: str) -> bool:
    """True for a news agency credit such as AFP or Reuters."""
    return name.strip().casefold() in _AGENCIES
