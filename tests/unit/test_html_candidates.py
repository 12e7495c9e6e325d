"""The recall guard's comparison of candidate bodies (newsclean.html.candidates)."""
from __future__ import annotations

from newsclean.html.candidates import covered_share, extend_body, render_wins, restore_lost_prose
from newsclean.normalize.text import comparison_key

LEAD = "Heavy snow on solar panels lowers their yield and strains the modules and their mounts."
KICKER = "Subscribe now for one euro in the first month"
BODY = [
    "Owners of solar arrays ask every winter whether they should clear the snow from their roofs.",
    "Wet snow weighs forty kilograms a square metre, and frozen snow more than ninety.",
]
TAIL = "Discover more stories from our readers and their homes"


def _page(*lines: str) -> str:
    return comparison_key("\n".join(lines))


def test_a_retry_holding_the_first_pass_replaces_it() -> None:
    first = [BODY[0]]
    assert extend_body(first, BODY, _page(LEAD, *BODY)) == BODY


def test_a_retry_that_read_the_next_block_is_led_by_the_first_pass() -> None:
    """The lead printed above the retry's text opens the body; the retry does not replace it."""
    page = _page("Snow strains solar panels", LEAD, KICKER, *BODY, TAIL)
    assert extend_body([LEAD, KICKER], BODY, page) == [LEAD, KICKER, *BODY]


def test_first_pass_lines_below_the_retry_stay_out() -> None:
    """What a page prints after the article (a "more stories" box) does not join it."""
    page = _page(LEAD, *BODY, TAIL)
    assert extend_body([TAIL], BODY, page) == BODY


def test_a_short_retry_line_seen_higher_up_does_not_place_the_retry() -> None:
    """A one-word subheading of the retry also occurs in the headline; its sentences place it."""
    headline = "Snow: why owners should leave it to professionals"
    retry = ["Snow", *BODY]
    page = _page(headline, LEAD, *retry)
    assert extend_body([LEAD], retry, page) == [LEAD, *retry]


def test_covered_share() -> None:
    assert covered_share(BODY, []) == 1.0
    assert covered_share(BODY, [BODY[1]]) == 1.0
    assert covered_share([BODY[0]], [LEAD]) < 0.5


HEADLINES = [f"Council approves plan number {n} for the roads and schools of the district" for n in range(40)]
SUMMARY = ["The council met on Monday to debate the budget for the coming year."]
ENTRIES = [
    f"At {n} o'clock the council moved on to item {n} of the agenda, and members argued over the cost of the work."
    for n in range(30)
]


def test_render_with_more_of_the_article_wins() -> None:
    """A live blog whose entries the extractor missed: the render holds them, in sentences."""
    assert render_wins(SUMMARY + ENTRIES, SUMMARY)


def test_a_list_of_headlines_never_wins_over_prose() -> None:
    """Forty headlines are long in words but hold no sentence: the extracted prose stays."""
    assert not render_wins(SUMMARY + HEADLINES, SUMMARY)


def test_render_that_lost_the_extracted_body_does_not_win() -> None:
    assert not render_wins(ENTRIES, SUMMARY)


def test_headlines_above_the_retry_are_no_lead() -> None:
    """A first pass that held a rail of headlines: the retry's article stands alone."""
    rail = ["Hunt for the brightest engineers", "Mental health awareness week", "Tomorrow is different"]
    page = _page(*rail, *BODY)
    assert extend_body(rail, BODY, page) == BODY


def test_a_winning_render_gets_back_a_prose_paragraph_it_lost() -> None:
    """The text engine dropped the lead as repeated prose; it goes back where the page prints it.

    A prose line the page prints after the render's text stays out (a box closing the page).
    """
    lead = ("Three weeks before the election the whole country argues about migration, and the "
            "opposition leader has put a motion to parliament that the governing parties reject.")
    closing = "Readers who liked this story also read how the vote on the migration motion was lost."
    standfirst = "The opposition leader lost the vote on migration, and he wants to try again after the election."
    body = [lead, ENTRIES[0], closing]
    rendered = [standfirst, *ENTRIES]
    page = _page("Menu", standfirst, lead, *ENTRIES, closing)
    assert restore_lost_prose(rendered, body, page) == [standfirst, lead, *ENTRIES]
    assert restore_lost_prose(rendered, [ENTRIES[0]], page) == rendered


def test_a_paywalled_extract_loses_to_a_render_nearly_twice_as_long() -> None:
    """The extractor stopped at a paywall teaser; the text engine's render holds that text and as much again
    (teaser boxes already cut, so it is not padded with them): 1.85 times the words wins, 1.6 times does not."""
    extract = ENTRIES[:15]
    assert render_wins(ENTRIES[:28], extract)
    assert not render_wins(ENTRIES[:24], extract)
