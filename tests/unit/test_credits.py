"""Contributor credits at a story's foot, by structure, in several languages."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.record import Article, Credit
from newsclean.text.credits import find_credits, parse_credit_line


def _pairs(line: str) -> list[tuple[str, str]]:
    return [(c.role, c.name) for c in parse_credit_line(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reporting by Ann Example, Bea Sample; Editing by Carl Muster and Dora Probe",
         [("reporting", "Ann Example"), ("reporting", "Bea Sample"), ("editing", "Carl Muster"),
          ("editing", "Dora Probe")]),
        ("Reporting by Ann Example in Bengaluru; Editing by Carl Muster",
         [("reporting", "Ann Example"), ("editing", "Carl Muster")]),
        # Clauses without separators, as some wire feeds print them.
        ("Reporting by Ann Example Writing by Bea Sample Editing by Carl Muster",
         [("reporting", "Ann Example"), ("writing", "Bea Sample"), ("editing", "Carl Muster")]),
        ("- – additional reporting by Donald Beispiel", [("additional reporting", "Donald Beispiel")]),
        ("Additional reporting from Reuters", [("additional reporting", "Reuters")]),
        ("Mitarbeit: Antonio Beispiel", [("mitarbeit", "Antonio Beispiel")]),
        ("Zusätzliche Berichterstattung von Eva Muster", [("zusätzliche berichterstattung", "Eva Muster")]),
        ("Avec Jean Exemple et Marie Modèle", [("avec", "Jean Exemple"), ("avec", "Marie Modèle")]),
        ("Con la colaboración de Ana Ejemplo", [("con la colaboración", "Ana Ejemplo")]),
        ("Met medewerking van Jan de Voorbeeld", [("met medewerking", "Jan de Voorbeeld")]),
        ("Example News' Chad Sample and David Muster contributed to this report.",
         [("contributed", "Chad Sample"), ("contributed", "David Muster")]),
        ("—Associated Press writer John Example in Paris contributed to this report.",
         [("contributed", "John Example")]),
    ],
)
def test_credit_lines(line: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "He was killed by John Smith.",
        "John Smith declined to comment.",
        "The mayor said it contributed to the crisis.",
        "Many people contributed to this report",
        "Reporting by the police was slow, said Anna Muster, who lives in the town and watched it all.",
    ],
)
def test_sentences_are_not_credits(line: str) -> None:
    assert _pairs(line) == []


@pytest.mark.parametrize(
    "line",
    ["Von: Eva Muster", "Ein Kommentar von Eva Muster", "Mehr von Eva Muster", "Written by Jane Doe",
     "Our Standards: The Example Trust Principles", "Fotos: Hans Muster"],
)
def test_bylines_links_and_labels_are_not_credits(line: str) -> None:
    # The byline above the story, a link to the writer's page, a policy link, a photo credit.
    assert _pairs(line) == []


def test_find_credits_reads_removed_lines_and_the_body_tail_once() -> None:
    body = "First paragraph.\n\nSecond paragraph.\n\nAdditional reporting by Ann Example"
    removed = ["Reporting by Ann Example; Editing by Carl Muster", "Additional reporting by Ann Example"]
    got = find_credits(body, removed)
    assert [(c.role, c.name) for c in got] == [
        ("reporting", "Ann Example"), ("editing", "Carl Muster"), ("additional reporting", "Ann Example")]
    assert find_credits("He was killed by John Smith.", []) == []


def test_record_round_trip_with_credits() -> None:
    article = Article(id="x", credits=[Credit(role="editing", name="Carl Muster")])
    assert article.to_dict()["credits"] == [{"role": "editing", "name": "Carl Muster"}]
    assert Article.from_dict(article.to_dict()) == article


def test_wire_credit_on_a_page_reaches_the_record() -> None:
    body = " ".join(["The council voted on Tuesday to approve the new budget for the coming year."] * 6)
    page = (
        "<html><head><title>Council approves budget</title></head><body><article>"
        "<h1>Council approves budget</h1>"
        f"<p>{body}</p><p>{body}</p>"
        "<p>Reporting by Ann Example; Editing by Carl Muster</p>"
        "</article></body></html>"
    )
    article = newsclean.clean(page, url="https://news.example/2024/05/01/budget")
    assert ("editing", "Carl Muster") in [(c.role, c.name) for c in article.credits]
    assert "The council voted" in article.text
