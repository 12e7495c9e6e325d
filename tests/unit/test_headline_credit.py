"""A caption that closes on its photo credit, and a label repeated between paragraphs, are no headline.

Real dev pages (``tests/fixtures/text_header``), inscriptis render:

- ChineseTelescope, AntarcticaHeat (te-dev): the lead photo's caption ends
  with its credit ("... Credit: A/Xinhua/ZUMA", "... pasado. EFE"), retells
  the story in the lead's words and sits right above it; it outscored the
  headline above the date line.
- NationalPost (fp-dev): the same ("... Photo by A / AP"); the headline is
  printed only beside a video far above, so the page has no convincing
  headline, and a renderer label repeated around every ad slot ("Article
  content") was taken as a two-word one: its words are the lead's, since
  it is printed inside the lead too.
"""

from __future__ import annotations

import pytest

import newsclean
from tests.header_pages import gold, key, load


def _title(name: str, render: str) -> str | None:
    meta, text = load(name, render)
    return newsclean.clean(text, url=str(meta["url"]), input_format="text").title


@pytest.mark.parametrize("name", ["ChineseTelescope", "AntarcticaHeat"])
def test_a_caption_closing_on_its_credit_is_not_the_headline(name: str) -> None:
    meta, _text = load(name, "inscriptis")
    assert key(_title(name, "inscriptis")) == key(str(gold(meta)["title"]))


@pytest.mark.parametrize("render", ["soup", "inscriptis"])
def test_no_credited_caption_nor_repeated_label_as_headline(render: str) -> None:
    title = _title("NationalPost", render)
    assert title is None or ("Photo by" not in title and title != "Article content")
