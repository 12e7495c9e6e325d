"""Pages built with tables through the HTML path (tests/fixtures/tables, written for these tests).

Issue 17: layout tables held the whole article and every row was dropped,
so the body came out empty; data tables inside articles were deleted. Each
page pins the outcome a reader sees: every sentence of the article in
``text``, menus out, a data table's rows in as rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsclean

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "tables"
_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý])")


def _clean(name: str, url: str) -> newsclean.Article:
    return newsclean.clean((PAGES / name).read_text(encoding="utf-8"), url=url, input_format="html")


def _sentences(name: str, marker: str) -> list[str]:
    """The article's sentences, read off the fixture's paragraphs that contain ``marker``'s tag."""
    page = (PAGES / name).read_text(encoding="utf-8")
    body = re.search(marker, page, re.S)
    assert body is not None
    text = re.sub(r"<[^>]+>", "\n", body.group(1)).replace("&nbsp;", " ")
    chunks = [" ".join(chunk.split()) for chunk in text.split("\n")]
    return [s for chunk in chunks if len(chunk.split()) > 8 for s in _SENTENCE.split(chunk)]


def test_old_regional_page_in_nested_layout_tables() -> None:
    article = _clean("old_regional_de.html", "http://www.heimatbote.example/lokales/2003/bruecke.html")
    sentences = _sentences("old_regional_de.html", r'size="2">(.*?)</font>')
    assert len(sentences) >= 15
    for sentence in sentences:
        assert sentence in article.text
    # The five <br><br> paragraphs stay five paragraphs.
    assert sum(1 for p in article.text.split("\n\n") if len(p.split()) > 30) == 5
    for menu in ("Startseite", "Vereinsnachrichten", "Archiv der Ausgaben", "Datenschutz", "Anzeigenpreise"):
        assert menu not in article.text
    assert any(r.reason == "table" and r.text == "Vereinsnachrichten" for r in article.removed)
    assert article.title == "Neue Brücke über die Lauter freigegeben"
    assert article.published is not None and article.published.startswith("2003-03-14")


def test_forum_post_in_a_table_cell() -> None:
    article = _clean("forum_post_en.html", "http://www.riverside-mrc.example/forum/viewtopic.php?t=812")
    for sentence in _sentences("forum_post_en.html", r'class="postbody">(.*?)</span>'):
        assert sentence in article.text
    for menu in ("Memberlist", "Usergroups", "Post reply", "Powered by phpBB"):
        assert menu not in article.text


def test_results_table_inside_an_article_stays_as_rows() -> None:
    article = _clean("results_table_fr.html", "https://www.echo-nord-est.example/sport/cyclisme-lefevre.html")
    for sentence in _sentences("results_table_fr.html", r"<article>(.*?)</article>"):
        if "Publié le" not in sentence:
            assert sentence in article.text
    rows = ["Place | Coureur | Club | Temps", "1 | Julien Lefèvre | VC Valenciennes | 3 h 12' 05\"",
            "4 | Kévin Delattre | AC Lille | à 4\""]
    block = next(p for p in article.text.split("\n\n") if "Julien Lefèvre" in p)
    for row in rows:
        assert row in block.split("\n")
    # Between the paragraphs it sat between, one row a line.
    paragraphs = article.text.split("\n\n")
    assert paragraphs.index(block) == 2 and len(block.split("\n")) >= 5
    assert not any(r.reason == "table" for r in article.removed)


def test_link_table_next_to_an_article_is_navigation() -> None:
    article = _clean("nav_table_article_es.html", "https://www.diariodelavega.example/local/carriles-bici.html")
    for sentence in _sentences("nav_table_article_es.html", r"</h1>(.*?)</article>"):
        assert sentence in article.text
    for menu in ("Hemeroteca", "Esquelas", "Cultura y ocio"):
        assert menu not in article.text
    assert "|" not in article.text


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_table_pages_never_come_out_empty(name: str) -> None:
    article = newsclean.clean((PAGES / name).read_text(encoding="utf-8"), url="http://x.example/a", input_format="html")
    assert article.word_count >= 80
