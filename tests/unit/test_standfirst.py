"""The standfirst under the headline joins the body over a strip of page furniture, a caption does not.

Real renders of dev pages (tests/fixtures/region/README.md): each case is a class the text
path's region search lost, or a paragraph the standfirst rule must not take.
"""

from __future__ import annotations

import pytest

from tests.region_pages import assert_gold, clean_page, norm


@pytest.mark.parametrize(
    "name", ["te-dev_331d33cb10b41d17", "te-dev_5c85bc938c4da7dc", "te-dev_6f88f7f45b6fd0e2"]
)
def test_standfirst_above_a_furniture_strip_is_kept(name: str) -> None:
    body, gold = clean_page(name)
    assert_gold(body, gold)


def test_strip_between_standfirst_and_body_stays_out() -> None:
    # The subscription offer between the standfirst and the body is not article text.
    body, _ = clean_page("te-dev_331d33cb10b41d17")
    assert "Jahresabo" not in body
    assert "Nur für Neukunden gültig" not in body


@pytest.mark.parametrize(
    ("name", "caption"),
    [
        ("fe_LATimes_0", "sits in the press box"),
        ("fp-dev_de_EuronewsDE_2026_01_06", "spricht während einer Sitzung des Sicherheitsrates"),
        ("fp-dev_uk_TheIndependent_2024_11_22", "Want to bookmark your favourite articles"),
        # Printed twice (under the photo, then again in its gallery): repeated, but no standfirst.
        ("fe_TheIntercept_1", "Martha Rodriguez comforts her 14-month-old granddaughter"),
    ],
)
def test_caption_or_appeal_under_the_header_stays_out(name: str, caption: str) -> None:
    body, gold = clean_page(name)
    start = body.find(norm(str(gold["body_start"]))[:80])
    assert start >= 0
    # Not taken as the lead: nothing of it before the article's first paragraph (a page may
    # print the same caption again under a photo inside the article).
    assert caption not in body[:start]


@pytest.mark.parametrize(
    ("name", "lead"),
    [
        ("te-dev_40f4743c7e899828", "Die Abogebühr eines Nutzers soll nur noch unter den Künstlern verteilt werden"),
        ("te-dev_a7614508d5f46dcf", "war 1938 der Auftakt zur bisher größten"),
        ("te-dev_bc4564330bc24b5f", None),
    ],
)
def test_lead_a_teaser_reprints_is_kept(name: str, lead: str | None) -> None:
    # The standfirst is printed again in a teaser lower on the page; its printing under the
    # headline is the article's own, so it stays in the body (and the body's other must strings too).
    body, gold = clean_page(name)
    for wanted in gold["with"]:
        assert norm(wanted) in body
    if lead is not None:
        assert body.startswith(norm(lead)) or norm(lead) in body[:400]


def test_appeal_printed_twice_stays_out_beside_a_repeated_lead() -> None:
    # An appeal printed above and below the article is repeated too, but it is no lead.
    body, _ = clean_page("te-dev_a7614508d5f46dcf")
    assert "Unterstützen Sie diese Form" not in body


def test_subtitle_a_related_box_reprints_is_kept() -> None:
    # The subtitle under the headline is printed again, with the headline, in a related-stories box
    # at the foot: its first printing is the story's.
    body, _ = clean_page("te-dev_dc40a7b29d99104c")
    assert body.startswith(norm("In den Vereinigten Staaten trommeln Aktivisten für einen Mietenstopp"))
    assert body.count("In den Vereinigten Staaten trommeln Aktivisten") == 1


def test_standfirst_below_a_tag_strip_is_kept() -> None:
    # Seventeen one- and two-word lines of tags ("Ausbildung", "-", "Bremen Airport", ...) sit
    # between the headline and its standfirst: they take no room of the standfirst's reach.
    body, gold = clean_page("te-dev_63987c51f3d4c41a")
    assert_gold(body, gold)
    assert "Bremen Airport" not in body


def test_one_sentence_standfirst_of_twenty_words_is_kept() -> None:
    body, _ = clean_page("te-dev_629089844237eb7e")
    assert norm("liefert eine Einschätzung") in body
    assert "Anja Schmoll-Trautmann" not in body


def test_share_row_under_the_headline_is_no_subtitle() -> None:
    # "Share this article via whatsapp Share this article via twitter ..." is a sentence's length
    # without a stop, but it says one thing three times: a row of buttons.
    body, gold = clean_page("fp-dev_uk_Metro_2024_07_17")
    assert "Share this article via" not in body
    assert norm(str(gold["body_start"]))[:60] in body
