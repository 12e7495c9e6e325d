"""Reading inputs within limits of size and time, in the process that reads them.

Workers have a time budget and read at most ``max_input_bytes`` of a page,
but containers (JSONL, WARC), raw-index pages and stdin are read by the
process that walks the inputs, where nothing stopped a read. A FIFO named
``.jsonl`` whose writer never writes hung the run whatever ``--timeout``
said, and ``/dev/zero`` named ``.jsonl`` (or on stdin) grew the reader by
gigabytes, since a line never ended.

Two limits hold here: :class:`ReadLimits` ``max_bytes`` (no item is held
larger than a small multiple of it) and ``deadline`` (reading one item from
a stream that can block must finish in that many seconds). A regular file
never blocks and is read as usual; anything else (a FIFO, a pipe, a
character device) is read without blocking, waiting with ``poll`` for at
most what is left of the deadline.
"""

from __future__ import annotations

import io
import os
import select
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..limits import MAX_INPUT_BYTES, TIME_BUDGET

#: A JSON line may hold a page of ``max_input_bytes`` escaped: ``json.dumps``
#: writes every non-ASCII character as ``\\uXXXX`` (6 bytes for 2 or 3 of
#: UTF-8) and doubles quotes and backslashes, so a line of up to 4 times the
#: limit can still hold a page within it.
JSON_ESCAPE_ROOM = 4
#: Bytes read at a time when skipping the rest of an over-long line.
_SKIP_STEP = 1 << 20


class ReadDeadlineError(TimeoutError):
    """An item's read did not finish within the deadline (a stalled FIFO or pipe)."""


@dataclass(frozen=True)
class ReadLimits:
    """The limits the reading process holds each item to.

    ``max_bytes`` is the ``max_input_bytes`` option; ``deadline`` the
    seconds one item's read may take on a stream that can block (the run's
    per-page ``--timeout``; ``None``: wait forever, as a plain ``read`` does).
    """

    max_bytes: int = MAX_INPUT_BYTES
    deadline: float | None = TIME_BUDGET

    @property
    def line_bytes(self) -> int:
        """The longest JSON line read: room for a page of ``max_bytes`` after JSON escaping."""
        return JSON_ESCAPE_ROOM * self.max_bytes


class _PollingReader(io.RawIOBase):
    """A non-blocking file descriptor read with a deadline: the reads of a FIFO, pipe or device."""

    def __init__(self, fd: int, deadline: float | None) -> None:
        super().__init__()
        self._fd, self._deadline = fd, deadline
        # The flag belongs to the open file description, shared with whoever else holds
        # it (stdin's terminal or pipe): restored on close.
        self._was_blocking = os.get_blocking(fd)
        os.set_blocking(fd, False)
        self._until: float | None = None
        self.restart()

    def restart(self) -> None:
        self._until = None if self._deadline is None else time.monotonic() + self._deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override] # typeshed's Buffer
        # Poll before reading: a FIFO no writer has opened yet reads as end of file
        # without blocking, while poll waits for the writer (and reports its going).
        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        while True:
            left = None if self._until is None else self._until - time.monotonic()
            if left is not None and left <= 0:
                raise ReadDeadlineError(
                    f"no complete item within the {self._deadline:g}s read deadline (a stalled pipe or FIFO?)"
                )
            if not poller.poll(None if left is None else max(1, int(left * 1000))):
                continue
            try:
                data = os.read(self._fd, len(buffer))
            except BlockingIOError:
                continue
            buffer[: len(data)] = data
            return len(data)

    def close(self) -> None:
        if not self.closed:
            try:
                os.set_blocking(self._fd, self._was_blocking)
            finally:
                os.close(self._fd)
        super().close()


class _TimedFile(io.FileIO):
    """A regular file whose reads stop at the deadline: for readers that may spin on one item.

    A regular file never blocks, but a library can still spend unbounded time
    on one item: warcio joins a WARC header line block by block, so a 100 MB
    header line took over ten minutes (quadratic copying). Checked once per
    block read, the deadline ends that as it ends a stalled FIFO.
    """

    def __init__(self, path: Path, deadline: float | None) -> None:
        super().__init__(path, "r")
        self._deadline = deadline
        self._until: float | None = None
        self.restart()

    def restart(self) -> None:
        self._until = None if self._deadline is None else time.monotonic() + self._deadline

    def readinto(self, buffer: Any) -> int | None:  # Any: typeshed's Buffer differs between Pythons
        if self._until is not None and time.monotonic() > self._until:
            raise ReadDeadlineError(f"one item took over the {self._deadline:g}s read deadline")
        return super().readinto(buffer)


class _ArrivedBytes(io.BufferedReader):
    """A buffer whose ``read(n)`` returns what has arrived (at least a byte) instead of waiting for all ``n``.

    warcio and gzip read in 8 to 16 KiB blocks; from a FIFO whose writer
    sent a small WARC and then went quiet, a plain buffer would wait for the
    rest of the block until the deadline, and the records already sent
    would be lost with it.
    """

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return super().read()
        return self.read1(size)


@dataclass
class BoundedStream:
    """An opened input: its byte stream, whether it is a regular file, and the deadline's clock."""

    stream: IO[bytes]
    regular: bool
    _poller: _PollingReader | _TimedFile | None = None

    def restart(self) -> None:
        """Start the deadline of the next item (a no-op on a regular file, which never blocks)."""
        if self._poller is not None:
            self._poller.restart()


def is_regular(path: Path) -> bool:
    """Whether ``path`` (followed through symlinks) is a regular file, the one kind that cannot block or never end."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def kind_of(path: Path) -> str:
    """What a non-regular file is, in words, for a note (``FIFO``, ``character device``)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "unreadable file"
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory")):
        if test(mode):
            return name
    return "special file"


@contextmanager
def open_bounded(path: Path, limits: ReadLimits, *, timed: bool = False) -> Iterator[BoundedStream]:
    """Open ``path`` for reading items; a non-regular file without blocking, under the deadline.

    ``timed`` puts a regular file's items under the deadline too, for a
    reader whose library may spin on one item (warcio).
    """
    if is_regular(path):
        if timed and limits.deadline is not None:
            timed_file = _TimedFile(path, limits.deadline)
            with io.BufferedReader(timed_file) as buffered:
                yield BoundedStream(buffered, regular=True, _poller=timed_file)
            return
        with path.open("rb") as stream:
            yield BoundedStream(stream, regular=True)
        return
    # O_NONBLOCK: opening a FIFO no writer has opened yet would block right here.
    poller = _PollingReader(os.open(path, os.O_RDONLY | os.O_NONBLOCK), limits.deadline)
    with _ArrivedBytes(poller) as stream:
        yield BoundedStream(stream, regular=False, _poller=poller)


def wrap_stdin(stream: IO[bytes], limits: ReadLimits) -> BoundedStream:
    """Standard input under the same deadline when it is a pipe or device (a ``BytesIO`` is taken as it is)."""
    try:
        fd = stream.fileno()
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return BoundedStream(stream, regular=True)
    if regular:
        return BoundedStream(stream, regular=True)
    poller = _PollingReader(os.dup(fd), limits.deadline)
    return BoundedStream(_ArrivedBytes(poller), regular=False, _poller=poller)


def read_line(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """The next line of at most ``limit`` bytes, and whether it was longer (its start only is returned)."""
    line = stream.readline(limit + 1)
    if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
        return line[:limit], True
    return line, False


def skip_line(stream: IO[bytes], seconds: float | None) -> bool:
    """Read past the rest of a line in bounded steps (a 200 MB line costs 1 MiB here).

    ``False`` when the line did not end within ``seconds`` (a file of
    nothing but one endless line): the caller stops reading the file.
    """
    until = None if seconds is None else time.monotonic() + seconds
    while until is None or time.monotonic() < until:
        chunk = stream.readline(_SKIP_STEP)
        if not chunk or chunk.endswith(b"\n"):
            return True
    return False


def read_capped_page(path: Path, limits: ReadLimits) -> bytes:
    """At most ``max_bytes + 1`` bytes of a page (the extra byte tells the cleaner it was cut)."""
    with open_bounded(path, limits) as opened:
        out = bytearray()
        while len(out) <= limits.max_bytes:
            chunk = opened.stream.read(limits.max_bytes + 1 - len(out))
            if not chunk:
                break
            out += chunk
        return bytes(out)
