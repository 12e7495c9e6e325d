"""The per-page index (html/page_index.py) gives what each stage computed on its own before."""

from __future__ import annotations

import gzip
from pathlib import Path

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
