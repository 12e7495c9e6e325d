"""Run ``newsclean`` through ``cli.main`` in the test process, as a subprocess run would see it.

A subprocess run pays the interpreter start, the imports and the warm-up
(lexicons, language profiles, date parsers) again: about a second of CPU
before its first page, on a suite that ran dozens of them. Tests whose
subject is the command's behaviour (exit codes, records, stderr lines) call
:func:`run_cli` instead; tests whose subject is the process itself (signals,
closed pipes, resource limits, file-descriptor encodings, the ``python -m``
entry point) keep a real subprocess.

What stays the same as a subprocess: the working directory, standard input,
output and error (bytes, as a pipe would carry them, the pool workers' lines
included), the exit status, also when ``argparse`` ends the run through
``SystemExit``. What is restored afterwards, so one run leaves no state to
the next test: the working directory, the standard streams and descriptors,
and the logging and warning set-up that ``main`` installs for its run.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsclean.cli import main

#: The environment of a child ``python -m newsclean`` whose output a test reads beside an in-process
#: run's: it imports this checkout, never an installed copy (its working directory is a temporary one).
CHECKOUT_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


@dataclass(frozen=True)
class CliRun:
    """What a finished run gave: the fields of ``subprocess.CompletedProcess`` the tests read."""

    returncode: int
    stdout: bytes
    stderr: bytes


@contextlib.contextmanager
def _captured(fd: int, sink: IO[bytes], errors: str) -> Iterator[io.TextIOWrapper]:
    """File descriptor ``fd`` and a text stream over it, both into ``sink`` (a file) while the run lasts.

    A file, not a buffer in memory: the pool's forked workers inherit the
    descriptor, so what they log (and what C code writes to fd 1 or 2) is
    captured as a pipe to a subprocess would carry it. Unbuffered, so a fork
    never copies bytes not yet written.
    """
    saved = os.dup(fd)
    os.dup2(sink.fileno(), fd)
    stream = io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), encoding="utf-8", errors=errors, newline="\n",
                              write_through=True)
    try:
        yield stream
    finally:
        if not stream.closed:
            stream.flush()
        os.dup2(saved, fd)
        os.close(saved)


def _written(sink: IO[bytes]) -> bytes:
    sink.seek(0)
    return sink.read()


def run_cli(*args: str, cwd: Path, stdin: bytes = b"") -> CliRun:
    """``newsclean ARGS`` run in ``cwd`` with ``stdin``; its exit status and what it wrote."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    root = logging.getLogger()
    own = logging.getLogger("newsclean")
    saved = (list(root.handlers), root.level, own.level, warnings.showwarning)
    previous = Path.cwd()
    for stream in streams[1:]:
        stream.flush()
    with tempfile.TemporaryFile() as out_sink, tempfile.TemporaryFile() as err_sink:
        # stderr's error handler is the interpreter's own for a pipe (a name that is not UTF-8 stays readable).
        with _captured(1, out_sink, "strict") as out, _captured(2, err_sink, "backslashreplace") as err:
            os.chdir(cwd)
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
            sys.stdout, sys.stderr = out, err
            try:
                try:
                    code = main(list(args))
                except SystemExit as exc:  # argparse: --help, or a bad argument
                    code = exc.code if isinstance(exc.code, int) else 1
            finally:
                sys.stdin, sys.stdout, sys.stderr = streams
                os.chdir(previous)
                root.handlers[:] = saved[0]
                root.setLevel(saved[1])
                own.setLevel(saved[2])
                warnings.showwarning = saved[3]
        return CliRun(code, _written(out_sink), _written(err_sink))
