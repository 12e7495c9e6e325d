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
left alone.
"""

from __future__ import annotations

import re

from ..normalize.scripts import CJK_MARK_RANGES, HAN_COMPATIBILITY_RANGES, HAN_KANA_CHAR, HAN_KANA_RANGES

#: Ideographs and kana are at least this share of the letters of a Chinese or Japanese line.
MIN_SHARE = 0.5
_SIDE = f"{HAN_KANA_RANGES}{HAN_COMPATIBILITY_RANGES}{CJK_MARK_RANGES}"
#: List bullets as renderers print them ("* ", "• ", nested "o ", "+ "), and the bars between links.
_BULLETS = "*•·‣◦▪▸►+o|-"
#: A run of spaces with a character of an unspaced script (or one of its marks) on each side,
#: bullets before the character after it taken with that character ("行動 * 子ども…").
_ELEMENT_SPACE = re.compile(f"(?<=[{_SIDE}])[ \u3000]+(?=(?:[{re.escape(_BULLETS)}][ \u3000]+)*[{_SIDE}])")


def is_unspaced(line: str) -> bool:
    """Whether ``line`` is written mostly in a script without spaces: ideographs and kana are most of its letters.

    Pages in those scripts are nearly all ideographs and kana (the Chinese and
    Japanese dev pages: 0.88 to 0.99 of their letters); a page in another script
    that quotes them (lyrics with their pinyin, a name in Hanja) is spaced
    between its words, and its quotes with it.
    """
    han_kana = len(HAN_KANA_CHAR.findall(line))
    return han_kana > 0 and han_kana >= MIN_SHARE * sum(1 for c in line if c.isalpha())


def element_breaks(line: str) -> list[str]:
    """``line`` cut at each space between two characters of Chinese or Japanese; ``[line]`` when none.

    Nothing but the spaces cut at is dropped.
    """
    if not is_unspaced(line):
        return [line]
    pieces = [piece for piece in _ELEMENT_SPACE.split(line) if piece]
    return pieces or [line]
