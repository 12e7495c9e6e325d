"""``newsclean clean`` at corpus scale: WARC and JSONL in, resume, time limits, output formats."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_runner import CHECKOUT_ENV, run_cli
from tests.slow_page import write_slow_page

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"
HTML_FIXTURES = sorted(PAGES.glob("*.html.gz"))


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_warc(path: Path) -> list[str]:
    """A gzipped WARC holding every HTML fixture page as a 200 response; returns the urls."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    urls = []
    with path.open("wb") as stream:
        writer = warcio.WARCWriter(stream, gzip=True)
        for fixture in HTML_FIXTURES:
            html = gzip.decompress(fixture.read_bytes())
            url = json.loads(fixture.with_name(fixture.name.replace(".html.gz", ".json")).read_text())["url"]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), length=len(html), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-06-01T08:00:00Z"},
            ))
            urls.append(url)
    return urls


def test_warc_and_jsonl_inputs_keep_url_and_crawl_time(tmp_path: Path) -> None:
    urls = _write_warc(tmp_path / "crawl.warc.gz")
    seed = (SEEDS / "001_f2c2a30e7610bf0b.txt").read_text(encoding="utf-8")
    relative = seed.replace("2023-07-23 | 06:12", "3 hours ago")
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"id": "s1", "url": "https://example.org/s1", "text": relative, "crawl_date": "2023-07-23T12:00:00"})
        + "\n" + json.dumps({"id": "s2"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", "crawl.warc.gz", "dump.jsonl", "-o", str(out), "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 3, result.stderr.decode()  # dump.jsonl:2 failed
    records = _records(out)
    warc_records = records[: len(urls)]
    assert [r["url"] for r in warc_records] == urls
    assert all(r["fetched_at"] == "2026-06-01T08:00:00Z" and r["text"] for r in warc_records)
    assert all(str(r["source"]).startswith("crawl.warc.gz@") for r in warc_records)
    [dump] = records[len(urls):]
    # The crawl time of the line resolves the relative date.
    assert dump["id"] == "s1" and dump["source"] == "dump.jsonl:1"
    assert str(dump["published"]).startswith("2023-07-23T09:00")
    [error] = _records(tmp_path / "out.jsonl.errors.jsonl")
    assert error["source"] == "dump.jsonl:2" and "neither" in str(error["reason"]) and error["traceback"]
    assert "errors, 0 duplicates" in result.stderr.decode()


def _copies_of_fixtures(tmp_path: Path, copies: int) -> Path:
    """A folder holding ``copies`` copies of every HTML fixture: a run long enough to interrupt."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for copy in range(copies):
        for fixture in HTML_FIXTURES:
            shutil.copy(fixture, pages / f"{copy}_{fixture.name}")
    return pages


def test_resume_after_a_kill_neither_duplicates_nor_loses_records(tmp_path: Path) -> None:
    """Killed mid-run, deterministically: the last input is a FIFO no one writes, so the run cannot end first.

    The whole process group is killed (the run and its workers, as a power
    cut would), once a few records are on disk; the resumed run then finds
    the FIFO replaced by a page and must clean exactly what was not written.
    """
    pages = _copies_of_fixtures(tmp_path, 1)
    stall = tmp_path / "stall.html"
    os.mkfifo(stall)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "clean", "pages", stall.name, "-o", str(out),
                             "--jobs", "2", "--timeout", "0"],
                            cwd=tmp_path, stderr=subprocess.DEVNULL, start_new_session=True, env=CHECKOUT_ENV)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
        assert proc.poll() is None
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = out.read_text(encoding="utf-8")
    assert 3 <= first.count("\n") <= len(HTML_FIXTURES)  # the FIFO's record cannot have been written
    # A torn last line, as a power cut could leave, is dropped and redone.
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "torn", "source": "pages/x.ht')
    stall.unlink()
    shutil.copy(HTML_FIXTURES[0], stall)
    result = run_cli("clean", "pages", stall.name, "-o", str(out), "--jobs", "2", "--resume", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    sources = [r["source"] for r in _records(out)]
    expected = sorted([*(str(p.relative_to(tmp_path)) for p in pages.iterdir()), stall.name])
    assert sorted(sources) == expected and len(sources) == len(set(sources))
    assert "already done" in result.stderr.decode()


def _sigint_default() -> None:
    """In the child before exec: SIGINT at its default, whatever the test run inherited."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_leaves_whole_records_and_exit_130(tmp_path: Path) -> None:
    """Interrupted mid-run, deterministically: the last input is a FIFO no one writes, so the run cannot end first.

    Named on the command line, the FIFO is taken as a page; its worker blocks
    opening it (``--timeout 0``: no limit), so the run is still going when the
    signal comes, however fast the pages before it were cleaned.
    """
    _copies_of_fixtures(tmp_path, 1)
    stall = tmp_path / "stall.html"
    os.mkfifo(stall)
    out = tmp_path / "out.json"
    out.write_text('[{"id": "previous"}]\n')  # a previous run's complete output
    # Its own session, so a failed wait below can end the run and its workers (one is blocked on the FIFO for
    # good) instead of leaving them behind. SIGINT back at its default: a background job of a non-interactive
    # shell (a CI step, `pytest &`) inherits it ignored, and Python then never raises KeyboardInterrupt, so
    # the run would wait on the FIFO for good, as it should for a user's `newsclean clean ... &`.
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", "pages", stall.name, "-o", str(out), "--format", "json",
         "--jobs", "2", "--timeout", "0"],
        cwd=tmp_path, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_sigint_default)
    try:
        # Interrupt once records have reached the temporary file: work has started, and cannot have ended.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(
            p.stat().st_size > 1000 for p in tmp_path.glob(".out.json.*.tmp")
        ):
            assert proc.poll() is None, proc.communicate()[1].decode()
            time.sleep(0.05)
        assert any(p.stat().st_size > 1000 for p in tmp_path.glob(".out.json.*.tmp")), "no record in 120 s"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)  # a loaded machine takes a while to wind the workers down
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130 and b"interrupted" in stderr
    assert json.loads(out.read_text()) == [{"id": "previous"}]  # left as it was
    partial = tmp_path / "out.json.partial"
    [line] = [x for x in stderr.decode().splitlines() if str(partial) in x]
    assert "interrupted" in line
    records = json.loads(partial.read_text())  # a valid JSON array of the records finished before Ctrl-C
    assert records and all(r["id"] and r["id"] != "previous" for r in records)


def test_a_page_over_the_time_limit_is_an_error_record(tmp_path: Path) -> None:
    page = write_slow_page(tmp_path / "page.html.gz")
    out = tmp_path / "o.jsonl"
    result = run_cli("clean", str(page), "-o", str(out), "--timeout", "0.05", cwd=tmp_path)
    assert result.returncode == 1 and out.read_text() == ""
    [error] = _records(tmp_path / "o.jsonl.errors.jsonl")
    assert str(error["reason"]).startswith("timeout")


def test_markdown_and_parquet_outputs(tmp_path: Path) -> None:
    result = run_cli("clean", str(SEEDS), "-o", "md", "--format", "markdown", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    files = sorted((tmp_path / "md").glob("*.md"))
    assert len(files) == 3
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "# Putin and Lukashenko meet for the first time since the Wagner Movement" in text
    assert run_cli("clean", str(SEEDS), "--format", "markdown", cwd=tmp_path).returncode == 2
    pq = pytest.importorskip("pyarrow.parquet")
    result = run_cli("clean", str(SEEDS), "-o", "out.parquet", "--format", "parquet", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 3 and table.column_names[:3] == ["id", "url", "source"]


def test_include_exclude_and_unordered(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "skip").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, pages / seed.name)
        shutil.copy(seed, pages / "skip" / seed.name)
    result = run_cli("clean", "pages", "--exclude", "skip/*", "--include", "00[01]_*", "--unordered", "-q",
                  cwd=tmp_path)
    names = sorted(Path(json.loads(x)["source"]).name for x in result.stdout.decode().splitlines())
    assert names == ["000_52889d1c0e5aca07.txt", "001_f2c2a30e7610bf0b.txt"]
