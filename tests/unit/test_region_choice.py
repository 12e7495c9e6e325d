"""Which run of prose the text path takes for the article, on real renders of dev pages.

Each page (tests/fixtures/region/README.md) is one the region search lost: the article's close
below a related-stories box, a short article under its headline beaten by a longer form or
sidebar paragraph elsewhere.
"""

from __future__ import annotations

import pytest

from tests.region_pages import assert_gold, clean_article, clean_page


@pytest.mark.parametrize(
    "name",
    [
        "te-dev_1be86c3a5b981e09",
        "te-dev_8cb2ebcc9583b6ea",
        "te-dev_3eafb6073473f635",
        "te-dev_88340317b1efaa81",
    ],
)
def test_article_sentences_are_kept(name: str) -> None:
    body, gold = clean_page(name)
    assert_gold(body, gold)


def test_related_box_between_the_last_paragraphs_stays_out() -> None:
    body, _ = clean_page("te-dev_1be86c3a5b981e09")
    assert "RELATED STORIES" not in body
    assert "Hoarding and price-gouging send mask prices soaring" not in body


@pytest.mark.parametrize("mode", ["soup", "inscriptis"])
def test_a_headline_in_a_teaser_box_is_not_an_article(mode: str) -> None:
    article, _ = clean_article("fe_TheTelegraph_2", mode)
    # The box's sentence-like headline lost the region; the list-only article under the headline is the body
    # (tests/unit/test_list_body.py).
    assert "Going on tour without my kids" not in (article.text or "")
    assert any("no article prose" in warning for warning in article.warnings)
