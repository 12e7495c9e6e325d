"""Issue 18, item 7: text no encoder accepts (lone surrogates) is escaped with a warning, in every output.

Inputs are built here: a file whose name holds byte 0xFF (not UTF-8), and a
JSON-lines input whose ``url`` and ``id`` escape half a surrogate pair.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.io.encodable import encodable_record, escape_unencodable

FAST = ("--jobs", "1", "--timeout", "0", "-q")
PAGE = ("<html><body><article><h1>Council votes on the budget</h1><p>The city council voted on Tuesday "
        "to approve the budget after a long debate about roads, schools and the new library.</p>"
        "</article></body></html>")


def _inputs(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.html").write_text(PAGE, encoding="utf-8")
    # A name that is not UTF-8: Python sees it as "bad\udcff.html".
    (Path(os.fsdecode(bytes(pages) + b"/bad\xff.html"))).write_text(PAGE.replace("budget", "roads plan"))
    line = {"url": "https://example.org/\ud800story", "id": "x\udfff", "html": PAGE.replace("budget", "tax")}
    (pages / "lines.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")  # ensure_ascii: "\\ud800"
    # An input that fails, under a name that is not UTF-8: its error line must be written too.
    Path(os.fsdecode(bytes(pages) + b"/img\xfe.html")).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return pages


def test_escape_keeps_file_name_bytes_readable_and_other_surrogates_as_code_points() -> None:
    assert escape_unencodable("bad\udcff.html") == "bad\\xff.html"
    assert escape_unencodable("a\ud800b") == "a\\ud800b"
    assert escape_unencodable("plain é 漢") == "plain é 漢"
    record = {"id": "1", "url": "u\ud800", "authors": ["A\udcfe"], "warnings": ["w"]}
    out = encodable_record(record)
    assert out["url"] == "u\\ud800" and out["authors"] == ["A\\xfe"]
    assert out["warnings"][0] == "w" and "2 characters that cannot be encoded as UTF-8" in out["warnings"][1]
    assert "url, authors" in out["warnings"][1]
    clean = {"id": "1", "warnings": []}
    assert encodable_record(clean) is clean


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "txt", "markdown", "parquet"])
def test_every_format_writes_every_record_and_the_errors_file(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow.parquet")
    pages = _inputs(tmp_path)
    out = tmp_path / ("md" if fmt == "markdown" else f"out.{fmt}")
    assert main(["clean", str(pages), "-o", str(out), "--format", fmt, *FAST]) == 3  # the image failed
    [error] = [json.loads(x) for x in (tmp_path / f"{out.name}.errors.jsonl").read_text("utf-8").splitlines()]
    assert error["source"].endswith("img\\xfe.html") and "PNG" in error["reason"]
    if fmt == "jsonl":
        records = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    elif fmt == "json":
        records = json.loads(out.read_text("utf-8"))
    elif fmt == "csv":
        with out.open(encoding="utf-8", newline="") as stream:
            records = list(csv.DictReader(stream))
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        records = pq.read_table(out).to_pylist()
    else:
        text = (out.read_text("utf-8") if fmt == "txt"
                else "\n".join(p.read_text("utf-8") for p in sorted(out.glob("*.md"))))
        for title in ("budget", "roads plan", "tax"):
            assert f"Council votes on the {title}" in text
        if fmt == "markdown":
            assert '"https://example.org/\\\\ud800story"' in text  # a JSON literal of the escaped url
        return
    by_url = {r["source"].rsplit("/", 1)[-1]: r for r in records}
    assert sorted(by_url) == ["bad\\xff.html", "good.html", "lines.jsonl:1"]
    assert by_url["lines.jsonl:1"]["url"] == "https://example.org/\\ud800story"
    assert by_url["lines.jsonl:1"]["id"] == "x\\udfff"
    if fmt != "csv":  # CSV keeps warnings joined in one cell
        assert any("escaped in source" in w for w in by_url["bad\\xff.html"]["warnings"])
        assert any("escaped in id, url" in w for w in by_url["lines.jsonl:1"]["warnings"])
        assert not by_url["good.html"]["warnings"]


def test_resume_passes_an_escaped_input_instead_of_failing_again(tmp_path: Path) -> None:
    pages = _inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(pages), "-o", str(out), *FAST]) == 3
    first = out.read_text("utf-8")
    assert len(first.splitlines()) == 3
    # Every input is done (three records, one error): nothing is cleaned twice.
    assert main(["clean", str(pages), "-o", str(out), "--resume", *FAST]) == 0
    assert out.read_text("utf-8") == first


def test_stdout_and_the_stderr_line_survive_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    pages = _inputs(tmp_path)
    result = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(pages), "--jobs", "1"],
                            capture_output=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8",
                                 "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert result.returncode == 3
    assert b"Traceback" not in result.stderr
    assert b"img\\xfe.html: BinaryInputError" in result.stderr  # the failure's one line names the file
    records = [json.loads(x) for x in result.stdout.decode("utf-8").splitlines()]
    assert len(records) == 3
