"""Markup whose size per element would make the parser or the metadata reader blow up, bounded first.

Two shapes of a page cost far more than their size suggests:

- an element with a huge number of attributes: libxml2 checks each new
  attribute against the element's others, so the cost grows with the square
  of their number (a 1.6 MB tag of 100,000 attributes ran for over five
  minutes), and every later pass over the tree pays again;
- a JSON-LD block nested deeper than Python's recursion limit: ``json.loads``
  raises ``RecursionError``, which is not a ``ValueError``, and an unguarded
  reader would lose the whole article to it.

Both are cut on the string, before anything parses it, and reported in
``warnings``. Real pages stay far below both bounds (see
:mod:`newsclean.limits`), so the common page passes through unchanged.
"""

from __future__ import annotations

import re

from ..limits import MAX_ATTRIBUTES, MAX_JSONLD_DEPTH

# A start tag as the HTML standard's tokenizer reads it: an attribute name
# runs to whitespace, "/", ">" or "="; a quote opens a value only after "=".
# Possessive quantifiers keep a broken tag (an unclosed quote) linear, and
# "<" outside quotes ends a tag's match (the standard would keep it in the
# name), so a run of "<a<a<a" without ">" is not rescanned from every "<".
_NAME = r"""[^\s/><][^\s/><=]*+"""
_VALUE = r"""\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s><]*+)"""
_ATTRIBUTE = re.compile(rf"{_NAME}(?:{_VALUE})?+")
_START_TAG = re.compile(rf"<([A-Za-z][^\s/><]*+)((?:[\s/]++|{_NAME}(?:{_VALUE})?+)*+)>")
#: A tag shorter than this cannot hold :data:`MAX_ATTRIBUTES` attributes
#: (each takes at least a separator and one character), so it is not counted.
_MIN_ATTRIBUTE_CHARS = 2

_SCRIPT_START = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _long_tag_pattern(limit: int) -> re.Pattern[str]:
    """The start of a tag with more than ``limit`` separators and attributes: what a capped tag must have.

    Every attribute of a start tag is one item of :data:`_START_TAG`'s
    attribute run, so a tag with more than ``limit`` attributes matches this
    wherever that pattern matches it. One search in C answers for the common
    page (no such tag) in half the time of listing every tag in Python.
    """
    return re.compile(rf"<[A-Za-z][^\s/><]*+(?:[\s/]++|{_NAME}(?:{_VALUE})?+){{{limit + 1},}}+")


_LONG_TAG = _long_tag_pattern(MAX_ATTRIBUTES)


def cap_attributes(page: str, limit: int = MAX_ATTRIBUTES) -> tuple[str, str | None]:
    """Keep the first ``limit`` attributes of every start tag; the warning to record when some were dropped.

    The scan is one regular-expression pass over the tags; only tags long
    enough to hold ``limit`` attributes are counted.
    """
    gate = _LONG_TAG if limit == MAX_ATTRIBUTES else _long_tag_pattern(limit)
    if "<" not in page or not gate.search(page):
        return page, None
    floor = limit * _MIN_ATTRIBUTE_CHARS
    pieces: list[str] = []
    last = 0
    elements = dropped = most = 0
    for match in _START_TAG.finditer(page):
        if len(match.group(2)) <= floor:
            continue
        attributes = _ATTRIBUTE.findall(match.group(2))
        if len(attributes) <= limit:
            continue
        elements += 1
        dropped += len(attributes) - limit
        most = max(most, len(attributes))
        pieces.append(page[last : match.start()])
        pieces.append(f"<{match.group(1)} {' '.join(attributes[:limit])}>")
        last = match.end()
    if not elements:
        return page, None
    pieces.append(page[last:])
    return "".join(pieces), (
        f"html: {elements} element{'s' if elements > 1 else ''} with up to {most} attributes; "
        f"{dropped} attributes past the first {limit} removed"
    )


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a scalar), strings skipped."""
    if text.count("[") + text.count("{") == 0:
        return 0
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub('""', text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def drop_deep_jsonld(page: str, limit: int = MAX_JSONLD_DEPTH) -> tuple[str, str | None]:
    """Remove ``<script>`` blocks (JSON-LD, the only scripts left) nested deeper than ``limit``.

    A block this deep holds no metadata a reader could use, and parsing it
    would exceed the recursion limit; it is skipped like malformed JSON-LD,
    and the rest of the page, article included, is cleaned as usual.
    """
    if "<script" not in page and "<SCRIPT" not in page:
        return page, None
    pieces: list[str] = []
    last = 0
    removed = deepest = 0
    for start in _SCRIPT_START.finditer(page):
        if start.start() < last:
            continue
        end = _SCRIPT_END.search(page, start.end())
        stop = end.start() if end else len(page)
        body = page[start.end() : stop]
        if body.count("[") + body.count("{") <= limit:
            continue
        depth = json_depth(body)
        if depth <= limit:
            continue
        removed += 1
        deepest = max(deepest, depth)
        pieces.append(page[last : start.start()])
        last = end.end() if end else len(page)
    if not removed:
        return page, None
    pieces.append(page[last:])
    return "".join(pieces), (
        f"html: skipped {removed} JSON-LD block{'s' if removed > 1 else ''} nested {deepest} levels deep "
        f"(over {limit}); its metadata is not read"
    )
