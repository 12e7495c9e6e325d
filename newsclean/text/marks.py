"""Page-level marks: verdicts the classifier's block-by-block judgement cannot give.

A line's verdict depends on its text alone (:mod:`newsclean.text.classify`);
some noise shows only in what surrounds a line: a capitals label repeated
before a bar, the headlines listed under a teaser heading, the caption a
photo credit closes, a gallery's run of captions. These marks read the page
and relabel (and rescore) the verdicts in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .classify import CAPTION_WORDS, CREDIT_WORDS, SHORT_BLOCK_WORDS, Verdict, carries_caption, holds_credit
from .lexicon import Lexicon
from .line_ends import is_bulleted
from .scores import GALLERY_CAPTION_SCORE, label_score, noise_score
from .segment import Block, count_words

#: A link label ("READ ALSO |") is this many words at most.
_LINK_LABEL_WORDS = 6
#: A related-stories box: at least this many headlines under its heading, each this short.
_TEASER_BOX_ITEMS = 2
_TEASER_ITEM_WORDS = 20
#: Captions in a row are a gallery, which sits inside an article.
_GALLERY_CAPTIONS = 3
#: Question marks (Latin, full-width, Arabic): a block under a question is its answer.
_QUESTION_MARKS = ("?", "？", "؟")


def _link_label(text: str) -> str | None:
    """The label of a "READ ANOTHER STORY HERE | Headline" line, else ``None``."""
    label, bar, rest = text.partition(" | ")
    rest = rest.strip()
    if (
        bar
        and 1 <= len(label.split()) <= _LINK_LABEL_WORDS
        and label.isupper()
        and 0 < count_words(rest) <= SHORT_BLOCK_WORDS * 2
        and not rest.endswith((".", "!", "?"))
    ):
        return label.strip()
    return None


def mark_labelled_links(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> set[int]:
    """Mark lines that repeat one capitals label before a bar as teasers.

    Sites in every language put "READ ALSO | Headline" links between
    paragraphs; the label's capitals and the bar mark them whatever its
    words are. A label seen once may be the headline's own kicker
    ("BUDGET | Tax agency hires"), so only a label repeated on the page
    counts, and the marked blocks are returned: one of them may still be the
    page's headline, its series label repeated by the related stories.
    """
    labels = [_link_label(b.text) if v.category is None else None for b, v in zip(blocks, verdicts, strict=True)]
    counts = Counter(label for label in labels if label)
    marked: set[int] = set()
    for index, (block, verdict, label) in enumerate(zip(blocks, verdicts, labels, strict=True)):
        if label and counts[label] > 1:
            verdict.category, verdict.prose = "teaser", False
            verdict.score = noise_score(block.words)
            marked.add(index)
    return marked


def mark_teaser_boxes(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> set[int]:
    """Mark the headlines listed under a teaser heading ("More on World" / five headlines).

    A related-stories box inside an article is a heading the lexicons know
    and a list of headlines they do not: short lines that are not prose.
    The list runs until the next prose; one line alone may be the story's
    own subheading, so it takes two.
    """
    marked: set[int] = set()
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        if verdict.category != "teaser" or block.words > _LINK_LABEL_WORDS:
            continue
        items = index + 1
        # The list keeps one form: bullets or none ("Key Points" after a bulleted box starts another list).
        bulleted = items < len(blocks) and is_bulleted(blocks[items].text)
        while (
            items < len(blocks)
            and verdicts[items].category is None
            and not verdicts[items].prose
            and blocks[items].words <= _TEASER_ITEM_WORDS
            and is_bulleted(blocks[items].text) == bulleted
        ):
            items += 1
        if items - index - 1 >= _TEASER_BOX_ITEMS:
            for item in range(index + 1, items):
                # The score stays a label's: a box inside the article must not split it.
                verdicts[item].category = "teaser"
                marked.add(item)
    return marked


def mark_captions(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], lexicon: Lexicon, lengths: Sequence[int] | None = None
) -> set[int]:
    """Mark the short text a photo credit closes as that photo's caption.

    Renderers print a figure as its caption, then its credit ("Bildrechte:
    MDR/...", "(Picture: PA)"): on a line of its own, or as the caption's
    last sentence. The credit alone is recognised by the lexicons; the
    caption reads as prose, so it is found by what follows it. ``lengths``
    gives the words of the paragraph each block stands in when a block is
    one sentence of it (a flattened dump); by default the block's own.
    A credit line that holds a caption of its own ("Traffic jam © A / B")
    closes that caption, not the prose above it; and a block under a
    question (an interview's, a subheading asking one, a joke's) is its
    answer, whatever photo follows: a caption is not printed under one.
    """
    marked: set[int] = set()
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        length = block.words if lengths is None else lengths[index]
        if verdict.category is not None or length > CAPTION_WORDS:
            continue
        # In a flattened dump a question is any sentence of a paragraph, not a line of its own.
        if lengths is None and index > 0 and blocks[index - 1].text.rstrip().endswith(_QUESTION_MARKS):
            continue
        # The next block must be a bare credit, not a caption ending with one.
        credit_next = (
            index + 1 < len(blocks)
            and verdicts[index + 1].category == "image_credit"
            and blocks[index + 1].words <= CREDIT_WORDS
            and not (
                # A paragraph above a captioned photo; a gallery's captions each hold their credit.
                verdict.prose
                and carries_caption(blocks[index + 1].text, lexicon)
                and not holds_credit(block.text, lexicon)
            )
        )
        credit_last = bool(verdict.sentence_noise) and verdict.sentence_noise[-1].category == "image_credit" and (
            verdict.sentence_noise[-1].end >= len(block.text.rstrip()) - 1
        )
        if credit_next or credit_last:
            verdict.category, verdict.prose, verdict.sentence_noise = "image_credit", False, []
            verdict.score = label_score(block.words)
            marked.add(index)
    _bridge_galleries(blocks, verdicts)
    return marked


def _bridge_galleries(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> None:
    """Let a gallery count for little in the region search.

    A photo gallery prints a dozen captions in a row, often in the middle
    of its article; scored as a dozen noise blocks, it splits the article in
    two. A caption on its own keeps its weight (teaser cards below an
    article carry one each), and so do a caption and its credit lines.
    """
    run: list[int] = []
    for index in range(len(verdicts) + 1):
        if index < len(verdicts) and verdicts[index].category == "image_credit":
            run.append(index)
            continue
        if sum(1 for i in run if blocks[i].words > CREDIT_WORDS) >= _GALLERY_CAPTIONS:
            for i in run:
                verdicts[i].score = GALLERY_CAPTION_SCORE
        run = []
