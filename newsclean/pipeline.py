"""Batches: clean many inputs, in order, in one process or a pool of workers.

A batch never stops on one bad input: every failure becomes a record with
``error`` set (a one-line reason, plus a traceback summary on the side), so
callers can route it to an errors file while the run goes on.

The pool is hand-rolled rather than a ``ProcessPoolExecutor`` because a
corpus run needs two things the executor cannot give: knowing *which* page a
worker was on when it died (the executor only reports a broken pool, so every
in-flight page would be suspect), and a per-page time limit that works
anywhere, including Spark executors and threads where signals are not
available. Each worker takes one page at a time over its own pipe; a worker
that dies or overruns its budget is killed and replaced, and only its page
becomes an error record.
"""

from __future__ import annotations

import enum
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import DefaultContext, ForkServerContext
from multiprocessing.process import BaseProcess
from typing import Any

from .item import Item, describe_item
from .item import clean_item as clean_item  # re-exported: callers import it from here
from .item import clean_item_traced as clean_item_traced  # re-exported, as above
from .item import error_article as error_article  # re-exported, as above
from .logs import apply_worker_settings, naming_input, worker_settings
from .options import Options, resolve_options
from .record import Article
from .signals import ignore_stop_signals
from .warm import BOTH, paths_for, warm_up
from .worker_gc import tune_worker_gc

logger = logging.getLogger(__name__)

#: The per-item function a worker runs (module-level, so it pickles by name).
Work = Callable[[Any, Options], "tuple[Article, str | None]"]


@dataclass(frozen=True)
class Outcome:
    """A cleaned item: its position in the input, its record, and for failures a traceback summary."""

    index: int
    article: Article
    trace: str | None = None


def _worker_main(conn: Connection, options: Options, work: Work, log_settings: int | None = None) -> None:
    """A worker's loop: one item in, one record out, until told to stop."""
    apply_worker_settings(log_settings)  # a forkserver worker inherits no logging set-up
    # Ctrl-C reaches the whole process group (SIGTERM too, from Slurm or a container); the parent decides.
    ignore_stop_signals()
    # The code and data the worker starts with never become garbage: the collector leaves them alone.
    tune_worker_gc()
    parent = os.getppid()
    while True:
        try:
            # A forked worker inherits copies of the parent's pipe ends, so a
            # killed parent does not always mean EOF here: watch for it too.
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        with naming_input(describe_item(item)):
            article, trace = work(item, options)
        try:
            conn.send((index, article, trace))
        except OSError:  # the parent is gone
            return


def _worker_context() -> DefaultContext | ForkServerContext:
    """How to start a worker: the default (fork on Linux), or ``forkserver`` when threads are running.

    Forking copies only the calling thread: a lock another thread held at
    that moment (logging's, urllib3's pool lock, the allocator's) stays held
    forever in the child, which then hangs on its first page. ``newsclean
    fetch`` starts workers while its fetch threads run, so then workers come
    from a fork server (a clean single-threaded process) instead. A plain
    ``newsclean clean`` has no other threads and keeps the cheaper fork.
    """
    if threading.active_count() > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context()


class _Worker:
    """One worker process, its pipe, and the item it is on (if any)."""

    def __init__(self, options: Options, work: Work, first: Item | None = None) -> None:
        ctx = _worker_context()
        if ctx.get_start_method() == "fork":
            # Once per parent and path: forked workers start with the code and English data loaded.
            # Only the cleaner's own items tell their format; another work function's warm both paths.
            warm_up(paths_for(first, options) if work is clean_item_traced else BOTH)
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(target=_worker_main, args=(child, options, work, worker_settings()),
                                                  daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, Item] | None = None
        self.started = 0.0

    def assign(self, index: int, item: Item) -> None:
        self.conn.send((index, item))
        self.task, self.started = (index, item), time.monotonic()

    def stop(self, *, force: bool = False) -> None:
        if not force:
            try:
                self.conn.send(None)
            except OSError:
                force = True
        if force and self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():  # pragma: no cover - a worker ignoring SIGKILL
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """Up to ``jobs`` worker processes, each given one page at a time.

    Args:
        jobs: number of worker processes (started lazily, as pages come).
        options: cleaning options shipped to each worker once.
        timeout: per-page budget in seconds; a worker over it is killed and
            replaced, and its page becomes an error record ``timeout``.
        work: the per-item function (default :func:`clean_item_traced`).
    """

    def __init__(
        self, jobs: int, options: Options, timeout: float | None = None, work: Work | None = None
    ) -> None:
        self.jobs, self.options, self.timeout = max(1, jobs), options, timeout
        self.work: Work = work or clean_item_traced
        self.workers: list[_Worker] = []

    def idle_worker(self, item: Item | None = None) -> _Worker | None:
        """An idle worker, started for ``item`` (its format decides what the parent warms) if none is."""
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) < self.jobs:
            self.workers.append(_Worker(self.options, self.work, item))
            return self.workers[-1]
        return None

    def has_room(self) -> bool:
        return len(self.busy) < self.jobs

    @property
    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def submit(self, index: int, item: Item) -> bool:
        """Hand ``item`` to an idle worker; ``False`` when all are busy."""
        worker = self.idle_worker(item)
        if worker is None:
            return False
        try:
            worker.assign(index, item)
        except OSError:  # the idle worker died between pages: replace it, try once more
            self._replace(worker)
            worker = self.idle_worker(item)
            assert worker is not None
            worker.assign(index, item)
        return True

    def _replace(self, worker: _Worker, *, force: bool = True) -> None:
        worker.stop(force=force)
        self.workers.remove(worker)

    def collect(self) -> list[Outcome]:
        """Wait for at least one busy worker to finish, die or time out; return what ended."""
        busy = self.busy
        if not busy:
            return []
        wait_for: float | None = None
        if self.timeout is not None:
            soonest = min(w.started for w in busy) + self.timeout
            wait_for = max(0.0, soonest - time.monotonic())
        handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        wait(handles, timeout=wait_for)
        ended: list[Outcome] = []
        now = time.monotonic()
        for worker in busy:
            assert worker.task is not None
            index, item = worker.task
            if worker.conn.poll():
                try:
                    got_index, article, trace = worker.conn.recv()
                except (EOFError, OSError):
                    pass  # died while answering: handled as a crash below
                else:
                    worker.task = None
                    ended.append(Outcome(got_index, article, trace))
                    continue
            if not worker.process.is_alive() or worker.conn.closed:
                code = worker.process.exitcode
                # The error record is the report (the CLI prints it): logged again only for -v.
                logger.debug("worker died (exit code %s) on %s", code, describe_item(item))
                reason = f"worker crashed (exit code {code})"
                ended.append(Outcome(index, error_article(item, reason), reason))
                self._replace(worker)
            elif self.timeout is not None and now - worker.started >= self.timeout:
                logger.debug("page over its %ss budget: %s", self.timeout, describe_item(item))
                reason = f"timeout: over {self.timeout:g}s"
                ended.append(Outcome(index, error_article(item, reason), reason))
                self._replace(worker)
        return ended

    def close(self, *, force: bool = False) -> None:
        for worker in self.workers:
            worker.stop(force=force or worker.task is not None)
        self.workers.clear()


def iter_outcomes(
    items: Iterable[Item],
    options: Options,
    *,
    jobs: int = 1,
    timeout: float | None = None,
    ordered: bool = True,
    window: int | None = None,
    work: Work | None = None,
    isolate: bool = False,
) -> Iterator[Outcome]:
    """Clean items as a stream of :class:`Outcome`, in input order unless ``ordered`` is false.

    Items are pulled from ``items`` only as workers free up, and at most
    ``window`` (default ``4 * jobs``) are held between reading and yielding,
    so memory is bounded by the window, not by the size of the input. With
    one job and no timeout, items are cleaned in this process (no pickling),
    unless ``isolate`` asks for a worker process anyway (a Spark task, where a
    page crashing the interpreter must not take the task with it).
    ``work`` replaces the per-item function (it must be importable by name).
    """
    run = work or clean_item_traced
    if jobs <= 1 and timeout is None and not isolate:
        yield from _clean_here(items, options, run)
    else:
        pool = WorkerPool(jobs, options, timeout, run)
        yield from _clean_in_pool(items, pool, max(window or 4 * jobs, jobs), ordered)


def _clean_here(items: Iterable[Item], options: Options, run: Work) -> Iterator[Outcome]:
    """Each item cleaned in this process, in order: no pickling, no worker to start."""
    for index, item in enumerate(items):
        with naming_input(describe_item(item)):
            outcome = Outcome(index, *run(item, options))
        yield outcome


def _clean_in_pool(items: Iterable[Item], pool: WorkerPool, limit: int, ordered: bool) -> Iterator[Outcome]:
    """Items through ``pool``, at most ``limit`` between reading and yielding; the pool is closed at the end.

    On any stop (an error, Ctrl-C, the caller closing the stream) the
    workers are killed rather than waited for.
    """
    window = _Window(enumerate(items), limit, ordered)
    try:
        while True:
            window.fill(pool)
            if window.exhausted and not pool.busy:
                break
            yield from window.emit(pool.collect())
    except BaseException:
        pool.close(force=True)
        raise
    pool.close()


@dataclass
class _Window:
    """The items between reading and yielding: what bounds memory, and what keeps the output in input order."""

    source: Iterator[tuple[int, Item]]
    limit: int
    ordered: bool
    next_in: int = 0
    next_out: int = 0
    exhausted: bool = False
    #: Outcomes finished ahead of an earlier item (ordered output only).
    done: dict[int, Outcome] = field(default_factory=dict)

    def fill(self, pool: WorkerPool) -> None:
        """Hand items to free workers while the window has room; notes when the input ends."""
        while not self.exhausted and self.next_in - self.next_out < self.limit and pool.has_room():
            try:
                index, item = next(self.source)
            except StopIteration:
                self.exhausted = True
                break
            pool.submit(index, item)
            self.next_in = index + 1

    def emit(self, collected: Iterable[Outcome]) -> Iterator[Outcome]:
        """The outcomes that may go out now: all of them unordered, the next ones in input order otherwise."""
        for outcome in collected:
            if self.ordered:
                self.done[outcome.index] = outcome
            else:
                self.next_out += 1
                yield outcome
        while self.ordered and self.next_out in self.done:
            yield self.done.pop(self.next_out)
            self.next_out += 1


class _Default(enum.Enum):
    """Marks an argument left to the options (``timeout``: the ``time_budget`` option)."""

    FROM_OPTIONS = "from options"


def clean_many(
    items: Iterable[Item],
    jobs: int = 1,
    *,
    timeout: float | _Default | None = _Default.FROM_OPTIONS,
    ordered: bool = True,
    options: Options | None = None,
    **kwargs: Any,
) -> Iterator[Article]:
    """Clean every item, yielding records (in input order unless ``ordered=False``).

    Items are paths (``str`` or ``pathlib.Path``: a ``str`` is always a
    path, never page content), raw pages as ``bytes``, records (``dict`` with
    ``html`` or ``text``, plus optional ``url``, ``id``, ``crawl_date``: the
    way to pass a page held as a ``str``) or
    :class:`~newsclean.io.readers.InputItem`. A missing or unreadable file,
    or an item of another type, becomes a record with ``error`` set.
    Options come as ``options=Options(...)`` or as keywords, not both; a bad
    option raises :class:`~newsclean.errors.OptionsError` at the call, before
    any item is read.
    Each page gets the ``time_budget`` option's seconds (60 by default;
    ``timeout`` overrides it, ``None`` for no limit): worker processes clean
    the pages, and one that crashes its worker or overruns the budget becomes
    an error record while the run goes on. With no budget and one job, pages
    are cleaned in this process.
    """
    opts = resolve_options(options, kwargs)
    budget = opts.time_budget if isinstance(timeout, _Default) else timeout
    outcomes = iter_outcomes(items, opts, jobs=jobs, timeout=budget, ordered=ordered)
    return (outcome.article for outcome in outcomes)
