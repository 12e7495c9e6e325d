"""Issue 18, item 12: SIGTERM (``timeout``, Docker, Slurm) is handled like Ctrl-C.

The earlier output is left as it was, the records finished go to
``OUT.partial`` (a whole document), no hidden temporary file is left, the
summary says "interrupted", and the exit status is 143. Sent to the whole
process group (as Slurm and a container's init do), the workers ignore it:
no page becomes a "worker crashed" error record.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.signals import EXIT_TERMINATED

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # the child imports this checkout


def _pages(tmp_path: Path, copies: int) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(copies):
        for seed in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(seed, pages / f"{n:03d}-{seed.name}")
    return pages


def _read(path: Path, fmt: str) -> list[dict[str, object]]:
    if fmt == "json":
        return list(json.loads(path.read_text("utf-8")))
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


@pytest.mark.slow  # a run of 120 (parquet: 1,200) pages, stopped part-way: a few seconds each
@pytest.mark.parametrize(("fmt", "group"), [("json", False), ("csv", True), ("parquet", False)])
def test_sigterm_keeps_the_finished_records_like_ctrl_c(tmp_path: Path, fmt: str, group: bool) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow.parquet")
    # Parquet shows no progress on disk until the end, so the signal comes after a fixed wait: its
    # run must be long enough that even an idle machine (about 90 pages/s) is far from done by then.
    copies = 400 if fmt == "parquet" else 40
    _pages(tmp_path, copies)
    total = 3 * copies
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(b"previous output\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", "pages", "-o", out.name, "--format", fmt, "--jobs", "2"],
        cwd=tmp_path, stderr=subprocess.PIPE, env=ENV, start_new_session=True)
    # Stop once records have reached the temporary file: far from the end of the run. (Parquet
    # buffers a row group in memory: once its file exists, give the pool a moment instead.)
    least = 0 if fmt == "parquet" else 1000
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(p.stat().st_size > least for p in tmp_path.glob(".out.*.tmp")):
        time.sleep(0.05)
    if fmt == "parquet":
        time.sleep(3)
    if group:
        os.killpg(proc.pid, signal.SIGTERM)  # every process, workers included
    else:
        proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    text = stderr.decode()
    assert proc.returncode == EXIT_TERMINATED == 143, text
    assert "Traceback" not in text and ", interrupted" in text
    assert f"the records finished are in {out.name}.partial" in text
    assert out.read_bytes() == b"previous output\n"  # left as it was
    records = _read(tmp_path / f"{out.name}.partial", fmt)
    assert (fmt == "parquet" or records) and len(records) < total and all(r["id"] for r in records)
    assert not list(tmp_path.glob(".out.*"))  # no hidden temporary file (nor lock) left
    errors = tmp_path / f"{out.name}.errors.jsonl"
    assert not errors.exists() or errors.read_text() == ""  # no worker died under a page
