"""Paragraphs from dumps a renderer wrapped at a fixed width.

Text browsers (lynx, w3m) and html2text's default print paragraphs as
lines of at most 70 to 80 characters. The engine reads a line as a unit:
a wrapped paragraph would be judged as many short labels and its pieces
would lose the prose evidence that keeps them. A dump is wrapped when its
lines stop at one width; a line then continues on the next when the next
line's first word would not have fitted after it.
"""

from __future__ import annotations

import re

#: Widths text renderers wrap at; a dump whose lines run longer is not wrapped.
_MIN_WIDTH = 50
_MAX_WIDTH = 100
#: Share of lines that must end within this many characters of the width.
_FULL_SLACK = 12
_MIN_FULL_SHARE = 0.2
#: Share of lines allowed past the width (table rows, long words).
_MAX_OVER_SHARE = 0.05
_MIN_LINES = 20
#: Lines that start something new: list items, headings, quotes, table rows.
_STARTS_BLOCK = re.compile(r"^\s*(?:[*+•·-]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\|)")
#: Lines that may overflow the width: URLs, Markdown links, unbreakable tokens (a URL's broken tail).
_OVERFLOWS = re.compile(r"https?://|www\.|\]\(|\S{40}")


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was wrapped at, or ``None`` when it was not wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip() and not _OVERFLOWS.search(line))
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    full = sum(1 for n in lengths if width - _FULL_SLACK <= n <= width)
    over = sum(1 for n in lengths if n > width + 2)
    if full < _MIN_FULL_SHARE * len(lengths) or over > _MAX_OVER_SHARE * len(lengths):
        return None
    return width


def unwrap(text: str) -> str:
    """``text`` with wrapped paragraphs joined back into one line each (unchanged if not wrapped)."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and stripped and out[-1].strip() and not _STARTS_BLOCK.match(line):
            previous = out[-1].rstrip()
            first_word = stripped.split()[0]
            if len(previous) + 1 + len(first_word) > width:
                out[-1] = f"{previous} {stripped}"
                continue
        out.append(line)
    return "\n".join(out)
