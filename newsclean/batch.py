"""A ``newsclean clean`` run on this machine: inputs walked, resumed, cleaned by the pool, written by the sink.

Kept out of :mod:`newsclean.cli`, so the CLI is argument parsing and
printing only. A run is described by a typed, frozen
:class:`CleanRun` (the CLI builds it from its arguments; the Spark engine
takes the same object), and :func:`run_local` returns how it ended
(:class:`~newsclean.runsummary.RunEnd`) for the CLI to print and turn into
an exit status. :func:`drain` is the loop ``newsclean fetch`` shares: every
outcome into the sink, the progress bar kept, and on Ctrl-C, SIGTERM or a
failed write the output closed so that only whole records remain.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dedup import make_deduper
from .io.bounded import ReadLimits
from .io.encodable import escape_unencodable
from .io.lock import OutputLock
from .io.readers import InputItem, WalkReport, count_inputs, iter_inputs
from .io.resume import EarlierErrors, done_sources, iter_written
from .io.sink import BatchSink, OutputFailed
from .io.targets import CannotWrite, lock_outputs, open_sink
from .options import Options
from .pipeline import Outcome, iter_outcomes
from .runsummary import RunEnd, error_reporter, progress_bar, shows_progress

#: ``--dedup near``'s Jaccard similarity of a duplicate when ``--near-threshold`` is not given.
DEFAULT_NEAR_THRESHOLD = 0.8


@dataclass(frozen=True)
class CleanRun:
    """What one ``newsclean clean`` run reads and writes, as typed values.

    ``errors`` is the errors file already defaulted (``OUT.errors.jsonl``),
    ``own`` the resolved paths the run writes, which are never read as
    inputs. ``timeout`` is the per-page limit (``None``: none) and ``jobs``
    the worker processes (``None``: every core this process may use). The
    last three fields are the Spark engine's; the local engine ignores them.
    """

    paths: tuple[str, ...]
    output: str | None = None
    errors: str | None = None
    own: frozenset[Path] = frozenset()
    format: str = "jsonl"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_symlinks: bool = False
    timeout: float | None = 60.0
    quiet: bool = False
    jobs: int | None = None
    ordered: bool = True
    resume: bool = False
    retry_errors: bool = False
    dedup: str | None = None
    near_threshold: float = DEFAULT_NEAR_THRESHOLD
    drop_duplicates: bool = False
    master: str | None = None
    spark_env: str | None = None
    spark_python: str | None = None


def all_cores() -> int:
    """The cores this process may run on (a container's share, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass
class Progress:
    """The progress bar of a run (``None``: not drawn), advanced once per outcome.

    ``total`` gives the bar's length when it is known only once work has
    started (``fetch`` learns it when discovery ends); such a bar is filled
    when the run completes, since a page that makes no record (a redirect to
    one already fetched) would leave it short.
    """

    bar: Any
    total: Callable[[], int] | None = None

    def step(self) -> None:
        if self.bar is None:
            return
        if self.bar.total is None and self.total is not None:
            self.bar.total = self.total()
        self.bar.update(1)

    def close(self, *, complete: bool) -> None:
        if self.bar is None:
            return
        if complete and self.total is not None:
            self.bar.total = self.bar.n
        self.bar.close()


def drain(
    outcomes: Iterable[Outcome],
    sink: BatchSink,
    progress: Progress,
    end: RunEnd,
    *,
    settle: Callable[[], None] | None = None,
) -> RunEnd:
    """Write every outcome through ``sink``; stop on Ctrl-C, SIGTERM or a failed write, closing cleanly.

    ``outcomes`` is closed (its pool stopped) as soon as the loop ends, as a
    ``for`` over a temporary generator would close it, before the sink.

    ``settle`` runs after the last outcome (and after an interruption), before
    the sink closes: the clean run adds there the inputs its walk could not
    read to the errors file. A failure there or in the final write is the
    run's stop reason, as a failed write during the loop is.
    """
    iterator = iter(outcomes)
    try:
        try:
            for outcome in iterator:
                sink.handle(outcome)
                progress.step()
        finally:
            # Stop the producer (worker pool, crawl threads) now, in this thread, before the output
            # closes. Left to the garbage collector (the stop exception's traceback holds this frame),
            # a crawl's generator could be finalised on one of its own threads, which cannot join itself.
            close = getattr(iterator, "close", None)
            if close is not None:
                close()
    except (KeyboardInterrupt, OutputFailed) as exc:
        end.stop = exc
    finally:
        progress.close(complete=end.stop is None)
        if settle is not None and not isinstance(end.stop, OutputFailed):
            try:
                settle()
            except OSError as exc:
                end.stop = OutputFailed(sink.errors.name or "the errors file", exc)
        try:
            end.partial = sink.close(complete=end.stop is None)
        except OutputFailed as exc:  # the last buffered rows met a full disk
            end.stop, end.partial = exc, exc.partial
    return end


def run_local(run: CleanRun, options: Options) -> RunEnd:
    """Clean ``run``'s inputs with the local process pool; the output is locked for the whole run.

    ``--resume`` skips the inputs the output and its errors file already
    hold (``--retry-errors``: those in the errors file are cleaned again);
    de-duplication remembers the records a resumed output holds.

    Raises:
        CannotWrite: the output or errors file cannot be opened.
    """
    total = (
        None if not shows_progress(run.quiet)
        else count_inputs(run.paths, run.include, run.exclude, skip=run.own, follow_symlinks=run.follow_symlinks)
    )
    # Locked before --resume reads what was written: a second run must not see the same done set.
    locks = lock_outputs(run.output, run.errors)
    earlier, done = _what_was_done(run, locks)
    bar = progress_bar(None if total is None else max(0, total - len(done)), run.quiet)
    sink = _open_run_sink(run, locks, bar)
    walk = WalkReport()
    items = _items_to_clean(run, options, walk, earlier, done)
    if done or earlier:
        sink.counts.skipped = len(done)

    def settle() -> None:
        # Inputs the walk could not read were warned about as found; now they join the errors file.
        for source, reason in walk.failed:
            if earlier.take(escape_unencodable(source), done):
                sink.input_failed(source, reason)
        sink.errors.restore(earlier.left())

    outcomes = iter_outcomes(items, options, jobs=run.jobs or all_cores(), timeout=run.timeout, ordered=run.ordered)
    return drain(outcomes, sink, Progress(bar), RunEnd(sink.counts, run.output), settle=settle)


def _what_was_done(run: CleanRun, locks: list[OutputLock]) -> tuple[EarlierErrors, set[str]]:
    """For ``--resume``: the errors to retry and the sources already written (the locks go if reading fails)."""
    try:
        earlier = EarlierErrors.read(run.errors if run.retry_errors else None)
        done = done_sources(run.output, None if run.retry_errors else run.errors) if run.resume else set()
    except BaseException:
        for lock in locks:
            lock.release()
        raise
    return earlier, done


def _open_run_sink(run: CleanRun, locks: list[OutputLock], bar: Any) -> BatchSink:
    """The run's sink; a resumed de-duplicating run first remembers the records its output holds."""
    dedup = make_deduper(run.dedup, run.near_threshold) if run.dedup else None
    try:
        sink = open_sink(
            run.format, run.output, run.errors, locks=locks,
            append=run.resume, errors_append=run.resume and not run.retry_errors,  # see EarlierErrors
            deduper=dedup, drop_duplicates=run.drop_duplicates, report_error=error_reporter(bar),
        )
    except CannotWrite:
        if bar is not None:
            bar.close()
        raise
    if run.resume and dedup is not None and run.output is not None and Path(run.output).is_file():
        for record in iter_written(Path(run.output)):
            sink.remember(record)
    return sink


def _items_to_clean(
    run: CleanRun, options: Options, walk: WalkReport, earlier: EarlierErrors, done: set[str]
) -> Iterator[InputItem]:
    """The walked inputs, less those a resumed run already wrote (``walk`` collects what could not be read)."""
    # The reading process holds inputs to the same size limit and per-page time as the workers.
    limits = ReadLimits(max_bytes=options.max_input_bytes, deadline=run.timeout)
    items: Iterator[InputItem] = iter_inputs(
        run.paths, run.include, run.exclude, stdin=sys.stdin.buffer, skip=run.own, report=walk, limits=limits,
        follow_symlinks=run.follow_symlinks,
    )
    if done or earlier:
        # Sources are compared as written: escaped where the name is not valid Unicode.
        items = (item for item in items if earlier.take(escape_unencodable(item.source), done))
    return items
