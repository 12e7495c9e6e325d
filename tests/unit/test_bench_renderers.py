"""The renderers benchmark's docs page: a run over some renders keeps the rows of the others."""

from __future__ import annotations

from benchmarks.renderers import DOCS, _doc_rows, merge_rows, render_gettext, render_html2txt

HEADER = f"{'set':7s} {'render':11s} {'system':12s} {'P':>6s} {'R':>6s} {'F1':>6s}"


def _row(set_name: str, render: str, system: str, f1: float) -> str:
    return f"{set_name:7s} {render:11s} {system:12s} {f1:6.3f} {f1:6.3f} {f1:6.3f}"


def test_rerun_render_replaces_its_rows_and_keeps_the_others() -> None:
    old = [HEADER, _row("fe", "markdown", "newsclean", 0.9), _row("fe", "w3m", "newsclean", 0.8),
           _row("fp-dev", "markdown", "newsclean", 0.7)]
    new = [HEADER, _row("fe", "markdown", "newsclean", 0.95), _row("fe", "flat", "newsclean", 0.86),
           _row("te-dev", "flat", "newsclean", 0.78)]
    assert merge_rows(old, new) == [
        HEADER,
        _row("fe", "markdown", "newsclean", 0.95),
        _row("fe", "w3m", "newsclean", 0.8),
        _row("fe", "flat", "newsclean", 0.86),
        _row("fp-dev", "markdown", "newsclean", 0.7),
        _row("te-dev", "flat", "newsclean", 0.78),
    ]


def test_written_page_table_is_read_back() -> None:
    rows = _doc_rows(DOCS.read_text("utf-8"))
    assert rows[0].split() == ["set", "render", "system", "P", "R", "F1"]
    assert len(rows) > 10
    assert merge_rows(rows, [rows[0]]) == rows


PAGE = """<html><head><title>T</title><style>p { color: red }</style></head>
<body><h1>Rain returns</h1>
<p>The storm reached the coast <b>late</b> on Sunday.</p><div>Crews worked all night.</div>
<script>var tracker = {"id": 1};</script><noscript>Enable JavaScript</noscript>
<template><p>Hidden template</p></template></body></html>"""


def test_html2txt_render_is_the_body_on_one_line() -> None:
    text = render_html2txt(PAGE)
    assert "\\n" not in text.strip()
    assert "Rain returns" in text
    assert "The storm reached the coast late on Sunday." in text
    assert "Crews worked all night." in text
    assert "tracker" not in text and "color: red" not in text


def test_gettext_render_drops_code_elements_and_joins_text_nodes_with_spaces() -> None:
    text = render_gettext(PAGE)
    assert "Rain returns" in text
    assert "Crews worked all night." in text
    assert "coast  late  on" in text  # the text nodes around <b> are joined with a space each
    for code in ("tracker", "color: red", "Enable JavaScript", "Hidden template"):
        assert code not in text
    assert render_gettext("") == ""
