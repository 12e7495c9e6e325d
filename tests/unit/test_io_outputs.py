"""Outputs: whole lines, duplicate_of on the side, Parquet, Markdown, resume bookkeeping."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsclean import Article
from newsclean.io.resume import done_sources, truncate_torn_line
from newsclean.io.sink import open_writer
from newsclean.io.writers import JsonlFileWriter, MarkdownWriter, make_writer, record_dict, write_error

RECORDS = [
    Article(id="1", title="Wire story", authors=["AP"], text="Para one.\n\nPara two.", language="en"),
    Article(id="2", title="Wire story (copy)", text="Para one.\n\nPara two.", language="en"),
]


def test_duplicate_of_is_a_record_field_set_only_when_dedup_ran() -> None:
    plain = record_dict(RECORDS[0])
    assert plain["duplicate_of"] is None and Article.from_dict(plain) == RECORDS[0]
    marked = record_dict(RECORDS[1], "1", dedup=True)
    assert marked["duplicate_of"] == "1" and Article.from_dict(marked).duplicate_of == "1"
    keys = list(marked)
    assert keys[keys.index("duplicate_of") + 1] == "error"
    buffer = io.StringIO()
    writer = make_writer("csv", buffer, dedup=True)
    writer.write(RECORDS[1], "1")
    assert buffer.getvalue().splitlines()[0].endswith(",duplicate_of")


def test_jsonl_file_writer_appends_whole_lines(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    writer = JsonlFileWriter(target)
    writer.write(RECORDS[0])
    # Readable while the run is going on: no temporary name, complete lines.
    assert json.loads(target.read_text())["id"] == "1"
    writer.close()
    again = JsonlFileWriter(target, append=True, dedup=True)
    again.write(RECORDS[1], "1")
    again.close()
    lines = [json.loads(x) for x in target.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["1", "2"] and lines[1]["duplicate_of"] == "1"


def test_resume_reads_sources_and_drops_a_torn_line(tmp_path: Path) -> None:
    out, errors = tmp_path / "o.jsonl", tmp_path / "o.jsonl.errors.jsonl"
    out.write_text('{"id": "1", "source": "a.html"}\n{"id": "2", "source": "b.ht')
    with errors.open("w") as stream:
        write_error(stream, "c.html", "BinaryInputError: PNG image", "decode.py:80 in sniff | BinaryInputError: PNG")
    assert done_sources(out, errors, tmp_path / "missing.jsonl", None) == {"a.html", "c.html"}
    assert out.read_text() == '{"id": "1", "source": "a.html"}\n'
    truncate_torn_line(out)
    assert out.read_text() == '{"id": "1", "source": "a.html"}\n'
    assert json.loads(errors.read_text())["traceback"].startswith("decode.py")


def test_markdown_writes_one_file_per_article_with_a_header(tmp_path: Path) -> None:
    writer = MarkdownWriter(tmp_path / "md", dedup=True)
    for record, dup in zip(RECORDS, (None, "1"), strict=True):
        writer.write(record, dup)
    writer.close()
    text = (tmp_path / "md" / "1.md").read_text()
    assert text.startswith('---\nid: "1"\n') and 'authors: ["AP"]' in text
    assert "\n---\n\n# Wire story\n\nPara one.\n\nPara two.\n" in text
    assert 'duplicate_of: "1"' in (tmp_path / "md" / "2.md").read_text()
    assert sorted(p.name for p in (tmp_path / "md").iterdir()) == ["1.md", "2.md"]
    # An id taken from a JSONL input is not trusted as a file name.
    writer.write(Article(id="../escape/me", text="x"))
    assert len(list((tmp_path / "md").glob("*.md"))) == 3 and not (tmp_path / "escape").exists()


def test_parquet_round_trips_the_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "out.parquet"
    writer = open_writer("parquet", str(target), dedup=True)
    for record, dup in zip(RECORDS, (None, "1"), strict=True):
        writer.write(record, dup)
    assert not target.exists()  # a Parquet file is only readable once its footer is written
    writer.close()
    rows = pq.read_table(target).to_pylist()
    assert [r["id"] for r in rows] == ["1", "2"] and rows[1]["duplicate_of"] == "1"
    assert rows[0]["authors"] == ["AP"] and rows[0]["embeds"] == []


def test_whole_file_formats_need_a_file() -> None:
    for fmt in ("parquet", "markdown"):
        with pytest.raises(ValueError):
            open_writer(fmt, None)
