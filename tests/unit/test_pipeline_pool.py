"""The worker pool: crash isolation, per-page time limits, ordering, bounded reading."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

from newsclean import Article, Options
from newsclean.io.readers import InputItem
from newsclean.pipeline import clean_item_traced, iter_outcomes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OPTIONS = Options()


def crash_or_clean(item: object, options: Options) -> tuple[Article, str | None]:
    """Kills its worker on the item "crash" (as a segfault in lxml would), sleeps on "slow"."""
    if item == "crash":
        os._exit(3)
    if item == "slow":
        time.sleep(30)
    return Article(id=str(item), text=f"text of {item}"), None


def test_a_crashing_page_is_an_error_record_and_the_run_goes_on() -> None:
    items = ["a", "b", "crash", "c", "d", "e"]
    outcomes = list(iter_outcomes(items, OPTIONS, jobs=2, work=crash_or_clean))
    assert [o.index for o in outcomes] == list(range(6))
    errors = [o for o in outcomes if o.article.error]
    assert len(errors) == 1 and errors[0].index == 2
    assert "worker crashed (exit code 3)" in (errors[0].article.error or "")
    assert [o.article.id for o in outcomes if not o.article.error] == ["a", "b", "c", "d", "e"]


def test_a_page_over_its_time_budget_is_killed_without_signals() -> None:
    started = time.monotonic()
    outcomes = list(iter_outcomes(["a", "slow", "b"], OPTIONS, jobs=1, timeout=1.5, work=crash_or_clean))
    assert time.monotonic() - started < 20
    assert [o.article.error is not None for o in outcomes] == [False, True, False]
    assert (outcomes[1].article.error or "").startswith("timeout")


def test_unordered_output_holds_the_same_records() -> None:
    items = [f"p{i}" for i in range(20)]
    ordered = [o.article.id for o in iter_outcomes(items, OPTIONS, jobs=2, work=crash_or_clean)]
    unordered = [o.article.id for o in iter_outcomes(items, OPTIONS, jobs=2, ordered=False, work=crash_or_clean)]
    assert ordered == items and sorted(unordered) == sorted(items)


def test_reading_stays_a_window_ahead_of_writing() -> None:
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield f"p{i}"

    for count, _ in enumerate(iter_outcomes(source(), OPTIONS, jobs=2, window=6, work=crash_or_clean), 1):
        # Memory is bounded by the window: never more than 6 items read but not yet yielded.
        assert pulled - count <= 6
    assert pulled == 200


def test_failures_carry_a_traceback_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    article, trace = clean_item_traced(InputItem(source=str(bad)), OPTIONS)
    assert article.error and "PNG" in article.error and article.source == str(bad)
    assert trace and "BinaryInputError" in trace and ".py:" in trace


def test_input_items_keep_their_provenance() -> None:
    seed = (SEEDS / "001_f2c2a30e7610bf0b.txt").read_bytes()
    item = InputItem(source="crawl.warc@0", kind="page", data=seed, url="https://example.org/a",
                     fetched_at="2023-07-24T00:00:00Z")
    [outcome] = iter_outcomes([item], OPTIONS, jobs=1, timeout=60)
    record = outcome.article
    assert record.source == "crawl.warc@0" and record.url == "https://example.org/a"
    assert record.fetched_at == "2023-07-24T00:00:00Z" and record.title
