"""What ``newsclean fetch`` (and ``clean``) show on stderr: the page's story, other libraries' warnings, timeouts,
refusals, the progress bar and the summary line (issue 16, item 18).

Each fetch runs the real command in a subprocess against the loopback site,
so worker processes (started by a fork server while the fetch threads run)
are covered: their logging is set up apart from the parent's. The ``clean``
runs call ``main`` in this process (:mod:`tests.cli_runner`, which captures
its forked workers' stderr as a pipe would).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.fixtures.fetch.site import NewsSite

ROOT = Path(__file__).resolve().parents[2]
SEED = "/seeds/001_f2c2a30e7610bf0b.txt"
PAGE = "/news/TheIntercept_0.html"
#: A page trafilatura finds no text in: it logs "discarding data: None" (once per pass).
EMPTY_PAGE = '<html><head><title>Hi there</title></head><body><div><img src="a.png"></div></body></html>'


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    server = NewsSite(slow_seconds=2.0)
    yield server
    server.close()


def _lines_about(stderr: str, source: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"newsclean: {source}: ")]


def test_verbose_tells_each_pages_story_in_worker_processes(site: NewsSite, tmp_path: Path) -> None:
    # Default --timeout: pages are cleaned in worker processes, which must log as the parent does.
    result = _run("fetch", site.url(PAGE), site.url(SEED), "-v", "--allow-private", "--delay", "0",
                  "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = [line.split(": ", 2)[2] for line in _lines_about(result.stderr, site.url(PAGE))]
    assert html[0].startswith("html path: ")
    assert any(re.fullmatch(r"trafilatura pass 1: [\d,]+ chars, [\d,]+ words", line) for line in html)
    assert any(line.startswith("recall retry: no (") for line in html)
    assert "title from og:title; published from JSON-LD; authors from JSON-LD (WebPage)" in html
    assert any(line.startswith("body: ") and "paragraphs" in line for line in html)
    text = [line.split(": ", 2)[2] for line in _lines_about(result.stderr, site.url(SEED))]
    assert text[0].startswith("text path: ")
    assert any(re.fullmatch(r"title from block \d+; published from a date line; authors from .+", line)
               for line in text)
    # Other libraries' debug lines stay off at -v.
    assert "urllib3" not in result.stderr and "trafilatura:" not in result.stderr


def test_very_verbose_adds_other_libraries_debug_lines(site: NewsSite, tmp_path: Path) -> None:
    result = _run("fetch", site.url(PAGE), "-vv", "--allow-private", "--timeout", "0", "-o", "out.jsonl",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^newsclean: \S+: urllib3: ", result.stderr, re.MULTILINE)  # named by the fetching page
    assert re.search(rf"^newsclean: {re.escape(site.url(PAGE))}: trafilatura: ", result.stderr, re.MULTILINE)


@pytest.mark.parametrize("timeout", ["0", "60"], ids=["in-process", "workers"])
def test_a_third_party_warning_names_the_input_once(tmp_path: Path, timeout: str) -> None:
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "page.html").write_text(EMPTY_PAGE, encoding="utf-8")
    result = run_cli("clean", "crawl/page.html", "--timeout", timeout, "-o", "out.jsonl", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    warnings = [line for line in stderr.splitlines() if "discarding data" in line]
    assert warnings == ["newsclean: warning: crawl/page.html: trafilatura: discarding data: None"]


def test_a_cleaning_timeout_in_fetch_is_reported_once(site: NewsSite, tmp_path: Path) -> None:
    result = _run("fetch", site.url(PAGE), "--allow-private", "--timeout", "0.01", "-o", "out.jsonl",
                  cwd=tmp_path)
    assert result.returncode == 1
    reports = [line for line in result.stderr.splitlines() if "timeout" in line or "budget" in line]
    assert reports == [f"newsclean: {site.url(PAGE)}: timeout: over 0.01s"]
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8")
    assert site.url(PAGE) in errors  # the error record names the page (it used to say null)


def test_a_fetch_timeout_is_reported_once(site: NewsSite, tmp_path: Path) -> None:
    result = _run("fetch", site.url("/slow"), "--allow-private", "--read-timeout", "0.3", "--retries", "0",
                  "--timeout", "0", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    reports = [line for line in result.stderr.splitlines() if "timed out" in line]
    assert reports == [f"newsclean: {site.url('/slow')}: read timed out (after 1 attempts)"]


def test_the_ssrf_refusal_names_the_command_line_option(site: NewsSite, tmp_path: Path) -> None:
    result = _run("fetch", site.url(PAGE), "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    (refusal,) = _lines_about(result.stderr, site.url(PAGE))
    assert "resolves to loopback address 127.0.0.1" in refusal and "--allow-private" in refusal


def _numbers_blanked(line: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", "N", line)


def test_fetch_summary_line_has_cleans_format(site: NewsSite, tmp_path: Path) -> None:
    fetched = _run("fetch", site.url(PAGE), site.url("/missing"), "--allow-private", "--timeout", "0",
                   "-o", "out.jsonl", cwd=tmp_path)
    (tmp_path / "page.txt").write_text("Headline\n\nA sentence of prose that makes a body.\n", encoding="utf-8")
    cleaned = run_cli("clean", "page.txt", "--timeout", "0", "-o", "clean.jsonl", cwd=tmp_path)
    fetch_line, clean_line = fetched.stderr.splitlines()[-1], cleaned.stderr.decode().splitlines()[-1]
    own, _, links = fetch_line.partition("; ")
    assert _numbers_blanked(own) == _numbers_blanked(clean_line)
    assert own.startswith("newsclean: 2 inputs, 1 cleaned, 0 empty, 1 errors, 0 duplicates, ")
    assert links == "2 links found, 0 filtered out, 0 duplicate"
    # And the same exit rule: all cleaned is 0, some failed beside cleaned pages is 3.
    assert cleaned.returncode == 0 and fetched.returncode == 3


def _stderr_on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run the command with stderr on a pseudo-terminal; what it wrote there."""
    controller, terminal = pty.openpty()
    # A terminal 100 columns wide (a fresh pty has none, and tqdm would draw a bar of width 0).
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "newsclean", *args], cwd=cwd, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=terminal, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(terminal)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        process.wait(timeout=60)
        os.close(controller)
    return b"".join(chunks).decode("utf-8", "replace")


def test_fetch_draws_a_progress_bar_on_a_terminal_unless_quiet(site: NewsSite, tmp_path: Path) -> None:
    args = ["fetch", site.url(PAGE), site.url(SEED), "--allow-private", "--delay", "0", "--timeout", "0",
            "-o", "out.jsonl"]
    shown = _stderr_on_a_terminal(args, tmp_path)
    assert re.search(r"\b2/2 \[", shown), shown  # tqdm's "2/2 [00:01<00:00, 1.50page/s]"
    assert "page/s]" in shown
    assert "newsclean: 2 inputs, 2 cleaned" in shown
    quiet = _stderr_on_a_terminal([*args, "-q"], tmp_path)
    assert "page/s" not in quiet and "inputs" not in quiet
