"""Boxes printed twice around the story (``newsclean.html.repeats``): the copies go, the story stays.

Hand-written pages with meaningless class names (as CSS-modules builds print
them): only the repetition and the markup shape are evidence.
"""

from __future__ import annotations

import lxml.html

from newsclean.html.repeats import drop_repeated_boxes
from newsclean.record import Removed
from tests.stories import BRIDGE_STORY

STORY = BRIDGE_STORY
OFFER = [
    "Get unlimited access to every story on any device.",
    "Cancel whenever you like, no questions asked.",
]


def _section(lines: list[str]) -> str:
    """Story paragraphs each in a wrapper of its own, styled alike (one per paragraph)."""
    return "".join(f"<section class='s1'><p>{line}</p></section>" for line in lines)


def _offer() -> str:
    items = "".join(f"<li>{line}</li>" for line in OFFER[1:])
    return f"<div class='o2'><div class='o3'><p>{OFFER[0]}</p><ul>{items}</ul></div></div>"


def _run(lines: list[str], html: str) -> tuple[list[str], list[Removed]]:
    tree = lxml.html.fromstring(f"<html><body><article class='a1'><h1>Bridge</h1>{html}</article></body></html>")
    removed: list[Removed] = []
    return drop_repeated_boxes(list(lines), tree, removed), removed


def test_offer_printed_twice_between_the_paragraphs_goes() -> None:
    html = _section(STORY[:2]) + f"<div class='w9'>{_offer()}{_offer()}</div>" + _section(STORY[2:])
    kept, removed = _run(STORY[:2] + OFFER + OFFER + STORY[2:], html)
    assert kept == STORY
    assert [r.text for r in removed] == OFFER + OFFER


def test_offer_printed_once_stays() -> None:
    # One copy is no evidence: the box may be the story's (a fact box, a list).
    html = _section(STORY[:2]) + _offer() + _section(STORY[2:])
    lines = STORY[:2] + OFFER + STORY[2:]
    kept, removed = _run(lines, html)
    assert kept == lines
    assert removed == []


def test_pull_quote_repeating_a_paragraph_keeps_the_paragraph() -> None:
    # A line the story prints at home is never evidence of a duplicated panel.
    quote = f"<aside class='q5'><blockquote>{STORY[2]}</blockquote></aside>"
    html = _section(STORY[:2]) + quote + _section(STORY[2:])
    lines = [*STORY[:2], STORY[2], *STORY[2:]]
    kept, removed = _run(lines, html)
    assert kept == lines
    assert removed == []


def test_short_repeated_lines_prove_nothing() -> None:
    # A separator or a label may occur twice in a story.
    short = "* * *"
    html = (_section(STORY[:2]) + f"<div class='d1'><p>{short}</p></div>" + _section(STORY[2:4])
            + f"<div class='d1'><p>{short}</p></div>" + _section(STORY[4:]))
    lines = [*STORY[:2], short, *STORY[2:4], short, *STORY[4:]]
    kept, _ = _run(lines, html)
    assert kept == lines


def test_instructions_repeated_above_each_exercise_stay() -> None:
    # The same panel above two different sections, with the first section between the copies.
    exercise_a = "<div class='e4'><p>Exercise one: a box of sand weighs eleven tonnes; how high is it?</p></div>"
    exercise_b = "<div class='e4'><p>Exercise two: a marble plate weighs thirty kilograms; how thick is it?</p></div>"
    html = _section(STORY[:3]) + _offer() + exercise_a + _offer() + exercise_b + _section(STORY[3:])
    lines = [*STORY[:3], *OFFER, "Exercise one: a box of sand weighs eleven tonnes; how high is it?",
             *OFFER, "Exercise two: a marble plate weighs thirty kilograms; how thick is it?", *STORY[3:]]
    kept, removed = _run(lines, html)
    assert kept == lines
    assert removed == []
