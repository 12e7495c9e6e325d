"""The dump's last-resort date search reads the article's paragraphs only as far as their opening words."""

from __future__ import annotations

import datetime as dt

from newsclean.normalize.dates import DateContext
from newsclean.text.date_search import search_date

CONTEXT = DateContext(language="de", reference=dt.datetime(2026, 12, 31), min_year=1995)

# A page whose only date line sits below the article, and whose paragraph names an older day ("mit Datum ...").
PAGE = [
    "Startseite",
    "Aktuelles",
    "Der Hafenplan ist beschlossen",
    "Der Stadtrat hat den Hafenplan nach langer Debatte beschlossen; die Karte zeigt den Entwurf mit Datum 09.03.2016, "
    "über den Anwohner und Händler seither gestritten haben.",
    "Die Arbeiten sollen im Frühjahr beginnen, sagte die Bürgermeisterin nach der Abstimmung.",
    "14.01.2022 um 09:25",
    "Kontakt",
]
REGION = range(2, 5)


def test_a_day_inside_the_articles_running_text_is_not_the_pages_date() -> None:
    found = search_date(PAGE, None, CONTEXT, REGION)
    assert found is not None and found.day == "2022-01-14"
    # Searched whole, the paragraph's event day comes first (htmldate's pattern steps read every character).
    whole = search_date(PAGE, None, CONTEXT)
    assert whole is not None and whole.day == "2016-03-09"


def test_a_dateline_opening_a_paragraph_is_still_read() -> None:
    page = [
        "Council approves the new harbour plan",
        "27.1.2022 - The harbour plan, presented to the council years ago and debated ever since, was approved by "
        "a large majority after a long session in which residents and traders spoke for and against it.",
        "Work is expected to begin next spring, the mayor said after the vote.",
    ]
    found = search_date(page, None, CONTEXT, range(0, 3))
    assert found is not None and found.day == "2022-01-27"
