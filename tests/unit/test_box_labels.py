"""Tests for putting a teaser or comments box's label, glued to the box's first items, on a line of its own."""

from __future__ import annotations

import pytest

from newsclean.text.box_labels import split_box_labels, split_label
from newsclean.text.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_label_glued_to_a_dated_headline_is_split_from_it_and_its_date(lexicon: Lexicon) -> None:
    line = "You might also like Harbour ferry fares to rise in spring 2024-10-14"
    assert split_label(line, lexicon) == ["You might also like", "Harbour ferry fares to rise in spring", "2024-10-14"]


def test_label_glued_to_a_time_is_split(lexicon: Lexicon) -> None:
    line = "Lesen Sie auch Heute, 12:34 Uhr"
    assert split_label(line, lexicon) == ["Lesen Sie auch", "Heute, 12:34 Uhr"]


def test_line_the_lexicon_names_already_stays_whole(lexicon: Lexicon) -> None:
    # Dropped whole as a teaser already: split, its headline would stand as prose.
    line = "Read more: Harbour ferry fares to rise in spring | Coast path reopens after landslide | Harbour News"
    assert lexicon.match(line) is not None
    assert split_label(line, lexicon) == [line]


def test_colon_label_after_a_closed_sentence_is_split(lexicon: Lexicon) -> None:
    line = "The council will vote again in May. Read more: Harbour ferry fares to rise in spring"
    assert split_label(line, lexicon) == [
        "The council will vote again in May.",
        "Read more:",
        "Harbour ferry fares to rise in spring",
    ]


def test_label_words_opening_a_sentence_stay(lexicon: Lexicon) -> None:
    for line in (
        "Related coverage shows that the council has changed its mind twice this year.",  # lower case goes on
        "Read more: The council said on Monday that fares would rise by ten percent next spring.",  # a sentence
        "More Harbour ferries will run from May, the council said",  # one word, no colon
    ):
        assert split_label(line, lexicon) == [line]


def test_only_the_dumps_last_part_is_split(lexicon: Lexicon) -> None:
    prose = "The council met on Monday and voted to raise the harbour ferry fares by ten percent next spring."
    label = "You might also like Harbour ferry fares to rise in spring 2024-10-14"
    early = split_box_labels("\n".join([label, prose, prose, prose]), lexicon)
    assert early.split("\n")[0] == label
    late = split_box_labels("\n".join([prose, prose, prose, label]), lexicon)
    assert late.split("\n")[-3:] == ["You might also like", "Harbour ferry fares to rise in spring", "2024-10-14"]


def test_a_line_without_a_box_labels_words_is_passed_over_by_the_gate(lexicon: Lexicon) -> None:
    prose = "The council voted on Tuesday to raise harbour ferry fares. Residents objected strongly."
    assert not lexicon.may_match_line_within(prose, frozenset({"teaser", "comments"}))
    assert split_label(prose, lexicon) == [prose]


def test_the_gate_finds_a_label_whose_words_are_spread_by_runs_of_spaces(lexicon: Lexicon) -> None:
    # The label's run is matched with its spaces collapsed; so is the line the gate reads.
    line = "The vote was close.  You   might also\u00a0like Harbour ferry fares to rise in spring"
    assert lexicon.may_match_line_within(line, frozenset({"teaser"}))
    assert split_label(line, lexicon) == [
        "The vote was close.", "You   might also\u00a0like", "Harbour ferry fares to rise in spring",
    ]


def test_the_gate_answers_for_the_asked_categories_only(lexicon: Lexicon) -> None:
    assert lexicon.match_line("Share on Facebook") == "share"
    assert lexicon.may_match_line_within("Share on Facebook", frozenset({"share"}))
    assert not lexicon.may_match_line_within("Share on Facebook", frozenset({"comments"}))
