"""Per-host politeness: a minimum delay between request starts and a concurrency cap.

One gate is shared by every worker thread of a run, so the limits hold per
host whatever the global concurrency. It is an explicit object (no module
state): two runs in one process keep separate books.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class _HostState:
    delay: float
    active: int = 0
    next_start: float = 0.0


class HostGate:
    """Admits requests to a host no faster than ``delay`` apart and at most ``concurrency`` at once.

    Hosts are keyed by name without port: two ports of one name are usually
    one machine, and politeness is owed to the machine.
    """

    def __init__(self, delay: float, concurrency: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._delay, self._concurrency, self._clock = delay, concurrency, clock
        self._hosts: dict[str, _HostState] = {}
        self._cond = threading.Condition()

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(self._delay)
        return state

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s request slots; waits for a free slot and for the delay."""
        with self._cond:
            state = self._state(host)
            while True:
                now = self._clock()
                if state.active < self._concurrency and now >= state.next_start:
                    break
                wait = state.next_start - now if state.active < self._concurrency else None
                self._cond.wait(wait)
            state.active += 1
            state.next_start = max(state.next_start, now + state.delay)
        try:
            yield
        finally:
            with self._cond:
                state.active -= 1
                self._cond.notify_all()

    def defer(self, host: str, seconds: float) -> None:
        """Let no request start on ``host`` for ``seconds`` (a Retry-After, a backoff)."""
        with self._cond:
            state = self._state(host)
            state.next_start = max(state.next_start, self._clock() + seconds)
            self._cond.notify_all()

    def raise_delay(self, host: str, seconds: float) -> None:
        """Use a longer delay for ``host`` from now on (a robots.txt Crawl-delay)."""
        with self._cond:
            state = self._state(host)
            state.delay = max(state.delay, seconds)
