"""Dev pages through the HTML path, against their golden records (tests/fixtures/html).

Each fixture pins what the HTML path must get right on one real page: the
fields it reproduces (title, day, authors), a body-F1 floor against the gold
body, and noise lines (teasers, tables, author bios) that must not come back;
``expected/`` pins the whole record besides (:mod:`tests.golden`). Inputs and
gold come from ``tests/fixtures/html/regenerate.py``, expected records from
``python -m tests.regenerate``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
from tests.golden import Case, assert_expected_record
from tests.scoring import body_f1

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
NAMES = sorted(p.name[: -len(".json")] for p in PAGES.glob("*.json"))


def _load(name: str) -> tuple[dict[str, object], str]:
    record = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    return record, gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()).decode("utf-8")


def test_fixture_set_is_present() -> None:
    assert len(NAMES) >= 5


@pytest.mark.parametrize("name", NAMES)
def test_html_page_record(name: str) -> None:
    record, page = _load(name)
    article = newsclean.clean(page, url=str(record["url"]), input_format="html")
    expected = record["expected"]
    assert isinstance(expected, dict)
    if "title" in expected:
        assert (article.title or "").casefold() == expected["title"].casefold()
    if "published_day" in expected:
        assert (article.published or "")[:10] == expected["published_day"]
    if "authors" in expected:
        assert {a.casefold() for a in article.authors} == {a.casefold() for a in expected["authors"]}
    assert body_f1(article.text, str(record["gold_body"])) >= float(record["floor"])  # type: ignore[arg-type]
    for line in record["absent"]:  # type: ignore[attr-defined]
        assert line not in article.text
    assert_expected_record(Case("html", name, "html"), article)


@pytest.mark.parametrize("name", NAMES)
def test_html_page_is_independent_of_earlier_pages(name: str) -> None:
    """No cross-document state: the same page cleans the same after any other page."""
    record, page = _load(name)
    first = newsclean.clean(page, url=str(record["url"]), input_format="html")
    other, other_page = _load(NAMES[0] if name != NAMES[0] else NAMES[-1])
    newsclean.clean(other_page, url=str(other["url"]), input_format="html")
    again = newsclean.clean(page, url=str(record["url"]), input_format="html")
    assert again.text == first.text and again.title == first.title


def test_live_blog_trafilatura_cuts_short_is_read_whole_by_the_text_engine() -> None:
    """A live blog whose entries sit in sibling containers: trafilatura keeps a fifth."""
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    meta = json.loads((pages / "TheTelegraph_3.json").read_text(encoding="utf-8"))
    html = gzip.decompress((pages / "TheTelegraph_3.html.gz").read_bytes()).decode("utf-8")
    article = newsclean.clean(html, url=meta["url"])
    assert any("text engine" in w for w in article.warnings)
    assert body_f1(article.text, meta["gold"]["body"]) >= 0.9
