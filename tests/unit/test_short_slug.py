from __future__ import annotations

import newsclean
from newsclean.text.segment import Block
from newsclean.text.short_slug import short_slug_relevance


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(i, text, i, True) for i, text in enumerate(lines)]


def test_short_slug_scores_its_headline_line_and_runs_by_their_words() -> None:
    blocks = _blocks([
        "Solar-Ladesäulen.",
        "Ich würde ja in Solar-Ladesäulen investieren, sie rechnen sich bald.",
        "Über mich: ich schreibe hier seit vielen Jahren über Technik und Reisen.",
    ])
    relevance = short_slug_relevance("https://blog.example.org/2019/11/17/solar-ladesaeulen/", blocks)
    assert relevance is not None
    assert relevance(0, 1) == 1.0  # the headline, its trailing stop and umlaut spelled out in the slug
    assert relevance(1, 2) == 0.0  # a sentence is no headline line
    assert relevance(1, 3) == 1.0  # a run prints the words
    assert relevance(2, 3) == 0.0


def test_short_slug_scorer_only_for_two_or_three_words() -> None:
    blocks = _blocks(["Impressum"])
    assert short_slug_relevance("https://example.org/impressum/", blocks) is None
    assert short_slug_relevance("https://example.org/news/one-two-three-four-five/", blocks) is None
    assert short_slug_relevance(None, blocks) is None


_SIDEBAR = (
    "Das ist das persönliche Blog eines Hamburger Autors. Hier stehen Texte und Bilder, die eine etwas "
    "längere Halbwertszeit haben als die flüchtigen Beiträge in den sozialen Netzwerken, und die mir "
    "wichtiger sind als alles andere, was ich sonst so schreibe."
)


def test_one_paragraph_post_under_a_short_slug_headline_beats_the_sidebar() -> None:
    dump = "\n\n".join([
        "Zum Inhalt springen",
        "Startseite",
        "Über mich",
        "Solar-Ladesäulen.",
        "17/11/2019",
        "Ich würde ja in smarte Solar-Ladesäulen investieren. Erstaunlich, dass es sie noch nicht mit gutem "
        "Service und einem fairen Preis an jeder Autobahnraststätte gibt.",
        "Wer eine baut, darf mir gern zwei Prozent Provision für den Tipp überweisen.",
        "Teilen mit:",
        "Twitter",
        "Facebook",
        "E-Mail",
        "Gefällt mir:",
        "Veröffentlicht von",
        "Beitrags-Navigation",
        "Kommentar verfassen",
        "Antwort abbrechen",
        "Gib hier deinen Kommentar ein ...",
        "Name (erforderlich)",
        "Website",
        "Wer schreibt hier?",
        _SIDEBAR,
        "Mittlerweile sind es ein gutes Dutzend Artikel in meiner kleinen Serie über Unternehmer und ihre "
        "Erkenntnisse. Gute Unterhaltung und manche gute Erkenntnis wünsche ich beim Lesen.",
    ])
    result = newsclean.clean(dump, url="https://blog.example.org/2019/11/17/solar-ladesaeulen/", input_format="text")
    assert "Ich würde ja in smarte Solar-Ladesäulen investieren." in result.text
    assert "persönliche Blog" not in result.text
