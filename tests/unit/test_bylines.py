"""Bylines printed as a bare name, in a date line or under the headline (shapes from the fp-dev renders)."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.bylines import is_person_name

BODY = (
    "Der US-Präsident will den Rasen vor dem Weissen Haus für einen neuen Helikopter umbauen lassen. "
    "Gleichzeitig stockt der Bau des Ballsaals, den er im vergangenen Jahr angekündigt hatte.\n\n"
    "Die Pläne wurden am Montag bekannt. Sie sehen einen Landeplatz auf der Südseite vor, wo bisher "
    "Zelte für Empfänge aufgebaut wurden, und sollen noch in diesem Sommer umgesetzt werden.\n\n"
    "Kritiker bemängeln die Kosten und die Eile, mit der das Projekt vorangetrieben wird. Das Weisse Haus "
    "verweist auf Sicherheitsgründe und auf die Bedürfnisse der neuen Maschinen."
)
URL = "https://www.example.ch/ausland/trump-plant-helikopterlandeplatz-beim-weissen-haus-123"


def _clean(header: str) -> newsclean.Article:
    page = f"Startseite\n\nAusland\n\nTrump plant Helikopterlandeplatz beim Weissen Haus\n\n{header}\n\n{BODY}\n"
    return newsclean.clean(page, url=URL, input_format="text")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Edgar Schuler", True),
        ("María R. Sahuquillo", True),
        ("Dr. Max Kolter", True),
        ("Ursula von der Leyen", True),
        ("JÖRG ZSCHOCHE", True),
        ("Edgar", False),
        ("Mehr aus Sachsen-Anhalt 2024", False),
        ("the latest news", False),
        ("A Very Long Line Of Capitalised Words Here", False),
    ],
)
def test_person_name_shape(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


def test_a_bare_name_next_to_the_date_line_is_the_byline() -> None:
    article = _clean("Edgar Schuler\n\nPubliziert 18.05.2026, 12:19 Uhr")
    assert article.authors == ["Edgar Schuler"]
    assert "Edgar Schuler" not in article.text
    assert article.published == "2026-05-18T12:19"


def test_a_name_after_a_byline_label() -> None:
    article = _clean("Author of the article:\n\nJody Robbins\n\nPublished Jun 05, 2026 • 3 minute read")
    assert article.authors == ["Jody Robbins"]


def test_a_row_of_buttons_is_not_a_name() -> None:
    article = _clean("Teilen Kommentare\n\n18.05.2026, 12:19 Uhr")
    assert article.authors == []


def test_a_byline_inside_the_date_line() -> None:
    article = _clean("Mo 18.05.26 | 12:19 Uhr | Von Eva Kirchner-Rätsch")
    assert article.authors == ["Eva Kirchner-Rätsch"]


def test_a_byline_under_the_headline_is_not_part_of_it() -> None:
    article = _clean("von Dr. Max Kolter\n\n18.05.2026")
    assert article.title == "Trump plant Helikopterlandeplatz beim Weissen Haus"
    assert [a.replace("Dr. ", "") for a in article.authors] == ["Max Kolter"]


def test_a_labelled_byline_with_a_colon() -> None:
    article = _clean("Von: Simone Jung\n\nStand: 18.05.2026, 20:44 Uhr")
    assert article.authors == ["Simone Jung"]
