"""One writer per output: an advisory lock held for the whole run.

Two runs writing one output unlocked would interleave silently: different
inputs overwrite each other (records lost, a torn line, both exiting 0) and
two ``--resume`` runs both skip the same done set and duplicate every
record. So a run takes an exclusive ``flock`` on a hidden lock file beside
its output (``.OUT.lock``) before it reads or truncates anything, and a
second run refuses at once with :class:`OutputLocked`.

``flock`` locks die with their process, so a killed run (even ``kill -9``)
never leaves a stale lock behind: at worst an unlocked ``.OUT.lock`` file,
which the next run takes and removes. Removing a lock file has a race
(another run may have opened it just before), so after locking, a run checks
that the name still leads to the file it locked, and starts over if not.
Where ``fcntl`` does not exist (Windows) the run goes on unlocked;
``flock`` on NFS is only as reliable as the server's lock support.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, the run goes on unlocked
    fcntl = None  # type: ignore[assignment]  # the module is optional here

logger = logging.getLogger(__name__)

# Lock descriptors this process holds. A forked worker inherits every descriptor, and an inherited
# copy keeps a ``flock`` alive: after ``kill -9`` of the run, its still-draining workers would hold
# the output locked against the ``--resume`` that follows. Children close their copies at fork
# (closing a copy never unlocks: the lock lives until the parent's own descriptor closes).
_HELD: set[int] = set()


def _close_inherited() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)


class OutputLocked(Exception):
    """Another process holds the lock on this output."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        super().__init__(f"{target} is being written by another newsclean run (lock {lock_path(target)})")


def lock_path(target: str | os.PathLike[str]) -> Path:
    """The hidden lock file beside ``target`` (hidden, so directory walks pass over it)."""
    path = Path(target)
    return path.with_name(f".{path.name}.lock")


class OutputLock:
    """An exclusive, non-blocking lock on ``target``; a context manager, or :meth:`acquire`/:meth:`release`."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        self.path = lock_path(self.target)
        self._fd = -1

    def acquire(self) -> OutputLock:
        """Take the lock, or raise :class:`OutputLocked` (never waits: a second writer is a mistake)."""
        if fcntl is None:  # pragma: no cover - Windows
            logger.debug("%s: no advisory locks on this system; not locked", self.target)
            return self
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise OutputLocked(self.target) from None
            except OSError:
                # A file system without flock support: go on unlocked rather than refuse to run.
                os.close(fd)
                logger.debug("%s: the file system refuses locks; not locked", self.target)
                return self
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                _HELD.add(fd)
                return self
            os.close(fd)  # the previous holder removed the file we locked: lock the new one

    def release(self) -> None:
        """Remove the lock file and drop the lock (removed first, so no one locks a file on its way out)."""
        if self._fd < 0:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        _HELD.discard(self._fd)
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()
