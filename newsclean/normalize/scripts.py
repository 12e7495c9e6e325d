"""Character classes of the scripts the engine treats apart: one definition each.

Chinese and Japanese are written without spaces between words, so a word
count, a sentence join or a label test cannot split them on whitespace;
Korean is written with spaces, but its syllables are as dense as Han
characters, so what measures a line's width or weight counts them too.
"""

from __future__ import annotations

import re

#: Han (with extension A and the compatibility block NFC keeps) and kana: scripts without spaces.
UNSPACED_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Hangul syllables: Korean, written with spaces between words.
HANGUL_RANGES = "\uac00-\ud7af"

#: One character of a script written without spaces (Chinese, Japanese).
UNSPACED_CHAR = re.compile(f"[{UNSPACED_RANGES}]")
#: One Chinese, Japanese or Korean character.
CJK_CHAR = re.compile(f"[{UNSPACED_RANGES}{HANGUL_RANGES}]")
