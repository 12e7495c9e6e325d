"""An article of short lines (a dialogue, a notice, a post wrapped in short lines) under the headline
the address names is the body, when the densest prose is a sidebar's that shares nothing with the address.

Real renders of dev pages (tests/fixtures/region/README.md); each lost its whole article before.
"""

from __future__ import annotations

import pytest

from tests.region_pages import assert_gold, clean_page, norm


@pytest.mark.parametrize("name", ["te-dev_ae3484530ac9c304", "te-dev_ebb57e29a732bb5f"])
def test_short_line_article_under_the_headline_is_kept(name: str) -> None:
    body, gold = clean_page(name)
    assert_gold(body, gold)


def test_dialogue_without_its_share_label_or_the_sidebar() -> None:
    body, _ = clean_page("te-dev_ae3484530ac9c304")
    assert body.startswith(norm("„Ich weiß ich bin betrunken und sollte das vielleicht nicht sagen…“"))
    assert body.endswith("– „Ok.“")
    # The sidebar's film review the region search took before.
    assert "Ami-Actionfilms" not in body


def test_post_wrapped_in_short_lines_is_kept() -> None:
    body, gold = clean_page("te-dev_60c767494e7b4ab4")
    assert norm("Decorators in Python enable you to modify") in body
    assert norm("Speak line moved to after next-line and") in body
    for unwanted in gold["without"]:
        assert norm(unwanted) not in body
