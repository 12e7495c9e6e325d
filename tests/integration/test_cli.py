"""``newsclean clean`` and ``explain`` on seeds and a directory mixing good and bad inputs.

The directory run and the closed pipe go through a real ``python -m
newsclean`` process (the entry point, its exit status, a pool of a fresh
process, the real stdout); the other runs call ``main`` in this process
(:mod:`tests.cli_runner`).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], cwd=cwd, input=stdin, capture_output=True, timeout=300
    )


@pytest.fixture()
def mixed_dir(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    (pages / "nested").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, pages / seed.name)
    (pages / "nested" / "002.txt.gz").write_bytes(gzip.compress((SEEDS / "002_1a46649c8a389a99.txt").read_bytes()))
    (pages / "empty.txt").write_bytes(b"")
    (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (pages / "notes.pdf").write_bytes(b"%PDF-1.5 not an input suffix: passed over by the walk")
    (pages / "story.md").write_bytes((SEEDS / "000_52889d1c0e5aca07.txt").read_bytes())
    return pages


def test_directory_run_keeps_going_past_bad_files(mixed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "records.jsonl"
    result = _run("clean", str(mixed_dir), "-o", str(out), cwd=tmp_path)  # the real entry point
    assert result.returncode == 3, result.stderr.decode()  # some inputs failed, the others were cleaned
    records = [json.loads(line) for line in out.read_text().splitlines()]
    sources = [Path(r["source"]).name for r in records]
    assert sources == ["000_52889d1c0e5aca07.txt", "001_f2c2a30e7610bf0b.txt", "002_1a46649c8a389a99.txt",
                       "empty.txt", "story.md", "002.txt.gz"]
    by_name = dict(zip(sources, records, strict=False))
    assert by_name["001_f2c2a30e7610bf0b.txt"]["title"].startswith("Putin and Lukashenko meet")
    assert by_name["002.txt.gz"]["text"] == by_name["002_1a46649c8a389a99.txt"]["text"]
    assert by_name["empty.txt"]["text"] == "" and by_name["empty.txt"]["warnings"]
    errors = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl.errors.jsonl").read_text().splitlines()]
    assert [Path(e["source"]).name for e in errors] == ["image.html"]
    assert "PNG" in errors[0]["reason"]
    stderr = result.stderr.decode()
    assert "image.html" in stderr and "1 errors" in stderr


def test_exit_status_is_nonzero_when_nothing_is_cleaned(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"%PDF-1.5\n" + bytes(range(256)))
    result = run_cli("clean", str(bad), "-o", str(tmp_path / "o.jsonl"), cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "o.jsonl").read_text() == ""


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert run_cli("clean", str(tmp_path / "missing"), cwd=tmp_path).returncode == 2
    assert run_cli("clean", ".", "--format", "xml", cwd=tmp_path).returncode == 2


def test_stdin_and_formats(tmp_path: Path) -> None:
    data = (SEEDS / "001_f2c2a30e7610bf0b.txt").read_bytes()
    result = run_cli("clean", "-", "--format", "json", "-q", cwd=tmp_path, stdin=data)
    assert result.returncode == 0 and result.stderr == b""
    [record] = json.loads(result.stdout)
    assert record["source"] == "-" and record["published"] == "2023-07-23T06:12"
    result = run_cli("clean", str(SEEDS), "--format", "csv", "-q", cwd=tmp_path)
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("id,url,source") and len([x for x in lines if "seeds" in x]) == 3


def test_jobs_give_the_same_records(tmp_path: Path) -> None:
    one = run_cli("clean", str(SEEDS), "-q", cwd=tmp_path).stdout
    two = run_cli("clean", str(SEEDS), "-q", "--jobs", "2", cwd=tmp_path).stdout
    assert one == two and one.count(b"\n") == 3


def test_help_shows_examples(tmp_path: Path) -> None:
    for args in (["--help"], ["clean", "--help"]):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 0 and b"examples:" in result.stdout


def test_explain_marks_lines_plain_when_piped(tmp_path: Path) -> None:
    result = run_cli("explain", str(SEEDS / "001_f2c2a30e7610bf0b.txt"), cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout.decode().splitlines()
    assert "\033[" not in result.stdout.decode()
    assert any(line.startswith("- share") and line.endswith("Whatsapp") for line in out)
    assert sum(line.startswith("+ kept") for line in out) == 9
    assert b"9 lines kept, 0 partly kept (0 spans removed), 46 dropped" in result.stderr
    assert run_cli("explain", str(tmp_path / "missing.txt"), cwd=tmp_path).returncode == 2


def test_explain_shows_removals_inside_lines_and_html_blocks(tmp_path: Path) -> None:
    result = run_cli("explain", str(SEEDS / "000_52889d1c0e5aca07.txt"), "--color", "always", cwd=tmp_path)
    assert result.returncode == 0 and b"\033[" in result.stdout
    assert b"6 lines kept, 5 partly kept (9 spans removed), 0 dropped" in result.stderr
    page = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "FoxNews_3.html.gz"
    html = run_cli("explain", str(page), "--format", "json", cwd=tmp_path)
    data = json.loads(html.stdout)
    assert html.returncode == 0 and data["input_format"] == "html" and data["unit"] == "block"
    assert {line["verdict"] for line in data["lines"]} >= {"kept", "not extracted", "title"}


def test_explain_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    # "| true" leaves before the first line is written: every write meets a closed pipe.
    command = f"set -o pipefail; {sys.executable} -m newsclean explain {SEEDS / '001_f2c2a30e7610bf0b.txt'} | true"
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, timeout=300)
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


def test_an_in_process_run_captures_its_workers_and_leaves_this_process_as_it_was(tmp_path: Path) -> None:
    """The tests above that call ``main`` here see what a subprocess's pipes would carry, workers' lines included."""
    before = (Path.cwd(), sys.stdin, sys.stdout, sys.stderr, list(logging.getLogger().handlers),
              logging.getLogger().level, warnings.showwarning, os.fstat(1).st_ino, os.fstat(2).st_ino)
    result = run_cli("clean", str(SEEDS), "-v", "--jobs", "2", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    stderr = result.stderr.decode()
    # "-v" lines naming a seed are logged by the pool's worker processes, not by this one.
    for seed in sorted(SEEDS.glob("*.txt")):
        assert f"{seed.name}: body: " in stderr, stderr[-2000:]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 3
    after = (Path.cwd(), sys.stdin, sys.stdout, sys.stderr, list(logging.getLogger().handlers),
             logging.getLogger().level, warnings.showwarning, os.fstat(1).st_ino, os.fstat(2).st_ino)
    assert after == before
