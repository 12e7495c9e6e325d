from __future__ import annotations

from newsclean.text.evidence import Evidence
from newsclean.text.header import find_footer, find_title
from newsclean.text.segment import iter_blocks

KNOWN = "The Senate passed the budget after a fight over taxes."


def test_tag_list_is_cut_before_a_footer_menu() -> None:
    blocks = iter_blocks("Body text.\n\nReuters\n\nPolitics\n\nBudget\n\nSenate\n\nTaxes\n\nAbout us\n\nContact")
    footer = find_footer(blocks, [False] * len(blocks), 1, KNOWN, None, Evidence.load())
    assert footer.agencies == ["Reuters"]
    assert footer.tags == ["Politics", "Budget", "Senate", "Taxes"]


def test_a_menu_after_the_body_is_not_a_tag_list() -> None:
    blocks = iter_blocks("Body text.\n\nPolitics\n\nSports\n\nWeather\n\nAbout us")
    footer = find_footer(blocks, [False] * len(blocks), 1, KNOWN, None, Evidence.load())
    assert footer.tags == []


def test_labelled_tags() -> None:
    blocks = iter_blocks("Body text.\n\nTags:\n\nHousing\n\nRents")
    footer = find_footer(blocks, [False] * len(blocks), 1, "", None, Evidence.load())
    assert footer.tags == ["Housing", "Rents"]


def test_title_is_the_nearest_heading_before_the_region() -> None:
    blocks = iter_blocks("Home\n\nNews\n\nCity council approves new budget plan\n\nShare\n\nThe council voted...")
    noise = [b.text in ("Share",) for b in blocks]
    assert find_title(blocks, noise, 4) == 2
