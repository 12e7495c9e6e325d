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

The next stories' summaries can also read as a paragraph (a teaser box's
summaries glued into sentences in a row). What tells them from the article
going on is cohesion: an article's later paragraphs name its people, places
and subject again, the next stories name theirs. A run followed by a
paragraph still ends the article when under a quarter of the words after
it (four letters or more) occur in the article before it. On the flat
renders of fe and fp-dev, the article going on after such a run shares 27
to 82% of its words with what stands before (16 pages of 12 sites); the
next stories after the runs this cut ends at share 16 to 24% (7 pages of
6 sites: a "most read" box, a comment form, teaser boxes).
Body F1 fp-dev flat / flat-insc 0.8669 / 0.8709 -> 0.8705 / 0.8742; one
page lost 0.008 (its end cut moved by one label block).

Line-structured dumps never reach this module.
"""

from __future__ import annotations

import re
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
#: What follows a run may hold a paragraph and still not be the article's: the next stories' teasers share
#: few words with it. Below this share of its words (of :data:`_WORD`'s length) found in the article before
#: the run, what follows is another story.
MAX_COHESION = 0.25
#: A word for the cohesion test: four letters or more (shorter ones are mostly function words and numbers).
_WORD = re.compile(r"[^\W\d_]{4,}")
#: Scripts written without spaces: their "words" are whole clauses, so no share of them is shared.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
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


def _words(blocks: Sequence[Block], start: int, end: int) -> list[str]:
    return [word.casefold() for index in range(start, end) for word in _WORD.findall(blocks[index].text)]


def cohesion(blocks: Sequence[Block], before: tuple[int, int], after: tuple[int, int]) -> float:
    """Share of the words of the ``after`` blocks that the ``before`` blocks also use (1.0 when unmeasurable).

    An article's later paragraphs go on naming its people, places and
    subject; the next stories' headlines and summaries name theirs.
    """
    return cohesion_of(blocks, before, range(*after))


def cohesion_of(blocks: Sequence[Block], before: tuple[int, int], indices: Sequence[int]) -> float:
    """:func:`cohesion` of the blocks at ``indices`` (1.0 when unmeasurable)."""
    text = " ".join(blocks[index].text for index in indices)
    words = [word.casefold() for index in indices for word in _WORD.findall(blocks[index].text)]
    if not words or _UNSPACED.search(text):
        return 1.0
    known = set(_words(blocks, *before))
    return sum(1 for word in words if word in known) / len(words)


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
            and (
                longest_paragraph(blocks, verdicts, run_end, end) < PARAGRAPH_SENTENCES
                or cohesion(blocks, (start, index), (run_end, end)) < MAX_COHESION
            )
            and (relevance is None or (relevance(run_end, end) or 0.0) <= (relevance(start, index) or 0.0))
        ):
            return index, {i: verdicts[i].category or "teaser" for i in range(index, end)}
        index = run_end
    return end, {}
