"""The spaces a line-per-element render leaves at an inline element's edges, closed in the body.

A render that prints each text node on its own line (BeautifulSoup's
``get_text("\\n")``) breaks a sentence wherever a link or an emphasis ends:
"an der frischen <a>Luft</a>." comes out as "Luft" over ".", and
"Brier</a>, international" as "Brier" over ", international".
:func:`~newsclean.text.segment.iter_blocks` joins those lines back into one
paragraph, with a space, as it joins any broken line; the paragraph then
reads "Luft ." and "( PDF )", and a quotation of the sentence as printed
("frischen Luft.") is not found in it.

No written language sets a space before a comma, a full stop or a closing
bracket, nor after an opening one (French spaces only the high marks
``; : ! ?``, which stay as they are), so a space there is the render's
seam, not the author's. It is closed here, on the emitted paragraphs only:
the blocks were judged as the segmenter joined them, so no verdict moves.
An ellipsis (" ...") and a word that opens with a stop (".NET") keep their
space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Spaces after a word and before a comma, a lone full stop or a closing bracket that ends
#: the word (space, line end or more punctuation after it).
_BEFORE_CLOSING = re.compile(
    r"(?<=\S)[ \t]+(?=(?:,|\.(?!\.)|[)\]])(?:$|[\s)\]\"'\u201d\u2019\u00bb,.;:!?]))"
)
#: Spaces after an opening bracket and before the word it encloses.
_AFTER_OPENING = re.compile(r"(?<=[(\[])[ \t]+(?=[^\s)\]])")


def close_seams(paragraph: str) -> str:
    """``paragraph`` without the spaces a render put at inline elements' edges before closing
    punctuation and after opening brackets."""
    if " " not in paragraph:
        return paragraph
    return _AFTER_OPENING.sub("", _BEFORE_CLOSING.sub("", paragraph))


def close_all_seams(paragraphs: Sequence[str]) -> list[str]:
    """:func:`close_seams` on each paragraph of a body."""
    return [close_seams(p) for p in paragraphs]
