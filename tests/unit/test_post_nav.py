"""The links to the posts before and after a post end its article: what the region took in below goes."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.lexicon import Lexicon
from newsclean.text.post_nav import is_post_nav

_POST = "\n\n".join(
    [
        "Home",
        "Blog",
        "Our harbour clean-up day brought out more volunteers than ever",
        "By Jane Example",
        "More than two hundred volunteers came to the harbour on Saturday morning to collect litter along "
        "the quay, the beach and the old sea wall, twice as many as last year and more than we had gloves for.",
        "The city lent us a truck for the heavy items, and by noon it was full of tyres, shopping trolleys and "
        "a rowing boat that nobody could explain, which the harbour master promised to keep for a month.",
        "Children from the primary school sorted the plastic by type so that the recycling firm could take it, "
        "and the bakery on the corner brought coffee and rolls for everyone who stayed until the end of the day.",
        "We will meet again in the autumn, and we hope to extend the clean-up to the river banks upstream, "
        "where the council says the litter has grown worse since the new footpath opened in the spring.",
    ]
)

_REPLY = (
    "Mark says: What a great day it was, my children loved it and they want to come again in the autumn "
    "with their friends from school, so please keep us posted about the date and the place to meet."
)


@pytest.mark.parametrize(
    "nav",
    [
        "← Our spring concert raised money for the lifeboat → A new bench for the beach",
        # The lexicon is read in the page's language: an English post's cues.
        "Previous post Our spring concert raised money for the lifeboat",
        "Next story A new bench for the beach",
        "Previous Next",
    ],
)
def test_the_neighbouring_posts_line_ends_the_post(nav: str) -> None:
    record = newsclean.clean(f"{_POST}\n\n{nav}\n\n1 reply\n\n{_REPLY}", input_format="text")
    assert record.text.endswith("opened in the spring.")
    assert "great day" not in record.text and "Previous" not in record.text


def test_quoted_speech_opening_a_line_is_no_arrow() -> None:
    # Guillemets open a French line and close inside it: the quote is the article's, not a post's links.
    last = "« Nous reviendrons à l'automne », a promis la présidente de l'association samedi soir sur le quai."
    record = newsclean.clean(f"{_POST}\n\n{last}", input_format="text")
    assert record.text.endswith(last)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Next article A new bench for the beach", True),
        ("Nächster Beitrag Die Bank am Strand", True),
        ("Vorheriges Weiter", True),
        # A bare pager cue: a gallery's or a multi-page story's own links print it too.
        ("Next article", False),
        ("Next year the council will extend the clean-up to the river.", False),
        ("Weiter geht es im Herbst", False),
    ],
)
def test_post_nav_lines(line: str, expected: bool) -> None:
    assert is_post_nav(line, Lexicon.load()) is expected
