from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.region import find_region, max_scoring_run, trim_edges


def test_max_scoring_run() -> None:
    assert max_scoring_run([-1, -1, 5, -2, 6, -10, 3]) == (2, 5)
    assert max_scoring_run([-1, -2]) == (0, 0)
    assert max_scoring_run([]) == (0, 0)


def _v(score: float, category: str | None = None, hits: int = 0, density: float = 0.0) -> Verdict:
    return Verdict(category, category is None and score > 0, score, None, hits, density)


def test_appeal_lead_in_goes_with_the_appeal() -> None:
    verdicts = [_v(-2, "navigation"), _v(40), _v(30), _v(12, hits=4, density=0.3), _v(-20, "appeal"), _v(-3, "paywall")]
    start, end, trimmed = find_region(verdicts)
    assert (start, end) == (1, 3)
    assert trimmed == {3: "appeal"}


def test_edges_not_next_to_appeals_stay() -> None:
    verdicts = [_v(40), _v(5), _v(-4, "navigation")]
    assert trim_edges(verdicts, 0, 2) == (0, 2, {})
