"""Issue 18, item 14: ``--resume --retry-errors`` cleans again the pages an earlier run failed.

Before: a page that timed out was "done" for ``--resume`` forever, whatever
the new ``--timeout``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsclean.cli import main
from tests.slow_page import write_slow_page

ROOT = Path(__file__).resolve().parents[2]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def test_a_page_that_timed_out_is_retried_with_a_larger_timeout(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    write_slow_page(pages / "page.html.gz")
    out, errors = tmp_path / "out.jsonl", tmp_path / "out.jsonl.errors.jsonl"
    # Far too short for this page: it becomes the error record "timeout: over 0.05s".
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--timeout", "0.05", "-q"]) == 1
    [error] = _lines(errors)
    assert str(error["reason"]).startswith("timeout")
    # --resume alone counts it done (the documented default): nothing is cleaned.
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--resume", "-q"]) == 0
    assert _lines(out) == [] and len(_lines(errors)) == 1
    # --retry-errors cleans it again; it succeeds, so the errors file lists it no more (and is removed).
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--resume", "--retry-errors", "-q"]) == 0
    [record] = _lines(out)
    assert record["source"] == str(pages / "page.html.gz") and record["text"]
    assert not errors.exists()


def test_retried_failures_are_listed_once_and_unreached_ones_are_kept(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(ROOT / "seeds" / "000_52889d1c0e5aca07.txt", pages / "good.txt")
    (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out, errors = tmp_path / "out.jsonl", tmp_path / "out.jsonl.errors.jsonl"
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--timeout", "0", "-q"]) == 3
    # An error of an input this run is not given (say, on a disk not mounted today).
    with errors.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"source": "/elsewhere/page.html", "reason": "timeout: over 60s"}) + "\n")
    first = out.read_text("utf-8")
    status = main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--timeout", "0", "--resume",
                   "--retry-errors", "-q"])
    assert status == 3  # the image fails again
    assert out.read_text("utf-8") == first  # the good page was done: not cleaned twice
    reasons = {Path(str(e["source"])).name: e["reason"] for e in _lines(errors)}
    assert len(_lines(errors)) == 2  # the image once, not twice
    assert str(reasons["image.html"]).startswith("BinaryInputError")
    assert reasons["page.html"] == "timeout: over 60s"  # not reached: kept


def test_retry_errors_needs_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(ROOT / "seeds"), "-o", str(tmp_path / "o.jsonl"), "--retry-errors"]) == 2
    assert "--retry-errors needs --resume" in capsys.readouterr().err
