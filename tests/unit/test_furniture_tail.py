"""Tests for cutting a share row or a repeated cue glued after a paragraph's last sentence."""

from __future__ import annotations

import pytest

from newsclean.text.furniture_tail import furniture_lines, furniture_tail
from newsclean.text.glued import restore_dump
from newsclean.text.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_share_row_glued_after_the_last_sentence_is_cut_into_its_labels(lexicon: Lexicon) -> None:
    line = "You can find this story in your bookmarks, or by the user icon in the top right. Follow Facebook Twitter"
    assert furniture_tail(line, lexicon) == [
        "You can find this story in your bookmarks, or by the user icon in the top right.",
        "Follow",
        "Facebook",
        "Twitter",
    ]


def test_prose_lines_stay_whole(lexicon: Lexicon) -> None:
    for line in (
        "The minister resigned on Tuesday. Share prices fell sharply",  # a clause, not a label run
        "The council met on Monday. It voted to share the costs with the county.",  # ends like a sentence
        "Follow the money, the detective said",  # no sentence end before the tail
    ):
        assert furniture_tail(line, lexicon) == [line]


def test_caption_credit_after_a_sentence_stays(lexicon: Lexicon) -> None:
    line = "He is accused of carrying out the operations in London. Video: Jane Doe / Reuters"
    assert furniture_tail(line, lexicon) == [line]


def test_a_cue_is_cut_only_when_it_closes_several_lines(lexicon: Lexicon) -> None:
    single = "Summer is here and the singer spends it on a Greek island. See for yourself! Read more"
    assert furniture_lines(single, lexicon) == single
    box = "\n".join([
        "The bank appointed a new chief executive on Friday. He joins from a rival. Read more",
        "The regulator fined the exchange for late reports. It will appeal. Read more",
    ])
    assert furniture_lines(box, lexicon).split("\n") == [
        "The bank appointed a new chief executive on Friday. He joins from a rival.",
        "Read more",
        "The regulator fined the exchange for late reports. It will appeal.",
        "Read more",
    ]


def test_restore_dump_cuts_the_tail_of_a_dump_that_is_not_glued(lexicon: Lexicon) -> None:
    text = "\n".join([
        "Headline of the story",
        "The storm reached the coast on Monday night and cut power to thousands of homes. Share Facebook",
        "Most read",
    ])
    assert restore_dump(text, lexicon).split("\n") == [
        "Headline of the story",
        "The storm reached the coast on Monday night and cut power to thousands of homes.",
        "Share Facebook",
        "Most read",
    ]
    # Without a lexicon (the renderer tests' view of the dump) nothing changes.
    assert restore_dump(text) == text


def test_each_distinct_line_is_read_once_and_cut_as_when_read_alone(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsclean.text.furniture_tail as module

    share = "The vote was held on Friday after a long night of talks. Follow Facebook Twitter"
    cue = "The new line opens next spring, the operator said. Read more"
    dump = "\n".join([share, "", cue, "", "Plain paragraph that ends well.", "", cue, "", share])
    expected = "\n".join(
        piece for line in dump.split("\n") for piece in module.furniture_tail(line, lexicon, {cue[cue.index("Read"):]})
    )
    reads: list[str] = []
    tail = module._tail

    def counted(line: str, lex: Lexicon) -> object:
        reads.append(line)
        return tail(line, lex)

    monkeypatch.setattr(module, "_tail", counted)
    assert furniture_lines(dump, lexicon) == expected
    assert sorted(reads) == sorted(set(dump.split("\n")))


def test_the_tail_gate_reads_line_and_phrase_patterns_of_the_named_categories() -> None:
    lexicon = Lexicon.load()
    named = frozenset({"share", "comments", "teaser", "newsletter", "app_prompt"})
    assert lexicon.may_match_within("Share  on   Facebook", named)
    assert not lexicon.may_match_within("the harbour ferry fares", named)
    # A tail no pattern of those categories can name stays on its line.
    line = "The council voted on Tuesday. the harbour ferry fares"
    assert furniture_tail(line, lexicon) == [line]
