"""The per-page index (html/page_index.py) gives what each stage computed on its own before."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from newsclean.html import frame, standfirst
from newsclean.html.page_index import PageIndex
from newsclean.html.parse import parse_page
from newsclean.html.render import element_text
from newsclean.normalize.text import comparison_key

_PAGES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "html").glob("*.html.gz"))


def _tree(path: Path) -> etree._Element:
    tree = parse_page(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    assert tree is not None
    return tree


def _naive_leaves(tree: etree._Element, blocks: frozenset[str]) -> list[etree._Element]:
    """The definition, walked the slow way: no block element among the descendants."""
    return [el for el in tree.iter() if isinstance(el.tag, str) and el.tag in blocks and element_text(el)
            and not any(isinstance(d.tag, str) and d.tag in blocks for d in el.iterdescendants())]


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_leaves_and_keys_match_their_definitions(path: Path) -> None:
    tree = _tree(path)
    page = PageIndex(tree)
    blocks = standfirst._BLOCKS
    leaves = page.leaves(blocks)
    assert leaves == _naive_leaves(tree, blocks)
    assert page.leaves(blocks) is leaves  # worked out once
    for el in leaves[:200]:
        assert page.text(el) == element_text(el)
        assert page.key(el) == comparison_key(" ".join(el.itertext()))
        assert page.words(el) == len(element_text(el).split())
    assert page.reading(frame.page_block_leaves) == frame.block_leaves(tree)
    assert page.reading(frame.page_block_leaves) is page.reading(frame.page_block_leaves)


@pytest.mark.parametrize("path", _PAGES[:4], ids=lambda p: p.name)
def test_text_built_from_children_matches_element_text_in_any_order(path: Path) -> None:
    # Asked top-down, an element's text is joined from its subtree's; asked
    # bottom-up, from its children's already joined texts: both as element_text.
    tree = _tree(path)
    elements = list(tree.iter())
    for order in (elements, elements[::-1]):
        page = PageIndex(tree)
        for el in order:
            assert page.text(el) == element_text(el)


def test_text_skips_comments_but_keeps_their_tails() -> None:
    # parse_page drops comments; a tree parsed as lxml does keeps them.
    tree = lxml.html.document_fromstring(
        "<html><body><div id='x'> Lead <!-- hidden --> in<!-- x -->tro <p>A  <b>bold</b>\nword</p>"
        "tail<script>var s;</script></div></body></html>"
    )
    assert tree is not None
    page = PageIndex(tree)
    div = tree.find(".//div")
    assert div is not None
    assert page.text(div) == "Lead in tro A bold word tail var s;" == element_text(div)
    paragraph = div.find("p")
    assert paragraph is not None
    assert page.text(paragraph) == "A bold word"  # worked out on the way up


def test_key_of_is_comparison_key_worked_out_once_per_text() -> None:
    tree = lxml.html.fromstring(
        "<html><body><div><p>The Mayor\u2019s  plan, in FULL.</p></div><p>Caf\u00e9 reopens today</p></body></html>"
    )
    page = PageIndex(tree)
    line = "The Mayor\u2019s plan, in full."
    assert page.key_of(line) == comparison_key(line) == "the mayor s plan in full"
    assert page.key_of(line) is page.key_of(line)
    # An element's key is its text's key: the wrapper and the paragraph it holds share it.
    div, para = tree.find(".//div"), tree.find(".//p")
    assert page.key(div) == page.key(para) == comparison_key(line)
    assert page.key(tree.findall(".//p")[1]) == comparison_key("Caf\u00e9 reopens today")
