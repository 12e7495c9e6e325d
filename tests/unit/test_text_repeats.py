"""Prose printed twice: a teaser box, or the article again in a reading widget."""

from __future__ import annotations

import newsclean

PARAGRAPHS = [
    "The regional rail operator said on Monday that it would restore the full timetable on the coastal line next"
    " month, after a winter of cancellations that it blamed on a shortage of drivers.",
    "The operator has hired forty drivers since the autumn, and it said the last of them would finish training in"
    " time for the summer season, when the number of passengers on the line usually doubles.",
    "Passenger groups welcomed the news but said they would judge the operator on how many trains actually ran,"
    " not on the timetable it published, after months of short-notice cancellations.",
    "The transport ministry said it would publish punctuality figures for every line each month, so that travellers"
    " could compare the operators that run services under contract to the state.",
    "A spokesperson for the drivers' union said its members had worked long hours to keep services running, and"
    " that the union would seek a new pay agreement before the end of the year.",
    "Engineering work on two bridges along the line, which had closed it for a fortnight in February, is due to be"
    " finished by the end of the month, the operator said in its statement on Monday.",
]


def test_article_printed_again_by_a_reading_widget_keeps_its_first_printing() -> None:
    article = "\n\n".join(PARAGRAPHS)
    comments = "Comments (2)\n\nAnna\n\nAbout time too, the trains have been a disgrace all winter long.\n"
    widget = "Reading mode\nText size"
    dump = f"Home\nNews\n\nTrains to run again on the coast\n\n{article}\n\n{widget}\n\n{article}\n\n{comments}"
    record = newsclean.clean(dump, input_format="text")
    assert record.text.split("\n\n") == PARAGRAPHS
    assert "disgrace" not in record.text
    assert sum(1 for r in record.removed if r.reason == "duplicate") == len(PARAGRAPHS)
