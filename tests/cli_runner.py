"""Run ``newsclean`` through ``cli.main`` in the test process, as a subprocess run would see it.

A subprocess run pays the interpreter start, the imports and the warm-up
(lexicons, language profiles, date parsers) again: about a second of CPU
before its first page, on a suite that ran dozens of them. Tests whose
subject is the command's behaviour (exit codes, records, stderr lines) call
:func:`run_cli` instead; tests whose subject is the process itself (signals,
closed pipes, resource limits, file-descriptor encodings, the ``python -m``
entry point) keep a real subprocess.

What stays the same as a subprocess: the working directory, standard input,
output and error (bytes, as a pipe would carry them), the exit status, also
when ``argparse`` ends the run through ``SystemExit``. What is restored
afterwards, so one run leaves no state to the next test: the working
directory, the standard streams, and the logging and warning set-up that
``main`` installs for its run.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from newsclean.cli import main


@dataclass(frozen=True)
class CliRun:
    """What a finished run gave: the fields of ``subprocess.CompletedProcess`` the tests read."""

    returncode: int
    stdout: bytes
    stderr: bytes


class _Pipe(io.BytesIO):
    """An in-memory pipe end that keeps what was written even if the writer closes it."""

    def close(self) -> None:
        self.kept = self.getvalue()
        super().close()

    def written(self) -> bytes:
        return self.kept if self.closed else self.getvalue()


def _stream(pipe: _Pipe, errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(pipe, encoding="utf-8", errors=errors, newline="\n", write_through=True)


def run_cli(*args: str, cwd: Path, stdin: bytes = b"") -> CliRun:
    """``newsclean ARGS`` run in ``cwd`` with ``stdin``; its exit status and what it wrote."""
    out, err = _Pipe(), _Pipe()
    # stderr's error handler is the interpreter's own for a pipe (a name that is not UTF-8 stays readable).
    streams = (sys.stdin, sys.stdout, sys.stderr)
    root = logging.getLogger()
    own = logging.getLogger("newsclean")
    saved = (list(root.handlers), root.level, own.level, warnings.showwarning)
    previous = Path.cwd()
    os.chdir(cwd)
    sys.stdin = _stream(_Pipe(stdin), "strict")
    sys.stdout, sys.stderr = _stream(out, "strict"), _stream(err, "backslashreplace")
    try:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, or a bad argument
            code = exc.code if isinstance(exc.code, int) else 1
        for stream in (sys.stdout, sys.stderr):
            if not stream.closed:
                stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        os.chdir(previous)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        own.setLevel(saved[2])
        warnings.showwarning = saved[3]
    return CliRun(code, out.written(), err.written())
