"""Character conditions a lexicon pattern's match must meet, read from the pattern.

Gate words (:mod:`newsclean.text.gates`) cannot help a pattern with no
literal word, or whose only word is a space: "a number run", "a date such
as 3 May 2024", "a row of separators". Those ran on nearly every line: a
cProfile over 200 soup and inscriptis dumps counted 166,000 whole-line
``fullmatch`` attempts, about four a line, a third of them by such
patterns. Two conditions settle most of them without running the pattern:

* the class of a match's first character: a whole-line match begins with
  the line's first character, and a line starting with a letter cannot be
  a number run or a row of separators;
* a digit every match holds ("2024" in a date): a line without a digit
  cannot match such a pattern, whole or in part.

Both are necessary conditions, derived from ``re``'s own parse of the
pattern and tested with ``re`` itself (the first-character class compiles
with the pattern's flags), so a pattern they pass still runs and decides;
anything the reader does not know (a back reference, inline flags) gives
no condition. Like the gates, they never change a verdict.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: Categories inside a parsed set, and the class each is spelt as.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
#: Items that match without consuming a character.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
#: What every digit-bearing pattern's match contains: ``\d`` as ``re`` reads it.
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class MatchBounds:
    """A pattern's necessary conditions: ``first`` matches a whole match's first character
    (``None``: any may be), and ``needs_digit`` says every match holds a ``\\d`` character."""

    first: re.Pattern[str] | None
    needs_digit: bool


def _parser() -> Any:
    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10: no conditions, every pattern runs
        return None


_PARSER = _parser()
#: No condition: the pattern runs on every text its gate words pass.
NO_BOUNDS = MatchBounds(None, False)


def match_bounds(source: str, parsed: Any = None) -> MatchBounds:
    """The conditions of ``source`` compiled with IGNORECASE (none when the pattern cannot be read).

    ``parsed`` is ``re``'s parse of ``source`` with IGNORECASE when the caller has it.
    """
    flags = re.IGNORECASE
    if _PARSER is None:
        return NO_BOUNDS
    if parsed is None:
        parsed = _PARSER.parse(source, flags)
    if parsed.state.flags & ~(re.IGNORECASE | re.UNICODE):
        return NO_BOUNDS  # verbose, multiline, ASCII...: read as the plain flags would be
    classes, _nullable = _first(parsed)
    first = None
    if classes is not None and classes:
        first = re.compile("|".join(dict.fromkeys(classes)), flags)
    return MatchBounds(first, _needs_digit(parsed))


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[list[str] | None, bool]:
    """The classes a sequence's first consumed character belongs to (``None``: any), and whether it can be empty."""
    classes: list[str] = []
    for op, av in items:
        found, nullable = _first_item(str(op), av)
        if found is None:
            return None, False
        classes.extend(found)
        if not nullable:
            return classes, False
    return classes, True


def _first_item(name: str, av: Any) -> tuple[list[str] | None, bool]:
    if name == "LITERAL":
        return [re.escape(chr(av))], False
    if name == "NOT_LITERAL":
        return ["[^" + re.escape(chr(av)) + "]"], False
    if name == "IN":
        spelt = _set(av)
        return (None if spelt is None else [spelt]), False
    if name in _ZERO_WIDTH:
        return [], True  # a look-ahead narrows what follows: ignoring it only widens the class
    if name == "SUBPATTERN":
        if av[1] or av[2]:
            return None, False  # inline flags: the class would need them too
        return _first(av[-1])
    if name == "ATOMIC_GROUP":
        return _first(av)
    if name == "BRANCH":
        classes: list[str] = []
        nullable = False
        for branch in av[1]:
            found, empty = _first(branch)
            if found is None:
                return None, False
            classes.extend(found)
            nullable = nullable or empty
        return classes, nullable
    if name in _REPEATS:
        found, empty = _first(av[2])
        return found, empty or av[0] == 0
    return None, False  # ANY, group references, conditionals: any character may come first


def _set(items: Iterable[tuple[Any, Any]]) -> str | None:
    """A parsed ``[...]`` spelt back as a class, or ``None`` when it holds an unknown member."""
    parts: list[str] = []
    negate = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            return None
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _needs_digit(items: Iterable[tuple[Any, Any]]) -> bool:
    """Whether every match of a parsed sequence holds a character ``\\d`` matches."""
    return any(_item_needs_digit(str(op), av) for op, av in items)


def _item_needs_digit(name: str, av: Any) -> bool:
    if name == "LITERAL":
        return DIGIT.match(chr(av)) is not None
    if name == "IN":
        return _digit_set(av)
    if name == "SUBPATTERN":
        return _needs_digit(av[-1])
    if name == "ATOMIC_GROUP":
        return _needs_digit(av)
    if name == "BRANCH":
        return all(_needs_digit(branch) for branch in av[1])
    if name in _REPEATS:
        return bool(av[0] >= 1) and _needs_digit(av[2])
    return False


def _digit_set(items: Iterable[tuple[Any, Any]]) -> bool:
    """Whether a parsed ``[...]`` matches digits only (``\\d``, ``0-9``, digit literals)."""
    members = list(items)
    for op, av in members:
        name = str(op)
        if name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            continue
        if name == "LITERAL" and DIGIT.match(chr(av)) is not None:
            continue
        if name == "RANGE" and 0x30 <= av[0] <= av[1] <= 0x39:
            continue
        return False
    return bool(members)
