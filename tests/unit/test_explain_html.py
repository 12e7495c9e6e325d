"""``explain`` on HTML: the body's blocks through the HTML path, never raw markup."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from newsclean import clean
from newsclean.explain import KEPT, NOT_EXTRACTED, explain
from newsclean.explain.html import page_blocks
from newsclean.explain.render import render_lines
from newsclean.html.render import render_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = ("FoxNews_3", "us_TheNewYorker_2023_05_16", "OccupyDemocrats_1", "CNBC_4")
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^>]*)?>")


def _page(name: str) -> str:
    return gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_blocks_marked_kept_are_the_record_text(name: str) -> None:
    html = _page(name)
    explanation = explain(html)
    assert explanation.input_format == "html"
    # A data table's cell separators are the record's own, not page text.
    assert explanation.kept_text == " ".join(w for w in clean(html).text.split() if w != "|")
    assert explanation.unplaced == []


@pytest.mark.parametrize("name", PAGES)
def test_no_line_is_raw_markup(name: str) -> None:
    explanation = explain(_page(name))
    assert not any(_MARKUP.search(line.text) for line in explanation.lines)
    assert not any(_MARKUP.search(line) for line in render_lines(explanation, color=False))


def test_dropped_blocks_say_why_and_where() -> None:
    explanation = explain(_page("FoxNews_3"))
    verdicts = {(line.verdict, line.landmark) for line in explanation.lines}
    # Menus trafilatura never extracted, with the landmark they sat in.
    assert (NOT_EXTRACTED, "nav") in verdicts
    # The headline the HTML path dropped from the top of the body.
    title = next(line for line in explanation.lines if line.verdict == "title")
    assert title.text == explanation.article.title
    kept = [line for line in explanation.lines if line.verdict == KEPT]
    assert kept and all(line.tag in ("p", "h2", "h3", "li", "blockquote", "div") for line in kept)


def test_table_cells_removed_by_the_html_path_are_table_rows() -> None:
    # A layout page: its menu table is removed row by row, reason ``table``.
    page = (FIXTURES.parent / "tables" / "old_regional_de.html").read_text(encoding="utf-8")
    explanation = explain(page)
    assert any(line.verdict == "table" and line.landmark == "table" for line in explanation.lines)


def test_data_table_cells_are_kept() -> None:
    explanation = explain(_page("CNBC_4"))
    cells = [line for line in explanation.lines if line.landmark == "table" and line.text == "Revathi Advaithi"]
    assert cells and all(line.verdict == KEPT for line in cells)


def test_title_date_and_authors_name_their_sources() -> None:
    explanation = explain(_page("FoxNews_3"))
    fields = {found.name: found for found in explanation.fields}
    assert fields["title"].value == explanation.article.title and "og" in fields["title"].sources
    assert fields["published"].value == explanation.article.published and "jsonld" in fields["published"].sources
    assert fields["authors"].value == ["Chris Pandolfo"] and "jsonld" in fields["authors"].sources
    printed = list(render_lines(explanation, color=False))
    assert printed[0].startswith("# title") and "(jsonld" in printed[0]


@pytest.mark.parametrize("name", PAGES)
def test_page_blocks_split_the_page_as_render_text_does(name: str) -> None:
    tree = load_html(_page(name))
    assert [block.text for block in page_blocks(tree)] == render_text(tree).split("\n")


def test_a_json_record_is_explained_through_its_page() -> None:
    import json

    record = json.dumps({"url": "https://www.foxnews.com/us/x", "html": _page("FoxNews_3")})
    explanation = explain(record)
    assert explanation.input_format == "html"
    assert explanation.kept_text == " ".join(clean(record).text.split())
