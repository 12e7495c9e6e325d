"""The headline of a dump next to the article's first lines: one real page per class, both renders.

Pages from fp-dev and te-dev (``tests/fixtures/text_header``).

- SankeiShimbun (fp-dev): the article region starts at the lead photo's
  caption; compared with the lead (its own first four blocks) the caption
  overlapped itself fully and outscored the headline above the date line.
- Shabka (te-dev): a question heading inside the page's first blocks won
  the same way over the page's headline above them.
- StrangeMachines, FeuerwehrtaucherOldenburg (te-dev): a two-word headline
  ("Performant Python", "Bootsdienst Ausbildung") right above the article;
  lines that short are no candidates, and the page got no title.
"""

from __future__ import annotations

import re

import pytest

import newsclean
from tests.header_pages import gold as _gold
from tests.header_pages import key as _key
from tests.header_pages import load as _load

_PAGES = ["SankeiShimbun", "Shabka", "StrangeMachines", "FeuerwehrtaucherOldenburg"]


@pytest.mark.parametrize("render", ["soup", "inscriptis"])
@pytest.mark.parametrize("name", _PAGES)
def test_title_is_the_headline_above_the_article(name: str, render: str) -> None:
    meta, text = _load(name, render)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key(str(_gold(meta)["title"]))


def test_a_two_word_line_that_names_nothing_in_the_story_is_no_headline() -> None:
    # The same page with the headline's words gone from the article and the
    # address: a two-word line above a text is then as likely a label.
    _meta, text = _load("StrangeMachines", "soup")
    lines = [re.sub(r"(?i)python|performant", "it", line) for line in text.splitlines()]
    lines = [line if line.strip() != "it it" else "Performant Snakes" for line in lines]
    article = newsclean.clean("\n".join(lines), url="https://example.org/articles/page", input_format="text")
    assert article.title is None
