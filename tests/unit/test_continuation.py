from __future__ import annotations

from newsclean.text.announced import announced_list
from newsclean.text.continuation import announces_in_words, resumed_end
from tests.unit.test_region import _ARTICLE, _blocks

_INTRO = ("To order the pass, send the following details to the office:", None, True)
_ITEMS = [("Name of the club", None, False), ("Number of passes", None, False), ("Delivery address", None, False)]
_COSTS = ("The pass costs two euros a copy, and the total of the order is to be paid into this account:", None, True)
_BANK = [("Swimming Association", None, False), ("IBAN: DE00 0000 0000 0000 0000 00", None, False)]
_NOTE = ("With the payment give the keyword and the ordering club, and the pass is sent once the fee is in.", None,
         True)
_FOOTER = [("Quick links", None, False), ("Events", None, False), ("Results", None, False), ("Contact", None, False)]


def test_prose_resumed_after_an_announced_list_is_the_articles() -> None:
    rows = [*_ARTICLE, _INTRO, *_ITEMS, _COSTS, *_BANK, _NOTE, *_FOOTER]
    blocks, verdicts = _blocks(rows)
    found = announced_list(blocks, verdicts, 0, len(_ARTICLE))
    assert found is not None and found[2] == len(_ARTICLE) + 1 + len(_ITEMS)
    # The costs paragraph, the bank's lines and the payment note; the footer's labels stay out.
    assert resumed_end(blocks, verdicts, found[2]) == len(rows) - len(_FOOTER)


def test_no_paragraph_right_after_the_list_moves_nothing() -> None:
    rows = [*_ARTICLE, _INTRO, *_ITEMS, *_FOOTER, _NOTE]
    blocks, verdicts = _blocks(rows)
    end = len(_ARTICLE) + 1 + len(_ITEMS)
    assert resumed_end(blocks, verdicts, end) == end
    # A one-line notice is no paragraph the article goes on with.
    rows = [*_ARTICLE, _INTRO, *_ITEMS, ("Orders close in May.", None, True), *_FOOTER]
    blocks, verdicts = _blocks(rows)
    assert resumed_end(blocks, verdicts, end) == end


def test_the_run_stops_at_a_wall_and_once_its_gain_is_scored_away() -> None:
    appeal = ("Support our journalism with a monthly donation and help us keep reporting for everyone.", "appeal",
              False)
    rows = [*_ARTICLE, _INTRO, *_ITEMS, _COSTS, appeal, _NOTE]
    blocks, verdicts = _blocks(rows)
    end = len(_ARTICLE) + 1 + len(_ITEMS)
    assert resumed_end(blocks, verdicts, end) == end + 1
    # Seven labels (-21) outweigh the paragraph (19 words): a later paragraph is a new part of the page.
    rows = [*_ARTICLE, _INTRO, *_ITEMS, _COSTS, *_FOOTER, *_FOOTER[:3], _NOTE]
    blocks, verdicts = _blocks(rows)
    assert resumed_end(blocks, verdicts, end) == end + 1


def test_a_label_glued_after_the_last_sentence_announces_no_sentence() -> None:
    assert announces_in_words("To order the pass, send the following details to the office:")
    # "Share:" after the article's last sentence heads its share row: no list the article goes on after.
    assert not announces_in_words("These other parts have the power to change everything. Share:")
