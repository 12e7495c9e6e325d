"""The byline read from the words after a flattened dump's headline."""

from __future__ import annotations

from newsclean.text.calendar_words import calendar_words
from newsclean.text.evidence import Evidence
from newsclean.text.lexicon import Lexicon
from newsclean.text.stream_byline import name_before_date, stream_byline

_LEX = Lexicon.load()
_EVIDENCE = Evidence.load()


def _read(text: str, language: str) -> list[str]:
    return stream_byline(text.split(), _LEX, _EVIDENCE.stoplist(language))


def test_a_labelled_name_after_the_standfirst_ends_before_the_capitalised_lead() -> None:
    text = ("Kein Homeoffice, kein Auto. Die Streiks treffen viele hart. "
            "Von Sabrina Gerstmaier 15.04.2026, 14:36 Uhr Die Stadt steht still.")
    assert _read(text, "de") == ["Sabrina Gerstmaier"]


def test_several_writers_and_an_agency() -> None:
    text = "Der Kampf steht an. Von Felix Schröder und Jörg Soldwisch, dpa Bereit für den Kampf: zwei Boxer."
    assert _read(text, "de") == ["Felix Schröder", "Jörg Soldwisch", "dpa"]


def test_a_lower_case_by_inside_a_sentence_is_no_byline() -> None:
    text = "The coast was hit by Storm Darragh overnight and thousands lost power in the region."
    assert _read(text, "en") == []


def test_a_weekday_abbreviation_is_not_the_third_word_of_the_name() -> None:
    assert _read("By Tom Baker Fr 12.05.2023 The council met.", "en") == ["Tom Baker"]


def test_a_menu_label_after_by_is_no_name() -> None:
    assert _read("Sort By Newest First Oldest First", "en") == []


def test_a_generational_suffix_belongs_to_the_name() -> None:
    text = "Why the vote moved. By Perry Bacon Jr. March 3, 2024 The polls were wrong again."
    assert _read(text, "en") == ["Perry Bacon Jr."]


def _before_date(text: str, language: str) -> list[str]:
    return name_before_date(text.split(), _LEX, _EVIDENCE.stoplist(language), calendar_words(language))


def test_an_unlabelled_name_right_before_the_date_is_the_byline() -> None:
    text = "The mayor resigned on Monday after a long row. Ada Brennan April 15, 2025 The council met at noon."
    assert _before_date(text, "en") == ["Ada Brennan"]


def test_the_dates_weekday_is_no_surname() -> None:
    text = "Die Stadt plant neu. Bericht Freitag, 15. Mai 2025 Die Stadt steht still."
    assert _before_date(text, "de") == []


def test_a_sentence_end_before_the_date_is_no_name() -> None:
    text = "Nach acht Jahren endet seine Amtszeit. Frankfurt 15.05.2025 Der Wechsel kommt."
    assert _before_date(text, "de") == []


def test_function_words_before_the_date_are_no_name() -> None:
    assert _before_date("Read on: This Halloween 31 October 2024 the town glowed.", "en") == []
