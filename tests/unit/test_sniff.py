from __future__ import annotations

from newsclean.sniff import as_json_record, sniff_format


def test_html_document() -> None:
    assert sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format("  <html lang='en'><p>x") == "html"


def test_fragment_with_many_tags_is_html() -> None:
    assert sniff_format("<div><p>One</p><p>Two</p><a href='#'>x</a><span>y</span><br></div>") == "html"


def test_text_mentioning_a_tag_is_text() -> None:
    dump = "Developers discussed the <p> element at length.\n\n" + "A normal sentence here. " * 30
    assert sniff_format(dump) == "text"


def test_json_record() -> None:
    assert sniff_format('{"url": "https://x.org", "text": "hello"}') == "json"
    assert as_json_record('{"html": 3}') is None
    assert sniff_format('{"some": "json"}') == "text"


def test_json_nested_too_deep_is_not_a_record() -> None:
    deep = '{"html": ' + "[" * 100_000
    assert as_json_record(deep) is None
    assert sniff_format(deep) == "text"


def test_xhtml_with_a_dtd_internal_subset_is_html() -> None:
    page = '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY x "y">]>\n<html xmlns="http://www.w3.org/1999/xhtml">'
    assert sniff_format(page + "<body><p>x</p></body></html>") == "html"
