"""Lines a body prints more than once (newsclean.html.repeats) and glued link parts (cleanup.link_texts)."""
from __future__ import annotations

from lxml import html

from newsclean.html.cleanup import drop_teasers, link_texts
from newsclean.html.repeats import drop_repeated_lines
from newsclean.record import Removed

PARA = "The council approved the budget on Monday after a debate that lasted most of the night."
OFFER = "Read every article on the site and cancel whenever you like."
OTHER = "Opposition members said the plan left too little for schools and the upkeep of roads."


def test_offer_card_printed_under_each_plan_goes_altogether() -> None:
    removed: list[Removed] = []
    lines = [PARA, "Monthly plan", OFFER, "Yearly plan", OFFER, "Student plan", OFFER, OTHER]
    assert drop_repeated_lines(lines, removed) == [PARA, "Monthly plan", "Yearly plan", "Student plan", OTHER]
    assert [r.text for r in removed] == [OFFER] * 3


def test_story_printed_twice_keeps_its_first_printing() -> None:
    removed: list[Removed] = []
    assert drop_repeated_lines([PARA, OTHER, PARA, OTHER], removed) == [PARA, OTHER]
    assert len(removed) == 2


def test_short_repeated_lines_and_code_stay() -> None:
    """Names in a list of nominees and commands in code listings repeat by design."""
    lines = ["Olivia Dean", "Little Simz", "Olivia Dean", "CMD flask run app:app", "CMD flask run app:app",
             "CMD flask run app:app", "Olivia Dean"]
    assert drop_repeated_lines(lines, []) == lines


def test_table_blocks_are_not_judged() -> None:
    table = "Year | Votes\n2023 | 12\n2024 | 15"
    assert drop_repeated_lines([table, PARA, table, table], []) == [table, PARA, table, table]


def test_link_with_a_kicker_span_is_a_teaser_when_the_extractor_glued_it() -> None:
    tree = html.fromstring(
        '<html><body><ul><li><a href="/a"><span>Opinion</span><span>Why rents keep rising in the city</span>'
        "</a></li></ul></body></html>"
    )
    removed: list[Removed] = []
    kept = drop_teasers(["- OpinionWhy rents keep rising in the city", PARA], link_texts(tree), removed)
    assert kept == [PARA]


def test_closing_line_of_each_item_in_a_list_article_stays() -> None:
    """A list article ends each item with the same line; the items' prose stands between the copies."""
    dates = "Easter trail open daily from 23 March to 14 April. example.org"
    lines = [PARA, dates, OTHER, dates, OFFER, dates]
    assert drop_repeated_lines(lines, []) == lines
