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
from collections.abc import Callable

#: Widths text renderers wrap at; a dump whose lines run longer is not wrapped.
_MIN_WIDTH = 50
_MAX_WIDTH = 100
#: Share of the long lines (half the width or more) that must end within
#: this many characters of the width, and how many such lines at least.
_FULL_SLACK = 12
_WIDE_SLACK = 3
_MIN_FULL_SHARE = 0.3
_MIN_FULL_LINES = 10
#: Columns a renderer may leave free at the end of its lines (lynx stops short of its width).
_MARGIN = 2
#: Share of long lines whose next line's first word would have fitted, allowed in a wrapped dump.
_MAX_FITTING_SHARE = 0.4
#: Share of lines allowed past the width (table rows, long words).
_MAX_OVER_SHARE = 0.05
_MIN_LINES = 20
#: Lines that start something new: list items, headings, quotes, table rows.
_STARTS_BLOCK = re.compile(r"^\s*(?:[*+•·-]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\|)")
#: East Asian wide characters (Hangul, CJK, kana, full-width forms): two columns each.
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
                   r"\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
#: Lines that may overflow the width: URLs, Markdown links, unbreakable tokens (a URL's broken tail).
_OVERFLOWS = re.compile(r"https?://|www\.|\]\(|\S{40}")


def columns(line: str) -> int:
    """Display width of ``line``: East Asian wide characters take two columns, as renderers count them."""
    return len(line) if line.isascii() else len(line) + len(_WIDE.findall(line))


def wrap_width(lines: list[str], measure: Callable[[str], int] = columns) -> int | None:
    """The width the dump was wrapped at, or ``None`` when it was not wrapped.

    Widths are display columns by default (w3m, html2text); lynx counts the
    characters of wide scripts, so ``len`` is the other measure to try.
    """
    return _width(lines, [measure(line.rstrip()) for line in lines], measure)


def _width(lines: list[str], sizes: list[int], measure: Callable[[str], int]) -> int | None:
    """:func:`wrap_width` with each line's size under ``measure`` already taken (``sizes[i]``)."""
    lengths = sorted(size for line, size in zip(lines, sizes, strict=True)
                     if line.strip() and not _OVERFLOWS.search(line))
    if len(lengths) < _MIN_LINES:
        return None
    # The longest line marks the width when the renderer filled lines to it;
    # a dump with a few long paragraphs among short lines falls back to a high percentile.
    width = lengths[-1] if lengths[-1] <= _MAX_WIDTH else lengths[int(0.95 * (len(lengths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    full = sum(1 for n in lengths if width - _FULL_SLACK <= n <= width)
    over = sum(1 for n in lengths if n > width + 2)
    # Menus print many short lines; what tells a wrapped dump is that its
    # long lines stop at one width, so they are the share's base.
    long = sum(1 for n in lengths if n >= width // 2)
    if full < _MIN_FULL_SHARE * long or full < _MIN_FULL_LINES or over > _MAX_OVER_SHARE * len(lengths):
        return None
    # A renderer that wraps moves a word to the next line only when it does
    # not fit: after a long line, the next line's first word would not have
    # fitted (unless an element ended there). Lines that merely happen to be
    # long do not keep that rule.
    wrapped = fitting = 0
    for line, size, after in zip(lines, sizes, lines[1:], strict=False):
        if size < width // 2 or not after.strip() or _STARTS_BLOCK.match(after):
            continue
        line = line.rstrip()
        # A script without spaces can break anywhere: its wrapped lines are full to the last column or two.
        slack = _WIDE_SLACK if measure is columns and line and _WIDE.match(line[-1]) else _FULL_SLACK
        if size + 1 + measure(after.split()[0]) <= width - _MARGIN:
            fitting += 1
        elif width - slack <= size <= width and (measure is columns or " " in line[-_FULL_SLACK:]):
            # Counted by characters, a wide script wraps at spaces; a run cut
            # without one is a site's own truncation ("...斎藤知").
            wrapped += 1
    if wrapped < _MIN_FULL_LINES or fitting > _MAX_FITTING_SHARE * (wrapped + fitting):
        return None
    return width


def _overrun(lines: list[str]) -> bool:
    """Whether more lines run past the widest width renderers wrap at than :func:`wrap_width` allows.

    Such a dump is wrapped at no width, by either measure: a line longer
    than :data:`_MAX_WIDTH` plus the two columns :func:`_width` tolerates,
    by its characters (never more than its columns), and that may not
    overflow, counts against every width, and those lines exceed
    :data:`_MAX_OVER_SHARE` of the dump's lines. A dump of paragraphs (most
    dumps) is told in one pass, without measuring or sorting its lines.
    """
    bound = _MAX_OVER_SHARE * sum(1 for line in lines if line.strip())
    over = 0
    for line in lines:
        if len(line) > _MAX_WIDTH + 2 and len(line.rstrip()) > _MAX_WIDTH + 2 and not _OVERFLOWS.search(line):
            over += 1
            if over > bound:
                return True
    return False


def unwrap(text: str) -> str:
    """``text`` with wrapped paragraphs joined back into one line each (unchanged if not wrapped).

    A line continues the one before when the next line's first word (or, in
    a script written without spaces, its first character) would not have
    fitted after it. Text in such scripts is joined without a space. Each
    line is measured once; the join below reuses the sizes the width was
    found with.
    """
    lines = text.split("\n")
    if _overrun(lines):
        return text
    measure: Callable[[str], int] = columns
    sizes = [columns(line.rstrip()) for line in lines]
    width = _width(lines, sizes, measure)
    if width is None and _WIDE.search(text):
        # Wrapped by characters (lynx): its wide-script lines break at spaces like any other.
        measure = len
        sizes = [len(line.rstrip()) for line in lines]
        width = _width(lines, sizes, measure)
    if width is None:
        return text
    out: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        # The previous physical line, as the renderer printed it (not the joined one).
        previous = lines[number - 1].rstrip() if number else ""
        if out and stripped and previous.strip() and not _STARTS_BLOCK.match(line):
            wide = measure is columns and _WIDE.match(stripped) is not None and _WIDE.match(previous[-1]) is not None
            first = stripped[0] if wide else stripped.split()[0]
            if sizes[number - 1] + (0 if wide else 1) + measure(first) > width - _MARGIN:
                out[-1] = f"{out[-1].rstrip()}{'' if wide else ' '}{stripped}"
                continue
        out.append(line)
    return "\n".join(out)


#: What text browsers print for an image or control they cannot show: the
#: file name in brackets ("[artikel_banner_2024_mobile]", "[icon_arrow]"),
#: "[IMG]", "(BUTTON)". Bracketed words without a digit, "_" or "-" stay
#: ("[sic]", "[Reuters]"), and so do footnote numbers "[1]" and Markdown
#: links and images ("[COVID-19](...)"), which :mod:`.markdown` reads.
_PLACEHOLDER = re.compile(
    r"(?<!!)\[(?=[^\]\s]{0,79}[_\d-])(?!\d{0,80}\])[^\]\s]{1,80}\](?!\()"
    r"|\[(?:IMG|INS|image|img)(?::[^\]]{0,300})?\]|\((?:BUTTON|IMAGE)\)\s?"
)


def strip_placeholders(text: str) -> tuple[str, list[str]]:
    """``text`` without text browsers' image and control placeholders, and the placeholders removed."""
    if "[" not in text and "(BUTTON)" not in text and "(IMAGE)" not in text:
        return text, []
    found: list[str] = []

    def drop(match: re.Match[str]) -> str:
        found.append(match.group(0).strip())
        return ""

    return _PLACEHOLDER.sub(drop, text), found
