"""The article's last paragraphs, printed below a related-stories box inside it.

News pages put a "Related stories" box of headlines between an article's
paragraphs, often just before its last one or two. Scored block by block,
the box's headlines outweigh a paragraph or two, so the densest run ends at
the box and the article's close is lost. The region search cannot bridge
the box without also swallowing the teaser lists that follow finished
articles; what tells the two apart is what comes after the box: an
article's closing paragraphs then the page's footer (share buttons, tags),
against more headlines, summaries or another story.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .segment import Block

#: A box of this many teaser lines at most (heading and headlines) is one the article prints inside it.
_BOX_LINES = 8
_BOX_MIN_LINES = 2
#: The article resumes for this many paragraphs at most: more prose after a box is another part of the page.
_RESUMED_PARAGRAPHS = 2
#: What ends the page part the resumed paragraphs close: a footer's widgets.
_FOOTER_KINDS = frozenset({"share", "tags", "comments", "legal", "newsletter", "appeal"})
#: A resumed paragraph is a paragraph, not a teaser's one-line summary.
_PARAGRAPH_WORDS = 15


def _resumed_paragraph(verdict: Verdict, block: Block) -> bool:
    return verdict.content_prose and block.words >= _PARAGRAPH_WORDS


def resume_after_box(blocks: Sequence[Block], verdicts: Sequence[Verdict], end: int) -> int:
    """The region's end moved past a teaser box and the paragraphs that close the article below it.

    Returns ``end`` unchanged unless the blocks after it are a short box of
    teaser lines, then one or two paragraphs of content prose, then the
    footer's widgets or the end of the page.
    """
    index = end
    while index < len(blocks) and index - end < _BOX_LINES and verdicts[index].category == "teaser":
        index += 1
    if index - end < _BOX_MIN_LINES or index >= len(blocks):
        return end
    resumed = index
    while resumed < len(blocks) and resumed - index < _RESUMED_PARAGRAPHS and _resumed_paragraph(
        verdicts[resumed], blocks[resumed]
    ):
        resumed += 1
    if resumed == index:
        return end
    if resumed < len(blocks) and verdicts[resumed].category not in _FOOTER_KINDS:
        return end
    return resumed
