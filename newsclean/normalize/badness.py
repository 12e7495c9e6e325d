"""ftfy's mojibake check (``ftfy.badness.is_bad``), answered by a faster regex of the same language.

``is_bad`` searches ftfy's ``BADNESS_RE``, an alternation of about forty
short sequences, at every position of a text; Python's regex engine cannot
skip ahead for it (some alternatives begin with an ASCII class, one with
``^``), so every character of every page pays for all of them: close to half
of the plain-text path's line-reading time. But every alternative holds a
character class of non-ASCII characters only, the *pivot*, at a fixed
offset. :func:`_pivoted` rewrites each alternative around its pivot: the
pivot first, what precedes it as a fixed-width look-behind, what follows
as a look-ahead. A match of the rewritten alternative at the pivot exists
exactly when the original alternative matches at the pivot's offset before
it, so a search finds a match anywhere exactly when ftfy's does. The
rewritten pattern opens with the union of the pivots as one class, which
lets the engine skip, in C, every character outside it (all ASCII and most
scripts).

The rewrite is derived from ftfy's own compiled pattern when this module is
imported, not copied, so an ftfy upgrade is picked up; if its pattern ever
holds a construct the rewrite does not know, :func:`is_bad` is ftfy's own.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad

_Item = tuple[Any, Any]

# The regex parser is a private module of the standard library (renamed in 3.11);
# nothing but the rewrite below uses it, and ftfy's own check stands in if it moves again.
_NEW_PARSER = sys.version_info >= (3, 11)
sre: Any = importlib.import_module("re._constants" if _NEW_PARSER else "sre_constants")
sre_parse: Any = importlib.import_module("re._parser" if _NEW_PARSER else "sre_parse")


class _Unsupported(ValueError):
    """A construct in ftfy's pattern that the rewrite does not handle."""


def _members(item: _Item) -> frozenset[int] | None:
    """The code points a one-character item matches, when it is a plain set of them."""
    op, arg = item
    if op is sre.LITERAL:
        return frozenset((arg,))
    if op is not sre.IN:
        return None
    codes: set[int] = set()
    for sub_op, sub_arg in arg:
        if sub_op is sre.LITERAL:
            codes.add(sub_arg)
        elif sub_op is sre.RANGE:
            codes.update(range(sub_arg[0], sub_arg[1] + 1))
        else:  # a category (\s, \w) or a negated class: not a finite plain set
            return None
    return frozenset(codes)


def _class_source(codes: frozenset[int]) -> str:
    return "[" + "".join(f"\\U{code:08x}" for code in sorted(codes)) + "]"


def _item_source(item: _Item) -> str:
    """Regex source for one item of ftfy's pattern (the kinds it uses, no others)."""
    op, arg = item
    members = _members(item)
    if members is not None:
        return _class_source(members)
    if op is sre.ANY:
        return "."
    if op is sre.AT and arg is sre.AT_BEGINNING:
        return "^"
    if op is sre.IN:
        parts = []
        for sub_op, sub_arg in arg:
            if sub_op is sre.NEGATE:
                parts.append("^")
            elif sub_op is sre.LITERAL:
                parts.append(f"\\U{sub_arg:08x}")
            elif sub_op is sre.RANGE:
                parts.append(f"\\U{sub_arg[0]:08x}-\\U{sub_arg[1]:08x}")
            elif sub_op is sre.CATEGORY and sub_arg is sre.CATEGORY_SPACE:
                parts.append("\\s")
            elif sub_op is sre.CATEGORY and sub_arg is sre.CATEGORY_WORD:
                parts.append("\\w")
            else:
                raise _Unsupported(repr(item))
        return "[" + "".join(parts) + "]"
    raise _Unsupported(repr(item))


def _expand_optional(branch: Sequence[_Item]) -> list[list[_Item]]:
    """The fixed-width sequences a branch stands for (``x?`` becomes with and without ``x``)."""
    expanded: list[list[_Item]] = [[]]
    for op, arg in branch:
        if op is sre.MAX_REPEAT and arg[0] == 0 and arg[1] == 1 and len(arg[2]) == 1:
            expanded = [seq + extra for seq in expanded for extra in ([], [arg[2][0]])]
        elif op in (sre.LITERAL, sre.IN, sre.ANY, sre.AT):
            expanded = [[*seq, (op, arg)] for seq in expanded]
        else:
            raise _Unsupported(repr((op, arg)))
    return expanded


def _pivot(sequence: Sequence[_Item]) -> int:
    """Index of the smallest all-non-ASCII class in a sequence: where its matches are looked for."""
    candidates = [
        (len(members), index)
        for index, members in ((i, _members(item)) for i, item in enumerate(sequence))
        if members and min(members) > 0x7F
    ]
    if not candidates:
        raise _Unsupported(repr(sequence))
    return min(candidates)[1]


def _pivoted(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], frozenset[int]]:
    """``pattern`` rewritten so that every match starts on one of its pivots; and the pivots' union."""
    if pattern.flags & ~(re.VERBOSE | re.UNICODE):
        raise _Unsupported(f"flags {pattern.flags}")
    parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is sre.BRANCH else [parsed]
    alternatives: list[str] = []
    pivots: set[int] = set()
    for branch in branches:
        for sequence in _expand_optional(branch):
            k = _pivot(sequence)
            members = _members(sequence[k])
            assert members is not None
            pivots |= members
            behind = "".join(_item_source(item) for item in sequence[: k + 1])
            ahead = "".join(_item_source(item) for item in sequence[k + 1 :])
            alternatives.append(f"(?<={behind})" + (f"(?={ahead})" if ahead else ""))
    pivot_set = frozenset(pivots)
    return re.compile(_class_source(pivot_set) + "(?:" + "|".join(alternatives) + ")"), pivot_set


def _build() -> Callable[[str], bool]:
    try:
        fast, _ = _pivoted(BADNESS_RE)
    except (_Unsupported, re.error, AttributeError):
        return ftfy_is_bad
    search = fast.search

    def is_bad(text: str) -> bool:
        return search(text) is not None

    return is_bad


#: Whether ``text`` holds a sequence ftfy takes for mojibake: ``ftfy.badness.is_bad(text)``, faster.
is_bad: Callable[[str], bool] = _build()
