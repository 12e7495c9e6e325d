"""Output files that appear whole under their name, or not at all.

JSON, CSV, text and Parquet outputs and each Markdown file are written to a
temporary sibling and moved into place when complete, so a reader never sees
half a file and an interrupted run never replaces a good output with a
partial one: what it finished goes beside the output, to ``OUT.partial``.

The temporary file is created with mode ``0o666`` and the process umask
applied by the kernel (as ``open()`` and the JSON-lines writer do), rather
than :func:`tempfile.mkstemp`'s ``0o600``: the file becomes the output, and a
corpus written for a team must not come out readable by its writer only.
Letting ``open(2)`` apply the umask also avoids reading it with
``os.umask``, which briefly changes it for every thread of the process.

A target that exists and is not a regular file (``/dev/full``, a FIFO,
``/dev/stdout``) is written in place: renaming a temporary file over it
would replace the device node or pipe with a plain file (as root, ``-o
/dev/full --format json`` would delete ``/dev/full`` and report success).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

#: Mode new output files are created with, before the umask (what ``open()`` uses).
FILE_MODE = 0o666

#: Suffix of the file an interrupted run leaves its finished records in.
PARTIAL_SUFFIX = ".partial"


def partial_path(target: str | os.PathLike[str]) -> Path:
    """Where an interrupted run writing ``target`` leaves what it finished."""
    path = Path(target)
    return path.with_name(path.name + PARTIAL_SUFFIX)


def ensure_directory(path: Path) -> None:
    """Create ``path`` and its parents as needed; a file in the way is reported as "not a directory".

    (``mkdir`` says "file exists", which reads as if nothing were wrong.)
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise NotADirectoryError(20, "Not a directory", str(path)) from exc


def is_special(target: Path) -> bool:
    """Whether ``target`` exists as something other than a regular file or directory (a device, a FIFO)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def create_temp(target: Path) -> tuple[int, Path]:
    """A new hidden sibling of ``target``, open for writing: its descriptor and path.

    Hidden (a leading dot) so directory walks, ours included, pass over it.
    """
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    ensure_directory(target.parent)
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), tmp
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free temporary name", str(target))  # pragma: no cover - 100 collisions


class TempTarget:
    """A temporary sibling of ``target`` that ends as ``target``, as ``OUT.partial``, or deleted."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        #: Written in place (a device or FIFO): nothing to rename, nothing to keep aside.
        self.direct = is_special(self.target)
        if self.direct:
            self.fd, self.path = os.open(self.target, os.O_WRONLY), self.target
        else:
            self.fd, self.path = create_temp(self.target)

    def commit(self) -> Path:
        """Move the finished file into place."""
        if not self.direct:
            os.replace(self.path, self.target)
        return self.target

    def keep_partial(self) -> Path | None:
        """Move the unfinished (but well-formed) file beside the target, leaving the target as it was.

        ``None`` for a target written in place: what was written is already there.
        """
        if self.direct:
            return None
        partial = partial_path(self.target)
        os.replace(self.path, partial)
        return partial

    def discard(self) -> None:
        """Delete the temporary file, if it is still there."""
        if self.direct:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary sibling and a rename."""
    temp = TempTarget(target)
    try:
        with os.fdopen(temp.fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        temp.commit()
    except BaseException:
        temp.discard()
        raise
