"""A Markdown dump's one "# " heading is the headline when it sits by the article.

The dev pages in ``tests/fixtures/markdown/heading`` (html2text renders, one
wrapped at 78 columns) are pages whose headline the header reader missed
before the heading was evidence: a caption or a standfirst under it shared
more of the lead's words. The written pages check the two ways a heading
misleads: a breadcrumb or teaser list printing the headline as a list item,
and a blog's banner heading that spells its host name.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "markdown" / "heading"
PAGES = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))

PROSE = (
    "The council met on Tuesday evening and voted to close the old library for a year of repairs, "
    "after engineers found water in the walls of the reading room. "
    "Readers will be able to borrow books from a bus that stops in each district twice a week.\n\n"
    "The head librarian said the staff had hoped to keep one floor open, but the engineers advised "
    "against it because the roof needs to be opened for the work to begin."
)


def _clean(text: str, url: str) -> newsclean.Article:
    return newsclean.clean(text, url=url, input_format="text")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_heading_is_the_headline_on_dev_pages(name: str) -> None:
    page = PAGES[name]
    with gzip.open(FIXTURES / f"{name}.md.gz", "rt", encoding="utf-8") as handle:
        article = _clean(handle.read(), page["url"])
    assert article.title == page["title"]


def test_a_list_item_printing_the_heading_is_not_it() -> None:
    text = (
        "* [Home](https://news.example.org/)\n"
        "* [Local](https://news.example.org/local/)\n"
        "* [Library closes for a year of repairs](https://news.example.org/local/library)\n\n"
        "# Library closes for a year of repairs\n\n"
        "Engineers found water in the walls\n\n"
        f"{PROSE}\n"
    )
    article = _clean(text, "https://news.example.org/local/library")
    assert article.title == "Library closes for a year of repairs"
    assert "Readers will be able to borrow books" in article.text


def test_a_banner_heading_naming_the_host_is_not_the_headline() -> None:
    text = (
        "# Quiet Pages\n\n"
        "[About](https://quietpages.example.net/about/) [Archive](https://quietpages.example.net/archive/) "
        "[Contact](https://quietpages.example.net/contact/)\n\n"
        "Notes on books and the places that keep them\n\n"
        "## Our library closes for a year\n\n"
        "Posted on 3 March 2024 by Ada\n\n"
        f"{PROSE}\n"
    )
    article = _clean(text, "https://quietpages.example.net/2024/03/library-closes/")
    assert article.title != "Quiet Pages"
    assert "Readers will be able to borrow books" in article.text
