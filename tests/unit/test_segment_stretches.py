"""A sentence broken at its links inside a longer run of lines (see ``link_breaks._sentence_parts``).

Soup-style renders print a breadcrumb, the headline and the standfirst with
no blank line between; the standfirst's links each stand on a line of their
own. The run as a whole is no sentence, but the stretch after the headline's
stop is, and it must come out as one block (a layout-aware renderer prints it
as one line).
"""

from __future__ import annotations

from newsclean.text.segment import iter_blocks


def _texts(text: str) -> list[str]:
    return [b.text for b in iter_blocks(text)]


def test_standfirst_broken_at_its_links_under_the_headline_is_one_block() -> None:
    text = (
        "News\n›\nEurope\nMinisters agree on a deal at last!\n"
        "Anna\nand\nPeter Berg\nhave signed the treaty in Vienna after long talks with\n"
        "John Smith\nand\nMary Jones\nlate on Friday.\n\nThe treaty runs for ten years."
    )
    assert _texts(text)[-2:] == [
        "Anna and Peter Berg have signed the treaty in Vienna after long talks with "
        "John Smith and Mary Jones late on Friday.",
        "The treaty runs for ten years.",
    ]
    assert "Ministers agree on a deal at last!" in _texts(text)


def test_credit_line_above_the_sentence_stays_apart() -> None:
    text = (
        "The lab opened in May.\nPhotograph: Getty Images\nLast month, researchers at\nOpenLab\n"
        "in Boston revealed a robot that folds laundry.\n"
    )
    assert _texts(text) == [
        "The lab opened in May.",
        "Photograph: Getty Images",
        "Last month, researchers at OpenLab in Boston revealed a robot that folds laundry.",
    ]


def test_short_label_above_a_name_starts_the_sentence_anew() -> None:
    text = (
        "Demand keeps growing every year.\nAdvertisement\nThe Department of Energy\nestimates\n"
        "that data centres use two percent of all power.\n"
    )
    assert _texts(text) == [
        "Demand keeps growing every year.",
        "Advertisement",
        "The Department of Energy estimates that data centres use two percent of all power.",
    ]


def test_comment_header_is_not_joined_to_the_comment() -> None:
    text = "Great article.\nreply\nreport\nJohn Doe\n14. 01. 2020,\n10:41\nI fully agree with the author here.\n"
    blocks = _texts(text)
    assert blocks[-1] == "I fully agree with the author here."
    assert "John Doe" in blocks


def test_quoted_name_closed_on_the_next_line_joins_its_sentence() -> None:
    text = (
        "Der Wein reift in den Kellern.\nDieser Wein wurde schon im Mittelalter als »\nRuster Ausbruch\n"
        "« bezeichnet und wird nun als\nRuster Ausbruch DAC\nvermarktet und exportiert.\n"
    )
    assert _texts(text)[-1] == (
        "Ruster Ausbruch « bezeichnet und wird nun als Ruster Ausbruch DAC vermarktet und exportiert."
    )


def test_name_after_a_sentence_ended_by_a_link_starts_the_next_sentence() -> None:
    text = (
        "Please enter a valid address.\nSign up\nI would like to be emailed about offers and events. Read our\n"
        "privacy notice\nRAYE\n"
        "is undoubtedly the star of\nthis year’s awards\n, which are held tonight in London.\n"
    )
    assert _texts(text)[-1] == "RAYE is undoubtedly the star of this year’s awards , which are held tonight in London."


def test_name_with_punctuation_glued_after_it_stays_inside_the_clause() -> None:
    text = (
        "Known uses.\nWhen questioning\nJohn Fletcher\non the whereabouts\nSlytherin Locket\n"
        ", Harry set his sleeve on\nfire\n. Anna used the charm to put it out.\n"
    )
    assert _texts(text)[-1] == (
        "When questioning John Fletcher on the whereabouts Slytherin Locket , Harry set his sleeve on fire . "
        "Anna used the charm to put it out."
    )


def test_timestamp_over_the_first_line_stays_apart() -> None:
    text = (
        "Clear win for the home side.\nNina Berg\n2 minutes ago\nChelsea\n"
        "have delivered a message of intent after beating\nTottenham\n.\n"
    )
    blocks = _texts(text)
    assert "2 minutes ago" in blocks
    assert blocks[-1] == "Chelsea have delivered a message of intent after beating Tottenham ."


def test_lines_restored_in_a_streamed_dump_are_only_joined_as_whole_runs() -> None:
    """A flattened dump's lines are guesses (``unflatten``), not a renderer's breaks at links."""
    text = "The plan was approved.\nThe\nmayor said\nthat the river crossing was safe for now.\n"
    assert _texts(text)[-1] == "The mayor said that the river crossing was safe for now."
    streamed = [b.text for b in iter_blocks(text, streamed=True)]
    assert "The mayor said that the river crossing was safe for now." not in streamed
