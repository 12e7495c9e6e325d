"""The flattened-dump safety net: when the region is widened, and when it is left alone."""

from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.flat_guard import longest_prose_run, widen_region
from newsclean.text.segment import Block

PROSE = "The council voted on Tuesday to keep the library open for another year, its members said. " * 3
LABEL = "Home"
NOISE = "Cookie settings and privacy choices for this site " * 12


def _page(kinds: str) -> tuple[list[Block], list[Verdict]]:
    """``p`` prose, ``l`` a short label nobody flagged, ``n`` a line a lexicon flagged as noise."""
    blocks, verdicts = [], []
    for index, kind in enumerate(kinds):
        text = {"p": PROSE, "l": LABEL, "n": NOISE}[kind]
        blocks.append(Block(index=index, text=text, line=index, gap_before=False))
        category = "legal" if kind == "n" else None
        verdicts.append(Verdict(category=category, prose=kind == "p", score=0.0))
    return blocks, verdicts


def test_labels_between_paragraphs_do_not_end_a_prose_run() -> None:
    blocks, verdicts = _page("nnplplppnnnp")
    assert longest_prose_run(blocks, verdicts)[:2] == (2, 8)


def test_region_holding_little_prose_is_widened_and_its_edge_cuts_undone() -> None:
    blocks, verdicts = _page("lllpplpppnnnp")
    trimmed = {7: "teaser"}
    assert widen_region(blocks, verdicts, (12, 13), trimmed) == (3, 13)
    assert trimmed == {}


def test_region_holding_most_prose_is_left_alone() -> None:
    blocks, verdicts = _page("lppppnnp")
    trimmed: dict[int, str] = {}
    assert widen_region(blocks, verdicts, (1, 5), trimmed) is None
