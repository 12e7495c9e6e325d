"""Output files: created under the umask, never replaced by an interrupted run, plain text readable."""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsclean import Article
from newsclean.io.sink import ErrorsFile, open_writer
from newsclean.io.writers import TEXT_SEPARATOR, make_writer

RECORDS = [
    Article(id="1", title="Wire story", published="2024-03-01T12:00", text="Para one.\n\nPara two."),
    Article(id="2", title=None, text="Untitled body."),
]


@pytest.fixture()
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "csv", "txt", "jsonl", "parquet"])
def test_whole_file_outputs_honour_the_umask(tmp_path: Path, fmt: str, umask_027: None) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    target = tmp_path / f"out.{fmt}"
    writer = open_writer(fmt, str(target))
    writer.write(RECORDS[0])
    writer.close()
    assert _mode(target) == 0o640  # 0o666 & ~0o027, not mkstemp's 0o600


def test_markdown_files_honour_the_umask(tmp_path: Path, umask_027: None) -> None:
    writer = open_writer("markdown", str(tmp_path / "md"))
    writer.write(RECORDS[0])
    writer.close()
    [page] = (tmp_path / "md").glob("*.md")
    assert _mode(page) == 0o640


@pytest.mark.parametrize("fmt", ["json", "csv", "txt"])
def test_an_interrupted_output_goes_beside_the_previous_one(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_text("previous complete output\n")
    writer = open_writer(fmt, str(target))
    writer.write(RECORDS[0])
    partial = writer.close(complete=False)
    assert target.read_text() == "previous complete output\n"
    assert partial == tmp_path / f"out.{fmt}.partial"
    text = partial.read_text()
    if fmt == "json":
        assert [r["id"] for r in json.loads(text)] == ["1"]  # a closed, valid array
    else:
        assert "Wire story" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{fmt}", f"out.{fmt}.partial"]  # no temp left


def test_an_interrupted_parquet_output_is_readable_beside_the_previous_one(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "out.parquet"
    target.write_bytes(b"previous")
    writer = open_writer("parquet", str(target))
    writer.write(RECORDS[0])
    partial = writer.close(complete=False)
    assert target.read_bytes() == b"previous"
    assert partial is not None and pq.read_table(partial).column("id").to_pylist() == ["1"]


def test_a_complete_run_replaces_the_output(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    writer = open_writer("json", str(target))
    writer.write(RECORDS[0])
    assert writer.close() is None
    assert [r["id"] for r in json.loads(target.read_text())] == ["1"]
    assert not (tmp_path / "out.json.partial").exists()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "parquet"])
def test_an_output_that_is_a_directory_fails_before_any_work(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    with pytest.raises(IsADirectoryError):
        open_writer(fmt, str(tmp_path))


def test_errors_file_is_opened_at_once_and_removed_when_nothing_failed(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        ErrorsFile(str(tmp_path))
    stale = tmp_path / "out.errors.jsonl"
    stale.write_text('{"source": "old run"}\n')
    errors = ErrorsFile(str(stale))
    errors.close()
    assert not stale.exists()  # a clean rerun leaves no stale errors
    errors = ErrorsFile(str(stale))
    errors.write(Article(id="e1", source="bad.html", error="BinaryInputError: PNG"), None)
    errors.close()
    assert json.loads(stale.read_text()) == {"id": "e1", "source": "bad.html", "reason": "BinaryInputError: PNG"}


def test_text_output_is_title_date_line_and_body_between_separators() -> None:
    buffer = io.StringIO()
    writer = make_writer("txt", buffer)
    for record in RECORDS:
        writer.write(record)
    writer.close()
    assert buffer.getvalue() == (
        "Wire story\n2024-03-01T12:00\n\nPara one.\n\nPara two.\n"
        f"\n{TEXT_SEPARATOR}\n\n"
        "Untitled body.\n"
    )
