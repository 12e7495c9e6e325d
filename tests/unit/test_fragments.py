"""Prose cut into lines: lower-case pieces and runs of short sentences, judged together."""

from __future__ import annotations

import pytest

from newsclean.text.classify import classify_blocks
from newsclean.text.extract import TextResources
from newsclean.text.fragments import rescore_fragments
from newsclean.text.segment import Block


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


def _rescored(resources: TextResources, texts: list[str], language: str | None) -> tuple[list[float], list[str]]:
    blocks = [Block(i, text, i, True) for i, text in enumerate(texts)]
    verdicts = classify_blocks(blocks, resources.lexicon.for_language("en"), resources.evidence)
    asked: list[str] = []

    def density(text: str) -> float | None:
        asked.append(text)
        return resources.evidence.stopword_density(text, language)

    rescore_fragments(blocks, verdicts, density)
    return [v.score for v in verdicts], asked


def test_a_sentence_piece_is_rescored_and_an_icon_row_is_not(resources: TextResources) -> None:
    texts = [
        "Election results by county",
        "and the mayor said that the plan would go ahead in the",
        "cancel email link share bookmark print",
    ]
    scores, asked = _rescored(resources, texts, "en")
    assert scores[0] < 0  # a capitalised label is no fragment: its density is never asked
    assert scores[1] == 0.0  # function words: a sentence's middle
    assert scores[2] < 0  # lower case, but no function word: a row of icon names
    assert asked == texts[1:]


def test_without_a_stoplist_the_lower_case_start_suffices(resources: TextResources) -> None:
    scores, _ = _rescored(resources, ["cancel email link share bookmark print"], None)
    assert scores == [0.0]


def test_a_run_sentence_needs_four_words_of_two_letters_however_long_the_line() -> None:
    from newsclean.text.classify import Verdict
    from newsclean.text.fragments import _finished_sentence

    prose = Verdict(None, False, 0.0)
    assert _finished_sentence(Block(0, "Go to it at 5 pm.", 0, True), prose)  # Go, to, it, at, pm
    assert not _finished_sentence(Block(0, "A b 1 c d to it x.", 0, True), prose)  # to, it only
    assert not _finished_sentence(Block(0, "Add salt, stir.", 0, True), prose)  # three words
    assert _finished_sentence(Block(0, "Add salt, stir well.", 0, True), prose)  # four
    long_text = "The council met again. " * 200
    assert _finished_sentence(Block(0, long_text, 0, True), prose)
    assert not _finished_sentence(Block(0, long_text + "Read more...", 0, True), prose)
    assert not _finished_sentence(Block(0, long_text, 0, True), Verdict("teaser", False, 0.0))
