"""Character classes of the scripts the engine treats apart: one definition each.

Chinese and Japanese are written without spaces between words, so a word
count, a sentence join or a label test cannot split them on whitespace;
Korean is written with spaces, but its syllables are as dense as Han
characters, so what counts words per character counts them too.
"""

from __future__ import annotations

import re

#: Kana, Han extension A and the unified Han block: Japanese and Chinese.
HAN_KANA_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
#: Han compatibility ideographs. NFC maps most of them to unified ones, but not
#: on the HTML path's paragraphs, and Korean pages print Hanja surnames ("李")
#: from this block inside Korean (spaced) text.
HAN_COMPATIBILITY_RANGES = "\uf900-\ufaff"
#: Hangul syllables: Korean, written with spaces between words.
HANGUL_RANGES = "\uac00-\ud7af"

#: One character of a script written without spaces (Chinese, Japanese), any Han form:
#: what a word count or a line join of an unspaced script reads.
UNSPACED_CHAR = re.compile(f"[{HAN_KANA_RANGES}{HAN_COMPATIBILITY_RANGES}]")
#: Kana or a unified Han character: evidence that a line is Chinese or Japanese (a compatibility
#: ideograph alone is not; it stands in Korean text as often).
HAN_KANA_CHAR = re.compile(f"[{HAN_KANA_RANGES}]")
#: A Chinese, Japanese or Korean character, each of which counts as a word.
CJK_CHAR = re.compile(f"[{HAN_KANA_RANGES}{HANGUL_RANGES}]")
#: CJK symbols and punctuation (、。「」【】 and the ideographic space) and the full-width
#: forms (（）：！？, full-width digits): the marks Chinese and Japanese print between their characters.
CJK_MARK_RANGES = "\u3000-\u303f\uff00-\uffef"
