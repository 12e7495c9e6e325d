"""The region's edges are moved off the middle of a sentence a renderer broke at its links.

Real renders: te-dev_f1b5e13be7556be9 (soup) opens its body with "Mit Windows Vista wurde damals
die sogenannte" / "Autotuning Funktion" / "eingeführt. Diese ist auch noch unter" / "Windows 10" /
"*" / "vorhanden. ..."; the region search started at "vorhanden." (tests/fixtures/region/README.md).
"""

from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.segment import Block
from newsclean.text.sentence_edges import sentence_end, sentence_start
from tests.region_pages import clean_page, norm


def _page(*lines: tuple[str, str | None]) -> tuple[list[Block], list[Verdict]]:
    blocks = [Block(index=i, text=t, line=i, gap_before=True) for i, (t, _) in enumerate(lines)]
    verdicts = [Verdict(category=c, prose=False, score=0.0) for _, c in lines]
    return blocks, verdicts


def test_start_moves_up_to_the_sentence_opening_over_link_pieces() -> None:
    blocks, verdicts = _page(
        ("16. Mai 2019", "dateline"),
        ("Mit Windows Vista wurde damals die sogenannte", None),
        ("Autotuning Funktion", None),
        ("eingeführt. Diese ist auch noch unter", None),
        ("Windows 10", "navigation"),
        ("vorhanden. Eingeführt wurde diese, damit die Leistung von Programmen verbessert wird.", None),
        ("Jedoch gibt es anscheinend Probleme mit älteren Routern.", None),
    )
    assert sentence_start(blocks, verdicts, {}, 5, 7) == 1


def test_start_stays_when_its_first_line_opens_a_sentence() -> None:
    blocks, verdicts = _page(
        ("Mit Windows Vista wurde damals die sogenannte", None),
        ("Eingeführt wurde diese, damit die Leistung von Programmen verbessert wird.", None),
    )
    assert sentence_start(blocks, verdicts, {}, 1, 2) == 1


def test_start_stays_when_the_opening_sits_under_a_form() -> None:
    # "is undoubtedly the star of" continues a link ("RAYE"), but the line above that is a sign-up
    # form's: no sentence of the article opens below a form's button.
    blocks, verdicts = _page(
        ("Please enter a valid email address", "newsletter"),
        ("SIGN UP", "newsletter"),
        ("I would like to be emailed about offers, events and updates. Read our", None),
        ("privacy notice", "cookie"),
        ("RAYE", None),
        ("is undoubtedly the star of the night, with a record haul of awards.", None),
    )
    assert sentence_start(blocks, verdicts, {}, 5, 6) == 5


def test_start_stays_below_the_headline() -> None:
    blocks, verdicts = _page(
        ("Makrophotos von Insekten", None),
        ("ist sicher kein ganz einfaches Hobby.", None),
    )
    assert sentence_start(blocks, verdicts, {0: "title"}, 1, 2) == 1


def test_end_moves_down_to_the_close_of_an_open_sentence() -> None:
    blocks, verdicts = _page(
        ("Die Funktion lässt sich in der Eingabeaufforderung mit dem Befehl", None),
        ("netsh", None),
        ("wieder einschalten.", None),
        ("Teilen", "share"),
    )
    assert sentence_end(blocks, verdicts, {}, 0, 1) == 3


def test_end_stays_after_a_finished_sentence() -> None:
    blocks, verdicts = _page(
        ("Die Funktion lässt sich wieder einschalten.", None),
        ("weitere Artikel", None),
    )
    assert sentence_end(blocks, verdicts, {}, 0, 1) == 1


def test_body_keeps_the_sentence_the_render_broke_at_its_links() -> None:
    body, _ = clean_page("te-dev_f1b5e13be7556be9")
    assert body.startswith(norm("Mit Windows Vista wurde damals die sogenannte"))
    assert "Autotuning Funktion eingeführt." in body
