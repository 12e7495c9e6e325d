"""trafilatura's content extraction reading its XPath lists as Python filters: the same result, its module untouched."""

from __future__ import annotations

import gzip
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import main_extractor
from trafilatura.settings import Extractor

from newsclean.html import trafilatura_filtered as tf
from newsclean.html.parse import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(path.name.removesuffix(".html.gz") for path in FIXTURES.glob("*.html.gz"))
_ON_231 = pytest.mark.skipif(trafilatura.__version__ != "2.3.1", reason="the module digests are 2.3.1's")

#: A page whose body is found by a class the first body expression names, with the boxes the
#: discard lists remove: a share row, a hidden block, an image caption, a byline (and a teaser,
#: which the main pass may keep when it falls back to its recovery).
BUILT = (
    "<html><body><div class='page'><div class='article-body'>"
    "<p>The council met on Tuesday evening and agreed a new budget for the coming year.</p>"
    "<div class='share-row'><p>Share this story on your favourite network today</p></div>"
    "<div style='display: none'><p>Hidden text that readers never see on the page</p></div>"
    "<div class='Teaser-box'><p>Read next: another story about the town council</p></div>"
    "<div class='image-caption'><p>The town hall, seen from the market square</p></div>"
    "<span class='byline'>By A. Reporter</span>"
    "<p>Councillors said the plan would keep the library open on Saturdays next year.</p>"
    "</div></div></body></html>"
)


def _tree(name: str) -> HtmlElement:
    markup = BUILT if name == "built" else gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode()
    tree = parse_page(markup)
    assert isinstance(tree, HtmlElement)
    return tree


@_ON_231
def test_the_extraction_reads_filters_and_trafilatura_keeps_its_xpaths() -> None:
    step = tf.filtered_step("main_extractor", "extract_content", main_extractor.extract_content)
    assert step is not main_extractor.extract_content
    assert step.__code__ is main_extractor.extract_content.__code__  # trafilatura's own code
    lists = step.__globals__
    assert not isinstance(lists["OVERALL_DISCARD_XPATH"][0], etree.XPath)
    assert not isinstance(lists["BODY_XPATH"][0], etree.XPath)
    assert isinstance(lists["BODY_XPATH"][1], etree.XPath)  # outside the grammar: runs as XPath
    # The functions it calls read the same copy; trafilatura's module is as it was.
    assert lists["prune_unwanted_sections"].__globals__ is lists
    assert all(isinstance(e, etree.XPath) for e in main_extractor.OVERALL_DISCARD_XPATH)
    assert main_extractor.prune_unwanted_sections.__globals__ is vars(main_extractor)


@_ON_231
@pytest.mark.parametrize("name", ["built", *PAGES])
@pytest.mark.parametrize("focus", ["balanced", "recall", "precision"])
def test_filtered_extraction_is_trafilaturas(name: str, focus: str) -> None:
    step = tf.filtered_step("main_extractor", "extract_content", main_extractor.extract_content)
    options = Extractor(fast=True, tables=True, output_format="python",
                        precision=focus == "precision", recall=focus == "recall")
    tree = _tree(name)
    body, text = step(deepcopy(tree), options)
    want_body, want_text = main_extractor.extract_content(deepcopy(tree), options)
    assert text == want_text
    assert etree.tostring(body) == etree.tostring(want_body)
    if name == "built":
        # The discard lists did remove the boxes (else the comparison would hold of unpruned bodies).
        assert "library" in text and "Share this" not in text and "Hidden" not in text
        assert "market square" not in text


def test_a_changed_module_keeps_trafilaturas_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(tf._KNOWN, "main_extractor", "0" * 16)
    monkeypatch.setattr(tf, "_namespaces", tf._namespaces.__wrapped__)
    step = main_extractor.extract_content
    assert tf.filtered_step("main_extractor", "extract_content", step) is step


def test_a_step_of_another_module_or_code_is_kept() -> None:
    assert tf.filtered_step("core", "bare_extraction", trafilatura.bare_extraction) is trafilatura.bare_extraction

    def extract_content(tree: HtmlElement, options: Extractor) -> None:  # same name, other code
        return None

    assert tf.filtered_step("main_extractor", "extract_content", extract_content) is extract_content
