"""trafilatura's attribute XPath searches, run as Python filters over one walk of the tree.

trafilatura prunes the raw page with XPath expressions of one shape: every
element of a few tags whose ``id`` or ``class`` matches a regular
expression (``re:test``) or holds a substring (``contains``), sometimes
unless it has a descendant of some tag. libxml2 walks the tree fast, but
each ``re:test`` is a call back into Python through lxml's EXSLT bridge
(a node-set built, its string read, the pattern looked up), twice per
candidate element: on news pages with a few hundred ``<div>`` elements those
callbacks were 3 ms of a 35 ms page, the raw-tree prune alone.

:func:`attribute_filter` reads such an expression's text and returns a
function giving the same elements in the same (document) order: it walks
only the named tags and tests the attributes with the same compiled
patterns lxml's bridge uses (``re.search`` on the attribute's value, ``""``
when the element has none). An expression outside that small grammar comes
back as it is, so the XPath itself runs: the shortcut never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree

#: A test on one element.
Test = Callable[[etree._Element], bool]
#: An XPath-like search: the context element in, the matching elements out.
Search = Callable[[etree._Element], list[Any]]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<path>\.//\*)
      | (?P<self>self::(?P<self_name>[A-Za-z][\w.-]*))
      | (?P<desc>\.//(?P<desc_name>[A-Za-z][\w.-]*))
      | (?P<attr>@(?P<attr_name>[A-Za-z][\w.-]*))
      | (?P<literal>'[^']*'|"[^"]*")
      | (?P<func>re:test|contains|not)\s*(?=\()
      | (?P<word>or|and)\b
      | (?P<punct>[\[\](),])
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
    """A recursive-descent reader of ``.//*[...][...]`` with ``or``, ``and``, ``not``, ``self::``,
    ``.//tag``, ``re:test(@attr, 'pattern')`` and ``contains(@attr, 'text')``."""

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

    def predicates(self) -> list[tuple[Test, frozenset[str] | None]]:
        """Each ``[...]`` as its test and, when it only names tags (``self::a or self::b``), those tags."""
        self.take("path")
        found: list[tuple[Test, frozenset[str] | None]] = []
        while self.peek() == ("punct", "["):
            self.take("punct", "[")
            found.append(self.disjunction())
            self.take("punct", "]")
        if not found or self.peek()[0] != "end":
            raise _Unsupported("not a filtered descendant search")
        return found

    def disjunction(self) -> tuple[Test, frozenset[str] | None]:
        parts = [self.conjunction()]
        while self.peek() == ("word", "or"):
            self.take("word", "or")
            parts.append(self.conjunction())
        if len(parts) == 1:
            return parts[0]
        names = [tags for _, tags in parts]
        tags = frozenset().union(*names) if all(n is not None for n in names) else None  # type: ignore[arg-type]
        return _either([test for test, _ in parts]), tags

    def conjunction(self) -> tuple[Test, frozenset[str] | None]:
        parts = [self.unary()]
        while self.peek() == ("word", "and"):
            self.take("word", "and")
            parts.append(self.unary())
        if len(parts) == 1:
            return parts[0]
        return _both([test for test, _ in parts]), None

    def unary(self) -> tuple[Test, frozenset[str] | None]:
        kind, value = self.peek()
        if kind == "func" and value == "not":
            self.take("func")
            self.take("punct", "(")
            inner, _ = self.disjunction()
            self.take("punct", ")")
            return (lambda el: not inner(el)), None
        if kind == "self":
            self.take("self")
            return (lambda el: el.tag == value), frozenset((value,))
        if kind == "desc":
            self.take("desc")
            return (lambda el: next(el.iterdescendants(value), None) is not None), None
        if kind == "func":
            self.take("func")
            self.take("punct", "(")
            name = self.take("attr")
            self.take("punct", ",")
            literal = self.take("literal")
            self.take("punct", ")")
            if value == "re:test":
                # lxml's EXSLT bridge: re.compile(pattern, re.UNICODE), search on the value or "".
                search = re.compile(literal, re.UNICODE).search
                return (lambda el: search(el.get(name) or "") is not None), None
            return (lambda el: literal in (el.get(name) or "")), None
        if (kind, value) == ("punct", "("):
            self.take("punct", "(")
            inner_test, tags = self.disjunction()
            self.take("punct", ")")
            return inner_test, tags
        raise _Unsupported(f"unexpected {value or kind}")


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
        predicates = _Parser(_tokens(path)).predicates()
    except (_Unsupported, re.error):
        return None
    tags = predicates[0][1]
    tests = [test for test, _ in predicates[1:]] if tags is not None else [test for test, _ in predicates]
    walk: tuple[Any, ...] = tuple(sorted(tags)) if tags is not None else (etree.Element,)

    if not tests:
        return lambda tree: list(tree.iterdescendants(*walk))
    test = _both(tests)

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
