"""The article's last paragraph, taken for a photo caption by the credit line under it.

:func:`~newsclean.text.marks.mark_captions` names the short prose a bare
credit line closes as that photo's caption. At the article's very end the
credit is often the article's own: an agency's ("DPA") or the page's photo
credits ("Fotos: ..."), printed once under the text and followed by the
page's furniture. The paragraph above it is then the article's last one,
and the region stops short of it (te-dev: a fire report's last paragraph
above "Fotos: <agency>", a Brexit report's above "DPA", a car review's above
"© Foto: <maker>"). The evidence is position alone: the caption closes the
region's last paragraph, reads as finished prose of a paragraph's length,
and below its credit the article does not go on (no prose, no other
caption: a gallery's captions stay captions).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .classify import CREDIT_WORDS, Verdict
from .segment import Block

#: A paragraph's length: a caption line naming a photo's subject is shorter.
_PARAGRAPH_WORDS = 15
#: How a finished paragraph ends (a stop, question or exclamation mark, a closing quote).
_FINISHED = (".", "!", "?", "\"", "”", "“", "»", "«")


def take_closing_paragraph(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], roles: Mapping[int, str], start: int, end: int
) -> int:
    """The region's ``end`` moved over a last paragraph its closing credit made a caption.

    The paragraph's verdict is reset to running prose, so the body keeps it;
    the credit line below it stays out.
    """
    credit = end + 1
    if not start < end or credit >= len(blocks):
        return end
    block, verdict = blocks[end], verdicts[end]
    if (
        verdict.category != "image_credit"
        or roles.get(end) is not None
        or block.words < _PARAGRAPH_WORDS
        or not block.text.rstrip().endswith(_FINISHED)
    ):
        return end
    if not verdicts[end - 1].content_prose or roles.get(end - 1) is not None:
        return end
    if verdicts[credit].category != "image_credit" or blocks[credit].words > CREDIT_WORDS:
        return end
    below = credit + 1
    if below < len(blocks) and (verdicts[below].category == "image_credit" or verdicts[below].prose):
        return end
    verdict.category, verdict.prose = None, True
    return credit
