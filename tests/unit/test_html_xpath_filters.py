"""trafilatura's attribute XPath searches as Python filters: the same elements, in the same order."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import xpaths

from newsclean.html.parse import parse_page
from newsclean.html.xpath_filters import attribute_filter, compile_filter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(path.name.removesuffix(".html.gz") for path in FIXTURES.glob("*.html.gz"))
_RE = {"re": "http://exslt.org/regular-expressions"}

#: A page with an element for every branch of the expressions below: comment boxes and
#: lists, an infinite-scroll wrapper with and without a headline, nested matches,
#: attributes absent, empty and in another case.
BUILT = (
    "<html><body><div id='main' class='article'><h1>Title</h1><p>Text</p>"
    "<section class='infinite-scroll'><h1>Next story</h1><p>More</p></section>"
    "<div class='infinite-scroll'><p>Appended</p><div id='infinitescroll-2'><p>Nested</p></div></div>"
    "<aside class='mvp-post-add-box'><h1>Kept out</h1></aside>"
    "<div class='' id=''>empty attributes</div>"
    "<div id='comments'><ul class='comment-list'><li>One</li></ul><ol id='comol'><li>Two</li></ol></div>"
    "<ul class='Commentary'><li>not a comment list</li></ul><ol class='article-comments'><li>x</li></ol>"
    "<details class='comments-box'>d</details><details class='commentary'>e</details>"
    "<section id='Comment-3'>s</section>"
    "<div class='elementor-share-buttons big'>share</div><span class='elementor-share-buttons'>span</span>"
    "<!-- a comment --><div class='post-comments'><p>c</p></div>"
    "</div></body></html>"
)


def _tree(markup: str) -> HtmlElement:
    tree = parse_page(markup)
    assert isinstance(tree, HtmlElement)
    return tree


def _fixture(name: str) -> HtmlElement:
    return _tree(gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8"))


def _trafilatura_expressions() -> list[etree.XPath]:
    """Every XPath in trafilatura's expression lists."""
    found: list[etree.XPath] = []
    for name in dir(xpaths):
        value = getattr(xpaths, name)
        if name.isupper() and isinstance(value, list):
            found.extend(e for e in value if isinstance(e, etree.XPath))
    return found


def test_the_costly_lists_run_as_filters() -> None:
    # The raw-tree prunes and the content extraction's costliest searches must take the shortcut
    # on the installed trafilatura.
    for expression in (*xpaths.RAW_TREE_PRUNE_XPATH, *xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH,
                       *xpaths.OVERALL_DISCARD_XPATH, xpaths.BODY_XPATH[0], *xpaths.BODY_XPATH[2:4],
                       *xpaths.TEASER_DISCARD_XPATH, *xpaths.DISCARD_IMAGE_ELEMENTS):
        assert attribute_filter(expression) is not expression


def _matches_lxml(path: str, tree: HtmlElement) -> None:
    """The compiled filter finds what lxml's own XPath finds on ``tree``, and that is not nothing."""
    search = compile_filter(path)
    assert search is not None
    expected = etree.XPath(path, namespaces=_RE)(tree)
    assert expected, "a comparison of empty answers proves nothing"
    assert search(tree) == expected


@pytest.mark.parametrize("name", ["built", *PAGES])
def test_filters_find_what_the_xpaths_find(name: str) -> None:
    tree = _tree(BUILT) if name == "built" else _fixture(name)
    compared = 0
    for expression in _trafilatura_expressions():
        search = compile_filter(expression.path)
        if search is None:
            continue
        assert search(tree) == expression(tree), expression.path
        compared += 1
    assert compared >= 3


def test_the_built_page_reaches_every_branch() -> None:
    # Otherwise the comparison above would hold of empty answers.
    tree = _tree(BUILT)
    scroll, share = (e(tree) for e in xpaths.RAW_TREE_PRUNE_XPATH)
    comments = xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0](tree)
    # The wrapper holding a headline stays unless it is the theme's own box; a nested match is listed too.
    assert [el.tag for el in scroll] == ["div", "div", "aside"]
    assert [el.tag for el in share] == ["div"]
    assert {el.tag for el in comments} >= {"div", "ol", "section", "details"}
    assert not {"Commentary", "commentary"} & {el.get("class") for el in comments}


@pytest.mark.parametrize("path", [
    ".//*[self::p or self::div][contains(@class, 'a') and not(.//span)]",
    ".//*[(self::p or self::li)][re:test(@id, '^x[0-9]+$') or contains(@title, 'Note')]",
    ".//*[re:test(@class, 'b|^$')]",
    ".//*[not(self::div)][contains(@class, '')]",
    ".//*[self::section]",
    # positions: the first match among each element's children, the first match overall
    ".//*[self::p or self::div or self::li][1]",
    ".//*[self::p or self::li][contains(@id, 'x')][1]",
    "(.//*[self::p or self::li][contains(@id, 'x')])[1]",
    "(.//*[self::li or self::p][re:test(@title, 'Note')])[1]",
    # equality, presence, starts-with, flags, translate
    ".//*[@class='b' or @data-x]",
    ".//*[starts-with(@id, 'x1')]",
    ".//*[re:test(@title, 'NOTE', 'i')]",
    ".//*[contains(translate(@title, 'N', 'n'), 'A note')]",
    # the first of a union of attributes is the first in the markup, whichever the expression names first
    ".//*[re:test(@id|@class, '^[ab]')]",
    ".//*[starts-with(@class|@id, 'x')]",
])
def test_the_grammar_matches_lxml(path: str) -> None:
    tree = _tree(
        "<html><body><div class='a'><span>s</span></div><div class='ab'>t</div><p class='b' id='x12'>p</p>"
        "<li id='x1y'>no</li><li title='A Note'>yes</li><section><p>in</p></section><p>bare</p>"
        "<p id='b2' class='x3' data-x=''>ordered</p><p class='a4' id='x5'>reversed</p></body></html>"
    )
    _matches_lxml(path, tree)


def test_the_union_reads_the_attribute_written_first() -> None:
    # 'b2' (the id, written first) is read on one element, 'a4' (the class, written first) on the other.
    tree = _tree("<html><body><p id='b2' class='x3'>one</p><p class='a4' id='x5'>two</p></body></html>")
    search = compile_filter(".//*[re:test(@id|@class, '^[ab]')]")
    assert search is not None
    assert [el.text for el in search(tree)] == ["one", "two"]
    assert [el.text for el in compile_filter(".//*[re:test(@class|@id, '^x')]")(tree)] == []  # type: ignore[misc]


def test_a_last_position_keeps_the_first_match_per_parent() -> None:
    # Not the first overall: XPath's [1] counts among the children of each element.
    tree = _tree("<html><body><div><p>a</p><p>b</p></div><div><p>c</p></div></body></html>")
    each = compile_filter(".//*[self::p][1]")
    first = compile_filter("(.//*[self::p])[1]")
    assert each is not None and first is not None
    assert [el.text for el in each(tree)] == ["a", "c"]
    assert [el.text for el in first(tree)] == ["a"]


@pytest.mark.parametrize("path", [
    "//p",  # not a descendant search from the context element
    ".//*[2]",  # a position other than 1
    ".//*[1][@id]",  # a position before another predicate
    "((.//*[@id])[1])[1]",  # nested positions
    ".//*[substring(@id, 1)]",  # a function the filters do not read
    ".//*[contains(@id, 'x', 'y')]",  # a third argument outside re:test
    ".//*[contains(translate(@id, 'AB', 'a'), 'x')]",  # translate deleting characters
    ".//*[@id|@class='x']",  # equality on a union
    ".//p[@class]",  # a named step
    "(.//article)[1]",  # a named step in parentheses
    ".//*[re:test(@id, '(')]",  # a pattern Python does not compile
])
def test_other_expressions_are_not_mirrored(path: str) -> None:
    assert compile_filter(path) is None


def test_an_unmirrored_expression_runs_itself() -> None:
    expression = etree.XPath(".//*[substring(@id, 1)]")
    assert attribute_filter(expression) is expression


@pytest.mark.parametrize("path", [
    # equality, contains, starts-with and patterns on one attribute fuse into one search
    ".//*[@class='b' or contains(@class, 'a4') or starts-with(@class, 'x') or re:test(@class, '^a$')]",
    # on the first of a union, and with a case flag apart from the case-sensitive tests
    ".//*[re:test(@id|@class, '^b') or re:test(@id|@class, '5$') or re:test(@title, 'note', 'i')"
    " or contains(@title, 'Note')]",
    # a pattern's groups stay its own: a back reference is searched on its own
    ".//*[re:test(@class, '(a)\\1') or re:test(@class, '(b)') or re:test(@class, 'x3')]",
    # literals with pattern characters match as literals; an empty equality matches no absent attribute
    ".//*[@id='' or @class='a.' or contains(@class, '.') or @class='ab']",
])
def test_fused_tests_match_lxml(path: str) -> None:
    tree = _tree(
        "<html><body><div class='a'><span>s</span></div><div class='ab'>t</div><p class='b' id='x12'>p</p>"
        "<li id='x1y'>no</li><li title='A Note'>yes</li><p class='aa'>double</p><p class='a4' id='x5'>r</p>"
        "<p id='b2' class='x3'>ordered</p><p class='a.b' id=''>dotted</p><p class='aX'>dot</p></body></html>"
    )
    _matches_lxml(path, tree)


def test_or_ed_tests_on_one_value_run_as_one_search() -> None:
    # Four tests on @class (one an equality) fuse; the test on @id stays apart: two searches per element.
    calls: list[str] = []

    class Recording(etree.ElementBase):
        def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
            calls.append(key)
            return super().get(key, default)

    parser = etree.HTMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=Recording))
    tree = etree.fromstring("<html><body><div class='z'>a</div></body></html>", parser)
    search = compile_filter(
        ".//*[self::div][@class='a' or contains(@class, 'b') or re:test(@id, 'c') or starts-with(@class, 'd')"
        " or re:test(@class, 'e')]"
    )
    assert search is not None
    assert search(tree) == []
    assert sorted(calls) == ["class", "id"]
