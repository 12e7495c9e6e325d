from __future__ import annotations

from newsclean.normalize.authors import is_agency, normalize_authors
from newsclean.normalize.headlines import normalize_headline
from newsclean.normalize.language import LanguageDetector, detect_language, middle_sample
from newsclean.normalize.text import comparison_key, join_paragraphs, normalize_text, word_count


def test_bylines_split_into_names() -> None:
    assert normalize_authors(["By John Smith and Jane Doe, Staff Writer"]) == ["John Smith", "Jane Doe"]
    assert normalize_authors("Von Max Müller und Erika Muster") == ["Max Müller", "Erika Muster"]
    assert normalize_authors(["Par Jean Dupont et Marie Curie"]) == ["Jean Dupont", "Marie Curie"]
    assert normalize_authors(["jane@example.org; @handle Bob Lee"]) == ["Bob Lee"]
    assert normalize_authors(["JOHN SMITH", "John Smith"]) == ["John Smith"]
    assert normalize_authors(["AFP"]) == ["AFP"] and is_agency("Reuters")


def test_headline_loses_site_and_section_only() -> None:
    assert normalize_headline("Putin meets ally | World News | Example", site_names=["Example"],
                              sections=["World News"]) == "Putin meets ally"
    assert normalize_headline("Example - Storm hits coast", url="https://www.example.com/x") == "Storm hits coast"
    assert normalize_headline("Biden - Trump debate: what we know") == "Biden - Trump debate: what we know"
    assert normalize_headline("Caf&eacute;  owners\u200b protest") == "Café owners protest"


def test_text_normalisation() -> None:
    assert normalize_text("a\u00a0b\u200bc") == "a bc"
    assert normalize_text("CafÃ© crÃ¨me") == "Café crème"
    assert join_paragraphs(["  one  two ", "", "three"]) == "one two\n\nthree"
    assert word_count("one two 三四五") == 5
    # Non-ASCII without CJK: one word a token, whatever its letters; with CJK, mixed tokens add their characters.
    assert word_count("Gemeinde räumt\u00a0Versäumnisse ein — «très» bien") == 7
    assert word_count("Café 東京タワー x한국") == 1 + 5 + 3
    assert comparison_key("It’s  “Fine”!") == comparison_key("it's fine")


def test_language_detection_is_deterministic() -> None:
    text = "Die Schweizer Gemeinde hat nach dem Brand schwere Versäumnisse eingeräumt."
    results = {LanguageDetector().detect(text) for _ in range(5)}
    assert len(results) == 1 and next(iter(results))[0] == "de"
    assert detect_language("ok") == (None, None)


def test_language_reads_the_middle_of_a_long_body() -> None:
    # An English lead-in (a credit, a kicker) before a German article: the middle is the article's.
    lead = "Photo credit by the agency staff photographer. " * 30
    body = lead + "Die Gemeinde hat nach dem Brand Versäumnisse eingeräumt. " * 80
    sample = middle_sample(body)
    assert len(sample) <= 2000 and sample in body and not sample.startswith(" ")
    assert body[len(body) // 2 : len(body) // 2 + 100] in sample
    assert detect_language(sample)[0] == "de"
    assert middle_sample("short text") == "short text"
