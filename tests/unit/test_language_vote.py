"""A declared language confirmed by stopwords skips langdetect; anything else still asks it.

The bodies are the fixture pages' own (an English and a German article), as
the HTML path passes them: the middle of the cleaned text.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import newsclean
from newsclean.normalize import language
from newsclean.normalize.language import identify_language, middle_sample
from newsclean.normalize.stopword_vote import stopwords_confirm

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _body(name: str) -> str:
    html = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return middle_sample(newsclean.clean(html, input_format="html").text)


@pytest.fixture(scope="module")
def english() -> str:
    return _body("TheIntercept_0")


@pytest.fixture(scope="module")
def german() -> str:
    return _body("at_SalzburgerNachrichten_2026_01_06")


def test_stopwords_confirm_the_language_a_body_is_written_in(english: str, german: str) -> None:
    assert stopwords_confirm(english, "en") and stopwords_confirm(german, "de")
    # A wrong declaration is not confirmed, nor a related language's, nor one jusText has no list for.
    assert not stopwords_confirm(english, "de") and not stopwords_confirm(german, "en")
    assert not stopwords_confirm(german, "nl") and not stopwords_confirm(english, "xx")
    # A few words prove nothing, even when they are all function words.
    assert not stopwords_confirm("the and of to in that is", "en")


def test_a_confirmed_declaration_skips_langdetect(english: str, monkeypatch: pytest.MonkeyPatch) -> None:
    detector = language._DEFAULT.get()

    def refuse(text: str) -> tuple[str | None, float | None]:
        raise AssertionError("langdetect ran on a confirmed declaration")

    monkeypatch.setattr(detector, "detect", refuse)
    assert identify_language(english, "en") == ("en", 1.0)


def test_an_unconfirmed_declaration_goes_to_langdetect(english: str, german: str) -> None:
    # A wrong declaration: langdetect names the text's own language.
    assert identify_language(english, "de")[0] == "en"
    assert identify_language(german, "en")[0] == "de"
    # No declaration, or one langdetect cannot name ("nb"): langdetect's answer, confidence and all.
    assert identify_language(german, None) == language.detect_language(german)
    assert identify_language(english, "nb") == language.detect_language(english)
