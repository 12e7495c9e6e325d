from __future__ import annotations

from newsclean.text.cue_tail import cut_cue_tail, opens_box
from newsclean.text.lexicon import Lexicon
from tests.region_rows import COUNCIL_ARTICLE, Row
from tests.unit.test_region import _blocks

LEXICON = Lexicon.load().for_language("en")

_ARTICLE = COUNCIL_ARTICLE

#: The next stories as a flattened dump gives them back: the box's label glued to the first headline.
_BOX: list[Row] = [
    ("Related Posts Harbour reopens to ferries after winter storm Ferry operators expect crossings to sell out.",
     None, True),
    ("Striker signs three-year deal with champions after scoring twenty goals last season.", None, True),
]


def _cut(rows: list[Row]) -> int:
    blocks, verdicts = _blocks(rows)
    return cut_cue_tail(blocks, verdicts, 0, len(rows), LEXICON)[0]


def test_a_glued_box_label_after_the_article_ends_it() -> None:
    rows = [*_ARTICLE, *_BOX]
    blocks, verdicts = _blocks(rows)
    end, reasons = cut_cue_tail(blocks, verdicts, 0, len(rows), LEXICON)
    assert end == len(_ARTICLE)
    assert reasons == {len(_ARTICLE): "teaser", len(_ARTICLE) + 1: "teaser"}


def test_a_line_the_classifier_alone_names_a_teaser_is_no_label() -> None:
    # A dated teaser list's item label ("335 Comments") is no box's label the lexicon knows.
    blocks, _ = _blocks([("Three Harbours", "teaser", False)])
    assert not opens_box(blocks, 0, LEXICON)


def test_a_label_line_split_in_two_opens_a_box() -> None:
    rows = [*_ARTICLE, ("Most", None, False), ("Popular", None, False), *_BOX[1:]]
    assert _cut(rows) == len(_ARTICLE)


def test_words_after_the_label_that_the_article_uses_keep_it() -> None:
    # The label opens a paragraph about the article's own subject: the article goes on.
    own: Row = ("Related Posts The council said the budget for schools and roads of the northern districts "
                "was agreed.", None, True)
    rows = [*_ARTICLE, own]
    assert _cut(rows) == len(rows)


def test_a_box_before_most_of_the_prose_is_not_the_end() -> None:
    rows = [*_ARTICLE[:2], *_BOX, *_ARTICLE[2:]]
    assert _cut(rows) == len(rows)


def test_a_sentence_opening_with_a_label_word_is_no_box() -> None:
    blocks, _ = _blocks([("Related matters were left to the committee, officials said.", None, True)])
    assert not opens_box(blocks, 0, LEXICON)
    blocks, _ = _blocks([("Related Posts Harbour reopens to ferries", None, False)])
    assert opens_box(blocks, 0, LEXICON)


def test_a_label_closing_a_run_of_labels_opens_a_box() -> None:
    blocks, _ = _blocks([("Comments Report an error Related Posts", None, False)])
    assert opens_box(blocks, 0, LEXICON)
    # Ended as a sentence, the run is prose that names a box, not the box.
    blocks, _ = _blocks([("She never reads the related posts.", None, True)])
    assert not opens_box(blocks, 0, LEXICON)
    # The article's last sentence glued to the labels (a lower-case word after its stop): not cut with them.
    glued = "Musicians want fair pay, the statement said. share Report an error Related Posts"
    blocks, _ = _blocks([(glued, None, True)])
    assert not opens_box(blocks, 0, LEXICON)
