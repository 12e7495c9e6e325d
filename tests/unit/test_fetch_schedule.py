"""Per-host hand-out of links to fetch threads, and the socket-closing deadline, without a server."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import CancelledError, ThreadPoolExecutor

import pytest

from newsclean.fetch.deadline import DeadlineClock, Watchdog
from newsclean.fetch.schedule import HostQueues, host_key

WAIT = 10  # seconds: only a safety net against a hung test, never reached when the code is right


def test_a_busy_host_keeps_its_links_and_other_hosts_get_the_threads() -> None:
    started: list[str] = []
    release = {name: threading.Event() for name in ("a1", "a2", "a3", "b1")}
    began = {name: threading.Event() for name in release}

    def work(name: str) -> str:
        started.append(name)
        began[name].set()
        assert release[name].wait(WAIT)
        return name.upper()

    with ThreadPoolExecutor(max_workers=4) as pool:
        queues: HostQueues[str, str] = HostQueues(pool, work, per_host=1)
        futures = [queues.submit(name[0], name) for name in ("a1", "a2", "a3", "b1")]
        assert began["b1"].wait(WAIT) and began["a1"].wait(WAIT)  # host b is not stuck behind a's queue
        assert sorted(started) == ["a1", "b1"]  # four threads, but a's second link waits for its first
        release["b1"].set()
        release["a1"].set()
        assert began["a2"].wait(WAIT)
        assert "a3" not in started
        release["a2"].set()
        release["a3"].set()
        assert [f.result(WAIT) for f in futures] == ["A1", "A2", "A3", "B1"]


def test_links_still_waiting_when_the_pool_shuts_down_are_cancelled() -> None:
    gate = threading.Event()
    pool = ThreadPoolExecutor(max_workers=1)
    queues: HostQueues[int, int] = HostQueues(pool, lambda n: gate.wait(WAIT) and n, per_host=1)
    first, second = queues.submit("h", 1), queues.submit("h", 2)
    shutting = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True})
    shutting.start()
    gate.set()
    shutting.join(WAIT)
    assert first.result(WAIT) == 1
    with pytest.raises(CancelledError):
        second.result(WAIT)


def test_a_work_error_reaches_the_caller_and_frees_the_host() -> None:
    def work(n: int) -> int:
        if n == 1:
            raise ValueError("boom")
        return n

    with ThreadPoolExecutor(max_workers=2) as pool:
        queues: HostQueues[int, int] = HostQueues(pool, work, per_host=1)
        failing, after = queues.submit("h", 1), queues.submit("h", 2)
        with pytest.raises(ValueError, match="boom"):
            failing.result(WAIT)
        assert after.result(WAIT) == 2


@pytest.mark.parametrize(
    ("url", "key"),
    [("http://Example.org:8080/a", "example.org"), ("https://[::1]/x", "::1"), ("http://[::1/x", "")],
)
def test_host_key_is_the_name_without_port(url: str, key: str) -> None:
    assert host_key(url) == key


def test_deadline_wakes_a_blocked_read_by_shutting_its_socket_down() -> None:
    ours, theirs = socket.socketpair()
    watchdog = Watchdog()
    got: list[bytes] = []
    try:
        with watchdog.deadline(0.2) as deadline:
            deadline.watch(ours)
            reader = threading.Thread(target=lambda: got.append(ours.recv(10)))
            reader.start()
            reader.join(WAIT)  # the peer never writes: only the deadline can end this read
        assert got == [b""] and deadline.expired
    finally:
        watchdog.close()
        ours.close()
        theirs.close()


def test_deadlines_expire_in_time_order_and_an_ended_one_shuts_nothing() -> None:
    pairs = [socket.socketpair() for _ in range(3)]
    watchdog = Watchdog()
    try:
        late, ended, early = watchdog.deadline(1.5), watchdog.deadline(0.1), watchdog.deadline(0.2)
        for deadline, (ours, _) in zip((late, ended, early), pairs, strict=True):
            deadline.__enter__()
            deadline.watch(ours)
        ended.__exit__(None, None, None)  # its exchange finished in time
        assert pairs[2][0].recv(10) == b""  # woken by the early deadline
        assert early.expired and not late.expired and not ended.expired
        assert pairs[0][0].recv(10) == b""  # then the late one
        assert late.expired
        pairs[1][1].sendall(b"ok")
        assert pairs[1][0].recv(10) == b"ok"  # the ended deadline left its socket alone
        late.watch(pairs[1][0])  # watched after its deadline passed: shut at once
        assert pairs[1][0].recv(10) == b""
    finally:
        watchdog.close()
        for ours, theirs in pairs:
            ours.close()
            theirs.close()


def test_a_clock_is_spent_by_its_exchanges() -> None:
    clock = DeadlineClock(5)
    watchdog = Watchdog()
    deadline, started = clock.start(watchdog)
    assert deadline.at <= started + 5
    clock.spend(started - 2)
    assert clock.left <= 3
    watchdog.close()
