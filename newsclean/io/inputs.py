"""The input item every reader yields, and the small helpers readers share.

A module of its own so the readers (:mod:`~newsclean.io.readers`,
:mod:`~newsclean.io.jsonl`, :mod:`~newsclean.io.warc`) and the cleaner
(:mod:`newsclean.item`) import the type without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..hints import Hints

ItemKind = Literal["path", "page", "jsonl", "error"]

#: The longest reason an error item carries: enough for a file name and a cause.
_MAX_REASON = 200


@dataclass(frozen=True)
class InputItem:
    """One page to clean, small enough to pickle to a worker.

    ``kind`` says what ``data`` holds: ``path`` (nothing; the worker reads
    ``source`` itself, so large files never cross the pipe twice), ``page``
    (raw bytes or text, e.g. a WARC payload), ``jsonl`` (one JSON line,
    parsed in the worker so the reading process stays cheap) or ``error``
    (the one-line reason a reader could not read this part of an input: it
    becomes an error record in its place, so nothing is lost unsaid).

    ``hints`` is what a feed or sitemap said about a fetched page (kept in
    its archive); they fill the record's gaps after cleaning, as they did
    when the page was fetched.
    """

    source: str
    kind: ItemKind = "path"
    data: bytes | str = b""
    url: str | None = None
    fetched_at: str | None = None
    input_format: str | None = None
    hints: Hints | None = None


def error_item(source: str, reason: str) -> InputItem:
    """The item standing for what a reader could not read: an error record once cleaned."""
    return InputItem(source=source, kind="error", data=one_line(reason))


def one_line(text: str) -> str:
    """``text`` as one short printable line: a library's message may quote raw binary (warcio does)."""
    first = text.strip().splitlines()[0] if text.strip() else text
    printable = "".join(c if c.isprintable() else f"\\x{ord(c) & 0xFF:02x}" for c in first)
    return printable if len(printable) <= _MAX_REASON else printable[: _MAX_REASON - 3] + "..."


def describe_error(exc: BaseException) -> str:
    """An exception as the one-line reason of an error item."""
    return one_line(f"{type(exc).__name__}: {exc}")
