"""A batch command's outputs: checked and locked before any work, and failing in one line, not a traceback.

``newsclean clean`` and ``newsclean fetch`` both open their targets here, so
both refuse a bad output the same way before the first page is cleaned
(:class:`CannotWrite`: a directory where a file must go, no permission, a
second run writing the same output), and both stop the same way when a write
fails part-way (:class:`OutputFailed`: a full disk, ``/dev/full``, a reader
that closed the pipe), keeping what was written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..record import Article
from .atomic import ensure_directory, is_special
from .lock import OutputLock, OutputLocked
from .sink import BatchSink, ErrorsFile, OutputFailed, open_writer

__all__ = ["CannotWrite", "OutputFailed", "lock_outputs", "open_sink", "quiet_closed_stdout"]

if TYPE_CHECKING:
    from ..dedup import Deduper


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


class CannotWrite(Exception):
    """An output that cannot be written, found before any work: one line, exit status 2."""

    def __init__(self, path: str, exc: OSError | OutputLocked) -> None:
        reason = str(exc) if isinstance(exc, OutputLocked) else f"cannot write {path}: {_reason(exc)}"
        super().__init__(reason)
        #: The reader of standard output left before the first record: the run ends quietly.
        self.closed_pipe = isinstance(exc, BrokenPipeError)


def _lock(path: str | None, locks: list[OutputLock]) -> None:
    """Lock a file target (not stdout, not a device or FIFO: nothing to lock beside ``/dev/full``)."""
    if path in (None, "-") or is_special(Path(str(path))):
        return
    try:
        # Resolved: "--errors /dev/stderr" redirected to a file locks beside that file, not in /dev.
        locks.append(OutputLock(Path(str(path)).resolve()).acquire())
    except (OSError, OutputLocked) as exc:
        for lock in locks:
            lock.release()
        raise CannotWrite(str(path), exc) from exc


def lock_outputs(output: str | None, errors_file: str | None) -> list[OutputLock]:
    """Lock the output and the errors file, creating the output's directory first.

    Done before a resumed run reads (and trims) what it wrote, so two runs
    never see the same done set. The directory comes first so that when it
    cannot be made, the error names the output, not its lock or errors file.
    """
    if output not in (None, "-"):
        try:
            ensure_directory(Path(str(output)).parent)
        except OSError as exc:
            raise CannotWrite(str(output), exc) from exc
    locks: list[OutputLock] = []
    _lock(output, locks)
    _lock(errors_file, locks)
    return locks


def open_sink(
    fmt: str,
    output: str | None,
    errors_file: str | None,
    *,
    locks: list[OutputLock],
    append: bool = False,
    errors_append: bool | None = None,
    deduper: Deduper | None = None,
    drop_duplicates: bool = False,
    report_error: Callable[[Article], None] | None = None,
) -> BatchSink:
    """The run's writer and errors file, opened before any work so a bad path fails at once.

    ``locks`` (from :func:`lock_outputs`) are released when the sink closes,
    or here if opening fails. ``append`` continues the output and, unless
    ``errors_append`` says otherwise, the errors file (``--resume``).
    """
    try:
        try:
            errors = ErrorsFile(errors_file, append=append if errors_append is None else errors_append)
        except OSError as exc:
            raise CannotWrite(str(errors_file), exc) from exc
        try:
            writer = open_writer(fmt, output, append=append, dedup=deduper is not None)
        except OSError as exc:
            errors.close()
            raise CannotWrite("standard output" if output in (None, "-") else str(output), exc) from exc
    except BaseException:
        for lock in locks:
            lock.release()
        raise
    return BatchSink(
        writer=writer, errors=errors, deduper=deduper, drop_duplicates=drop_duplicates,
        report_error=report_error, output_name="-" if output in (None, "-") else str(output), locks=locks,
    )


def quiet_closed_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the interpreter's last flush does not complain."""
    with contextlib.suppress(OSError, ValueError):  # stdout already gone: nothing to quieten
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
