"""SIGTERM handled like Ctrl-C, for the batch commands.

``timeout``, Docker (``docker stop``), Kubernetes and Slurm stop a job with
SIGTERM, whose default action kills the process on the spot: a JSON, CSV or
Parquet output was then left as a hidden temporary file and nothing else.
While a batch runs, SIGTERM raises :class:`Terminated`, a
:class:`KeyboardInterrupt`, so it takes Ctrl-C's path: an earlier output is
left as it was, the records finished go to ``OUT.partial`` (JSON lines stay
in ``OUT``, for ``--resume``), the summary says "interrupted", and the exit
status is 143 (128 + SIGTERM, what a shell reports for a process SIGTERM
killed) so a scheduler can tell it from Ctrl-C's 130.

Worker processes ignore SIGTERM as they ignore SIGINT (Slurm and a
container's init signal every process): the parent decides what stops, and
a worker killed under a page would turn a good page into an error record.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: Exit status of a run stopped by SIGTERM.
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM; handled wherever Ctrl-C is."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated`; the previous handler comes back after.

    Only the main thread may set handlers; elsewhere (a library caller's
    thread) the block changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def ignore_stop_signals() -> None:
    """In a worker process: leave Ctrl-C and SIGTERM to the parent, which stops its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
