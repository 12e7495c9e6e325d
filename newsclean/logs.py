"""The command line's log: one line format, the input named, other libraries' messages routed through it.

The library only logs (``logging.getLogger(__name__)``); this module is what
the CLI calls to show those messages, and what a worker process calls to show
them the same way (a ``forkserver`` worker inherits none of the parent's
logging set-up, so :func:`worker_settings` travels with it). Every line reads
``newsclean: [level: ][input: ][library: ]message``:

* the input is the one being cleaned when the message was logged, from a
  context variable the batch runner sets around each item
  (:func:`naming_input`); a message from trafilatura, htmldate or lxml about
  "discarding data: None" then says which page it concerns;
* another library's warning is shown once per input (trafilatura's passes
  repeat theirs), its debug and info chatter only at ``-vv``;
* ``warnings.warn`` from any library goes through the same lines.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath
from typing import IO

from .io.encodable import escape_unencodable

#: The input being cleaned (its source: a path, an archive reference, a URL), or ``None``.
CURRENT_INPUT: ContextVar[str | None] = ContextVar("newsclean_input", default=None)

#: Our own loggers' common parent.
OWN = "newsclean"
#: -v: newsclean's own debug lines (the story of each page); -vv: every library's.
VERBOSE, VERY_VERBOSE = 1, 2


@contextmanager
def naming_input(name: str | None) -> Iterator[None]:
    """Name ``name`` on every log line emitted (in this thread or task) until the block ends."""
    token = CURRENT_INPUT.set(name)
    try:
        yield
    finally:
        CURRENT_INPUT.reset(token)


def _is_own(logger_name: str) -> bool:
    return logger_name == OWN or logger_name.startswith(OWN + ".")


class InputNamer(logging.Filter):
    """Puts the current input on each record; lets another library's warning through once per input.

    The memory of warnings seen is for the current input only (cleared when
    the input changes), so it stays small however long the run.
    """

    def __init__(self) -> None:
        super().__init__()
        self._input: str | None = None
        self._seen: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        name = CURRENT_INPUT.get()
        record.input = name
        if _is_own(record.name) or record.levelno < logging.WARNING:
            return True
        if name != self._input:
            self._input, self._seen = name, set()
        key = (record.name, record.getMessage())
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


class LineFormatter(logging.Formatter):
    """``newsclean: [level: ][input: ][library: ]message`` (debug and info lines carry no level)."""

    def format(self, record: logging.LogRecord) -> str:
        parts = ["newsclean"]
        if record.levelno >= logging.WARNING:
            parts.append(record.levelname.lower())
        named = getattr(record, "input", None)
        if named:
            parts.append(str(named))
        if not _is_own(record.name):
            parts.append(record.name.split(".", 1)[0])
        parts.append(record.getMessage())
        line = ": ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        # An input named by bytes that are not UTF-8 is shown as the errors file shows it (bad\xff.html).
        return escape_unencodable(line)


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it), like logging's last resort."""

    def __init__(self, verbosity: int) -> None:
        super().__init__()
        self.verbosity = verbosity

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # logging's contract: a failing handler reports itself, never raises
            self.handleError(record)


def _library_of(filename: str) -> str:
    """The top-level package a warning's file belongs to (``…/site-packages/htmldate/core.py``: htmldate)."""
    parts = PurePath(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            return parts[parts.index(marker) + 1].removesuffix(".py")
    if OWN in parts:
        return OWN
    return PurePath(filename).stem or "python"


def _show_warning(
    message: Warning | str, category: type[Warning], filename: str, lineno: int,
    file: IO[str] | None = None, line: str | None = None,
) -> None:
    """``warnings.showwarning`` replacement: the warning as a log line of the library that issued it."""
    logging.getLogger(_library_of(filename)).warning("%s: %s", category.__name__, message)


def configure_logging(verbosity: int = 0) -> None:
    """Show log lines on stderr: warnings; newsclean's debug lines at 1 (-v); everyone's at 2 (-vv).

    Idempotent: a second call replaces the first's handler (``main`` may run
    more than once in a process, and a forked worker inherits the parent's).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(handler)
    handler = _StderrHandler(verbosity)
    handler.addFilter(InputNamer())
    handler.setFormatter(LineFormatter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbosity >= VERY_VERBOSE else logging.WARNING)
    logging.getLogger(OWN).setLevel(logging.DEBUG if verbosity >= VERBOSE else logging.NOTSET)
    warnings.showwarning = _show_warning


def worker_settings() -> int | None:
    """What a worker process needs to log as this one does (``None``: the CLI did not configure logging)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _StderrHandler):
            return handler.verbosity
    return None


def apply_worker_settings(settings: int | None) -> None:
    """In a worker process: log as the parent does (a no-op when the parent left logging alone)."""
    if settings is not None:
        configure_logging(settings)
