"""Per-element bounds applied before parsing (issue 18, items 5 and 8) and rejected markup (item 18)."""

from __future__ import annotations

import time

from lxml import etree
from trafilatura.utils import load_html

from newsclean.html.bounds import cap_attributes, drop_deep_jsonld, json_depth
from newsclean.html.defuse import load_defused
from newsclean.limits import MAX_ATTRIBUTES, MAX_JSONLD_DEPTH


def _tag(count: int) -> str:
    return "<div " + " ".join(f'data-a{i}="v{i}"' for i in range(count)) + ">x</div>"


def test_attributes_past_the_cap_are_dropped_with_a_warning() -> None:
    page, warning = cap_attributes(f"<p>before</p>{_tag(1000)}<p>after</p>")
    tree = etree.fromstring(page.encode(), etree.HTMLParser())
    div = tree.find(".//div")
    assert div is not None and len(div.attrib) == MAX_ATTRIBUTES
    assert div.get("data-a0") == "v0" and div.get(f"data-a{MAX_ATTRIBUTES - 1}") is not None
    assert div.get(f"data-a{MAX_ATTRIBUTES}") is None and div.text == "x"
    dropped = 1000 - MAX_ATTRIBUTES
    assert warning == (f"html: 1 element with up to 1000 attributes; {dropped} attributes past the first "
                       f"{MAX_ATTRIBUTES} removed")
    assert page.startswith("<p>before</p>") and page.endswith("<p>after</p>")


def test_ordinary_tags_are_left_byte_for_byte() -> None:
    page = ('<img src="a.jpg" srcset="' + "b.jpg 1x, " * 300 + '" alt="x > y" data-x=\'"q"\'>'
            "<span class='langname''>broken quote</span>" + _tag(MAX_ATTRIBUTES))
    assert cap_attributes(page) == (page, None)


def test_the_cap_holds_for_attributes_without_separators_and_values_holding_brackets() -> None:
    # The one-search gate counts a tag's attribute items; these tags have
    # more attributes than the limit however their values are written.
    glued = '<p a="1"b="2"c=\'3\'d="4">x</p>'
    bracketed = '<p a=">" b="<" c="> <" d=">">y</p>'
    for tag in (glued, bracketed):
        page, warning = cap_attributes(f"<div>{tag}</div>", limit=3)
        assert warning is not None and "past the first 3 removed" in warning
        assert cap_attributes(page, limit=3) == (page, None)
    exact = '<p a="1" b="2" c="3">z</p>'
    assert cap_attributes(exact, limit=3) == (exact, None)


def test_a_tag_of_100000_attributes_is_cut_in_well_under_a_second_of_work() -> None:
    page = f"<html><body>{_tag(100_000)}<p>Story.</p></body></html>"
    assert len(page) > 1_600_000  # the reported page's size
    started = time.monotonic()
    tree, warnings = load_defused(page, 200, load_html)
    assert time.monotonic() - started < 30  # the reported run took over three minutes
    assert tree is not None and "Story." in "".join(tree.itertext())
    assert any("100000 attributes" in w for w in warnings)


def test_broken_markup_cannot_make_the_attribute_scan_quadratic() -> None:
    for page in ("<a" * 200_000, '<a x="' * 100_000, "<a x=<a" * 100_000):
        started = time.monotonic()
        cap_attributes(page)
        assert time.monotonic() - started < 10


def test_json_depth_skips_strings() -> None:
    assert json_depth('{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth('"just a string"') == 0
    assert json_depth("[" * 5000 + "]" * 5000) == 5000


def _jsonld(body: str) -> str:
    return f'<html><head><script type="application/ld+json">{body}</script></head><body><p>Story.</p></body></html>'


def test_deep_jsonld_is_skipped_and_shallow_jsonld_kept() -> None:
    deep = '{"@type": "NewsArticle", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    page, warning = drop_deep_jsonld(_jsonld(deep) + _jsonld('{"headline": "Kept"}'))
    assert "[[[" not in page and '"headline": "Kept"' in page and "<p>Story.</p>" in page
    assert warning == f"html: skipped 1 JSON-LD block nested 100001 levels deep (over {MAX_JSONLD_DEPTH}); " \
                      "its metadata is not read"
    shallow = _jsonld("[" * MAX_JSONLD_DEPTH + "]" * MAX_JSONLD_DEPTH)  # exactly at the bound: kept
    assert drop_deep_jsonld(shallow) == (shallow, None)


def test_an_unterminated_deep_jsonld_block_is_skipped_to_the_end() -> None:
    page, warning = drop_deep_jsonld('<p>Story.</p><script type="application/ld+json">' + '{"a":' * 5000)
    assert page == "<p>Story.</p>" and warning is not None


def test_a_bare_fragment_is_parsed_inside_html_body() -> None:
    tree, warnings = load_defused("<div><p>Only a fragment, no root element.</p></div>", 200, load_html)
    assert tree is not None and "Only a fragment" in "".join(tree.itertext())
    assert warnings == []  # a fragment is a page; it only lacked the root element the parser adds


def test_a_page_the_parser_rejects_even_wrapped_is_read_flat() -> None:
    def picky(page: str) -> etree._Element | None:  # a parser that accepts only plain paragraphs
        return load_html(page) if "<div" not in page else None

    tree, warnings = load_defused("<div>First &amp; block<div>Second block</div></div>", 200, picky)
    assert tree is not None
    assert [p.text for p in tree.iter("p")] == ["First & block", "Second block"]
    assert warnings[-1] == "html: the parser rejected the markup; the page's text was read flat, without its structure"
