"""The Spark engine's executor side, run in this process (no JVM): what a task yields for its work units.

``clean_partition`` is what a Spark task runs; these tests call it directly,
so they need neither pyspark nor Java and run in the fast suite. The Spark
runs themselves are in ``tests/integration/test_spark*.py`` (slow).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsclean import Article, Options
from newsclean.cli import main
from newsclean.io.inputs import InputItem
from newsclean.io.parquet import arrow_schema
from newsclean.pipeline import clean_item_traced
from newsclean.spark.frames import record_names
from newsclean.spark.hadoop import is_url, local_path
from newsclean.spark.output import error_lines, replaceable
from newsclean.spark.partitions import BYTES, clean_partition
from newsclean.spark.plan import jsonl_ranges, plan_units

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html.gz"))[:6]


def crash_on_marked_page(item: Any, options: Options) -> tuple[Article, str | None]:
    """Kills its process on a page named ``crash.html`` (as a segfault in lxml would); cleans the others."""
    if isinstance(item, InputItem) and item.source.endswith("crash.html"):
        os._exit(3)
    return clean_item_traced(item, options)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    for fixture in PAGES[:3]:
        (root / fixture.name.removesuffix(".gz")).write_bytes(gzip.decompress(fixture.read_bytes()))
    return root


def _local_records(tmp_path: Path, inputs: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The local engine's records and errors-file lines for the same inputs."""
    out = tmp_path / "local.jsonl"
    main(["clean", *inputs, "-o", str(out), "-q"])
    errors = tmp_path / "local.jsonl.errors.jsonl"
    read = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    failed = errors.read_text(encoding="utf-8").splitlines() if errors.exists() else []
    return read, [json.loads(line) for line in failed]


def test_a_missing_file_is_an_error_record_like_the_local_engines(pages: Path, tmp_path: Path) -> None:
    missing = str(pages / "gone.html")
    records = list(clean_partition([[str(p) for p in sorted(pages.iterdir())] + [missing]], timeout=None))
    assert len(records) == 4
    failed = [r for r in records if r["error"]]
    assert [r["source"] for r in failed] == [missing]
    _, local_errors = _local_records(tmp_path, [*map(str, sorted(pages.iterdir())), missing])
    assert json.loads(error_lines(failed)) == local_errors[0]  # same id, source, reason (no traceback)


def test_an_unreadable_file_is_an_error_record_and_the_task_goes_on(pages: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"\x1f\x8b not a gzip stream")
    records = list(clean_partition([str(broken), str(pages)], timeout=None))
    assert sum(1 for r in records if r["error"]) == 1
    assert sum(1 for r in records if not r["error"] and r["text"]) == 3


def test_a_crashing_page_with_no_time_limit_costs_its_record_only(pages: Path) -> None:
    (pages / "crash.html").write_text("<html><body><p>Crash.</p></body></html>", encoding="utf-8")
    files = [str(p) for p in sorted(pages.iterdir())]
    records = list(clean_partition([files], timeout=None, work=crash_on_marked_page))
    assert len(records) == 4
    failed = [r for r in records if r["error"]]
    assert [r["source"] for r in failed] == [str(pages / "crash.html")]
    assert "worker crashed (exit code 3)" in failed[0]["error"]


def test_a_large_jsonl_file_is_split_on_line_boundaries_with_the_same_records(tmp_path: Path) -> None:
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in sorted(SEEDS.glob("*.txt"))]
    lines = [*lines, "", *lines]  # a blank line in the middle still counts in the line numbers
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ranges = jsonl_ranges(dump, chunk=dump.stat().st_size // 3)
    assert len(ranges) >= 2
    assert ranges[0][2] == 0 and ranges[-1][3] == dump.stat().st_size
    assert all(a[3] == b[2] for a, b in itertools.pairwise(ranges))  # contiguous, no byte read twice
    data = dump.read_bytes()
    assert all(data[r[3] - 1:r[3]] == b"\n" for r in ranges)  # each ends after a newline

    tasks = plan_units([str(dump)], parallelism=2, chunk=dump.stat().st_size // 3)
    assert len(tasks) >= 2
    split = [r for task in tasks for r in clean_partition(task, timeout=None)]
    whole = list(clean_partition([str(dump)], timeout=None))
    assert split == whole
    assert [r["source"] for r in whole] == [f"{dump}:{n}" for n in (1, 2, 3, 5, 6, 7)]


def test_pages_are_spread_over_the_cores() -> None:
    files = [f"/x/{n}.html" for n in range(10)]
    assert len(plan_units(files, parallelism=2)) == 2
    assert len(plan_units(files * 20, parallelism=1)) == 4  # 200 pages: at most 64 a task
    assert len(plan_units(["/x/a.warc.gz", "/x/b.warc.gz", *files], parallelism=2)) == 4


def test_bytes_read_through_hadoop_are_cleaned_as_the_file_would_be(pages: Path) -> None:
    page = sorted(pages.iterdir())[0]
    url = f"hdfs://namenode:8020/crawl/{page.name}"
    [from_bytes] = clean_partition([(BYTES, url, page.read_bytes())], timeout=None)
    [from_file] = clean_partition([str(page)], timeout=None)
    assert from_bytes["source"] == url
    assert {**from_bytes, "source": None} == {**from_file, "source": None}


def test_urls_and_local_paths_are_told_apart() -> None:
    assert is_url("hdfs:///user/me/crawl") and is_url("s3a://bucket/x") and is_url("file:/tmp/x")
    assert not is_url("/tmp/x") and not is_url("crawl/a.html")
    assert local_path("file:///tmp/a%20b") == "/tmp/a b" and local_path("file:/tmp/x") == "/tmp/x"
    assert local_path("hdfs://nn/tmp/x") is None


def test_an_output_that_is_not_a_spark_output_is_never_replaced(tmp_path: Path) -> None:
    assert replaceable(str(tmp_path / "new"))
    ours = tmp_path / "ours"
    (ours / "lang=en").mkdir(parents=True)
    (ours / "_SUCCESS").touch()
    assert replaceable(str(ours))
    (tmp_path / "home" / "notes").mkdir(parents=True)
    assert not replaceable(str(tmp_path / "home"))
    (tmp_path / "file.parquet").touch()
    assert not replaceable(str(tmp_path / "file.parquet"))


def test_the_spark_columns_are_the_local_parquet_columns() -> None:
    assert record_names() == list(arrow_schema().names)
    assert record_names() == list(Article(id="x").to_dict())  # credits included
