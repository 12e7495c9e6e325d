"""What a batch command shows while and after it runs: progress bar, failure lines, summary, exit status.

``newsclean clean`` and ``newsclean fetch`` share these, so both show the
same bar, print failures the same way, end on the same summary line and
exit with the same status: 0 when every input was cleaned (or, on a resumed
run, was already done), 3 when some were and others failed, 1 when none
was, 130 when interrupted (2, bad arguments, is the parser's).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

from .io.sink import Counts
from .record import Article

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
        line = f"newsclean: {article.source}: {article.error}"
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    return report


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
