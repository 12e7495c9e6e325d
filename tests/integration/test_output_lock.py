"""Issue 18, item 13: one writer per output (an advisory lock beside it); a second run is refused.

Before: two runs on different inputs writing one output both exited 0 with
half the records lost; two ``--resume`` runs duplicated every record.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.io.lock import OutputLock, OutputLocked, lock_path
from tests.cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]
FAST = ("--jobs", "1", "--timeout", "0", "-q")


def _pages(tmp_path: Path, name: str) -> Path:
    pages = tmp_path / name
    pages.mkdir()
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, pages / f"{name}-{seed.name}")
    return pages


def test_a_second_lock_on_one_output_is_refused_until_the_first_is_released(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with OutputLock(out) as first:
        assert lock_path(out).name == ".out.jsonl.lock" and first.path.exists()
        with pytest.raises(OutputLocked, match="being written by another newsclean run"):
            OutputLock(out).acquire()
    assert not lock_path(out).exists()  # removed on release
    with OutputLock(out):
        pass


@pytest.mark.parametrize("resume", [False, True])
def test_a_second_run_on_a_locked_output_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], resume: bool
) -> None:
    pages = _pages(tmp_path, "a")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(pages), "-o", str(out), *FAST]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    with OutputLock(out):  # another run is writing
        status = main(["clean", str(_pages(tmp_path, "b")), "-o", str(out), *FAST, *(["--resume"] * resume)])
    assert status == 2
    assert capsys.readouterr().err == (
        f"newsclean: error: {out} is being written by another newsclean run (lock {lock_path(out)})\n"
    )
    assert out.read_bytes() == before  # not truncated, nothing appended


def test_an_explicit_errors_file_is_locked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "shared-errors.jsonl"
    with OutputLock(errors):
        assert main(["clean", str(_pages(tmp_path, "a")), "-o", str(tmp_path / "x.jsonl"),
                     "--errors", str(errors), *FAST]) == 2
    assert "shared-errors.jsonl is being written by another newsclean run" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists() and not lock_path(tmp_path / "x.jsonl").exists()


def test_two_concurrent_runs_give_one_complete_output_and_one_refusal(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "newsclean", "clean", str(_pages(tmp_path, name)), "-o", "out.jsonl",
                          "--jobs", "1", "-q"], cwd=tmp_path, stderr=subprocess.PIPE, env=env)
        for name in ("a", "b")
    ]
    results = [(proc.wait(timeout=300), proc.stderr.read().decode() if proc.stderr else "") for proc in procs]
    for proc in procs:
        if proc.stderr:
            proc.stderr.close()
    statuses = sorted(status for status, _ in results)
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]  # no torn line
    if statuses == [0, 2]:
        [refusal] = [err for status, err in results if status == 2]
        assert "is being written by another newsclean run" in refusal
        winner = {Path(str(r["source"])).name.split("-")[0] for r in records}
        assert len(records) == 3 and len(winner) == 1  # one run's records, whole
    else:  # the machine ran them one after the other: the second replaced the first, whole
        assert statuses == [0, 0] and len(records) == 3


def test_a_killed_run_leaves_no_lock_that_blocks_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom newsclean.io.lock import OutputLock\n"
         f"OutputLock({str(out)!r}).acquire(); print('locked', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    with pytest.raises(OutputLocked):
        OutputLock(out).acquire()
    holder.send_signal(signal.SIGKILL)  # no chance to clean up
    holder.wait()
    holder.stdout.close()
    assert lock_path(out).exists()  # the file stays, but the lock died with its process
    assert main(["clean", str(_pages(tmp_path, "a")), "-o", str(out), *FAST]) == 0
    assert len(out.read_text().splitlines()) == 3 and not lock_path(out).exists()


def test_fetch_into_a_locked_output_is_refused_before_fetching(tmp_path: Path) -> None:
    from tests.fixtures.fetch.site import NewsSite

    site = NewsSite()
    try:
        out = tmp_path / "out.jsonl"
        with OutputLock(out):
            result = run_cli("fetch", site.url("/news/TheIntercept_0.html"), "--allow-private", "-o", str(out),
                             cwd=tmp_path)
        assert result.returncode == 2
        refusal = f"{out} is being written by another newsclean run (lock {lock_path(out)})"
        assert result.stderr.decode() == f"newsclean: error: {refusal}\n"
        assert not site.hits and not out.exists()
    finally:
        site.close()
