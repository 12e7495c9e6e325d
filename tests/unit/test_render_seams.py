"""A line-per-element render's seams at inline elements are closed in the emitted body, not before judging."""

from __future__ import annotations

import newsclean
from newsclean.text.render_seams import close_seams

_MENU = ["Home", "News", "Sport", "Weather", "Local"]


def _soup_dump() -> str:
    """A dump as BeautifulSoup's get_text("\\n") prints it: a link or an emphasis on its own line,
    the punctuation after it on the next."""
    return "\n".join([
        *_MENU,
        "",
        "Council backs the new bridge over the river",
        "",
        "The council met on Tuesday evening and agreed to spend more money on the new bridge, said the",
        "chair of the committee",
        ", who had asked for it for a long time, after the vote.",
        "Residents had asked for the crossing for years, and the vote was unanimous in the end of the",
        "meeting",
        ".",
        "Work is due to start in the spring, the engineer told the meeting, as the plans (",
        "PDF",
        ") show in some detail for every one of the three phases.",
        "",
        *_MENU,
    ])


def test_comma_and_stop_after_a_link_close_up_in_the_body() -> None:
    """The sentence a link broke reads as printed: no space before the comma, the stop or the bracket."""
    text = newsclean.clean(_soup_dump(), input_format="text").text
    assert "bridge, said the chair of the committee, who had asked" in text
    assert "in the end of the meeting." in text
    assert "as the plans (PDF) show" in text
    assert " ," not in text and " ." not in text


def test_author_spacing_kept_where_no_language_closes_it() -> None:
    """French high marks, ellipses and words opening with a stop keep their space."""
    assert close_seams("Pourquoi ? Parce que ... voilà !") == "Pourquoi ? Parce que ... voilà !"
    assert close_seams("Built on .NET and C# .") == "Built on .NET and C#."
    assert close_seams("a value of ,5 here") == "a value of ,5 here"


def test_seams_close_before_closing_punctuation_and_after_opening_brackets() -> None:
    """Spaces a join put before ", . ) ]" or after "( [" go, a closing quote after them too."""
    assert close_seams('"It is over" , he said ( twice ) .') == '"It is over", he said (twice).'
    assert close_seams("see [ 1 ] , then") == "see [1], then"
