"""The element tests of an attribute XPath filter, and how an ``or`` or an ``and`` of them runs.

:mod:`.xpath_filters` parses trafilatura's attribute XPath expressions
into tests on one element. Here is what those tests read (an attribute's
value, XPath's string of an ``@a|@b`` node-set) and how a bracket's tests
combine: as nested calls, and, for or-ed tests that read the same value
with the same flags, as one fused pattern searched once
(``@class='x' or contains(@class, 'y')`` is ``(?:\\Ax\\Z)|(?:y)``). An
``or`` of pure tests does not depend on their order, and one search in C
costs less than a Python call and a search per test on each of a page's
few thousand elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple

from lxml import etree

#: A test on one element.
Test = Callable[[etree._Element], bool]
#: A string read from one element (an attribute's value, ``""`` when it has none).
Value = Callable[[etree._Element], str]
#: A bracket's test, the tags it names (``self::a or self::b``) if it only names tags, and its pattern form.
Part = tuple[Test, "frozenset[str] | None", "Pattern | None"]

#: What a pattern must not hold to be fused with others: a group referred to by number or name
#: would point into another pattern's groups once they are joined.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class Pattern(NamedTuple):
    """A test as a regular expression searched in one value: the form in which or-ed tests fuse."""

    #: Which value is read (the attribute names, or a ``translate`` of them): tests fuse only on one value.
    source: Hashable
    read: Value
    pattern: str
    flags: int


def first_value(names: list[str]) -> Value:
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


def fused(parts: list[Part]) -> list[Test]:
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


def _searched(search: Callable[[str], Any], pattern: Pattern) -> Test:
    """The test that ``search`` finds something in the value ``pattern`` reads (one attribute's read inline)."""
    source = pattern.source
    if isinstance(source, tuple) and source[0] == "attributes" and len(source[1]) == 1:
        name = source[1][0]
        return lambda el: search(el.get(name) or "") is not None
    read = pattern.read
    return lambda el: search(read(el)) is not None


def either(tests: list[Test]) -> Test:
    """The tests joined by ``or``, as nested calls (a generator per element costs more than the tests)."""
    first, *rest = tests
    if not rest:
        return first
    others = either(rest)
    return lambda el: first(el) or others(el)


def both(tests: list[Test]) -> Test:
    """The tests joined by ``and``, as nested calls."""
    first, *rest = tests
    if not rest:
        return first
    others = both(rest)
    return lambda el: first(el) and others(el)
