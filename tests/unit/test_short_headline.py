"""A two-word headline right above the header's furniture, with a comment count and a caption below it.

Shape from text renders of two unrelated sites (a regional daily, a union's news page): the header
prints the two-word headline (quoted where it quotes someone), its date line and a comment counter,
then the lead photo's caption opens the article.
"""

from __future__ import annotations

import newsclean

BODY = (
    "Vorstandsmitglieder des Vereins (von links): Anna Beispiel, Berta Muster und Carla Probe bei der "
    "Jahresversammlung im Pfarrsaal, wo der Verein seine Arbeit des vergangenen Jahres vorstellte.\n\n"
    "Seit zwanzig Jahren begleitet der Verein Familien in schwierigen Lagen. Für ihren unermüdlichen "
    "Einsatz dankte die Bürgermeisterin den Freiwilligen, die jede Woche viele Stunden schenken.\n\n"
    "Im kommenden Jahr will der Verein ein zweites Büro eröffnen und sucht dafür weitere Helferinnen "
    "und Helfer, die sich in der Beratung oder bei der Organisation der Treffen einbringen möchten."
)
URL = "https://www.example.it/2025/04/01/unermuedlicher-einsatz-2/"


def _clean(headline: str) -> newsclean.Article:
    page = (f"Home »\n\nGesellschaft »\n\n{headline}\n\nerstellt:\n\n01. April 2025, 15:25\n\n"
            f"Kommentare :\n\n0\n\n{BODY}\n")
    return newsclean.clean(page, url=URL, input_format="text")


def test_quoted_two_word_headline_above_the_date_line() -> None:
    assert _clean("„Unermüdlicher Einsatz“").title == "„Unermüdlicher Einsatz“"


def test_two_word_headline_above_the_date_line() -> None:
    assert _clean("Unermüdlicher Einsatz").title == "Unermüdlicher Einsatz"


def test_two_words_not_naming_the_story_stay_no_title() -> None:
    assert _clean("Weitere Meldungen").title is None
