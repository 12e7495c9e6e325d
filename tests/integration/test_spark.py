"""Spark in ``local[2]``: the mapPartitions cleaner over WARC and JSONL files, and partitioned Parquet."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from newsclean.cli import main
from newsclean.spark import partition_cleaner, plan_tasks, write_parquet

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
HTML_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html.gz"))


#: Spark starts a JVM per session (about a minute of the suite): skipped by ``-m "not slow"``.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The executors must run this interpreter, where newsclean is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]").appName("newsclean-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WARC of the HTML fixtures and a JSONL of the text seeds."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    root = tmp_path_factory.mktemp("corpus")
    with (root / "crawl.warc.gz").open("wb") as stream:
        writer = warcio.WARCWriter(stream, gzip=True)
        for number, fixture in enumerate(HTML_FIXTURES):
            html = gzip.decompress(fixture.read_bytes())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{number}", "response", payload=io.BytesIO(html), length=len(html),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2026-06-01T08:00:00Z"},
            ))
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in sorted(SEEDS.glob("*.txt"))]
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_map_partitions_cleans_warc_and_jsonl_files(spark: Any, corpus: Path, tmp_path: Path) -> None:
    files = [str(corpus / "crawl.warc.gz"), str(corpus / "dump.jsonl")]
    assert plan_tasks(files) == 2
    rdd = spark.sparkContext.parallelize(files, 2).mapPartitions(partition_cleaner(timeout=60))
    records = rdd.collect()
    assert len(records) == len(HTML_FIXTURES) + 3 and not any(r["error"] for r in records)
    warc = [r for r in records if str(r["source"]).startswith(str(corpus / "crawl.warc.gz"))]
    assert sorted(r["url"] for r in warc) == sorted(f"https://example.org/{n}" for n in range(len(HTML_FIXTURES)))
    assert all(r["fetched_at"] == "2026-06-01T08:00:00Z" and r["text"] for r in warc)

    out = tmp_path / "parquet"
    write_parquet(spark, rdd, str(out))
    languages = sorted(p.name for p in out.iterdir() if p.name.startswith("lang="))
    assert "lang=en" in languages and "lang=de" in languages
    frame = spark.read.parquet(str(out))
    assert frame.count() == len(records)
    assert set(frame.columns) >= {"id", "text", "authors", "embeds", "removed", "language"}


def test_a_large_jsonl_file_runs_as_several_tasks(spark: Any, tmp_path: Path) -> None:
    from newsclean.spark import plan_units

    lines = [json.dumps({"url": f"https://example.org/{n}", "html": gzip.decompress(p.read_bytes()).decode("utf-8")})
             for n, p in enumerate(HTML_FIXTURES[:12])]
    dump = tmp_path / "big.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tasks = plan_units([str(dump)], spark.sparkContext.defaultParallelism, chunk=dump.stat().st_size // 4)
    rdd = spark.sparkContext.parallelize(tasks, len(tasks)).mapPartitions(partition_cleaner(timeout=60))
    sizes = rdd.glom().map(len).collect()
    assert len(sizes) >= 2 and sum(1 for size in sizes if size) >= 2  # both cores had pages
    assert sorted(r["source"] for r in rdd.collect()) == sorted(f"{dump}:{n}" for n in range(1, len(lines) + 1))


def test_lines_cleaner_and_cli_engine(
    spark: Any, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = spark.sparkContext.textFile(str(corpus / "dump.jsonl"), 2)
    records = lines.mapPartitions(partition_cleaner(lines=True, timeout=None)).collect()
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(str(r["source"]).startswith("jsonl:") for r in records)

    # The CLI engine in this process: it takes the running session (a second JVM would
    # cost the suite ten seconds and test nothing more) and stops it when done, as a
    # command does; this is the module's last use of the session.
    out = tmp_path / "cli"
    status = main(["clean", str(corpus), "-o", str(out), "--engine", "spark", "--master", "local[2]"])
    stderr = capsys.readouterr().err
    assert status == 0, stderr[-2000:]
    assert f"{len(HTML_FIXTURES) + 3} inputs, {len(HTML_FIXTURES) + 3} cleaned" in stderr


def _failing_cleaner(*_: Any, **__: Any) -> Any:
    """A cleaner whose tasks fail (defined in a function, so it ships by value to the executors)."""

    def fail(rows: Any) -> Any:
        raise RuntimeError("disk on fire")

    return fail


def test_a_failed_rerun_keeps_the_previous_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    argv = ["clean", str(corpus / "dump.jsonl"), "-o", str(out), "--engine", "spark", "--master", "local[2]", "-q"]
    assert main(argv) == 0
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert "_SUCCESS" in before

    monkeypatch.setattr("newsclean.spark.run.partition_cleaner", _failing_cleaner)
    capsys.readouterr()
    assert main(argv) == 1
    stderr = capsys.readouterr().err
    errors = [line for line in stderr.splitlines() if line.startswith("newsclean:")]
    assert len(errors) == 1 and "disk on fire" in errors[0] and "left as it was" in errors[0], stderr[-2000:]
    assert "Traceback" not in stderr and "py4j" not in stderr.lower()
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if ".staging-" in p.name]  # the failed staging directory is gone
