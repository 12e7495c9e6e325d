"""Directory walks: Markdown dumps read, own outputs skipped, unreadable directories reported."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean.io.readers import WalkReport, iter_inputs, iter_paths


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _walk(root: Path, **kwargs: object) -> list[str]:
    return [p.relative_to(root).as_posix() for p in iter_paths([root], **kwargs)]  # type: ignore[arg-type]


def test_markdown_dumps_are_walked_with_their_gz(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md", "b.markdown", "c.MD.gz", "d.markdown.gz", "e.mdx"])
    assert _walk(tmp_path) == ["a.md", "b.markdown", "c.MD.gz", "d.markdown.gz"]


def test_own_outputs_are_skipped_by_resolved_path_not_by_name(tmp_path: Path) -> None:
    _tree(tmp_path, ["pages/a.txt", "pages/out.jsonl", "pages/out.jsonl.errors.jsonl",
                     "pages/md/x.md", "pages/sub/out.jsonl"])
    pages = tmp_path / "pages"
    # Named through a detour, as a user might: still the same files.
    own = {(pages / "sub" / ".." / "out.jsonl").resolve(), (pages / "out.jsonl.errors.jsonl").resolve(),
           (pages / "md").resolve()}
    assert _walk(pages, skip=own) == ["a.txt", "sub/out.jsonl"]  # another file of the same name is an input
    assert _walk(pages) == ["a.txt", "out.jsonl", "out.jsonl.errors.jsonl", "md/x.md", "sub/out.jsonl"]


def test_passed_over_files_are_summarised_per_extension_at_info(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _tree(tmp_path, ["a.txt", "b.pdf", "c.pdf", "sub/d.png", "e.csv.gz", "README", ".hidden.pdf"])
    with caplog.at_level(logging.INFO, logger="newsclean.io.readers"):
        report = WalkReport()
        assert _walk(tmp_path, report=report) == ["a.txt"]
    [line] = [r for r in caplog.records if r.levelno == logging.INFO]
    assert line.getMessage() == (
        f"{tmp_path}: passed over 5 files of other types: .pdf 2, (no extension) 1, .csv.gz 1, .png 1"
    )
    assert not report.failed


def test_an_unreadable_directory_is_warned_about_and_reported(
    tmp_path: Path, lock_directory: Callable[[str], None], caplog: pytest.LogCaptureFixture
) -> None:
    _tree(tmp_path, ["a.txt", "locked/b.txt", "z.txt"])
    lock_directory("locked")
    report = WalkReport()
    with caplog.at_level(logging.WARNING, logger="newsclean.io.readers"):
        assert _walk(tmp_path, report=report) == ["a.txt", "z.txt"]
    assert report.failed == [(str(tmp_path / "locked"), "cannot read directory (permission denied)")]
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "locked" in caplog.records[0].getMessage()


def test_a_missing_named_path_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt"])
    report = WalkReport(log=False)
    items = list(iter_inputs([tmp_path / "gone.jsonl", tmp_path / "a.txt"], report=report))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]
    assert report.failed == [(str(tmp_path / "gone.jsonl"), "no such file or directory")]
