"""A real standalone cluster on 127.0.0.1: a master and a worker started from the pyspark package.

The worker runs with a bare ``PATH``, so its executors cannot find the test's
Python: the environment must be shipped (``venv-pack``, ``--spark-env``), as
on a real cluster. The CLI form and the API form run over HTML, JSONL and
WARC inputs given as ``file://`` URLs, and every record is compared, field
by field, with the one-machine run (local ``--format parquet``).
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from newsclean.io.parquet import arrow_schema
from newsclean.spark import partition_cleaner, write_parquet
from newsclean.spark.environment import ENV_ALIAS, ship_package

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)
venv_pack = pytest.importorskip("venv_pack", reason="shipping the environment needs venv-pack (the 'test' extra)")
if sys.prefix == sys.base_prefix:
    pytest.skip("venv-pack packs a virtual environment; the tests do not run in one", allow_module_level=True)
warcio = pytest.importorskip("warcio")


ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html.gz"))

#: A master, a worker and two Spark applications: minutes on two busy cores.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(condition: Any, what: str, seconds: float = 180.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the cluster did not come up: {what}")
        time.sleep(1.0)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``spark://127.0.0.1:PORT``: one master, one worker with two cores; both stopped afterwards."""
    home = Path(pyspark.__file__).resolve().parent
    root = tmp_path_factory.mktemp("cluster")
    java = Path(shutil.which("java") or "java").resolve()
    # A bare environment: the executors see the system's PATH, not this test's venv.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "JAVA_HOME": str(java.parents[1]), "SPARK_HOME": str(home),
           "SPARK_LOG_DIR": str(root), "SPARK_WORKER_DIR": str(root / "work"), "SPARK_LOCAL_IP": "127.0.0.1"}
    port = _free_port()
    master_log = (root / "master.log").open("wb")
    worker_log = (root / "worker.log").open("wb")
    spark_class = str(home / "bin" / "spark-class")
    master = subprocess.Popen(
        [spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
         "--webui-port", str(_free_port())], env=env, stdout=master_log, stderr=subprocess.STDOUT)
    worker = None
    try:
        _wait_for(lambda: b"I have been elected leader" in (root / "master.log").read_bytes(), "master")
        worker = subprocess.Popen(
            [spark_class, "org.apache.spark.deploy.worker.Worker", f"spark://127.0.0.1:{port}", "--host", "127.0.0.1",
             "--cores", "2", "--memory", "2g", "--webui-port", str(_free_port()), "--work-dir", str(root / "work")],
            env=env, stdout=worker_log, stderr=subprocess.STDOUT)
        _wait_for(lambda: b"Successfully registered with master" in (root / "worker.log").read_bytes(), "worker")
        yield f"spark://127.0.0.1:{port}"
    finally:
        for process in (worker, master):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        master_log.close()
        worker_log.close()


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This test's venv packed by venv-pack, without pyspark (the executors bring their own)."""
    target = tmp_path_factory.mktemp("env") / "newsclean-env.tar.gz"
    venv_pack.pack(prefix=sys.prefix, output=str(target), verbose=False,
                   filters=[("exclude", "lib/python*/site-packages/pyspark/*"),
                            ("exclude", "lib/python*/site-packages/pyspark-*")])
    return target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML fixtures as pages, as JSON lines, and as WARC records (with url and crawl date)."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "pages").mkdir()
    pages = [(p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes())) for p in FIXTURES]
    for name, html in pages:
        (root / "pages" / name).write_bytes(html)
    with (root / "dump.jsonl").open("w", encoding="utf-8") as dump:
        for number, (_, html) in enumerate(pages):
            dump.write(json.dumps({"url": f"https://example.org/j{number}", "html": html.decode("utf-8")}) + "\n")
    from warcio.statusandheaders import StatusAndHeaders

    with (root / "crawl.warc.gz").open("wb") as stream:
        writer = warcio.WARCWriter(stream, gzip=True)
        for number, (_, html) in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/w{number}", "response", payload=io.BytesIO(html), length=len(html),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2026-06-01T08:00:00Z"}))
    return root


def _inputs(corpus: Path) -> list[Path]:
    return [corpus / "pages", corpus / "dump.jsonl", corpus / "crawl.warc.gz"]


@pytest.fixture(scope="module")
def one_machine(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The local engine's records (``--format parquet``), by source."""
    import pyarrow.parquet as pq

    out = tmp_path_factory.mktemp("local") / "local.parquet"
    assert main(["clean", *map(str, _inputs(corpus)), "-o", str(out), "--format", "parquet", "-q"]) == 0
    return {r["source"]: r for r in pq.read_table(out).to_pylist()}


def _spark_records(directory: Path) -> dict[str, dict[str, Any]]:
    import pyarrow.parquet as pq

    records: dict[str, dict[str, Any]] = {}
    for part in sorted(directory.rglob("*.parquet")):
        assert pq.read_schema(part).equals(arrow_schema(), check_metadata=False)  # local Parquet's columns
        for record in pq.read_table(part).to_pylist():
            records[record["source"]] = record
    return records


def test_cli_on_a_standalone_cluster_equals_the_one_machine_run(
    cluster: str, environment: Path, corpus: Path, one_machine: dict[str, dict[str, Any]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "cluster"
    urls = [p.as_uri() for p in _inputs(corpus)]
    status = main(["clean", *urls, "-o", str(out), "--engine", "spark", "--master", cluster,
                   "--spark-env", str(environment), "-q"])
    stderr = capsys.readouterr().err
    assert status == 0, stderr[-3000:]
    assert (out / "_SUCCESS").exists() and not Path(f"{out}.errors.jsonl").exists()
    records = _spark_records(out)
    assert len(records) == len(one_machine) == 3 * len(FIXTURES)
    assert records == one_machine  # record by record, field by field


def test_api_form_on_the_cluster_equals_the_one_machine_run(
    cluster: str, environment: Path, corpus: Path, one_machine: dict[str, dict[str, Any]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", f"./{ENV_ALIAS}/bin/python")
    spark = (SparkSession.builder.master(cluster).appName("newsclean-api-test")
             .config("spark.archives", f"{environment}#{ENV_ALIAS}").getOrCreate())
    try:
        ship_package(spark, tmp_path)  # this checkout's newsclean, whatever the packed venv holds
        files = [str(p) for p in sorted((corpus / "pages").iterdir())] + [str(corpus / "dump.jsonl"),
                                                                         str(corpus / "crawl.warc.gz")]
        rdd = spark.sparkContext.parallelize(files, 4).mapPartitions(partition_cleaner(timeout=60))
        write_parquet(spark, rdd, str(tmp_path / "api"))
    finally:
        spark.stop()
    assert _spark_records(tmp_path / "api") == one_machine
