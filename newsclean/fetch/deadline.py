"""One wall-clock deadline per request, covering connect, TLS, headers and body.

Socket timeouts bound each *read*, not a response: a server sending one
byte every half second never trips a 30 s read timeout, and ``http.client``
reads status line and headers byte by byte, so a check between body chunks
never runs while headers trickle in (a run with ``total_timeout=2`` was
still waiting after 150 s). What stops any blocking socket call, whatever
library makes it, is shutting the socket down: the blocked ``recv`` returns
at once. So each exchange runs under a :class:`Deadline` whose watchdog shuts
down the sockets the exchange uses when time is up (one :class:`Watchdog`
thread per client keeps the time), and the client turns whatever error that
causes into "took over total_timeout".

The sockets are reported by connection classes that urllib3 pools create
(:func:`watched_pool`): a new socket as soon as it is connected (before a
TLS handshake, which could trickle too), a kept-alive one when a request
starts on it. The hook is urllib3's ``HTTPConnection._new_conn``, which 2.x
(pinned ``>=2.6`` in ``pyproject.toml``) calls for every new socket; the
trickle tests in ``tests/integration/test_fetch_hostile.py`` fail if it
stops being called.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

#: Called with every socket a request is about to use.
Watch = Callable[[socket.socket], None]


class Deadline:
    """A point in time after which the watched sockets are shut down; use as a context manager.

    Entering registers it with its :class:`Watchdog`, which expires it on
    time; leaving ends it, and an ended deadline shuts nothing down.
    """

    def __init__(self, seconds: float, watchdog: Watchdog) -> None:
        self.at = time.monotonic() + max(seconds, 0.0)
        self.expired = False
        self._watchdog = watchdog
        self._ended = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def __enter__(self) -> Deadline:
        self._watchdog.add(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._ended = True
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has passed)."""
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def expire(self) -> None:
        """Time is up: shut down the sockets (the watchdog calls this; nothing happens once ended)."""
        with self._lock:
            if self._ended:
                return
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


class Watchdog:
    """One thread that expires a client's deadlines on time; :meth:`close` stops it.

    One thread for all requests rather than a timer thread per request:
    starting a thread under load took tens of milliseconds, between the host
    gate's admission and the request, which blurred the politeness delay.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()  # ties: no comparing Deadline objects
        self._thread: threading.Thread | None = None
        self._closed = False

    def deadline(self, seconds: float) -> Deadline:
        return Deadline(seconds, self)

    def add(self, deadline: Deadline) -> None:
        with self._cond:
            heapq.heappush(self._heap, (deadline.at, next(self._order), deadline))
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="newsclean-deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                while self._heap and self._heap[0][0] <= now:
                    heapq.heappop(self._heap)[2].expire()  # takes only the deadline's own lock
                self._cond.wait(self._heap[0][0] - now if self._heap else None)


def _shut(sock: socket.socket) -> None:
    # shutdown(), not close(): it wakes a recv blocked in another thread, and leaves the
    # descriptor to its owner (closing it under them could hand the number to a new socket).
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class DeadlineClock:
    """One request's total budget, spent by its exchanges (redirect hops and retries) in turn."""

    def __init__(self, seconds: float) -> None:
        self.total = seconds
        self.left = seconds

    def start(self, watchdog: Watchdog) -> tuple[Deadline, float]:
        """A deadline for the next exchange, and when it started (for :meth:`spend`)."""
        return watchdog.deadline(self.left), time.monotonic()

    def spend(self, started: float) -> None:
        self.left -= time.monotonic() - started


class _WatchedHTTPConnection(HTTPConnection):
    def __init__(self, *args: Any, watch: Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:  # a kept-alive connection: this request's deadline must cover it
            self._watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def __init__(self, *args: Any, watch: Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._watch(sock)  # the raw socket: shutting it down also ends a TLS handshake on it
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:
            self._watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def watched_pool(scheme: str, address: str, port: int, watch: Watch, **kwargs: Any) -> urllib3.HTTPConnectionPool:
    """A connection pool whose connections report their sockets to ``watch``."""
    pool_class = _WatchedHTTPSPool if scheme == "https" else _WatchedPool
    return pool_class(address, port, watch=watch, **kwargs)
