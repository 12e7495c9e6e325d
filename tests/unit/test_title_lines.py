"""What of a chosen headline line is the title: a one-line breadcrumb's last item, a list item's text."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.breadcrumbs import trail_end


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Du befindest dich hier: Home » Gesellschaft » „Neue Wege“", "„Neue Wege“"),
        ("Home › Local News › Harbour strike closes the port", "Harbour strike closes the port"),
        # One separator is no trail; a guillemet that a quote opened closes a quote.
        ("Nationale Demo » Der Streik beginnt", "Nationale Demo » Der Streik beginnt"),
        ("Le ministre : « Nous partirons » puis « nous verrons » demain",
         "Le ministre : « Nous partirons » puis « nous verrons » demain"),
        # Long text before a separator is no label, and a trail ending on a separator names no page.
        ("The port closed after the strike began on Monday morning » Strike » Port",
         "The port closed after the strike began on Monday morning » Strike » Port"),
        ("Home » News » ", "Home » News » "),
    ],
)
def test_trail_end(line: str, expected: str) -> None:
    assert trail_end(line) == expected


LEAD = (
    "Dock workers in Valmora walked out on Monday and closed the harbour for a week, the union said, "
    "after talks over pay and night shifts broke down late on Sunday evening."
)


def test_a_headline_printed_as_a_list_item_under_the_date_line_is_the_title() -> None:
    text = (
        "Home\n\n* News\n\n* Sport\n\n* Weather\n\nWed, Oct 16, 2024\n\n"
        "* Harbour strike closes the port of Valmora for a week\n\n"
        f"{LEAD}\n\nThe strike is the first at the port in twenty years, and ships were sent to other harbours "
        "along the coast while the union and the port authority met again on Tuesday.\n"
    )
    record = newsclean.clean(text, input_format="text")
    assert record.title == "Harbour strike closes the port of Valmora for a week"
    # Without the header's date line beside it, a list item stays a menu's.
    assert newsclean.clean(text.replace("Wed, Oct 16, 2024\n\n", ""), input_format="text").title is None
