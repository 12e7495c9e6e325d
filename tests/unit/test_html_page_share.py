"""The floor under trafilatura's page render: never above ``len(html2txt(tree))``, and close enough to decide."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from lxml.html import HtmlElement
from trafilatura.baseline import html2txt

from newsclean.html import page_share
from newsclean.html import trafilatura_pass as tp
from newsclean.html.page_share import page_text_floor
from newsclean.html.parse import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(path.name.removesuffix(".html.gz") for path in FIXTURES.glob("*.html.gz"))
_PROSE = "The council met on Tuesday evening and agreed a new budget for the coming year after a long debate. "

pytestmark = pytest.mark.skipif(page_share._BANNER is None, reason="trafilatura's clean-up expression changed")


def _tree(markup: str) -> HtmlElement:
    tree = parse_page(markup)
    assert isinstance(tree, HtmlElement)
    return tree


@pytest.mark.parametrize("name", PAGES)
def test_floor_is_never_above_the_render_on_fixture_pages(name: str) -> None:
    tree = _tree(gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8"))
    floor = page_text_floor(tree)
    assert 0 < floor <= len(html2txt(tree))


@pytest.mark.parametrize("markup", [
    # soft hyphens, zero-width spaces and control characters the render drops
    f"<html><body><p>bud\u00adget zero\u200bwidth ctrl\x07char {_PROSE}</p></body></html>",
    # a footer inside an aside, a script inside a footer div: counted out once, not twice
    f"<html><body><aside><div class='footer'><script>var a = 1;</script>x</div></aside><p>{_PROSE}</p></body></html>",
    # banners by class and by id, in capitals, and one with a non-ASCII class (the slow path)
    f"<html><body><div class='CookieBanner'>{_PROSE}</div><section id='OneTrust-x'>{_PROSE}</section>"
    f"<div class='cookie-notice-ü'>{_PROSE}</div><p>{_PROSE}</p></body></html>",
    # "footer" in an id; a word glued to a deleted element's tail
    f"<html><body><div id='page-footer'>{_PROSE}</div>kept<svg><text>gone</text></svg>tail "
    f"<p>{_PROSE}</p></body></html>",
    "<html><p>no body element at all</p></html>",
    "<html><body></body></html>",
])
def test_floor_is_never_above_the_render_on_edge_cases(markup: str) -> None:
    tree = _tree(markup)
    assert page_text_floor(tree) <= len(html2txt(tree))


def test_floor_leaves_banners_out() -> None:
    banners = "".join(f"<div class='{cls}'>{_PROSE * 5}</div>" for cls in ("cookie-banner", "x onetrust-y", "Cmplz"))
    tree = _tree(f"<html><body>{banners}<article><p>{_PROSE}</p></article></body></html>")
    floor = page_text_floor(tree)
    assert floor <= len(html2txt(tree)) < 1.2 * len(_PROSE)
    assert floor > 0.7 * len(_PROSE)


def test_floor_is_close_on_a_plain_page() -> None:
    # Close enough to settle a body far short of a fifth of the page.
    tree = _tree("<html><body>" + f"<p>{_PROSE}</p>" * 20 + "</body></html>")
    assert page_text_floor(tree) >= 0.8 * len(html2txt(tree))


def test_a_body_far_short_of_the_page_needs_no_render(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tp._T is not None

    def render(*_: Any) -> str:
        raise AssertionError("rendered")

    tree = _tree("<html><body><div class='grid'>" + f"<div><span>{_PROSE}</span></div>" * 30 + "</div></body></html>")
    monkeypatch.setitem(tp._T, "html2txt", render)
    assert tp._covers_little("x" * 200, tree)


def test_required_literals() -> None:
    assert page_share._required_literals("cookie[-_]?bar|onetrust|(?:consent)") == ("cookie", "onetrust", "consent")
    assert page_share._required_literals("ab|cookie") is None  # a branch with no run of three
    assert page_share._required_literals("Notice[-_]{0,2}Cookie") == ("notice",)
    assert page_share._required_literals("cookie|coökie") is None  # a non-ASCII run is cut below three


def test_an_unknown_expression_gives_no_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    assert page_share._banner_search(".//aside|.//nav") is None
    assert page_share._banner_search(page_share.BASIC_CLEAN_XPATH.path.replace("'i'", "'im'")) is None
    monkeypatch.setattr(page_share, "_BANNER", None)
    assert page_text_floor(_tree(f"<html><body><p>{_PROSE}</p></body></html>")) == 0
