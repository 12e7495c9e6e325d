"""The end of an article on a flattened dump: a long run of labels after its prose.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
what followed the article (its tag list, a job board, a "more on this"
box, the next stories' kickers and headlines) comes back as short label
lines, one a word or two, because labels are what the unflattener splits
off. The teasers' summaries between them are recovered sentences that read
as prose, so the region search runs on past the article's end and takes in
the next stories.

A line-structured render keeps such boxes as a few lines; a flattened one
turns them into a long run of short label lines with no prose between. An
article's own furniture in the middle of its text (a caption and its
credit, a byline, a subheading) is one to three such lines. So a run of
many label lines standing after most of the region's prose ends the
article, when what follows it is less prose than what stands before it
and holds no paragraph (three finished sentences in a row): the article
never loses its larger part to this cut, and the flat guard
(:mod:`~newsclean.text.flat_guard`) still widens a region that kept too
little of the page's prose.

The paragraph test is what keeps the article: a list article (places with
their county and dates), a "Related" box or a product's spec sheet in the
middle of a story also come back as ten labels or more, and the story goes
on after them in sentences in a row. Without it, on the flat renders of fe
and fp-dev, 18 pages of 16 sites lost their last paragraphs (F1 -0.01 to
-0.18 each); with it none does, and 11 pages of 8 sites lose their tag
lists, job boards and the next stories (F1 +0.01 to +0.16 each). A label
line ends no sentence: an article's short last sentence ("Es gab dabei
fünf Festnahmen.") is not one of the run.

Line-structured dumps never reach this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .classify import Verdict
from .headline_body import FINISHED
from .segment import Block

#: Label lines in a row that end the article, and the longest a label line may be (words).
MIN_LABELS = 10
LABEL_WORDS = 5
#: The run must stand after this share of the region's prose words ...
MIN_PROSE_BEFORE = 0.6
#: ... and what follows it must hold less than this share of the prose before it.
MAX_PROSE_AFTER = 0.5
#: What follows holds no paragraph: no run of this many finished prose sentences in a row.
PARAGRAPH_SENTENCES = 3
#: At most this share of the run's lines may hold a lower-case word: a menu's, a tag list's and a
#: job board's labels are capitalised; a sentence the unflattener broke at its capitalised nouns
#: (German: "Für / Zeit-Online seien / Flatrate-Anbieter aus genannten / Gründen aktuell kein")
#: is not a run of labels.
MAX_LOWER_SHARE = 1 / 3
#: Categories a label line may carry: menus and a job board's or a box's labels.
_LABEL_KINDS = frozenset({None, "navigation", "advertisement", "teaser", "share", "image_credit", "byline", "meta"})


def _prose(block: Block, verdict: Verdict) -> int:
    return block.words if verdict.running_prose else 0


def _is_label(block: Block, verdict: Verdict) -> bool:
    return (
        not verdict.prose
        and block.words <= LABEL_WORDS
        and verdict.category in _LABEL_KINDS
        and FINISHED.search(block.text) is None
    )


def _lower_lines(blocks: Sequence[Block], start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if any(word[:1].islower() for word in blocks[i].text.split()))


def longest_paragraph(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> int:
    """Most finished prose sentences in a row between ``start`` and ``end``."""
    best = current = 0
    for index in range(start, end):
        if verdicts[index].running_prose and FINISHED.search(blocks[index].text) is not None:
            current += 1
            best = max(best, current)
        else:
            current = 0
    return best


def cut_label_run(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    start: int,
    end: int,
    relevance: Callable[[int, int], float | None] | None = None,
) -> tuple[int, dict[int, str]]:
    """The region's end moved to the first long run of label lines after its article, and the reasons of the cut blocks.

    ``(end, {})`` when no such run stands in the region. ``relevance``
    (:func:`~newsclean.text.headline.slug_relevance`) keeps what follows a
    run when it holds more of the address's words than what stands before
    it: the region then began in the page's menus, and the short article
    after them is the story (a flat render of a campaign site's page whose
    menus read as prose).
    """
    total = sum(_prose(blocks[i], verdicts[i]) for i in range(start, end))
    if total == 0:
        return end, {}
    before = 0
    index = start
    while index < end:
        if not _is_label(blocks[index], verdicts[index]):
            before += _prose(blocks[index], verdicts[index])
            index += 1
            continue
        run_end = index
        while run_end < end and _is_label(blocks[run_end], verdicts[run_end]):
            run_end += 1
        if (
            run_end - index >= MIN_LABELS
            and _lower_lines(blocks, index, run_end) <= MAX_LOWER_SHARE * (run_end - index)
            and before >= MIN_PROSE_BEFORE * total
            and total - before < MAX_PROSE_AFTER * before
            and longest_paragraph(blocks, verdicts, run_end, end) < PARAGRAPH_SENTENCES
            and (relevance is None or (relevance(run_end, end) or 0.0) <= (relevance(start, index) or 0.0))
        ):
            return index, {i: verdicts[i].category or "teaser" for i in range(index, end)}
        index = run_end
    return end, {}
