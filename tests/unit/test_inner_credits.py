"""Tests for putting a photo's caption and credit, glued inside a paragraph line, on a line of their own."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.glued import DumpShape, restore_dump_items
from newsclean.text.inner_credits import credit_lines
from newsclean.text.lexicon import Lexicon

_FIRST = (
    "Kiev was attacked again on Saturday night, and the city's mayor said that at least nine people died in the"
    " strikes on residential districts across the capital."
)
_SECOND = (
    "The air force said that the attack was the largest since the start of the year, with dozens of drones and"
    " several ballistic missiles launched from the south."
)
_EARLIER = (
    "Emergency services worked through the night to reach people trapped under the rubble of two apartment"
    " blocks, and volunteers brought food and blankets to the families who had to leave their homes, while"
    " the city council opened three schools as shelters for those who could not stay with relatives nearby."
)
_CAPTION = "Eight houses, a school and the embassy of Lithuania were hit in the attacks, the ministry said."
_THIRD = (
    "Besides Kiev, the regions of Dnipro, Sumy and Kharkiv were also attacked, the regional governors reported on"
    " their channels on Sunday morning."
)
_FOURTH = (
    "Officials said repairs to the power grid would take several days, and that residents should prepare for"
    " further outages during the coming week in the region."
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_labelled_credit_inside_a_line_cuts_out_its_caption(lexicon: Lexicon) -> None:
    line = f"{_SECOND} {_CAPTION} Photo: Jan Kowal/AP {_THIRD}"
    assert credit_lines(line, lexicon) == [_SECOND, f"{_CAPTION} Photo: Jan Kowal/AP", _THIRD]


def test_bracketed_credit_closing_a_line_cuts_before_its_caption(lexicon: Lexicon) -> None:
    caption = "President Vladimir Putin delivers an annual address to the Federal Assembly in Moscow."
    line = f"{_SECOND} {caption} (Kremlin Press Office/Anadolu via Getty Images)"
    assert credit_lines(line, lexicon) == [_SECOND, f"{caption} (Kremlin Press Office/Anadolu via Getty Images)"]


def test_credit_opening_a_line_is_cut_from_the_paragraph_after_it(lexicon: Lexicon) -> None:
    line = f"Foto: Dan Bashakov/AP {_THIRD}"
    assert credit_lines(line, lexicon) == ["Foto: Dan Bashakov/AP", _THIRD]


def test_names_without_an_agency_slash_are_left_alone(lexicon: Lexicon) -> None:
    # "Photo: Jane Roe Besides Kiev ..." has no end the names can be read at: the paragraph's words could be taken.
    line = f"{_SECOND} {_CAPTION} Photo: Jane Roe {_THIRD}"
    assert credit_lines(line, lexicon) == [line]


def test_a_bracket_that_is_no_credit_is_left_alone(lexicon: Lexicon) -> None:
    line = f"{_SECOND} The ministry (and/or the army) said so. {_THIRD}"
    assert credit_lines(line, lexicon) == [line]


def test_long_sentence_before_a_credit_stays_with_the_paragraph(lexicon: Lexicon) -> None:
    line = f"{_FIRST[:-1]} and {_SECOND[0].lower()}{_SECOND[1:]} Photo: Jan Kowal/AP {_THIRD}"
    pieces = credit_lines(line, lexicon)
    assert pieces == [line[: line.index(" Photo")] + " Photo: Jan Kowal/AP", _THIRD]


def test_glued_dump_puts_the_caption_on_its_own_line_and_the_article_drops_it(lexicon: Lexicon) -> None:
    head = "Attacks on the capital go on\nBy Jane Doe\n12 May 2025\n"
    # Below the head: over 100 words of paragraphs above the caption.
    dump = f"{head}{_FIRST}\n{_EARLIER}\n{_FOURTH}\n{_SECOND} {_CAPTION} Photo: Jan Kowal/AP {_THIRD}"
    glued = DumpShape(flattened=False, markdown=False, glued=True)
    restored, _ = restore_dump_items(dump, lexicon, shape=glued)
    assert f"{_CAPTION} Photo: Jan Kowal/AP" in restored.split("\n")
    text = newsclean.clean(restored, input_format="text").text or ""
    assert _CAPTION not in text and "Lukatsky" not in text
    for paragraph in (_FIRST, _EARLIER, _SECOND, _THIRD, _FOURTH):
        assert paragraph in text


def test_lead_photo_caption_at_the_head_of_a_glued_dump_is_left_to_the_header(lexicon: Lexicon) -> None:
    # Cut from the first paragraph, a lead photo's caption moved the article's start below it.
    dump = f"Attacks on the capital go on\nBy Jane Doe\n{_CAPTION} Photo: Jan Kowal/AP {_FIRST}\n{_SECOND}"
    glued = DumpShape(flattened=False, markdown=False, glued=True)
    restored, _ = restore_dump_items(dump, lexicon, shape=glued)
    assert f"{_CAPTION} Photo: Jan Kowal/AP" not in restored.split("\n")


def test_names_after_a_slash_that_is_no_agency_are_left_alone(lexicon: Lexicon) -> None:
    # "MDR/David Straub": the name goes on past the slash, and "Straub" would open the next paragraph.
    line = f"{_SECOND} {_CAPTION} Bildrechte: MDR/David Straub {_THIRD}"
    assert credit_lines(line, lexicon) == [line]


def test_a_short_bracket_before_the_credit_takes_the_caption_before_it(lexicon: Lexicon) -> None:
    caption = "Ein Mitglied der Brigade bei einer Kundgebung."
    line = f"{_SECOND} {caption} (Archivbild) (Quelle: IMAGO/Jane Roe) {_THIRD}"
    assert credit_lines(line, lexicon) == [_SECOND, f"{caption} (Archivbild) (Quelle: IMAGO/Jane Roe)", _THIRD]


def test_a_picture_service_of_two_words_ends_the_credit(lexicon: Lexicon) -> None:
    line = f"{_SECOND} {_CAPTION} Photo: Jane Roe/Getty Images {_THIRD}"
    assert credit_lines(line, lexicon) == [_SECOND, f"{_CAPTION} Photo: Jane Roe/Getty Images", _THIRD]
