from __future__ import annotations

import pytest

from newsclean.normalize.headlines import find_repeated_site_parts, normalize_headline


@pytest.mark.parametrize(
    "title,kwargs,expected",
    [
        ("Storm hits coast | Example", {"site_names": ["Example"]}, "Storm hits coast"),
        ("Example - Storm hits coast", {"url": "https://www.example.com/x"}, "Storm hits coast"),
        ("Storm hits coast – Example News", {"site_names": ["Example"]}, "Storm hits coast"),
        ("Sturm trifft Küste | Börsen-Zeitung", {"url": "https://www.boersen-zeitung.de/a/b"}, "Sturm trifft Küste"),
        ("„Sturm“ – Die Neue Tageszeitung", {"url": "https://www.tageszeitung.it/2025/04/01/x/"}, "„Sturm“"),
        ("Tempête sur la côte - Example.fr", {"url": "https://www.example.fr/a"}, "Tempête sur la côte"),
        ("Storm hits coast | World News | Example", {"site_names": ["Example"], "sections": ["World News"]},
         "Storm hits coast"),
        ("Sturm trifft die Küste im Norden | Sport | EXAMPLE.de",
         {"url": "https://www.example.de/sport/fussball/x.html"}, "Sturm trifft die Küste im Norden"),
        ("Storm hits the coast tonight | World News", {}, "Storm hits the coast tonight"),
        # CJK pages join the site name with a full-width colon and no spaces (jp dev pages).
        ("南海トラフ、一時調査\u3000巨大地震、基準達せず：中日新聞Web", {"site_names": ["中日新聞Web"]},
         "南海トラフ、一時調査 巨大地震、基準達せず"),
        ("宮崎県：震度5弱の地震", {"site_names": ["朝日新聞デジタル"]}, "宮崎県：震度5弱の地震"),
    ],
)
def test_site_and_section_parts_are_stripped(title: str, kwargs: dict[str, object], expected: str) -> None:
    assert normalize_headline(title, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "title",
    [
        "Biden - Trump debate: what we know",
        "Why the iPhone SE matters – and why it doesn't",
        "'We Are Not Afraid': Protesters Return To The Streets",
        "EU-Gipfel: Scholz und Macron uneins",
    ],
)
def test_editor_wording_casing_and_quotes_are_kept(title: str) -> None:
    assert normalize_headline(title, site_names=["Example"], url="https://example.org/x") == title


def test_entities_mojibake_whitespace_and_zero_width() -> None:
    assert normalize_headline("Caf&eacute;  owners\u200b protest") == "Café owners protest"
    assert normalize_headline("CafÃ© owners protest â€“ Example", site_names=["Example"]) == "Café owners protest"
    assert normalize_headline("Storm\nhits\u00a0coast\ufeff") == "Storm hits coast"
    assert normalize_headline("Cafe\u0301 reopens") == "Caf\u00e9 reopens"  # NFC


def test_a_repeated_headline_is_one_headline() -> None:
    assert normalize_headline("Storm hits coast Storm hits coast") == "Storm hits coast"
    assert normalize_headline("Storm hits coast | Storm hits coast") == "Storm hits coast"


def test_nothing_left_is_none() -> None:
    assert normalize_headline("") is None and normalize_headline(None) is None
    assert normalize_headline("  \u200b ") is None


def test_repeated_site_parts_across_titles() -> None:
    titles = ["Storm hits coast | Daily Planet", "Mayor resigns | Daily Planet", "Daily Planet: About us",
              "Rates rise again | Daily Planet"]
    parts = find_repeated_site_parts(titles)
    assert parts == ["Daily Planet"]
    assert normalize_headline(titles[1], site_names=parts) == "Mayor resigns"
    assert find_repeated_site_parts(["A b | C", "D e | F"]) == []
