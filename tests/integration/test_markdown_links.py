"""A Markdown dump's links as evidence: menus, share rows and teaser lists go, the headline and the article stay.

The page in ``tests/fixtures/markdown/written`` is written to carry each
kind of link line a Markdown scraper leaves (html2text's syntax): a bullet
menu, a sign-in row, a share row linking to share endpoints, a headline
that links to its own page, prose with an inline link, related stories
whose linked summaries read as prose (kept whole before links were
evidence), and a footer menu.
"""

from __future__ import annotations

from pathlib import Path

import newsclean

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "markdown" / "written" / "link_evidence.md"
URL = "https://news.example.org/local/harbour-sea-wall"


def _clean(**options: object) -> newsclean.Article:
    return newsclean.clean(PAGE.read_text(encoding="utf-8"), url=URL, input_format="text", **options)


def test_link_lines_go_and_the_article_and_its_headline_stay() -> None:
    article = _clean()
    assert article.title == "Harbour town votes to rebuild its flooded sea wall"
    assert article.authors == ["Mara Lindqvist"]
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The town council voted on Tuesday evening")
    assert "a design the regional flood agency had recommended in its spring report." in paragraphs[1]
    assert paragraphs[-1].startswith("The work is expected to begin in the summer")
    assert len(paragraphs) == 4
    removed = {(r.reason, r.text) for r in article.removed}
    # The related stories read as prose, but each line is one link: teasers.
    assert ("teaser", "Fishing crews in the harbour say a winter of closures at sea has cost them most of "
            "what they earned in the whole of last year.") in removed
    # Two links to share endpoints make a share row, whatever their labels say.
    assert ("share", "Pass it on to friends or by mail") in removed
    assert "Weather" not in article.text and "Privacy" not in article.text


def test_keeping_teasers_keeps_the_link_lines_to_the_classifier() -> None:
    # keep=("teasers",) asks for linked headlines: the link evidence then names nothing.
    article = _clean(keep=("teasers",))
    assert "Fishing crews in the harbour say a winter of closures at sea" in article.text
