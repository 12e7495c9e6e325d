"""trafilatura's attribute XPath searches, run as Python filters over one walk of the tree.

trafilatura prunes the raw page, picks the body and prunes it again with
XPath expressions of one shape: every element of a few tags whose ``id`` or
``class`` matches a regular expression (``re:test``), holds, starts with or
equals a string, sometimes unless it has a descendant of some tag, sometimes
only the first such element. libxml2 walks the tree fast, but each
``re:test`` is a call back into Python through lxml's EXSLT bridge (a
node-set built, its string read, the pattern looked up), once or more per
candidate element: on news pages with a few hundred ``<div>`` elements those
callbacks were 3 ms of a 35 ms page for the raw-tree prune, and 4 ms more
in the content extraction's body and discard searches.

:func:`attribute_filter` reads such an expression's text and returns a
function giving the same elements in the same (document) order: it walks
only the named tags and tests the attributes with the same compiled
patterns lxml's bridge uses (``re.search`` on the attribute's value, ``""``
when the element has none; for ``@id|@class`` the value of whichever comes
first in the markup, as XPath's string of a node-set is its first node's).
A last ``[1]`` keeps the first match among each element's children, as
XPath counts positions per parent; ``(...)[1]`` the first match of all. An
expression outside that small grammar comes back as it is, so the XPath
itself runs: the shortcut never guesses.

The tests an expression is parsed into, and how the or-ed tests of one
bracket that read the same value are fused into one search, are in
:mod:`.xpath_tests`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any

from lxml import etree

from .xpath_tests import Part, Pattern, Test, Value, both, either, first_value, fused

#: An XPath-like search: the context element in, the matching elements out.
Search = Callable[[etree._Element], list[Any]]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<path>\.//\*)
      | (?P<self>self::(?P<self_name>[A-Za-z][\w.-]*))
      | (?P<desc>\.//(?P<desc_name>[A-Za-z][\w.-]*))
      | (?P<attr>@(?P<attr_name>[A-Za-z][\w.-]*))
      | (?P<literal>'[^']*'|"[^"]*")
      | (?P<number>[0-9]+)
      | (?P<func>re:test|contains|starts-with|translate|not)\s*(?=\()
      | (?P<word>or|and)\b
      | (?P<punct>[\[\](),|=])
    )""",
    re.VERBOSE,
)


class _Unsupported(ValueError):
    """The expression is outside the grammar this module mirrors."""


def _tokens(text: str) -> list[tuple[str, str]]:
    """The expression's tokens as (kind, value) pairs; :class:`_Unsupported` on anything else."""
    out: list[tuple[str, str]] = []
    at = 0
    text = text.strip()
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None or match.end() == at:
            raise _Unsupported(text[at:at + 20])
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind in ("self", "desc", "attr"):
            value = match.group(f"{kind}_name")
        elif kind == "literal":
            value = value[1:-1]
        out.append((kind, value))
        at = match.end()
    return out


class _Parser:
    """A recursive-descent reader of ``.//*[...][...]``, optionally ending in ``[1]`` or wrapped as
    ``(.//*[...])[1]``, with ``or``, ``and``, ``not``, ``self::``, ``.//tag``, ``@attr``,
    ``@attr='text'``, and ``re:test``, ``contains`` and ``starts-with`` of an attribute, of the
    first of a union of attributes (``@id|@class``) or of its ``translate``."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, kind: str, value: str | None = None) -> str:
        got = self.peek()
        if got[0] != kind or (value is not None and got[1] != value):
            raise _Unsupported(f"expected {value or kind}, got {got[1] or got[0]}")
        self.at += 1
        return got[1]

    def search(self) -> tuple[list[Part], str]:
        """The predicates and how positions cut the matches: ``"all"``, ``"first"`` (``(...)[1]``)
        or ``"first-child"`` (a last ``[1]``: the first match among each element's children)."""
        if self.peek() == ("punct", "("):
            self.take("punct", "(")
            found, cut = self.predicates()
            self.take("punct", ")")
            self.position()
            if cut != "all":
                raise _Unsupported("nested positions")
            cut = "first"
        else:
            found, cut = self.predicates()
        if self.peek()[0] != "end":
            raise _Unsupported("trailing tokens")
        return found, cut

    def position(self) -> None:
        """``[1]``; any other position is outside the grammar."""
        self.take("punct", "[")
        if self.take("number") != "1":
            raise _Unsupported("a position other than 1")
        self.take("punct", "]")

    def predicates(self) -> tuple[list[Part], str]:
        """Each ``[...]`` as its test and, when it only names tags (``self::a or self::b``), those tags."""
        self.take("path")
        found: list[Part] = []
        cut = "all"
        while self.peek() == ("punct", "["):
            if self.tokens[self.at + 1][0] == "number":
                self.position()  # only as the last predicate: the ones after it would count from it
                cut = "first-child"
                break
            self.take("punct", "[")
            found.append(self.disjunction())
            self.take("punct", "]")
        if not found and cut == "all":
            raise _Unsupported("not a filtered descendant search")
        return found, cut

    def disjunction(self) -> Part:
        parts = [self.conjunction()]
        while self.peek() == ("word", "or"):
            self.take("word", "or")
            parts.append(self.conjunction())
        if len(parts) == 1:
            return parts[0]
        names = [tags for _, tags, _ in parts]
        tags = frozenset().union(*names) if all(n is not None for n in names) else None  # type: ignore[arg-type]
        return either(fused(parts)), tags, None

    def conjunction(self) -> Part:
        parts = [self.unary()]
        while self.peek() == ("word", "and"):
            self.take("word", "and")
            parts.append(self.unary())
        if len(parts) == 1:
            return parts[0]
        return both([test for test, _, _ in parts]), None, None

    def source(self) -> tuple[Value, Hashable]:
        """A function's first argument (an attribute, the first of a union of them, or its ``translate``)
        as the function reading it and a key naming what it reads."""
        if self.peek() == ("func", "translate"):
            self.take("func")
            self.take("punct", "(")
            inner, key = self.source()
            self.take("punct", ",")
            table = _translation(self.take("literal"), self.take_after_comma())
            self.take("punct", ")")
            return (lambda el: inner(el).translate(table)), ("translate", key, tuple(sorted(table.items())))
        names = [self.take("attr")]
        while self.peek() == ("punct", "|"):
            self.take("punct", "|")
            names.append(self.take("attr"))
        return first_value(names), ("attributes", tuple(names))

    def take_after_comma(self) -> str:
        self.take("punct", ",")
        return self.take("literal")

    def unary(self) -> Part:
        kind, value = self.peek()
        if kind == "func" and value == "not":
            self.take("func")
            self.take("punct", "(")
            inner, _, _ = self.disjunction()
            self.take("punct", ")")
            return (lambda el: not inner(el)), None, None
        if kind == "self":
            self.take("self")
            return (lambda el: el.tag == value), frozenset((value,)), None
        if kind == "desc":
            self.take("desc")
            return (lambda el: next(el.iterdescendants(value), None) is not None), None, None
        if kind == "attr":
            self.take("attr")
            if self.peek() == ("punct", "="):
                self.take("punct", "=")
                literal = self.take("literal")
                # An absent attribute equals nothing, not even "": only a non-empty literal reads as a pattern.
                equal = Pattern(("attributes", (value,)), first_value([value]),
                                 rf"\A{re.escape(literal)}\Z", re.UNICODE) if literal else None
                return (lambda el: el.get(value) == literal), None, equal
            return (lambda el: el.get(value) is not None), None, None
        if kind == "func" and value in ("re:test", "contains", "starts-with"):
            self.take("func")
            self.take("punct", "(")
            read, key = self.source()
            literal = self.take_after_comma()
            flags = self.take_after_comma() if self.peek() == ("punct", ",") else ""
            self.take("punct", ")")
            if value == "re:test":
                # lxml's EXSLT bridge: re.compile(pattern, re.UNICODE [| re.IGNORECASE for an "i" flag]),
                # searched in the value or "".
                mode = re.UNICODE | (re.IGNORECASE if "i" in flags else 0)
                search = re.compile(literal, mode).search
                return (lambda el: search(read(el)) is not None), None, Pattern(key, read, literal, mode)
            if flags:
                raise _Unsupported(f"a third argument to {value}")
            if value == "starts-with":
                start = Pattern(key, read, rf"\A{re.escape(literal)}", re.UNICODE)
                return (lambda el: read(el).startswith(literal)), None, start
            return (lambda el: literal in read(el)), None, Pattern(key, read, re.escape(literal), re.UNICODE)
        if (kind, value) == ("punct", "("):
            self.take("punct", "(")
            group = self.disjunction()
            self.take("punct", ")")
            return group
        raise _Unsupported(f"unexpected {value or kind}")


def _translation(source: str, target: str) -> dict[int, int]:
    """XPath ``translate``'s table for a one-to-one mapping (others are outside the grammar)."""
    if len(source) != len(target) or len(set(source)) != len(source):
        raise _Unsupported("translate with deletions or repeats")
    return str.maketrans(source, target)


def compile_filter(path: str) -> Search | None:
    """The Python search for an XPath text, or ``None`` when it is outside the mirrored grammar."""
    try:
        predicates, cut = _Parser(_tokens(path)).search()
    except (_Unsupported, re.error):
        return None
    tags = predicates[0][1] if predicates else None
    tests = [test for test, _, _ in predicates[1:]] if tags is not None else [test for test, _, _ in predicates]
    walk: tuple[Any, ...] = tuple(sorted(tags)) if tags is not None else (etree.Element,)
    test: Test = both(tests) if tests else (lambda el: True)

    if cut == "first":
        def first(tree: etree._Element) -> list[Any]:
            found = next((el for el in tree.iterdescendants(*walk) if test(el)), None)
            return [] if found is None else [found]
        return first
    if cut == "first-child":
        def first_children(tree: etree._Element) -> list[Any]:
            # In document order a parent's first matching child comes before its other matching children.
            seen: set[Any] = set()
            out = []
            for el in tree.iterdescendants(*walk):
                if test(el):
                    parent = el.getparent()
                    if parent not in seen:
                        seen.add(parent)
                        out.append(el)
            return out
        return first_children
    if not tests:
        return lambda tree: list(tree.iterdescendants(*walk))

    def search(tree: etree._Element) -> list[Any]:
        return [el for el in tree.iterdescendants(*walk) if test(el)]

    return search


@lru_cache(maxsize=64)
def attribute_filter(expression: Any) -> Search:
    """``expression`` (an lxml ``XPath``) as a Python search when its text is in the mirrored grammar, else itself.

    Cached per expression object: trafilatura's lists are module constants.
    """
    path = getattr(expression, "path", None)
    found = compile_filter(path) if isinstance(path, str) and isinstance(expression, etree.XPath) else None
    return found if found is not None else expression
