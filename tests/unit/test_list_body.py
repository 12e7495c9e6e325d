"""A list-only article (names and short entries, hardly any prose) under the headline the address names
is the body when the region search keeps nothing; a menu under a headline is not.

``fe_TheTelegraph_2`` is a real render of a dev page (tests/fixtures/region/README.md): an awards
night's winners list, which came back empty on the soup and inscriptis renders before.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.list_body import WARNING
from tests.region_pages import clean_article, norm


@pytest.mark.parametrize("mode", ["soup", "inscriptis"])
def test_winners_list_under_the_headline_is_the_body(mode: str) -> None:
    article, _ = clean_article("fe_TheTelegraph_2", mode)
    body = norm(article.text or "")
    assert WARNING in article.warnings
    for line in ("Group of the Year", "Headie One and K-Trap", "Rudimental, Charlotte Plank and Vibe Chemistry",
                 "The Last Dinner Party – WINNER", "Sekou"):
        assert line in body
    # A name listed under several awards is the list's own, not a duplicate line.
    assert body.count("Raye") >= 5
    # The hard barrier after the list, and the page's furniture, stay out.
    for unwanted in ("Related Topics", "License this content", "commenting policy", "More stories",
                     "Going on tour without my kids"):
        assert unwanted not in body
    assert article.title == "Brit Awards 2024: Full winners list as Raye wins Songwriter of the Year"


_MENU = ["World", "Politics", "Business", "Science and health", "Arts and culture", "Sport results", "Weather"]


def _page(run: list[str]) -> str:
    """A written dump: a menu, the headline, a byline and date, ``run``, then a footer repeating the menu."""
    return "\n\n".join([
        *_MENU,
        "Harbour town names the winners of its annual boat festival",
        "By Staff Reporter",
        "4 May 2024",
        *run,
        "Comments",
        "Show comments",
        *_MENU,
        "Terms and conditions",
        "Privacy policy",
    ])


_URL = "https://news.example.org/local/harbour-town-winners-boat-festival/"


def test_menu_under_the_headline_is_not_taken_for_a_list() -> None:
    # The same entries come back in the footer: the run is the site's menu, not the story's list.
    article = newsclean.clean(_page(_MENU), url=_URL, input_format="text")
    assert WARNING not in article.warnings
    assert "Arts and culture" not in (article.text or "")


def test_page_without_a_region_keeps_every_non_noise_block() -> None:
    # No region at all: the keep-everything fallback stands (the lines under the headline are among what it keeps).
    winners = ["Best sailing boat", "The Gull, skipper Ann Ross", "Best rowing crew", "Harbour Rowers, crew of eight",
               "Best young sailor", "Tom Pike, aged just twelve", "Best restored boat", "Marlin, built in 1931"]
    article = newsclean.clean(_page(winners), url=_URL, input_format="text")
    assert WARNING not in article.warnings
    assert "Tom Pike, aged just twelve" in (article.text or "")
