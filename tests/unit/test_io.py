from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from newsclean import Article
from newsclean.io.readers import iter_paths
from newsclean.io.writers import make_writer, open_output


def test_directory_walk_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.html", "a.txt.gz", "sub/c.htm", "sub/.hidden/d.html", "x.md", ".e.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a.txt.gz", "b.html", "x.md", "sub/c.htm"]
    assert list(iter_paths([tmp_path / "x.md"])) == [tmp_path / "x.md"]


def test_writers() -> None:
    records = [Article(id="1", title="A, \"quoted\"", authors=["X", "Y"], text="p1\n\np2"), Article(id="2")]
    for fmt in ("jsonl", "json", "csv"):
        buffer = io.StringIO()
        writer = make_writer(fmt, buffer)
        for record in records:
            writer.write(record)
        writer.close()
        out = buffer.getvalue()
        if fmt == "jsonl":
            assert [json.loads(x)["id"] for x in out.splitlines()] == ["1", "2"]
        elif fmt == "json":
            assert [r["title"] for r in json.loads(out)] == ['A, "quoted"', None]
        else:
            rows = list(csv.DictReader(io.StringIO(out)))
            assert rows[0]["authors"] == "X; Y" and rows[0]["text"] == "p1\n\np2"


def test_output_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out" / "r.jsonl"
    with open_output(str(target)) as stream:
        stream.write("line\n")
        assert not target.exists()
    assert target.read_text() == "line\n"
