"""What a batch command shows while and after it runs: progress bar, failure lines, summary, exit status.

``newsclean clean`` and ``newsclean fetch`` share these, so both show the
same bar, print failures the same way, end on the same summary line and
exit with the same status: 0 when every input was cleaned (or, on a resumed
run, was already done), 3 when some were and others failed, 1 when none
was, 130 when interrupted by Ctrl-C and 143 by SIGTERM, 2 for bad arguments
or an output that cannot be written; a reader closing the pipe (``| head``)
ends the run quietly with 0.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .io.encodable import escape_unencodable
from .io.sink import Counts, OutputFailed
from .io.targets import CannotWrite, quiet_closed_stdout
from .record import Article
from .signals import EXIT_TERMINATED, Terminated

#: Exit statuses of a batch command.
EXIT_OK, EXIT_NOTHING_CLEANED, EXIT_BAD_ARGUMENTS, EXIT_SOME_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def shows_progress(quiet: bool, stream: IO[str] | None = None) -> bool:
    """Whether to draw a progress bar: on a terminal, unless ``-q``."""
    stream = stream if stream is not None else sys.stderr
    return not quiet and stream.isatty()


def progress_bar(total: int | None, quiet: bool) -> Any:
    """A tqdm bar on stderr when it is a terminal, else ``None``."""
    if not shows_progress(quiet):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def error_reporter(bar: Any) -> Callable[[Article], None]:
    """Print a failed input on stderr (through the bar, when there is one, so it is not torn)."""

    def report(article: Article) -> None:
        # Escaped as in the errors file: a name that is not UTF-8 reads bad\xff.html in both.
        line = escape_unencodable(f"newsclean: {article.source}: {article.error}")
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    return report


def cannot_start(exc: BaseException) -> int:
    """Print why a run could not start (its output cannot be written, an extra is missing); its exit status.

    A reader that closed the pipe before the first record (``| head -0``)
    is no error: the run ends quietly with 0.
    """
    if isinstance(exc, CannotWrite) and exc.closed_pipe:
        quiet_closed_stdout()
        return EXIT_OK
    print(f"newsclean: error: {exc}", file=sys.stderr)
    return EXIT_BAD_ARGUMENTS


def summary_line(counts: Counts, elapsed: float, *, interrupted: bool = False, extra: str = "") -> str:
    """The last line of a run; ``extra`` is the command's own clause (``fetch``: its links)."""
    skipped = f", {counts.skipped} already done" if counts.skipped else ""
    rate = counts.pages / elapsed if elapsed else 0
    return (
        f"newsclean: {counts.pages} inputs, {counts.cleaned} cleaned, {counts.empty} empty, "
        f"{counts.errors} errors, {counts.duplicates} duplicates{skipped}, {elapsed:.1f}s"
        f" ({rate:.1f} pages/s)" + (", interrupted" if interrupted else "") + (f"; {extra}" if extra else "")
    )


def print_summary(counts: Counts, elapsed: float, *, quiet: bool, interrupted: bool = False, extra: str = "") -> None:
    """Print :func:`summary_line` on stderr, unless ``-q``."""
    if not quiet:
        print(summary_line(counts, elapsed, interrupted=interrupted, extra=extra), file=sys.stderr)


@dataclass
class RunEnd:
    """How a batch run ended: its counts, and what stopped it early (Ctrl-C, SIGTERM, a failed write)."""

    counts: Counts
    output: str | None
    stop: BaseException | None = None
    #: Where an unfinished output's records went, when not to the output itself (``OUT.partial``).
    partial: Path | None = None

    def report(self, elapsed: float, *, quiet: bool, extra: str = "") -> int:
        """Print the closing lines on stderr and return the exit status."""
        stop = self.stop
        if isinstance(stop, OutputFailed):
            if stop.closed_pipe:  # "newsclean clean ... | head": the reader has what it wanted
                quiet_closed_stdout()
                return EXIT_OK
            # Not "the records finished": the disk may have filled inside the last one.
            kept = f"; what was written is in {self.partial}" if self.partial else ""
            done = self.counts.pages
            print(f"newsclean: error: {stop}; stopped after {done} input{'' if done == 1 else 's'}{kept}",
                  file=sys.stderr)
            return EXIT_BAD_ARGUMENTS
        interrupted = stop is not None
        if self.partial is not None:
            print(f"newsclean: interrupted: {self.output} is left as it was; "
                  f"the records finished are in {self.partial}", file=sys.stderr)
        print_summary(self.counts, elapsed, quiet=quiet, interrupted=interrupted, extra=extra)
        if isinstance(stop, Terminated):
            return EXIT_TERMINATED
        return exit_status(self.counts, interrupted)


def exit_status(counts: Counts, interrupted: bool) -> int:
    """The documented status: a partial failure is not a success, and is told apart from a total one.

    130 when interrupted; 1 when nothing was cleaned (nor already done by a
    resumed run); 3 when some inputs failed beside cleaned ones; else 0.
    """
    if interrupted:
        return EXIT_INTERRUPTED
    if not counts.cleaned and not counts.skipped:
        return EXIT_NOTHING_CLEANED
    return EXIT_SOME_FAILED if counts.errors else EXIT_OK
