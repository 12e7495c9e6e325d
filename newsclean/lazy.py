"""A thread-safe, build-on-first-use holder for read-only resources.

Language profiles and compiled lexicons take a moment to load; each process
builds them once, on first use, and never mutates them afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Build a value on first :meth:`get` and return the same value after."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self) -> T:
        # Built values are never replaced, so one that is there can be returned without the lock
        # (every lexicon match asks: taking the lock each time cost a hundredth of a dump's time).
        value = self._value
        if value is not None:
            return value
        with self._lock:
            if self._value is None:
                self._value = self._factory()
            return self._value
