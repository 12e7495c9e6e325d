"""Dev pages rendered as Markdown (html2text) through the plain-text path.

Scrapers that build LLM corpora store pages as Markdown, where every menu
item is a ``[label](url)`` link. The fixtures in ``tests/fixtures/markdown``
are such renders of the HTML fixtures (``.wrapped``: at html2text's default
width of 78 characters, as text browsers also wrap); each page's floor is a little under
the body F1 reached today, and far above keeping the whole render. The whole
record is pinned in ``expected/`` (:mod:`tests.golden`; ``python -m
tests.regenerate`` rewrites it).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
from tests.golden import Case, assert_expected_record
from tests.scoring import body_f1

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FLOORS = json.loads((FIXTURES / "markdown" / "floors.json").read_text(encoding="utf-8"))["pages"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_markdown_render_is_cleaned_like_plain_text(name: str) -> None:
    meta = json.loads((FIXTURES / "pages" / f"{name.removesuffix('.wrapped')}.json").read_text(encoding="utf-8"))
    markdown = gzip.decompress((FIXTURES / "markdown" / f"{name}.md.gz").read_bytes()).decode("utf-8")
    article = newsclean.clean(markdown, url=meta["url"], input_format="text")
    assert body_f1(article.text, meta["gold"]["body"]) >= FLOORS[name]["floor"]
    assert FLOORS[name]["floor"] > FLOORS[name]["keep_all"]
    assert "](" not in article.text and "![" not in article.text
    assert "http" not in article.text.replace(" http", "")
    assert_expected_record(Case("markdown", name, "markdown"), article)
