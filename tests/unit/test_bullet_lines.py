"""Bulleted items glued into one line are cut at their bullets, on dumps judged glued or not."""

from __future__ import annotations

from newsclean.text.bullet_lines import bullet_lines, may_hold_bullets
from newsclean.text.glued import is_glued, restore_dump
from newsclean.text.lexicon import Lexicon

_PARAGRAPHS = [
    "The council met on Tuesday evening and agreed to spend more money on the new bridge.",
    "Residents had asked for the crossing for years, and the vote was unanimous in the end.",
    "Work is due to start in the spring, the council's engineer told the meeting on Tuesday.",
]
_GLUED_BOX = (
    "Most read * Flood warning for the valley as rain continues * Bridge closed after crash on the ring road "
    "* Schools reopen after the summer holidays"
)


def _line_dump() -> str:
    """A line-structured dump: a menu one item a line, closed paragraphs, and one glued "most read" box."""
    menu = ["Home", "News", "Sport", "Weather", "Local"]
    return "\n".join([*menu, "Council backs the new bridge", *_PARAGRAPHS, _GLUED_BOX, *menu])


def test_bulleted_run_cut_on_a_dump_not_judged_glued() -> None:
    """A dump that keeps its lines (not glued as a whole) still has its glued bulleted box cut into items."""
    dump = _line_dump()
    assert not is_glued(dump)
    lines = restore_dump(dump, Lexicon.load()).split("\n")
    assert _GLUED_BOX not in lines
    assert "* Bridge closed after crash on the ring road" in lines
    assert "* Schools reopen after the summer holidays" in lines


def test_dump_without_inline_bullets_comes_back_unchanged() -> None:
    """Without a bullet inside a line, a line-structured dump keeps every line as it was."""
    dump = "\n".join(line for line in _line_dump().split("\n") if line != _GLUED_BOX)
    assert not is_glued(dump)
    assert restore_dump(dump, Lexicon.load()) == dump


def test_article_list_items_stay_whole_on_a_line_dump() -> None:
    """A line that holds the article's own bulleted sentences is not cut (the items end like sentences)."""
    summary = (
        "In short * A fire closed two schools on Monday. * Many children stayed at home. "
        "* Care homes started their emergency plans."
    )
    assert bullet_lines(summary) == [summary]
    dump = "\n".join(line if line != _GLUED_BOX else summary for line in _line_dump().split("\n"))
    assert summary in restore_dump(dump, Lexicon.load()).split("\n")


def test_a_dump_holds_bullets_to_cut_only_with_a_bullet_between_words() -> None:
    assert may_hold_bullets("Intro\nMost read • Ferry fares rise • Harbour closes\nEnd")
    # Bullets at line starts are a renderer's own list: nothing inside a line to cut.
    assert not may_hold_bullets("Intro\n• Ferry fares rise\n* Harbour closes\n5*3 is fifteen")
