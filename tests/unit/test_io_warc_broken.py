"""Broken WARC files: what was read is kept, the rest is an error item, the walk goes on (issue 18, items 6, 11, 21).

One bad WARC used to abort the run with a traceback printing raw bytes, and
every input after it was lost; a truncated ``.warc.gz`` or a too-long
Content-Length lost records with exit 0. Each archive is built here with
warcio, then broken the way the issue describes.
"""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest

from newsclean.io.bounded import ReadLimits
from newsclean.io.readers import InputItem, iter_inputs

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402 - after the importorskip guard
from warcio.warcwriter import WARCWriter  # noqa: E402 - as above

PAGE = b"<html><body><article><p>The council approved the bridge on Tuesday after a debate.</p></article></body></html>"


def warc(pages: list[bytes], *, gz: bool) -> bytes:
    """A WARC of one 200 text/html response per page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for number, body in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"http://news.example/{number}", "response", payload=io.BytesIO(body), length=len(body),
            http_headers=headers,
        ))
    return buffer.getvalue()


def _read(tmp_path: Path, name: str, data: bytes) -> list[InputItem]:
    """The items of a directory holding the broken archive, then a good page after it."""
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_after.html").write_bytes(PAGE)
    return list(iter_inputs([tmp_path]))


def _kinds(items: list[InputItem]) -> list[str]:
    return [i.kind for i in items]


def _content_length_of_first_response(data: bytes) -> tuple[int, int]:
    start = data.index(b"Content-Length: ", data.index(b"WARC-Type: response")) + len(b"Content-Length: ")
    return start, data.index(b"\r\n", start)


def test_a_corrupt_gzip_member_keeps_the_records_before_it(tmp_path: Path) -> None:
    data = bytearray(warc([PAGE] * 3, gz=True))
    middle = len(data) // 2
    data[middle:middle + 40] = b"\xff" * 40
    items = _read(tmp_path, "a.warc.gz", bytes(data))
    assert _kinds(items) == ["page", "error", "path"]
    error = items[1]
    assert error.source.startswith(f"{tmp_path / 'a.warc.gz'}@") and "no WARC record here" in str(error.data)
    assert items[-1].source.endswith("zz_after.html")  # the walk went on


def test_a_negative_content_length_is_an_error_item(tmp_path: Path) -> None:
    data = warc([PAGE] * 2, gz=False)
    start, _ = _content_length_of_first_response(data)
    items = _read(tmp_path, "a.warc", data[:start] + b"-" + data[start:])
    assert _kinds(items) == ["error", "path"]
    assert items[0].source == f"{tmp_path / 'a.warc'}@0"
    assert "Content-Length '-" in str(items[0].data) and "not a byte count" in str(items[0].data)


def test_a_text_file_named_warc_is_an_error_item_without_raw_bytes(tmp_path: Path) -> None:
    items = _read(tmp_path, "a.warc", b"just some text\x00\x1b[31m\xff\nnot a warc\n")
    assert _kinds(items) == ["error", "path"]
    assert str(items[0].data).isprintable() and "no WARC record here" in str(items[0].data)


def test_a_truncated_warc_gz_says_its_last_record_was_lost(tmp_path: Path) -> None:
    data = warc([PAGE] * 3, gz=True)
    items = _read(tmp_path, "a.warc.gz", data[:-200])
    assert _kinds(items) == ["page", "page", "error", "path"]
    assert "hold no whole WARC record" in str(items[2].data)


def test_a_truncated_plain_warc_drops_the_cut_record_and_says_so(tmp_path: Path) -> None:
    data = warc([PAGE] * 3, gz=False)
    items = _read(tmp_path, "a.warc", data[:-100])
    assert _kinds(items) == ["page", "page", "error", "path"]
    assert "cut short" in str(items[2].data)


def test_a_too_long_content_length_says_the_records_it_swallowed_are_lost(tmp_path: Path) -> None:
    data = warc([PAGE] * 3, gz=False)
    start, end = _content_length_of_first_response(data)
    longer = str(int(data[start:end]) + 2000).encode()
    items = _read(tmp_path, "a.warc", data[:start] + longer + data[end:])
    assert _kinds(items) == ["error", "path"]
    assert "cut short" in str(items[0].data) and "swallowed the records after it" in str(items[0].data)


def test_a_whole_warc_gives_no_error_item(tmp_path: Path) -> None:
    for name, gz in (("a.warc.gz", True), ("b.warc", False)):
        (tmp_path / name).write_bytes(warc([PAGE] * 2, gz=gz))
    assert _kinds(list(iter_inputs([tmp_path]))) == ["page"] * 4


def test_a_large_payload_is_held_only_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    path.write_bytes(warc([PAGE * 1000, PAGE], gz=False))
    items = list(iter_inputs([path], limits=ReadLimits(max_bytes=5000)))
    assert [len(i.data) for i in items] == [5001, len(PAGE)]  # the record after the big one is found


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_warc_is_read_as_it_comes_and_ends_at_the_deadline(tmp_path: Path) -> None:
    fifo = tmp_path / "crawl.warc.gz"
    os.mkfifo(fifo)
    release = threading.Event()

    def writer() -> None:
        with fifo.open("wb") as stream:
            stream.write(warc([PAGE] * 2, gz=True))
            stream.flush()
            release.wait(20)  # then silent, the FIFO held open

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        items = list(iter_inputs([fifo], limits=ReadLimits(deadline=1.0)))
    finally:
        release.set()
        thread.join()
    assert time.monotonic() - started < 10  # a 1 s deadline; the bug waited for ever
    assert _kinds(items) == ["page", "page", "error"]
    assert "read deadline" in str(items[-1].data)


@pytest.mark.parametrize("gz", [True, False])
def test_the_offset_read_at_a_record_start_is_warcio_own(tmp_path: Path, gz: bool) -> None:
    """The reader takes ``ArchiveIterator.offset`` before a record is read to its end: it must be
    what ``get_record_offset()`` reports after (the address CDX indexes store)."""
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(warc([PAGE, PAGE * 3, PAGE], gz=gz))
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        expected = [f"{path}@{records.get_record_offset()}" for _ in records]
    assert [i.source for i in iter_inputs([path])] == expected
