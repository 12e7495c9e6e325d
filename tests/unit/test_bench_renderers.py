"""The renderers benchmark's docs page: a run over some renders keeps the rows of the others."""

from __future__ import annotations

from benchmarks.renderers import DOCS, _doc_rows, merge_rows

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
