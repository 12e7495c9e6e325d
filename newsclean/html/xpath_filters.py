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

The or-ed tests of one bracket that read the same value (``@class='x' or
contains(@class, 'y') or re:test(@class, 'z|w')``) are fused into one
pattern, ``(?:\\Ax\\Z)|(?:y)|(?:z|w)``, searched once: an ``or`` of pure tests
does not depend on their order, and one search in C costs less than a
Python call and a search per test on each of a page's few thousand elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

#: A test on one element.
Test = Callable[[etree._Element], bool]
#: A string read from one element (an attribute's value, ``""`` when it has none).
Value = Callable[[etree._Element], str]
#: An XPath-like search: the context element in, the matching elements out.
Search = Callable[[etree._Element], list[Any]]
#: A bracket's test, the tags it names (``self::a or self::b``) if it only names tags, and its pattern form.
Part = tuple[Test, "frozenset[str] | None", "_Pattern | None"]

#: What a pattern must not hold to be fused with others: a group referred to by number or name
#: would point into another pattern's groups once they are joined.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class _Pattern(NamedTuple):
    """A test as a regular expression searched in one value: the form in which or-ed tests fuse."""

    #: Which value is read (the attribute names, or a ``translate`` of them): tests fuse only on one value.
    source: Hashable
    read: Value
    pattern: str
    flags: int

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
        return _either(_fused(parts)), tags, None

    def conjunction(self) -> Part:
        parts = [self.unary()]
        while self.peek() == ("word", "and"):
            self.take("word", "and")
            parts.append(self.unary())
        if len(parts) == 1:
            return parts[0]
        return _both([test for test, _, _ in parts]), None, None

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
        return _first_value(names), ("attributes", tuple(names))

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
                equal = _Pattern(("attributes", (value,)), _first_value([value]),
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
                return (lambda el: search(read(el)) is not None), None, _Pattern(key, read, literal, mode)
            if flags:
                raise _Unsupported(f"a third argument to {value}")
            if value == "starts-with":
                start = _Pattern(key, read, rf"\A{re.escape(literal)}", re.UNICODE)
                return (lambda el: read(el).startswith(literal)), None, start
            return (lambda el: literal in read(el)), None, _Pattern(key, read, re.escape(literal), re.UNICODE)
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


def _first_value(names: list[str]) -> Value:
    """The string value of ``@a|@b|...``: the first of those attributes in the element's own order, else ``""``.

    XPath's string of a node-set is its first node's in document order, which
    for attributes of one element is their order in the markup (lxml keeps it).
    """
    if len(names) == 1:
        name = names[0]
        return lambda el: el.get(name) or ""
    wanted = frozenset(names)

    if len(names) == 2:
        one, other = names

        def first_of_two(el: etree._Element) -> str:  # the usual @id|@class, without a list per element
            found: str | None = el.get(one)
            also: str | None = el.get(other)
            if found is None:
                return also or ""
            if also is None:
                return found
            ordered: list[str] = [v for k, v in el.items() if k in wanted]
            return ordered[0]

        return first_of_two

    def first(el: etree._Element) -> str:
        present: list[str] = [v for v in map(el.get, names) if v is not None]
        if len(present) < 2:
            return present[0] if present else ""
        ordered: list[str] = [v for k, v in el.items() if k in wanted]
        return ordered[0]

    return first


def _fused(parts: list[Part]) -> list[Test]:
    """The tests of or-ed parts, those reading one value with one set of flags fused into one search.

    Each fused test stands where the first of its parts stood; parts that
    have no pattern form, or whose patterns do not join, stay as they are.
    """
    groups: dict[tuple[Hashable, int], list[int]] = {}
    for at, (_, _, pattern) in enumerate(parts):
        if pattern is not None and not _BACKREFERENCE.search(pattern.pattern):
            groups.setdefault((pattern.source, pattern.flags), []).append(at)
    fused: dict[int, Test | None] = {}  # by part: the fused test at the group's first part, None at the others
    for (_, flags), members in groups.items():
        if len(members) < 2:
            continue
        patterns = [parts[at][2] for at in members]
        try:
            search = re.compile("|".join(f"(?:{p.pattern})" for p in patterns if p is not None), flags).search
        except re.error:  # a pattern's inline global flag, legal only at the start of the whole pattern
            continue
        fused.update(dict.fromkeys(members[1:]))
        fused[members[0]] = _searched(search, patterns[0])  # type: ignore[arg-type]
    tests: list[Test] = []
    for at, (test, _, _) in enumerate(parts):
        if at not in fused:
            tests.append(test)
        elif (joined := fused[at]) is not None:
            tests.append(joined)
    return tests


def _searched(search: Callable[[str], Any], pattern: _Pattern) -> Test:
    """The test that ``search`` finds something in the value ``pattern`` reads (one attribute's read inline)."""
    source = pattern.source
    if isinstance(source, tuple) and source[0] == "attributes" and len(source[1]) == 1:
        name = source[1][0]
        return lambda el: search(el.get(name) or "") is not None
    read = pattern.read
    return lambda el: search(read(el)) is not None


def _either(tests: list[Test]) -> Test:
    """The tests joined by ``or``, as nested calls (a generator per element costs more than the tests)."""
    first, *rest = tests
    if not rest:
        return first
    others = _either(rest)
    return lambda el: first(el) or others(el)


def _both(tests: list[Test]) -> Test:
    """The tests joined by ``and``, as nested calls."""
    first, *rest = tests
    if not rest:
        return first
    others = _both(rest)
    return lambda el: first(el) and others(el)


def compile_filter(path: str) -> Search | None:
    """The Python search for an XPath text, or ``None`` when it is outside the mirrored grammar."""
    try:
        predicates, cut = _Parser(_tokens(path)).search()
    except (_Unsupported, re.error):
        return None
    tags = predicates[0][1] if predicates else None
    tests = [test for test, _, _ in predicates[1:]] if tags is not None else [test for test, _, _ in predicates]
    walk: tuple[Any, ...] = tuple(sorted(tags)) if tags is not None else (etree.Element,)
    test: Test = _both(tests) if tests else (lambda el: True)

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
