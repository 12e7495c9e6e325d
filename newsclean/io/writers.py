"""Writing records: JSON lines, a JSON array, or CSV.

Writers take records one at a time and flush each whole line, so a killed run
leaves complete records only (the file is written through a temporary name
and moved into place when the run ends).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from ..record import Article

FORMATS = ("jsonl", "json", "csv")

#: CSV keeps scalar fields; lists are joined with "; ", nested data dropped.
_CSV_FIELDS = (
    "id", "url", "source", "site_name", "title", "description", "authors", "published",
    "modified", "language", "language_confidence", "section", "tags", "text", "word_count",
    "top_image", "input_format", "fetched_at", "paywalled", "warnings", "schema_version",
)


class RecordWriter(Protocol):
    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, article: Article) -> None:
        self._stream.write(article.to_json() + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


class JsonArrayWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._first = True
        stream.write("[")

    def write(self, article: Article) -> None:
        self._stream.write(("\n" if self._first else ",\n") + article.to_json())
        self._first = False

    def close(self) -> None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        self._stream.flush()


class CsvWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=list(_CSV_FIELDS))
        self._writer.writeheader()
        self._stream = stream

    def write(self, article: Article) -> None:
        data = article.to_dict()
        row: dict[str, Any] = {}
        for name in _CSV_FIELDS:
            value = data.get(name)
            row[name] = "; ".join(value) if isinstance(value, list) else value
        self._writer.writerow(row)

    def close(self) -> None:
        self._stream.flush()


def make_writer(fmt: str, stream: IO[str]) -> RecordWriter:
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    raise ValueError(f"unknown output format {fmt!r}; choose from {FORMATS}")


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """A text stream for ``path`` (``None`` or ``-`` is stdout).

    Files are written to a temporary sibling and renamed into place on
    success, so readers never see a half-written output.
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(tmp, target)
    except BaseException:
        # Keep what was written: complete records are worth more than none.
        if os.path.exists(tmp):
            os.replace(tmp, target)
        raise


def write_error(stream: IO[str], source: str | None, reason: str) -> None:
    """One line of the errors file: the input and why it failed."""
    stream.write(json.dumps({"source": source, "reason": reason}, ensure_ascii=False) + "\n")
    stream.flush()
