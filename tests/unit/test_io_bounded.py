"""The reading process's own limits: FIFOs, endless devices, over-long lines, raw-index pages (issue 18, item 3, 21).

Workers had a time budget and a size cap; the process reading containers
had neither, so a FIFO named ``.jsonl`` hung a run despite ``--timeout``
and ``/dev/zero`` named ``.jsonl`` grew it by gigabytes. Each test builds
its hostile input (FIFOs and symlinks are made here, not committed).
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from newsclean.io.bounded import ReadLimits, read_line
from newsclean.io.readers import WalkReport, iter_inputs, iter_stdin
from newsclean.item import clean_item
from newsclean.options import Options

#: Small limits keep these tests fast: the logic does not depend on the numbers.
SMALL = ReadLimits(max_bytes=1000, deadline=1.0)
PAGE = "<html><body><article><p>The council approved the bridge on Tuesday after a debate.</p></article></body></html>"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


def _line(**fields: object) -> str:
    return json.dumps({"html": PAGE, **fields}) + "\n"


@needs_fifo
def test_a_fifo_in_a_directory_is_skipped_with_a_note(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "stuck.jsonl")
    (tmp_path / "page.html").write_text(PAGE)
    report = WalkReport(log=False)
    items = list(iter_inputs([tmp_path], report=report, limits=SMALL))
    assert [i.source for i in items] == [str(tmp_path / "page.html")]
    assert report.notes == [(str(tmp_path / "stuck.jsonl"), "a FIFO, not a regular file; skipped")]
    assert not report.failed


@needs_fifo
def test_a_named_fifo_nobody_writes_ends_at_the_read_deadline(tmp_path: Path) -> None:
    fifo = tmp_path / "stuck.jsonl"
    os.mkfifo(fifo)
    started = time.monotonic()
    [item] = list(iter_inputs([fifo], limits=SMALL))
    # The bug hung until killed; a 1 s deadline must end it well under 10 s.
    assert time.monotonic() - started < 10
    assert item.kind == "error" and item.source == str(fifo)
    assert "read deadline" in str(item.data)
    assert clean_item(item, Options()).error is not None


@needs_fifo
def test_a_named_fifo_whose_writer_stalls_keeps_the_lines_before(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    release = threading.Event()

    def writer() -> None:
        with fifo.open("w") as stream:
            stream.write(_line(url="http://a.example/1") + _line(url="http://a.example/2"))
            stream.flush()
            release.wait(20)  # holds the FIFO open, writing nothing more

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        items = list(iter_inputs([fifo], limits=SMALL))
    finally:
        release.set()
        thread.join()
    assert [i.kind for i in items] == ["jsonl", "jsonl", "error"]
    assert "reading stopped after 2 items" in str(items[-1].data)


@needs_fifo
def test_a_named_fifo_that_is_written_and_closed_is_read_whole(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def writer() -> None:
        with fifo.open("w") as stream:
            stream.write(_line() * 3)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    items = list(iter_inputs([fifo], limits=ReadLimits(max_bytes=1000, deadline=10.0)))
    thread.join()
    assert [i.source for i in items] == [f"{fifo}:{n}" for n in (1, 2, 3)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_named_jsonl_is_one_error_not_gigabytes(tmp_path: Path) -> None:
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    items = list(iter_inputs([link], limits=SMALL))  # named explicitly: read, within the limits
    assert [i.kind for i in items] == ["error"]
    assert items[0].source == f"{link}:1"
    assert "longer than 4000 bytes" in str(items[0].data) and "nor anything after it" in str(items[0].data)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_on_stdin_is_read_up_to_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        [item] = list(iter_stdin(zero, SMALL))
    assert item.source == "-" and item.kind == "page"
    assert len(item.data) == SMALL.max_bytes + 1  # one byte more: the cleaner warns of the cut


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_in_a_directory_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")  # inside the tree by name, a device by kind
    report = WalkReport(log=False)
    assert list(iter_inputs([tmp_path], report=report, limits=SMALL, follow_symlinks=True)) == []
    assert report.notes == [(str(tmp_path / "zero.jsonl"), "a character device, not a regular file; skipped")]


def test_an_over_long_line_is_an_error_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_line() + json.dumps({"html": "x" * 10_000}) + "\n" + _line())
    items = list(iter_inputs([path], limits=SMALL))
    assert [(i.source, i.kind) for i in items] == [
        (f"{path}:1", "jsonl"), (f"{path}:2", "error"), (f"{path}:3", "jsonl")
    ]
    assert "JSON line longer than 4000 bytes (4 x max_input_bytes=1000)" in str(items[1].data)


def test_a_line_of_exactly_the_limit_is_read_whole() -> None:
    import io

    stream = io.BytesIO(b"a" * 10 + b"\n" + b"b" * 11 + b"\n")
    assert read_line(stream, 10) == (b"a" * 10 + b"\n", False)
    assert read_line(stream, 10) == (b"b" * 10, True)


def test_a_raw_index_page_is_read_up_to_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text(PAGE * 100)
    index = tmp_path / "index.jsonl"
    index.write_text(json.dumps({"path": "big.html", "url": "http://a.example/big"}) + "\n")
    [item] = list(iter_inputs([index], limits=SMALL))
    assert item.kind == "page" and len(item.data) == SMALL.max_bytes + 1


@needs_fifo
def test_a_raw_index_path_naming_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "page.html")
    index = tmp_path / "index.jsonl"
    index.write_text(json.dumps({"path": "page.html", "url": "http://a.example/"}) + "\n")
    started = time.monotonic()
    [item] = list(iter_inputs([index], limits=ReadLimits(max_bytes=1000, deadline=None)))  # no deadline needed
    assert time.monotonic() - started < 10
    assert item.kind == "error" and "is a FIFO, not a regular file" in str(item.data)


def test_a_deep_value_on_a_raw_index_line_is_an_error_record_not_a_crash(tmp_path: Path) -> None:
    index = tmp_path / "index.jsonl"
    index.write_text('{"path": "x.html", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + _line())
    items = list(iter_inputs([index], limits=ReadLimits()))
    assert [i.source for i in items] == [f"{index}:1", f"{index}:2"]
    first, second = (clean_item(i, Options()) for i in items)
    assert first.error is not None and "not valid JSON" in first.error
    assert second.error is None


def test_deep_json_as_the_first_stdin_line_is_a_page_not_a_crash() -> None:
    import io

    deep = b'{"html": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    [item] = list(iter_stdin(io.BytesIO(deep + b"more\n"), SMALL))
    assert item.kind == "page" and item.source == "-"


def test_stdin_from_a_pipe_is_read_and_left_blocking_as_it_was() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, _line().encode() + _line().encode())
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stdin:
        items = list(iter_stdin(stdin, SMALL))
        assert os.get_blocking(stdin.fileno())  # shared with the shell: not left non-blocking
    assert [i.source for i in items] == ["-:1", "-:2"]
