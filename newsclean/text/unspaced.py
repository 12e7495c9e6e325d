"""Line breaks of a flattened Chinese or Japanese dump: the spaces between its elements.

Chinese and Japanese are written without spaces between words. A page of
them printed as one run of words (:mod:`~newsclean.text.unflatten`) has a
space where the renderer had an element boundary: between menu items,
between teaser headlines, after a byline, and where an inline link broke a
sentence ("気象庁 は13日、…"). Terminal punctuation alone cannot cut such a
page: headlines, menus and teaser lists have none, so the whole page but
its sentences stays one line, and a run of teaser headlines thousands of
characters long then outweighs the article.

So in such a dump each space between two characters of those scripts goes
back to being a line break, as the line-preserving render had it. The
segmenter already joins the lines an inline link broke
(:func:`~newsclean.text.segment.iter_blocks`: a line that opens with a
particle or a closing mark continues the one before), exactly as on that
render. Spaces next to Latin letters or digits stay: Chinese and Japanese
set words of other scripts apart with them ("苹果公司 CEO 库克表示").
Korean is written with spaces between its words, and so is any script but
these two: a line where ideographs and kana are not most of the letters is
left alone. A long line of them in a dump that kept its line breaks is cut
at the same boundaries (:func:`element_lines`): glued or not, a space
between two of their characters is where an element ended.
"""

from __future__ import annotations

import re

from ..normalize.scripts import CJK_MARK_RANGES, HAN_COMPATIBILITY_RANGES, HAN_KANA_CHAR, HAN_KANA_RANGES
from .line_ends import BULLET_OPENERS

#: Ideographs and kana are at least this share of the letters of a Chinese or Japanese line.
MIN_SHARE = 0.5
#: Marks these pages print before a note or a list item: the reference mark (※), geometric
#: shapes (■ ◆ ● ▶) and stars (★ ☆).
_NOTE_MARKS = "\u203b\u25a0-\u25ff\u2605\u2606"
_SIDE = f"{HAN_KANA_RANGES}{HAN_COMPATIBILITY_RANGES}{CJK_MARK_RANGES}{_NOTE_MARKS}"
_SIDE_CHAR = re.compile(f"[{_SIDE}]")
#: List bullets as renderers print them ("* ", "• ", nested "o ", "+ "; the list-item markers
#: plus the triangular and white bullets), and the bars between links.
_BULLETS = frozenset(BULLET_OPENERS + "‣◦|")
_TOKEN = re.compile("[^ \u3000]+")


def is_unspaced(line: str) -> bool:
    """Whether ``line`` is written mostly in a script without spaces: ideographs and kana are most of its letters.

    Pages in those scripts are nearly all ideographs and kana (the Chinese and
    Japanese dev pages: 0.88 to 0.99 of their letters); a page in another script
    that quotes them (lyrics with their pinyin, a name in Hanja) is spaced
    between its words, and its quotes with it.
    """
    if line.isascii():  # no ideograph or kana: one C scan spares the pattern's pass
        return False
    han_kana = len(HAN_KANA_CHAR.findall(line))
    return han_kana > 0 and han_kana >= MIN_SHARE * sum(1 for c in line if c.isalpha())


def _opens_element(tokens: list[str], index: int) -> bool:
    """Whether the space before ``tokens[index]`` was an element boundary.

    It was when the words on both sides of it hold characters of those
    scripts or their marks ("…基準達せず 2025年1月14日 01時28分 (1月14日…",
    "…震源域... この記事は…"): their writers put no space there, the page's
    elements did. A word of another script or a number between two spaces
    ("苹果公司 CEO 库克", "共有 30 人") is set apart on purpose and keeps its
    spaces. A list bullet ("…行動 * 子ども…") opens the element it stands
    before.
    """
    before, token = tokens[index - 1], tokens[index]
    if token in _BULLETS:
        if before in _BULLETS:
            return False
        after = next((t for t in tokens[index + 1:] if t not in _BULLETS), "")
        return bool(_SIDE_CHAR.search(after))
    return bool(_SIDE_CHAR.search(before) and _SIDE_CHAR.search(token))


def element_breaks(line: str) -> list[str]:
    """``line`` cut at each space that was an element boundary of a Chinese or Japanese page; ``[line]`` when none.

    Nothing but the spaces cut at is dropped.
    """
    if not is_unspaced(line):
        return [line]
    spans = [m.span() for m in _TOKEN.finditer(line)]
    tokens = [line[a:b] for a, b in spans]
    pieces: list[str] = []
    start = 0
    for index in range(1, len(tokens)):
        if _opens_element(tokens, index):
            pieces.append(line[start:spans[index - 1][1]])
            start = spans[index][0]
    pieces.append(line[start:])
    return [piece for piece in pieces if piece.strip()] or [line]


#: A Chinese or Japanese line this long is cut at its element boundaries (:func:`element_lines`):
#: the dev pages' headlines, whose parts a space separates, stay under 60 characters.
UNSPACED_LONG_CHARS = 60
#: ... unless its pieces average fewer characters than this: table cells, not headlines.
MIN_ELEMENT_CHARS = 8
#: Letters below this code point are Latin (Basic Latin to Latin Extended-B).
_LATIN_END = 0x250


def _latin(char: str) -> bool:
    return char.isalpha() and ord(char) < _LATIN_END


def may_hold_elements(text: str) -> bool:
    """``False`` only when :func:`element_lines` leaves every line of ``text`` whole.

    It cuts only lines written mostly in ideographs and kana
    (:func:`is_unspaced`); a dump without one such
    character (most dumps) is spared the test on each of its lines.
    """
    return not text.isascii() and HAN_KANA_CHAR.search(text) is not None


def element_lines(line: str) -> list[str]:
    """A long Chinese or Japanese line cut at the spaces between its elements; ``[line]`` otherwise.

    Chinese and Japanese put no space between words, so a space between two
    of their characters is an element boundary the render kept as a space
    (:func:`element_breaks`). A glued line of them
    (a run of teaser headlines, a menu, the share row before the article's
    first sentence) has no sentence punctuation to cut at, and judged whole
    it outweighs the article. A short line is a headline, whose parts a
    space also separates, and stays whole. A space with a Latin letter
    beside it stays too ("如Sheryl Crow、Alanis": a word of another script
    set apart in a sentence), and so does a line of very short pieces: the
    cells of a table laid out in a row ("中文名 蔡健雅 外文名 …").
    """
    if len(line) < UNSPACED_LONG_CHARS:
        return [line]
    spans: list[tuple[int, int]] = []
    for piece in element_breaks(line):
        start = line.index(piece, spans[-1][1] if spans else 0)
        if spans and (_latin(line[spans[-1][1] - 1]) or _latin(piece[0])):
            spans[-1] = (spans[-1][0], start + len(piece))
        else:
            spans.append((start, start + len(piece)))
    if len(line) < MIN_ELEMENT_CHARS * len(spans):
        return [line]
    return [line[a:b] for a, b in spans]
