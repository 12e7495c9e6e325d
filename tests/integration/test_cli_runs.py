"""``newsclean clean`` end to end: own outputs, unwritable paths, partial failures, flags, text output."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.io.writers import TEXT_SEPARATOR
from tests.cli_runner import run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
FAST = ("--jobs", "1", "--timeout", "0", "-q")  # clean in this process: no pool


def _pages(tmp_path: Path, *, bad: bool = True) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in SEED_NAMES:
        shutil.copy(SEEDS / name, pages / name)
    if bad:
        (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return pages


def _sources(path: Path) -> list[str]:
    return [Path(json.loads(line)["source"]).name for line in path.read_text(encoding="utf-8").splitlines()]


# 11. The run's own outputs are never inputs.

def test_output_inside_the_input_directory_is_not_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pages = _pages(tmp_path)
    out = pages / "out.jsonl"
    for _ in range(2):
        assert main(["clean", str(pages), "-o", str(out), *FAST]) == 3
        assert _sources(out) == SEED_NAMES  # not out.jsonl, not out.jsonl.errors.jsonl
        assert _sources(pages / "out.jsonl.errors.jsonl") == ["image.html"]
    # Named through another spelling of the same directory: still the same file.
    assert main(["clean", str(pages / "." / ".." / "pages"), "-o", "pages/../pages/out.jsonl", *FAST]) == 3
    assert _sources(out) == SEED_NAMES


def test_markdown_output_directory_inside_the_inputs_is_not_walked(tmp_path: Path) -> None:
    pages = _pages(tmp_path, bad=False)
    for _ in range(2):
        assert main(["clean", str(pages), "-o", str(pages / "md"), "--format", "markdown", *FAST]) == 0
        assert len(list((pages / "md").glob("*.md"))) == len(SEED_NAMES)
    out = tmp_path / "again.jsonl"
    assert main(["clean", str(pages), "-o", str(out), *FAST]) == 0
    assert len(_sources(out)) == 2 * len(SEED_NAMES)  # another run's Markdown files are inputs like any .md


def test_naming_the_output_as_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = _pages(tmp_path, bad=False)
    (pages / "out.jsonl").write_text("")
    assert main(["clean", str(pages / "out.jsonl"), "-o", str(pages / "out.jsonl"), *FAST]) == 2
    assert "own output" in capsys.readouterr().err


# 12. Whole-file outputs honour the umask.

def test_json_output_mode_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the process's mask, set around the run and put back
    try:
        result = run_cli("clean", str(SEEDS), "-o", "out.json", "--format", "json", "-q", cwd=tmp_path)
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


# 14. Unwritable outputs: one line, exit 2; a missing input among several: exit 3 and an error record.

@pytest.mark.parametrize(("fmt", "where", "reason"), [
    ("json", "dir", "is a directory"),
    ("jsonl", "dir", "is a directory"),
    ("csv", "under-file", "not a directory"),
    ("markdown", "file", "not a directory"),
])
def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path: Path, fmt: str, where: str, reason: str) -> None:
    (tmp_path / "a-dir").mkdir()
    (tmp_path / "a-file").write_text("keep me")
    out = {"dir": "a-dir", "under-file": "a-file/out.csv", "file": "a-file"}[where]
    result = run_cli("clean", str(SEEDS), "-o", out, "--format", fmt, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == f"newsclean: error: cannot write {out}: {reason}\n"
    assert (tmp_path / "a-file").read_text() == "keep me"


def test_an_unwritable_errors_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "errs").mkdir()
    result = run_cli("clean", str(SEEDS), "-o", "out.jsonl", "--errors", "errs", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == "newsclean: error: cannot write errs: is a directory\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_permission_denied_is_one_line_and_exit_2(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run_cli("clean", str(SEEDS), "-o", "locked/out.json", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == "newsclean: error: cannot write locked/out.json: permission denied\n"


def test_a_missing_input_among_several_is_an_error_record_and_exit_3(tmp_path: Path) -> None:
    result = run_cli("clean", "gone.html", str(SEEDS), "gone.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 3, result.stderr.decode()
    assert _sources(tmp_path / "out.jsonl") == SEED_NAMES
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [(e["source"], e["reason"]) for e in errors] == [
        ("gone.html", "no such file or directory"), ("gone.jsonl", "no such file or directory")]
    assert [e["id"] for e in errors] == [
        hashlib.sha256(f"error:{name}".encode()).hexdigest()[:16] for name in ("gone.html", "gone.jsonl")]
    stderr = result.stderr.decode()
    assert "gone.html: no such file or directory" in stderr and "2 errors" in stderr


def test_exit_0_only_when_every_input_was_cleaned(tmp_path: Path) -> None:
    assert main(["clean", str(SEEDS), "-o", str(tmp_path / "o.jsonl"), *FAST]) == 0
    assert not (tmp_path / "o.jsonl.errors.jsonl").exists()


def test_an_unreadable_directory_is_an_error_record_and_exit_3(
    tmp_path: Path, lock_directory: Callable[[str], None]
) -> None:
    pages = _pages(tmp_path, bad=False)
    (pages / "locked").mkdir()
    lock_directory("locked")
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(pages), "-o", str(out), *FAST]) == 3
    assert _sources(out) == SEED_NAMES
    [error] = [json.loads(x) for x in (tmp_path / "o.jsonl.errors.jsonl").read_text().splitlines()]
    assert error["source"] == str(pages / "locked") and "permission denied" in error["reason"]


# 15. Skipped files are summarised under -v.

def test_verbose_summarises_passed_over_files_per_extension(tmp_path: Path) -> None:
    pages = _pages(tmp_path, bad=False)
    for name in ("a.pdf", "b.pdf", "c.png", "notes.md"):
        (pages / name).write_bytes((SEEDS / SEED_NAMES[0]).read_bytes())
    quiet = run_cli("clean", "pages", "-o", "o.jsonl", cwd=tmp_path)
    assert b"passed over" not in quiet.stderr
    result = run_cli("clean", "pages", "-o", "o.jsonl", "-v", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    [line] = [x for x in result.stderr.decode().splitlines() if "passed over" in x]
    assert line.endswith("pages: passed over 3 files of other types: .pdf 2, .png 1")
    assert "notes.md" in _sources(tmp_path / "o.jsonl")


# 16. Flags the chosen mode would ignore are refused.

@pytest.mark.parametrize(("extra", "message"), [
    (["--engine", "spark", "--format", "csv", "-o", "out.csv"], "writes Parquet"),
    (["--master", "local[2]", "-o", "o.jsonl"], "--master needs --engine spark"),
    (["--near-threshold", "0.9", "--dedup", "exact"], "--near-threshold needs --dedup near"),
    (["--near-threshold", "0.9"], "--near-threshold needs --dedup near"),
    (["--dedup", "near", "--near-threshold", "1.5"], "--near-threshold must be in (0, 1]"),
    (["--drop-duplicates"], "--drop-duplicates needs --dedup"),
    (["--spark-env", "env.tar.gz", "-o", "o.jsonl"], "--spark-env needs --engine spark"),
    (["--engine", "spark", "-o", "d", "--spark-env", "env.tar.gz"], "--spark-env: no such file"),
    (["--engine", "spark", "-o", "d", "--spark-env", "hdfs:///e.tgz", "--spark-python", "/p"], "give one"),
    (["--engine", "spark", "-o", "d", "--jobs", "4"], "--jobs"),
    (["--engine", "spark", "-o", "d", "--unordered"], "--unordered"),
    (["--engine", "spark", "-o", "d", "--drop-duplicates"], "local-engine"),
    (["--format", "txt", "--dedup", "exact"], "--format txt cannot show duplicate_of"),
    (["--include", "*.txt"], "no PATH is a directory"),
    (["-o", "o.jsonl", "--errors", "o.jsonl"], "--errors must differ from -o"),
    (["--format", "csv", "--resume", "-o", "o.csv"], "--resume needs JSON-lines"),
])
def test_ignored_flag_combinations_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    extra: list[str], message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(SEEDS / SEED_NAMES[0]), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsclean: error: ") and message in err and err.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == []  # nothing written


def test_flags_in_their_own_mode_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(SEEDS), "-o", str(out), "--dedup", "near", "--near-threshold", "0.5",
                 "--include", "*.txt", *FAST]) == 0
    assert len(_sources(out)) == len(SEED_NAMES)
    assert main(["clean", str(SEEDS), "--format", "txt", "--dedup", "exact", "--drop-duplicates", *FAST]) == 0
    assert "Putin and Lukashenko" in capsys.readouterr().out


# 19. Plain-text output.

def test_text_output_to_stdout_and_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = _pages(tmp_path)
    assert main(["clean", str(pages), "--format", "txt", *FAST]) == 3
    captured = capsys.readouterr()
    blocks = captured.out.split(f"\n{TEXT_SEPARATOR}\n\n")
    assert len(blocks) == len(SEED_NAMES)  # the PNG's error record is not written into it
    title, date, blank, *body = blocks[1].splitlines()
    assert title == "Putin and Lukashenko meet for the first time since the Wagner Movement"
    assert date == "2023-07-23T06:12" and blank == "" and body[0].startswith("Russian President Vladimir Putin")
    assert "image.html" in captured.err and "PNG" not in captured.out
    out = tmp_path / "out.txt"
    assert main(["clean", str(pages), "--format", "txt", "-o", str(out), *FAST]) == 3
    assert out.read_text(encoding="utf-8") == captured.out
    assert _sources(tmp_path / "out.txt.errors.jsonl") == ["image.html"]
