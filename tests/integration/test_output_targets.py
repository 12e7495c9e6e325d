"""Issue 18, item 9: outputs that cannot be written end in one line, keep what was done, never a traceback.

For ``clean`` and ``fetch`` alike: a directory where a file must go and an
unwritable directory are refused before any work (exit 2); a full device
(``/dev/full``, reached through a symlink the test makes, so a regression
could never replace the real device node) and a file-size limit met part-way
stop the run with one line (exit 2), the records finished kept in
``OUT.partial``; a reader closing the pipe ends the run quietly (exit 0).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.fixtures.fetch.site import NewsSite

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
#: Child processes import this checkout, not an installed copy (their cwd is a temporary directory).
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
QUICK = ("--jobs", "1", "--timeout", "0")
FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)), reason="no /dev/full")


def _run(*args: str, cwd: Path, preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """A real process: for what belongs to it (a resource limit; a ``fetch`` that starts its threads)."""
    return subprocess.run([sys.executable, "-m", "newsclean", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=ENV, preexec_fn=preexec_fn)


def _main(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A run refused or written through ``main`` in this process (:mod:`tests.cli_runner`), read as ``_run``."""
    ran = run_cli(*args, cwd=cwd)
    return subprocess.CompletedProcess(list(args), ran.returncode, ran.stdout.decode(), ran.stderr.decode())


def _pages(tmp_path: Path, copies: int = 1, *, bad: bool = False) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(copies):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, pages / f"{n}-{seed.name}")
    if bad:
        (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return pages


def _one_line(stderr: str, start: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("newsclean: error")]
    assert len(lines) == 1 and lines[0].startswith(start), stderr


@pytest.fixture()
def full(tmp_path: Path) -> Iterator[Path]:
    link = tmp_path / "full"
    link.symlink_to(FULL)
    yield link
    assert stat.S_ISCHR(FULL.stat().st_mode)  # the device node is still there


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    server = NewsSite()
    yield server
    server.close()


@needs_full
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "txt", "parquet"])
def test_a_full_device_stops_clean_in_one_line(tmp_path: Path, full: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow.parquet")
    pages = _pages(tmp_path)
    result = _main("clean", str(pages), "-o", "full", "--format", fmt, *QUICK, cwd=tmp_path)
    assert result.returncode == 2
    _one_line(result.stderr, "newsclean: error: cannot write full: ")
    assert "no space left on device" in result.stderr
    # Parquet writes its header on opening, so the full device is found before any work.
    assert ("; stopped after" in result.stderr) == (fmt != "parquet")
    assert full.is_symlink()  # written in place, not replaced by a renamed temporary file


@needs_full
def test_an_errors_file_on_a_full_device_stops_clean_in_one_line(tmp_path: Path, full: Path) -> None:
    pages = _pages(tmp_path, bad=True)
    result = _main("clean", str(pages), "-o", "out.jsonl", "--errors", "full", *QUICK, cwd=tmp_path)
    assert result.returncode == 2
    _one_line(result.stderr, "newsclean: error: cannot write full: no space left on device")


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))  # Python ignores SIGXFSZ: writes fail with EFBIG


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_write_failing_part_way_keeps_the_finished_records_in_partial(tmp_path: Path, fmt: str) -> None:
    pages = _pages(tmp_path, copies=3)
    out = tmp_path / f"out.{fmt}"
    out.write_text("previous\n")
    result = _run("clean", str(pages), "-o", out.name, "--format", fmt, *QUICK, cwd=tmp_path,
                  preexec_fn=_limit_file_size)
    assert result.returncode == 2
    _one_line(result.stderr, f"newsclean: error: cannot write {out.name}: file too large; stopped after")
    assert result.stderr.rstrip().endswith(f"what was written is in {out.name}.partial")
    assert out.read_text() == "previous\n"  # an earlier output is never replaced by a failed run's
    partial = (tmp_path / f"{out.name}.partial").read_text()
    assert 0 < len(partial) <= 6000 and "Putin" in partial
    assert not list(tmp_path.glob(".out.*"))  # no hidden temporary file left behind


@pytest.mark.parametrize("fmt", ["jsonl", "json", "txt"])
def test_a_closed_pipe_ends_clean_quietly(tmp_path: Path, fmt: str) -> None:
    pages = _pages(tmp_path)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first record ("| head -0")
    try:
        result = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(pages), "--format", fmt, *QUICK],
                                cwd=tmp_path, stdout=write, stderr=subprocess.PIPE, text=True, timeout=300, env=ENV)
    finally:
        os.close(write)
    assert result.returncode == 0
    assert result.stderr == ""  # no traceback, no "Exception ignored", no error line


def test_an_existing_directory_as_csv_output_is_refused_before_work(tmp_path: Path) -> None:
    (tmp_path / "exdir").mkdir()
    result = _main("clean", str(SEEDS), "-o", "exdir", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "newsclean: error: cannot write exdir: is a directory\n"
    assert not list((tmp_path / "exdir").iterdir()) and not list(tmp_path.glob(".*"))


# The same cases through newsclean fetch (a loopback site).

@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_fetch_refuses_a_directory_output_before_fetching(site: NewsSite, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "exdir").mkdir()
    result = _main("fetch", site.url("/news/TheIntercept_0.html"), "--allow-private", "-o", "exdir",
                   "--format", fmt, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "newsclean: error: cannot write exdir: is a directory\n"
    assert not site.hits  # nothing fetched


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_fetch_refuses_a_read_only_directory(site: NewsSite, tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir(mode=0o500)
    result = _main("fetch", site.url("/news/TheIntercept_0.html"), "--allow-private", "-o", "locked/out.jsonl",
                   cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "newsclean: error: cannot write locked/out.jsonl: permission denied\n"


@needs_full
def test_fetch_into_a_full_device_and_a_full_errors_file(site: NewsSite, tmp_path: Path, full: Path) -> None:
    page, missing = site.url("/news/TheIntercept_0.html"), site.url("/missing")
    result = _run("fetch", page, "--allow-private", "-o", "full", "--format", "json", "--timeout", "0",
                  cwd=tmp_path)
    assert result.returncode == 2
    _one_line(result.stderr, "newsclean: error: cannot write full: no space left on device")
    result = _run("fetch", missing, page, "--allow-private", "--retries", "0", "-o", "out.jsonl", "--errors",
                  "full", "--timeout", "0", cwd=tmp_path)
    assert result.returncode == 2
    _one_line(result.stderr, "newsclean: error: cannot write full: no space left on device")


def test_fetch_into_a_closed_pipe_ends_quietly(site: NewsSite, tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsclean", "fetch", site.url("/news/TheIntercept_0.html"), "--allow-private",
             "--timeout", "0"], cwd=tmp_path, stdout=write, stderr=subprocess.PIPE, text=True, timeout=300, env=ENV)
    finally:
        os.close(write)
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_fifo_output_is_written_through_not_replaced(tmp_path: Path, fmt: str) -> None:
    # Before: the temporary file was renamed over the FIFO, whose reader got nothing and waited forever.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = _main("clean", str(SEEDS), "-o", "fifo", "--format", fmt, *QUICK, cwd=tmp_path)
    received, _ = reader.communicate(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"Putin and Lukashenko" in received
    if fmt == "json":
        assert len(json.loads(received)) == 3
