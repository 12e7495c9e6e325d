"""A footer glued to the article's last sentence on a flattened dump.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
the footer after an article ("Share this article", "Comments", "You might
also like" and the next stories' headlines) can come back as one long
block when no sentence stop falls between its labels: the block reads as
prose, so neither the barrier cut (:func:`~newsclean.text.ends.cut_at_barrier`,
which judges short blocks) nor the label-run cut
(:mod:`~newsclean.text.flat_tail`) sees it, and the next stories stay in
the body.

The evidence is the footer cluster the barrier cut reads on a
line-structured page: in the block, labels of the lexicon a few words apart
(a share row, a comment header, a "More on" heading, a tag list's heading)
of at least two footer kinds, two of them capitalised. One such label in a
sentence is common prose ("Comments by the minister ..."), and so are the
words in lower case ("readers share comments"); a cluster of capitalised
labels of different kinds is a page's footer. The block is cut only when
no finished sentence stands before its cluster (what precedes it is the
footer's own furniture: a byline's last name, a clock time), and, as with
the barrier cut, when most of the region's prose stands before it.

The unflattener may print a label's words on lines of their own ("Share" /
"this" / "article"): a short block that is not prose is also read with the
next blocks, up to :data:`WINDOW_WORDS` words, when no paragraph (three
finished sentences in a row, :func:`~newsclean.text.flat_tail.longest_paragraph`)
follows it. Without that test, in-article boxes ("Empfehlungen: 4
Kommentare: 49") cut the last paragraphs of 2 pages of 2 sites; with it,
on the flat renders of fe, fp-dev and te-dev, 3 pages of 3 sites and 5 te-dev
pages lose more of their footers and none loses article text.

On the flat renders of fe and fp-dev this cut the footer and the next
stories of 19 pages of 14 publishers (31 renders, F1 +0.003 to +0.21
each) and took no article text from any page (recall unchanged on every
page); on te-dev's it took must-not strings out of 16 pages and no
must-have string out of any. The cut runs after the other end cuts, which
come first where they apply (a next article's headline, a barrier).

Line-structured dumps never reach this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Verdict
from .ends import FOOTER_BARRIERS
from .flat_tail import PARAGRAPH_SENTENCES, longest_paragraph
from .headline_body import FINISHED
from .lexicon import Lexicon
from .segment import Block

#: The longest label (words) read in a block.
LABEL_WORDS = 5
#: Labels of different footer kinds that make a cluster.
MIN_KINDS = 2
#: The most words between two labels of one cluster ("comentarios Reportar un error Lo más leído").
MAX_GAP = 3
#: Words of the following blocks read with a block: the unflattener may print a label's words on lines of their own.
WINDOW_WORDS = 30
#: The share of the region's prose words that must stand before the footer.
MIN_PROSE_BEFORE = 0.5


def _labels(words: Sequence[str], lexicon: Lexicon) -> list[tuple[int, str | None]]:
    """``(word position, category)`` of each lexicon label in ``words``, the longest at each place, left to right."""
    found: list[tuple[int, str | None]] = []
    position = 0
    while position < len(words):
        for size in range(min(LABEL_WORDS, len(words) - position), 0, -1):
            kind = lexicon.match_line(" ".join(words[position:position + size]))
            if kind is not None:
                found.append((position, kind))
                position += size
                break
        else:
            position += 1
    return found


def footer_cluster(text: str, lexicon: Lexicon) -> int | None:
    """Word position where a footer cluster starts in ``text``, or ``None``.

    A cluster is labels at most :data:`MAX_GAP` words apart, of at least
    :data:`MIN_KINDS` footer kinds, two of them capitalised (a footer's
    labels are; "to share comments" in a sentence is not one).
    """
    words = text.split()
    labels = _labels(words, lexicon)
    for first, (position, _) in enumerate(labels):
        kinds: set[str] = set()
        capitals = 0
        previous = position
        for at, kind in labels[first:]:
            if at - previous > MAX_GAP + (0 if at == position else 1):
                break
            if kind in FOOTER_BARRIERS:
                kinds.add(kind)
                capitals += words[at][:1].isupper()
            previous = at
            if len(kinds) >= MIN_KINDS and capitals >= MIN_KINDS:
                return position
    return None


def _window(blocks: Sequence[Block], index: int, end: int) -> str:
    """The block's text with the next blocks' (before ``end``) while they fit in :data:`WINDOW_WORDS` words."""
    words = blocks[index].text.split()
    following = index + 1
    while following < end and len(words) + blocks[following].words <= WINDOW_WORDS:
        words += blocks[following].text.split()
        following += 1
    return " ".join(words)


def cut_glued_footer(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, lexicon: Lexicon
) -> tuple[int, dict[int, str]]:
    """The region's end moved to a block that holds a footer cluster, and the reasons of the cut blocks.

    ``(end, {})`` when no block past most of the region's prose holds one
    with no finished sentence before it.
    """
    total = sum(blocks[i].words for i in range(start, end) if verdicts[i].prose)
    seen = 0
    for index in range(start, end):
        if seen >= MIN_PROSE_BEFORE * total > 0:
            own = blocks[index].text.split()
            at = footer_cluster(blocks[index].text, lexicon)
            if (
                at is None
                and not verdicts[index].prose
                and longest_paragraph(blocks, verdicts, index, end) < PARAGRAPH_SENTENCES
            ):
                at = footer_cluster(_window(blocks, index, end), lexicon)
                at = at if at is not None and at < len(own) else None
            if at is not None and not any(FINISHED.search(word) for word in own[:at]):
                return index, {i: verdicts[i].category or "teaser" for i in range(index, end)}
        if verdicts[index].prose:
            seen += blocks[index].words
    return end, {}
