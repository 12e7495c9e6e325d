"""A lower bound on the length of trafilatura's text render of a page (``baseline.html2txt``).

trafilatura retries with recall when a short body covers less than a fifth
of ``len(html2txt(tree))``. ``html2txt`` copies the whole page, deletes
its asides, footers, scripts, styles, SVGs, templates and cookie banners
(``settings.BASIC_CLEAN_XPATH``) and renders the rest: 7 ms on the dev
pages that reach the test, 5 of them that expression's calls back into
Python. The stepwise pass (:mod:`.trafilatura_pass`) first bounds the
render from above, which settles the bodies that cover enough of the page;
:func:`page_text_floor` (2 ms on those pages) settles from below the ones
far short of a fifth, without the copy (57 of the 94 tests on the dev
pages that the upper bound left open).

The render keeps every printable non-space character of the page's
``<body>`` outside the deleted elements (it only adds spaces, drops
control characters and collapses whitespace), so that count is a lower
bound. The deleted elements are over-estimated, never under-estimated:
every element of the deleted tags, every ``<div>`` with "footer" in its
class or id (the expression reads the first of the two), every element
whose class or id matches trafilatura's cookie-banner pattern (read from its expression, so a new release's
pattern is used as it is). When the installed expression is not of that
shape, the floor is 0 and decides nothing.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from typing import Any

from lxml.etree import Element, _Element

from ..normalize.text import joined_lines

try:
    from trafilatura.settings import BASIC_CLEAN_XPATH
except ImportError:  # pragma: no cover - a trafilatura that moved it
    BASIC_CLEAN_XPATH = None

#: The expression's shape in trafilatura 2.3.1, with its cookie-banner pattern left open.
_SHAPE = re.compile(
    r"\.//aside\|\.//div\[contains\(@class\|@id, 'footer'\)\]\|\.//fencedframe\|\.//footer\|\.//script"
    r"\|\.//style\|\.//svg\|\.//template"
    r"\|\.//\*\[re:test\(@class, '(?P<pattern>[^']*)', 'i'\) or re:test\(@id, '(?P=pattern)', 'i'\)\]"
)
#: The tags the expression deletes whatever their attributes.
_DELETED_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


def _banner_search(path: object) -> Any:
    """The compiled cookie-banner pattern of the installed expression, or ``None`` when not usable here.

    As lxml's ``re:test`` with flag ``i`` compiles it. Usable when the
    expression has the shape read here and the pattern cannot match an
    absent attribute (read as "").
    """
    match = _SHAPE.fullmatch(path) if isinstance(path, str) else None
    if match is None:
        return None
    try:
        compiled = re.compile(match["pattern"], re.UNICODE | re.IGNORECASE)
    except re.error:  # pragma: no cover - lxml would have refused it too
        return None
    return None if compiled.search("") is not None else compiled


def _required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII strings of which every match of ``pattern`` holds one, or ``None`` when not found.

    Read from the parsed pattern: each top-level alternative's longest run of
    plain characters (three or more). A value holding none of them cannot
    match, and finding them is a substring search, not a regex walk.
    """
    try:
        _parser = importlib.import_module("re._parser")  # the stdlib's own parse of the pattern
        items = list(_parser.parse(pattern, re.IGNORECASE))
        literal, branch = _parser.LITERAL, _parser.BRANCH
    except Exception:  # pragma: no cover - another Python's internals
        return None
    if len(items) == 1 and items[0][0] is branch:
        alternatives = [list(alternative) for alternative in items[0][1][1]]
    else:
        alternatives = [items]
    found: list[str] = []
    for alternative in alternatives:
        runs, run = [], ""
        for op, value in [*alternative, (None, None)]:
            if op is literal and isinstance(value, int) and value < 128:
                run += chr(value).lower()
            else:
                runs.append(run)
                run = ""
        longest = max(runs, key=len)
        if len(longest) < 3:
            return None
        found.append(longest)
    return tuple(dict.fromkeys(found))


_BANNER = _banner_search(getattr(BASIC_CLEAN_XPATH, "path", None))
_BANNER_WORDS = _required_literals(_BANNER.pattern) if _BANNER is not None else None


def _banner_owners(banner: Any, values: list[str], owners: list[int]) -> set[int]:
    """The owners of the values the banner pattern matches.

    A pattern of many alternatives costs microseconds per call, more than
    the rest of the floor: on ASCII values (the usual class and id) the
    pattern is tried only on the values holding one of its required
    strings (:func:`_required_literals`), found by substring searches over
    all the values joined. For ASCII text and an ASCII string, lower-casing
    both is exactly what the pattern's ignore-case match does.
    """
    joined, starts = joined_lines(values)
    words = _BANNER_WORDS
    if words is None or not joined.isascii():
        return {owner for value, owner in zip(values, owners, strict=True) if banner.search(value) is not None}
    lowered = joined.lower()
    tried: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            tried.add(bisect_right(starts, at) - 1)
            at = lowered.find(word, at + 1)
    return {owners[index] for index in tried if banner.search(values[index]) is not None}


def _visible_chars(text: str) -> int:
    """Characters of ``text`` that survive the render: printable and not whitespace."""
    kept = "".join(text.split())
    if kept.isprintable():
        return len(kept)
    # A few distinct characters (soft hyphens, zero-width spaces) counted in C, not a loop over the text.
    return len(kept) - sum(kept.count(char) for char in set(kept) if not char.isprintable())


def page_text_floor(tree: _Element) -> int:
    """A lower bound on ``len(html2txt(tree))`` (0 when the installed trafilatura is not the shape read here)."""
    banner = _BANNER
    if banner is None:
        return 0
    body = tree.find(".//body")
    if body is None:
        body = tree
    elements = list(body.iterdescendants(Element))  # elements only: a comment's text is never rendered
    maybe: set[int] = set()
    values: list[str] = []
    owners: list[int] = []
    for index, element in enumerate(elements):
        tag = element.tag
        if tag in _DELETED_TAGS:
            maybe.add(index)
            continue
        for name in ("class", "id"):
            value = element.get(name)
            if value:  # absent or empty: "", which neither test matches
                if tag == "div" and "footer" in value:
                    maybe.add(index)
                values.append(value)
                owners.append(index)
    maybe |= _banner_owners(banner, values, owners) if values else set()
    dropped = 0
    taken: set[_Element] = set()
    for index in sorted(maybe):  # document order: an element's ancestors come before it
        element = elements[index]
        if not any(a in taken for a in element.iterancestors()):
            taken.add(element)
            # All its characters, printable or not: the floor only gets lower.
            dropped += len("".join(element.text_content().split()))
    return _visible_chars(body.text_content()) - dropped
