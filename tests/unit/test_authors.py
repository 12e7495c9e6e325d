from __future__ import annotations

import pytest

from newsclean.normalize.authors import is_agency, normalize_authors, split_byline


@pytest.mark.parametrize(
    "byline,expected",
    [
        ("By John Smith and Jane Doe, Staff Writer", ["John Smith", "Jane Doe"]),
        ("By A. Smith, B. Jones and C. Brown", ["A. Smith", "B. Jones", "C. Brown"]),
        ("Von Max Müller und Erika Muster", ["Max Müller", "Erika Muster"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Por María García y José Pérez, corresponsal", ["María García", "José Pérez"]),
        ("di Mario Rossi e Giulia Bianchi", ["Mario Rossi", "Giulia Bianchi"]),
        ("Door Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
        ("Av Anna Svensson och Erik Berg", ["Anna Svensson", "Erik Berg"]),
        ("Автор: Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
        ("Oleh Budi Santoso dan Siti Aminah", ["Budi Santoso", "Siti Aminah"]),
    ],
)
def test_bylines_split_into_names(byline: str, expected: list[str]) -> None:
    assert normalize_authors(byline) == expected


@pytest.mark.parametrize(
    "byline,expected",
    [
        ("By Sarah Lee, Staff Reporter; Tom Hall, Senior Correspondent", ["Sarah Lee", "Tom Hall"]),
        ("Anna Schmidt, Korrespondentin", ["Anna Schmidt"]),
        ("Claire Martin, journaliste", ["Claire Martin"]),
        ("Marco Neri, giornalista", ["Marco Neri"]),
        ("신현주 기자", ["신현주"]),
        ("박준석 기자 외 1명", ["박준석"]),
        ("山田太郎記者", ["山田太郎"]),
        ("Staff Writer", []),
    ],
)
def test_roles_are_dropped(byline: str, expected: list[str]) -> None:
    assert normalize_authors(byline) == expected


@pytest.mark.parametrize(
    "byline,expected",
    [
        ("jane@example.org; @handle Bob Lee", ["Bob Lee"]),
        ("John Smith @jsmith", ["John Smith"]),
        ("d.kuckelkorn@example.de", []),
        ("By Jane Doe | Updated 9:14 AM EDT, July 23, 2023", ["Jane Doe"]),
        ("By Jane Doe Published 23.07.2023", ["Jane Doe"]),
        ("Max Muster, aktualisiert am 12.03.2024", ["Max Muster"]),
        ("Jane Doe, 23.07.2023 14:05", ["Jane Doe"]),
        ("By Jane Doe in Paris", ["Jane Doe"]),
        ("Elena Oberholzer (obe), Corina Gall (cog.)", ["Elena Oberholzer", "Corina Gall"]),
        ("Jane Doe, Professor of History, example.lt", ["Jane Doe"]),
        ("https://example.org/authors/jane", []),
        # A date with a month name after a comma split into a name-shaped "March 5".
        ("By Jane Smith, March 5, 2024", ["Jane Smith"]),
        ("By Jane Smith and Bob Lee, 5 March 2024 10:30", ["Jane Smith", "Bob Lee"]),
    ],
)
def test_emails_handles_dates_and_updates_are_dropped(byline: str, expected: list[str]) -> None:
    assert normalize_authors(byline) == expected


def test_agency_and_newsroom_credits_are_kept() -> None:
    assert normalize_authors(["AFP"]) == ["AFP"] and is_agency("Reuters") and is_agency("dpa")
    assert normalize_authors("John Smith (AFP)") == ["John Smith", "AFP"]
    assert normalize_authors("By Jane Doe and Reuters") == ["Jane Doe", "Reuters"]
    assert normalize_authors("REUTERS") == ["Reuters"]
    assert normalize_authors(["BR24 Redaktion", "MM-Redaktion"]) == ["BR24 Redaktion", "MM-Redaktion"]
    assert normalize_authors(["example.be"]) == ["example.be"]  # the only credit the page gives
    assert not is_agency("Jane Doe")


def test_all_caps_names_become_name_case() -> None:
    assert normalize_authors(["JOHN SMITH", "John Smith"]) == ["John Smith"]
    assert normalize_authors("JAN VAN DER BERG") == ["Jan van der Berg"]
    assert normalize_authors("JEAN-PIERRE O'NEIL") == ["Jean-Pierre O'Neil"]
    assert normalize_authors("THE ASSOCIATED PRESS") == ["The Associated Press"]
    assert normalize_authors("AP") == ["AP"] and normalize_authors("TPN") == ["TPN"]
    assert normalize_authors("Bill McCarthy") == ["Bill McCarthy"]


def test_particles_that_start_a_name_are_not_a_by() -> None:
    assert normalize_authors("Di Maio") == ["Di Maio"]
    assert normalize_authors("von der Leyen") == ["von der Leyen"]


def test_names_are_not_split_on_spaces_in_any_script() -> None:
    assert split_byline("牛镛、岳弘彬") == ["牛镛", "岳弘彬"]
    assert split_byline("بقلم محمد أحمد") == ["محمد أحمد"]
    assert split_byline("Marlene Lundberg Holm") == ["Marlene Lundberg Holm"]


def test_duplicates_and_slugs() -> None:
    assert normalize_authors(["chuck-ross", "Chuck Ross"]) == ["Chuck Ross"]
    assert normalize_authors(["Jane Doe", "jane doe", " Jane  Doe "]) == ["Jane Doe"]
    assert normalize_authors(None) == [] and normalize_authors([]) == []
