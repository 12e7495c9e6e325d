"""Which run of prose the text path takes for the article, on real renders of dev pages.

Each page (tests/fixtures/region/README.md) is one the region search lost: the article's close
below a related-stories box, a short article under its headline beaten by a longer form or
sidebar paragraph elsewhere.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "region"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _body_and_gold(name: str) -> tuple[str, dict[str, list[str]]]:
    page = json.loads((_FIXTURES / f"{name}.json").read_text("utf-8"))
    with gzip.open(_FIXTURES / f"{name}.{page['mode']}.txt.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    article = newsclean.clean(text, url=page["url"], input_format="text")
    return _norm(article.text or ""), page["gold"]


@pytest.mark.parametrize(
    "name",
    [
        "te-dev_1be86c3a5b981e09",
        "te-dev_8cb2ebcc9583b6ea",
        "te-dev_3eafb6073473f635",
        "te-dev_88340317b1efaa81",
    ],
)
def test_article_sentences_are_kept(name: str) -> None:
    body, gold = _body_and_gold(name)
    for wanted in gold["with"]:
        assert _norm(wanted) in body
    for unwanted in gold["without"]:
        assert _norm(unwanted) not in body


def test_related_box_between_the_last_paragraphs_stays_out() -> None:
    body, _ = _body_and_gold("te-dev_1be86c3a5b981e09")
    assert "RELATED STORIES" not in body
    assert "Hoarding and price-gouging send mask prices soaring" not in body
