"""Bylines printed in the page but not marked up: "Von: Eva Muster", "By | Jane Doe".

Many small sites print the writer only as text under the headline, with no
JSON-LD, meta tag or ``rel="author"``. A short text run that opens with a
byline label ("By", "Von", "Autor:", "Par" ... from the byline vocabulary)
followed by a person-shaped name is that byline; a label alone takes its
name from the next text run (``<span>Von:</span> <a>Eva Muster</a>``). This is
the last source the author resolver asks, so it only fills records that
would otherwise have no author.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from ..normalize.authors import after_byline_label, normalize_authors
from ..text.bylines import is_person_name
from .fields import Fallback, resolve_authors
from .metadata import PageMetadata

#: The page's visible text runs: not the code or styles inside the body.
_RUNS = "//body//text()[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript)]"
#: A byline run is short; longer text is prose that happens to start with "By".
_MAX_CHARS = 80
#: Text runs looked at, from the top of the body: bylines sit near the headline.
_MAX_RUNS = 4000
#: More names than this in one run is a list of contributors, not a byline.
_MAX_NAMES = 3
#: Given names completed at most: a blog credits one or a few writers by display name; a
#: declaration of thousands is a broken or hostile page, and each name costs a regex over the page.
_MAX_GIVEN_NAMES = 20
#: Containers of reader comments and of other stories: their names are not the writer's.
_ELSEWHERE = ("comment", "related", "teaser", "footer", "sidebar")


def _elsewhere(element: etree._Element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in ("footer", "aside", "nav", "script", "style", "noscript"):
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(word in marks for word in _ELSEWHERE):
            return True
    return False


def find_visible_byline(tree: etree._Element) -> list[str]:
    """Names of the first labelled byline printed in the page's body, or ``[]``.

    A page repeats a third of its short runs (menu items, labels, share
    rows): each distinct run is asked for a label once.
    """
    nodes = tree.xpath(_RUNS)[:_MAX_RUNS]
    runs = [str(t) for t in nodes]
    labels: dict[str, str | None] = {}
    for index, run in enumerate(runs):
        text = " ".join(run.split())
        if len(text) > _MAX_CHARS:
            continue
        if text in labels:
            rest = labels[text]
        else:
            rest = labels[text] = after_byline_label(text)
        if rest is None:
            continue
        if not rest.strip(" :|-–—") and index + 1 < len(runs):
            rest = " ".join(runs[index + 1].split())
        names = normalize_authors(rest)
        person = bool(names) and len(names) <= _MAX_NAMES and all(is_person_name(n) for n in names)
        if person and not _elsewhere(nodes[index].getparent()):
            return names
    return []


#: A surname after a given name: capitalised or in capitals.
_SURNAME = r"\s+(?P<surname>[A-ZÀ-ÞĀ-Ž][\w'’-]+)"


def _credited_surnames(name: str, runs: list[str], titles: list[str]) -> Counter[str]:
    """Surnames printed after ``name`` where a page credits a writer.

    A credit is a text run that is the full name alone (the author box, a
    link to the writer's page) or the name after a byline label ("Eine
    Kolumne von Nils Pickert", "More by Jane Doe"); in ``titles`` (the site's
    names: a personal blog is named after its writer) the full name ending one.
    """
    # The full name ends the run, or a separator follows it ("Jane Doe - reporter and editor").
    pattern = re.compile(
        rf"(?:^|(?P<label>\S+)\s+){re.escape(name)}{_SURNAME}(?P<end>\s*$|\s+[-–—|]\s)?", re.IGNORECASE
    )
    found: Counter[str] = Counter()
    for run in runs:
        for match in pattern.finditer(run):
            surname = match["surname"]
            credit = f"{name} {surname}".casefold()
            after = after_byline_label(f"{match['label']} {credit}") if match["label"] is not None else None
            labelled = after is not None and after.casefold() == credit
            alone = match["label"] is None and match["end"] is not None
            if (labelled or alone) and surname.casefold() != name.casefold():
                found[surname] += 1
    for title in titles:
        for match in pattern.finditer(title):
            if match["end"] is not None:
                found[match["surname"]] += 1
    return found


def complete_given_names(names: list[str], tree: etree._Element, site_names: list[str]) -> list[str]:
    """A writer credited by given name only ("Nils") with the full name the page credits ("Nils Pickert").

    Blogs credit their writers by a display name; the page itself names the
    writer in full in the author box, the blog's own name or a "column by"
    line. A surname a common word could be ("Nils Kommentare") never counts:
    it must not occur in lower case in the page.
    """
    if not names or len(names) > _MAX_GIVEN_NAMES:
        return names
    if any(len(n.split()) != 1 or not n[:1].isupper() or len(n) < 3 for n in names):
        return names
    nodes = tree.xpath(_RUNS)[:_MAX_RUNS]
    runs = [" ".join(str(t).split()) for t in nodes]
    text = " ".join(runs)
    outlets = {n.split()[0].casefold() for n in site_names if n.split()}
    out = []
    for name in names:
        full = name
        # An outlet credited by its name ("Euronews", the site "Euronews English") is no given name.
        surnames = _credited_surnames(name, runs, site_names) if name.casefold() not in outlets else Counter()
        if surnames:
            word = surnames.most_common(1)[0][0]
            # A common word in the text, not part of a domain or address ("steinhau.com"),
            # unless the site is named after the writer (a personal blog's logo prints it in lower case).
            common = re.search(rf"(?<![\w.@/-]){re.escape(word.lower())}(?![\w@-]|\.\w)", text) is not None
            if not common or any(word.casefold() in n.casefold() for n in site_names):
                full = f"{name} {word[:1]}{word[1:].lower() if word.isupper() else word[1:]}"
        out.append(full if is_person_name(full) else name)
    return out


def resolve_page_authors(
    meta: PageMetadata, fallback: Fallback, site_names: list[str], url: str | None, tree: etree._Element
) -> list[str]:
    """The record's authors: the declared ones, else the byline printed in ``tree``, given names completed."""
    found = resolve_authors(meta, fallback, site_names, url, visible=lambda: find_visible_byline(tree))
    return complete_given_names(found, tree, site_names)
