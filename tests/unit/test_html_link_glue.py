"""Teaser links whose kicker span an extractor glued to the headline (cleanup.link_texts)."""
from __future__ import annotations

from lxml import html

from newsclean.html.cleanup import drop_teasers, link_texts
from newsclean.record import Removed

PARA = "The council approved the budget on Monday after a debate that lasted most of the night."


def test_link_with_a_kicker_span_is_a_teaser_when_the_extractor_glued_it() -> None:
    tree = html.fromstring(
        '<html><body><ul><li><a href="/a"><span>Opinion</span><span>Why rents keep rising in the city</span>'
        "</a></li></ul></body></html>"
    )
    removed: list[Removed] = []
    kept = drop_teasers(["- OpinionWhy rents keep rising in the city", PARA], link_texts(tree), removed)
    assert kept == [PARA]
