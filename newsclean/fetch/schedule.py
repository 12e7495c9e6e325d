"""Handing links to the fetch threads so that one slow host cannot hold the others up.

Politeness lets a host have ``host_concurrency`` requests at a time; a
thread given a second link of a busy host would sit at the host gate doing
nothing. With links handed out in input order, ten links of a trickling
host at the head of the list took all eight threads, and a good host's
first request waited behind three of them. :class:`HostQueues` gives a
thread a link only when its host has a free slot, keeping the rest in a
queue per host, so the threads always work for hosts that can take a
request. Each link's result still comes back through its own future, so the
caller keeps input order.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Generic, TypeVar
from urllib.parse import urlsplit

I = TypeVar("I")  # noqa: E741 - the item type, as T is the result type
T = TypeVar("T")


def host_key(url: str) -> str:
    """The host politeness is owed to: the name without port, as :class:`~.politeness.HostGate` keys it."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # a malformed URL: the fetch reports it; it queues with other unparsable ones
        return ""


class HostQueues(Generic[I, T]):
    """Submit ``work(item)`` calls to ``executor``, at most ``per_host`` at a time for one host.

    ``work`` must not raise (the crawl's guarded fetch turns every failure
    into a result); if it does, the exception is set on the link's future.
    """

    def __init__(self, executor: Executor, work: Callable[[I], T], per_host: int) -> None:
        self._executor, self._work, self._per_host = executor, work, per_host
        self._lock = threading.Lock()
        self._running: dict[str, int] = {}
        self._waiting: dict[str, deque[tuple[I, Future[T]]]] = {}

    def submit(self, host: str, item: I) -> Future[T]:
        """A future for ``work(item)``; the call starts now or when ``host`` frees a slot."""
        result: Future[T] = Future()
        with self._lock:
            if self._running.get(host, 0) >= self._per_host:
                self._waiting.setdefault(host, deque()).append((item, result))
                return result
            self._running[host] = self._running.get(host, 0) + 1
        self._start(host, item, result)
        return result

    def _start(self, host: str, item: I, result: Future[T]) -> None:
        def run() -> None:
            try:
                if result.set_running_or_notify_cancel():
                    result.set_result(self._work(item))
            except BaseException as exc:  # handed to the consumer through the future
                result.set_exception(exc)
            finally:
                self._next(host)

        try:
            self._executor.submit(run)
        except RuntimeError:  # the executor is shut down: the run is ending, nobody waits for these
            result.cancel()
            with self._lock:
                for _, waiting in self._waiting.pop(host, ()):
                    waiting.cancel()
                self._running[host] -= 1

    def _next(self, host: str) -> None:
        """One of ``host``'s calls ended: start its next waiting link, if any."""
        with self._lock:
            waiting = self._waiting.get(host)
            if not waiting:
                self._running[host] -= 1
                return
            item, result = waiting.popleft()
        self._start(host, item, result)
