"""Patterns that once went quadratic on adversarial runs stay linear.

Not a speed target (those live in benchmarks): the check compares the cost of
one input with the cost of the same input four times as long, in the same
process, and fails only when the cost grows like the square of the length
(16x) rather than in proportion (4x). Before the fix, 100,000 dots took 30 s
in the lexicon's label stripping and 20,000 ``[`` 8 s in the placeholder pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from newsclean.text.lexicon import _strip_line
from newsclean.text.unwrap import strip_placeholders

#: Cost ratio for 4x the input above which growth is called quadratic:
#: linear work gives about 4, quadratic 16; 9 leaves room for noise.
QUADRATIC_RATIO = 9.0


def _cost(run: Callable[[str], object], text: str) -> float:
    """The least CPU time of five runs.

    CPU time of this process, not wall-clock: on a loaded machine (a CI host
    shared with other jobs) a wall-clock run is stretched by every preemption,
    which hits the longer input more often and inflated the ratio past the
    limit although the pattern was linear.
    """
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        run(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


@pytest.mark.parametrize(
    ("run", "unit"),
    [
        (_strip_line, "."),
        (_strip_line, ". "),
        (strip_placeholders, "["),
        (strip_placeholders, "[a"),
        (strip_placeholders, "[IMG:"),
        (strip_placeholders, "[12"),
    ],
)
def test_cost_grows_linearly(run: Callable[[str], object], unit: str) -> None:
    short = "word " + unit * 5_000 + " end"
    long = "word " + unit * 20_000 + " end"
    assert _cost(run, long) / _cost(run, short) < QUADRATIC_RATIO


def test_fixes_keep_what_the_patterns_did() -> None:
    assert _strip_line("• Share: ..|") == "Share"
    assert strip_placeholders("Text [artikel_banner_2024] more [sic] and [1] [IMG] (BUTTON) end") == (
        "Text  more [sic] and [1]  end",
        ["[artikel_banner_2024]", "[IMG]", "(BUTTON)"],
    )
