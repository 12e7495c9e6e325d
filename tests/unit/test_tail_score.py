from __future__ import annotations

from newsclean.text.lexicon import Lexicon
from newsclean.text.tail_score import cut_scored_tail, opens_sentence, seam_label
from tests.region_rows import COUNCIL_ARTICLE, Row
from tests.unit.test_region import _blocks

LEXICON = Lexicon.load().for_language("en")

_ARTICLE = COUNCIL_ARTICLE
#: The next stories as a render that kept some breaks gives them: headlines glued to their summaries.
_TEASERS: list[Row] = [
    ("Harbour reopens to ferries after winter storm Ferry operators expect crossings to sell out this summer.",
     None, True),
    ("Striker signs three-year deal with champions Fans queued for hours outside the stadium shop on Monday.",
     None, True),
]
_LAST = _ARTICLE[-1][0]


def _cut(rows: list[Row]) -> tuple[int, dict[int, str]]:
    blocks, verdicts = _blocks(rows)
    return cut_scored_tail(blocks, verdicts, 0, len(rows), LEXICON)


def test_a_label_glued_to_the_articles_last_line_ends_it_after_that_line() -> None:
    rows = [*_ARTICLE[:-1], (_LAST + " Related Posts", None, True), *_TEASERS]
    end, reasons = _cut(rows)
    # The line keeps the article's last sentence; the teasers below go.
    assert end == len(_ARTICLE)
    assert reasons == {len(_ARTICLE): "teaser", len(_ARTICLE) + 1: "teaser"}


def test_a_label_glued_to_the_first_headline_ends_the_article_at_its_line() -> None:
    rows = [*_ARTICLE, ("Related Posts " + _TEASERS[0][0], None, True), *_TEASERS[1:]]
    assert _cut(rows)[0] == len(_ARTICLE)


def test_the_lines_under_a_comment_counter_are_cut_as_comments() -> None:
    rows = [*_ARTICLE[:-1], (_LAST + " 12 Comments", None, True),
            ("Harbourfan Ferries were late again Posted at 10:42 on Monday morning by a reader", None, True)]
    end, reasons = _cut(rows)
    assert end == len(_ARTICLE)
    assert reasons == {len(_ARTICLE): "comments"}


def test_a_read_more_cue_before_the_articles_next_sentence_is_no_end() -> None:
    sentence = ("Read more Residents of the southern villages, who have waited for a new bridge since the floods "
                "of the last winter, told reporters that the vote meant nothing to them at all.")
    rows = [*_ARTICLE, (sentence, None, True), *_TEASERS]
    assert _cut(rows)[0] == len(rows)


def test_a_box_with_the_article_below_it_is_no_end() -> None:
    box = ("Related Posts " + _TEASERS[0][0], None, True)
    resumed = ("The council said the budget for the schools and roads of the northern districts would be "
               "published by the mayor next month after the vote.", None, True)
    # The teasers at the page's end leave what follows the box little of the article's words in all.
    rows = [*_ARTICLE, box, resumed, *_TEASERS, *_TEASERS]
    assert _cut(rows)[0] == len(rows)


def test_a_label_alone_on_its_line_is_left_to_the_line_rules() -> None:
    rows = [*_ARTICLE, ("Related Posts", None, False), *_TEASERS]
    assert _cut(rows)[0] == len(rows)


def test_a_label_before_the_articles_middle_is_no_end() -> None:
    rows = [*_ARTICLE[:2], ("Related Posts " + _TEASERS[0][0], None, True), *_ARTICLE[2:]]
    assert _cut(rows)[0] == len(rows)


def test_seam_label_reads_labels_at_a_seam_only() -> None:
    assert seam_label("The vote was close. Related Posts Harbour reopens", LEXICON) == 4
    assert seam_label("Related Posts Harbour reopens", LEXICON) == 0
    # Not after a closed sentence: the words go on the sentence.
    assert seam_label("The vote was close and Related Posts Harbour reopens", LEXICON) is None
    # A lower-case word of prose after the label: a sentence that opens with the label's words.
    assert seam_label("The vote was close. Related posts were deleted by the council", LEXICON) is None


def test_opens_sentence_tells_an_articles_sentence_from_a_headline() -> None:
    assert opens_sentence("Residents of the southern villages, who have waited for a new bridge since the floods "
                          "of the last winter, told reporters that the vote meant nothing.")
    assert not opens_sentence("Harbour reopens to ferries after winter storm")
    assert not opens_sentence("")


def test_an_announced_list_item_is_no_label() -> None:
    # "Name" names a comment form's field; under a line that announces a list it is the list's first item.
    rows = [*_ARTICLE[:-1], ("Orders must give the following details:", None, False),
            ("Name of the buyer and the club", None, False), *_TEASERS]
    assert _cut(rows)[0] == len(rows)
    assert seam_label("* Name of the buyer", LEXICON) is None
