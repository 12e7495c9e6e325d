"""The build-on-first-use holder: one build per holder, however many threads ask first."""

from __future__ import annotations

import threading
import time

from newsclean.lazy import Lazy


def test_value_is_built_once_and_shared_by_every_thread() -> None:
    builds: list[int] = []

    def build() -> list[int]:
        builds.append(1)
        time.sleep(0.05)  # the threads all ask while the first build is under way
        return [len(builds)]

    lazy: Lazy[list[int]] = Lazy(build)
    start = threading.Barrier(8)
    got: list[list[int]] = []

    def ask() -> None:
        start.wait()
        got.append(lazy.get())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == [1]
    assert len(got) == 8 and all(value is got[0] for value in got)
    assert lazy.get() is got[0]  # later calls, past the lock, return the same value
