"""The headline under its kicker right above byline and date, over the SEO title printed above them.

Shape from the fp-dev renders of two unrelated publishers: the page prints the
title the address spells (its SEO title) in a breadcrumb, then the header's
kicker, headline, byline and date line.
"""

from __future__ import annotations

import newsclean

BODY = (
    "Europas Banken wollen beim Zahlungsverkehr unabhängiger von amerikanischen Anbietern werden und "
    "bauen dafür ein eigenes System auf, das Überweisungen in Echtzeit erlaubt.\n\n"
    "Nach Jahren des Hin und Hers haben sich die Institute auf einen gemeinsamen Weg geeinigt. Die "
    "European Payments Initiative plant den Start im kommenden Jahr, zuerst in drei Ländern.\n\n"
    "Händler sollen das neue Bezahlsystem ohne hohe Gebühren anbieten können, so die Initiative, die "
    "von mehr als dreissig Banken getragen wird und weitere Partner sucht."
)
URL = "https://www.example.de/wirtschaft/epi-zahlungssystem-so-kann-europa-paypal-und-visa-schlagen-33420056.html"
SEO = "EPI Zahlungssystem: So kann Europa Paypal und Visa schlagen"
HEADLINE = "Statt Paypal: So könnte Europas Bezahlsystem die Konkurrenz schlagen"


def _clean(between: str) -> newsclean.Article:
    page = (f"Startseite\n\nWirtschaft\n\n{SEO}\n\n{between}\n\n{HEADLINE}\n\n"
            f"von Laura Beispiel\n\n28.04.2023, 19:09\n\n{BODY}\n")
    return newsclean.clean(page, url=URL, input_format="text")


def test_headline_under_its_kicker_beats_the_seo_title_above() -> None:
    assert _clean("European Payments Initiative").title == HEADLINE


def test_a_line_that_names_no_subject_is_no_kicker() -> None:
    # "New, 74 comments" between two tellings is a counter, not a kicker: the scores decide.
    assert _clean("74 Kommentare lesen").title == SEO


def test_a_six_word_kicker_still_fronts_the_headline() -> None:
    # A topic line of six words ("Nach der Kritik an ...") is a kicker too where the header's furniture follows.
    assert _clean("Nach langem Streit um die Paypal-Alternative").title == HEADLINE


def test_a_seven_word_line_between_is_no_kicker() -> None:
    assert _clean("Nach dem langen Streit um die Paypal-Alternative").title == SEO
