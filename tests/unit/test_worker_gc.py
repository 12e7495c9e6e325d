"""A worker process freezes what it inherited and collects less often; the caller's process is left alone."""

from __future__ import annotations

import gc

from newsclean import Article, Options
from newsclean.pipeline import iter_outcomes
from newsclean.worker_gc import FIRST_THRESHOLD

OPTIONS = Options()


def report_gc(item: object, options: Options) -> tuple[Article, str | None]:
    """The worker's collector settings, as the record's text."""
    return Article(id=str(item), text=f"{gc.get_threshold()[0]} {gc.get_freeze_count()}"), None


def test_a_worker_freezes_its_inheritance_and_raises_the_first_threshold() -> None:
    before = gc.get_threshold()
    outcomes = list(iter_outcomes(["a"], OPTIONS, jobs=1, timeout=30.0, work=report_gc))
    threshold, frozen = map(int, (outcomes[0].article.text or "").split())
    assert threshold == FIRST_THRESHOLD
    # The modules and data the worker started with are in the permanent generation.
    assert frozen > 1000
    assert gc.get_threshold() == before


def test_cleaning_in_the_callers_process_keeps_its_collector() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    outcomes = list(iter_outcomes(["a"], OPTIONS, jobs=1, work=report_gc))
    assert outcomes[0].article.text == f"{before[0]} {frozen}"
    assert gc.get_threshold() == before
