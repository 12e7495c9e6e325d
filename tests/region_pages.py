"""Real dumps of dev pages the text path's region search once lost (tests/fixtures/region/README.md).

Each page is stored as its render (gzipped) beside a JSON file with the page's URL, the render's
name and the te-dev gold strings the body must and must not hold; the region and standfirst
tests read them the same way, through here.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import newsclean

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "region"


def norm(text: str) -> str:
    """Whitespace folded to single spaces, so a gold string matches across the render's line breaks."""
    return " ".join(text.split())


def clean_article(name: str, mode: str | None = None) -> tuple[newsclean.Article, dict[str, Any]]:
    """The record newsclean makes of a stored render (``mode``, else the one the page's JSON names),
    and the page's gold strings."""
    page = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    with gzip.open(FIXTURES / f"{name}.{mode or page['mode']}.txt.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    return newsclean.clean(text, url=page["url"], input_format="text"), page["gold"]


def clean_page(name: str) -> tuple[str, dict[str, Any]]:
    """The body newsclean keeps from the stored render (whitespace folded), and the page's gold strings."""
    article, gold = clean_article(name)
    return norm(article.text or ""), gold


def assert_gold(body: str, gold: dict[str, Any]) -> None:
    """Every must-contain string is in the body and no must-not-contain string is."""
    for wanted in gold["with"]:
        assert norm(wanted) in body
    for unwanted in gold["without"]:
        assert norm(unwanted) not in body
