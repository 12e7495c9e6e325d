from __future__ import annotations

import pytest

import newsclean
from newsclean.normalize.dates import DateContext
from newsclean.options import Options
from newsclean.text.classify import Verdict
from newsclean.text.datelines import date_lines
from newsclean.text.segment import Block


@pytest.mark.parametrize(
    "language,line,expected",
    [
        ("de", "Frankfurt, October 23, 2024, 3:48: Uhr", [("2024-10-23T03:48", None)]),
        ("it", "Marco Pizzorno 4 Febbraio 2025 - 14:41", [("2025-02-04T14:41", None)]),
        ("en", "By Madeleine Howell 30 August 2023 • 4:45pm", [("2023-08-30T16:45", None)]),
        (
            "fr",
            "Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54",
            [("2023-08-30T14:52", "published"), ("2023-08-30T15:54", "modified")],
        ),
    ],
)
def test_dates_written_among_other_words(language: str, line: str, expected: list[tuple[str, str | None]]) -> None:
    # Real date lines (Börsen-Zeitung, il Giornale, The Telegraph, Le Monde) the whole-line parse rejects.
    blocks = [Block(0, line, 0, True)]
    verdicts = [Verdict(None, False, -1.0)]
    found = date_lines(blocks, verdicts, DateContext.for_page(Options(), language, None), [])
    assert [(d.iso, kind) for d, kind in found[0]] == expected


def test_url_day_is_the_text_paths_last_resort() -> None:
    sentence = "The council approved the budget on Tuesday after a long debate. "
    text = "Council approves harbour budget\n\n" + sentence * 8
    dated = newsclean.clean(text, url="https://news.example/2024/03/02/harbour-budget/", input_format="text")
    assert dated.published == "2024-03-02"
    assert newsclean.clean(text, url="https://news.example/harbour-budget/", input_format="text").published is None


def test_kicker_colon_spacing_and_list_items_in_headlines() -> None:
    body = (
        "Der Trainer fordert Geduld mit dem jungen Stürmer, der nach seiner Verletzung am Samstag wieder "
        "in der Startelf stand und gegen den Tabellenführer zwei Tore vorbereitete. "
    ) * 4
    page = f"* Home\n* Sport\n\nBubi-Bomber wieder da : Trainer fordert Geduld\n\n{body}"
    record = newsclean.clean(page, input_format="text", language="de")
    assert record.title == "Bubi-Bomber wieder da: Trainer fordert Geduld"
    french_page = page.replace("Bubi-Bomber wieder da", "Guerre en Ukraine")
    french = newsclean.clean(french_page, input_format="text", language="fr")
    assert french.title == "Guerre en Ukraine : Trainer fordert Geduld"


def test_a_render_of_one_story_link_has_no_article() -> None:
    page = "Menu\n\nLog in\n\nMore stories\n\n* A singer says going on tour without her children is like a holiday\n"
    record = newsclean.clean(page, input_format="text")
    assert record.text == ""
    assert any("only list items" in w for w in record.warnings)
