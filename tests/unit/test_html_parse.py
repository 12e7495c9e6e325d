"""The page's one parse (html/parse.py) builds the tree trafilatura's own loader builds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsclean.html.defuse import defuse_markup
from newsclean.html.parse import parse_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_PAGES = sorted((FIXTURES / "html").glob("*.html.gz")) + sorted((FIXTURES / "hostile").glob("*.html"))


def _read(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", "replace")


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_same_tree_as_trafilaturas_loader(path: Path) -> None:
    page, _ = defuse_markup(_read(path))
    ours, theirs = parse_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        # trafilatura takes a parsed tree only as an lxml.html element.
        assert isinstance(ours, HtmlElement)
        assert all(isinstance(el, HtmlElement) for el in ours.iter() if isinstance(el.tag, str))


@pytest.mark.parametrize("page", [
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding.</p></body></html>',
    "<p>A lone fragment</p>",
    "<html/>\n<body><p>Self-closed root.</p></body>",
    "",
])
def test_same_outcome_on_odd_inputs(page: str) -> None:
    ours, theirs = parse_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
