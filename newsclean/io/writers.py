"""Writing records: JSON lines, a JSON array, CSV, plain text, Parquet, or Markdown files.

No writer ever leaves half a record behind. JSON lines go straight to the
target, one whole line per ``write`` system call on an append-only file, so a
killed run leaves complete lines that ``--resume`` can continue from; the
whole-file formats (JSON, CSV, text, Parquet) are written through a temporary
name and moved into place (see :mod:`.atomic`); Markdown writes each article
to its own file the same way.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from ..record import Article
from .atomic import FILE_MODE, TempTarget, ensure_directory, write_atomic
from .encodable import encodable_record

FORMATS = ("jsonl", "json", "csv", "txt", "parquet", "markdown")
#: Formats written to a stream (standard output, or a temporary file moved into place).
STREAM_FORMATS = ("jsonl", "json", "csv", "txt")

#: Between two records of the plain-text output: a blank line, then this line.
TEXT_SEPARATOR = "=" * 72

#: CSV keeps scalar fields; lists are joined with "; ", nested data dropped.
_CSV_FIELDS = (
    "id", "url", "source", "site_name", "title", "description", "authors", "published",
    "modified", "language", "language_confidence", "section", "tags", "text", "word_count",
    "top_image", "input_format", "fetched_at", "paywalled", "warnings", "schema_version",
)

#: Fields the Markdown header carries (the body is the text itself).
_MARKDOWN_FIELDS = (
    "id", "url", "source", "site_name", "title", "authors", "published", "modified",
    "language", "section", "tags", "word_count", "fetched_at", "duplicate_of",
)

_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")

def record_dict(article: Article, duplicate_of: str | None = None, *, dedup: bool = False) -> dict[str, Any]:
    """The record as written, with the de-duplication verdict when it ran.

    Every writer goes through here, so text no encoder accepts (lone
    surrogates from a file name or a JSON input) is escaped, with a warning,
    in every format alike (:mod:`.encodable`).
    """
    data = article.to_dict()
    if dedup:
        data["duplicate_of"] = duplicate_of
    return encodable_record(data)


class RecordWriter(Protocol):
    def write(self, article: Article, duplicate_of: str | None = None) -> None: ...

    def close(self, *, complete: bool = True) -> Path | None:
        """Finish the output; when not ``complete`` (an interrupted run), return where the
        finished records went if that is not the output itself (``OUT.partial``)."""
        ...


class JsonlWriter:
    """JSON lines on a text stream (standard output, or any stream a caller owns)."""

    def __init__(self, stream: IO[str], *, dedup: bool = False) -> None:
        self._stream, self._dedup = stream, dedup

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article, duplicate_of, dedup=self._dedup)
        self._stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        self._stream.flush()

    def close(self, *, complete: bool = True) -> Path | None:
        self._stream.flush()
        return None


class JsonlFileWriter:
    """JSON lines appended to a file, each line in one unbuffered write.

    A regular-file ``write`` is not cut short by a signal, so whatever kills
    the run, the file holds whole lines (``--resume`` still drops a torn last
    line, for power cuts and full disks).
    """

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False, dedup: bool = False) -> None:
        target = Path(path)
        ensure_directory(target.parent)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        self._fd = os.open(target, flags, FILE_MODE)
        self._dedup = dedup

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article, duplicate_of, dedup=self._dedup)
        line = memoryview((json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))
        while line:
            line = line[os.write(self._fd, line):]

    def close(self, *, complete: bool = True) -> Path | None:
        """Close the file; an interrupted run's lines stay in it, for ``--resume``."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        return None


class JsonArrayWriter:
    def __init__(self, stream: IO[str], *, dedup: bool = False) -> None:
        self._stream, self._dedup = stream, dedup
        self._first = True
        stream.write("[")

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article, duplicate_of, dedup=self._dedup)
        self._stream.write(("\n" if self._first else ",\n") + json.dumps(data, ensure_ascii=False))
        self._first = False

    def close(self, *, complete: bool = True) -> Path | None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        self._stream.flush()
        return None


class CsvWriter:
    def __init__(self, stream: IO[str], *, dedup: bool = False) -> None:
        self._fields = [*_CSV_FIELDS, "duplicate_of"] if dedup else list(_CSV_FIELDS)
        self._writer = csv.DictWriter(stream, fieldnames=self._fields)
        self._writer.writeheader()
        self._stream, self._dedup = stream, dedup

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article, duplicate_of, dedup=self._dedup)
        row: dict[str, Any] = {}
        for name in self._fields:
            value = data.get(name)
            row[name] = "; ".join(value) if isinstance(value, list) else value
        self._writer.writerow(row)

    def close(self, *, complete: bool = True) -> Path | None:
        self._stream.flush()
        return None


class TextWriter:
    """Plain text for reading and grepping: the title, a date line, the body.

    Records are parted by a blank line and a line of ``=``, so a reader can
    tell where one article ends and ``csplit`` can cut them apart. Error
    records never reach a writer (they go to the errors file), and the text's
    own paragraphs keep their blank lines.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream, self._first = stream, True

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article)
        parts = [part for part in (data["title"], data["published"]) if part]
        head = "\n".join(parts)
        block = "\n\n".join(part for part in (head, data["text"].strip("\n")) if part)
        self._stream.write(("" if self._first else f"\n{TEXT_SEPARATOR}\n\n") + block + "\n")
        self._first = False

    def close(self, *, complete: bool = True) -> Path | None:
        self._stream.flush()
        return None


class MarkdownWriter:
    """One ``<id>.md`` per article in a directory: a metadata header, the title, the text.

    The header is YAML front matter whose values are JSON literals (JSON is
    YAML), the form LLM corpus tools read; each file is written to a
    temporary name and renamed, so a file either exists whole or not at all.
    """

    def __init__(self, directory: str | os.PathLike[str], *, dedup: bool = False) -> None:
        self._dir = Path(directory)
        ensure_directory(self._dir)
        self._dedup = dedup

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        data = record_dict(article, duplicate_of, dedup=self._dedup)
        header = [f"{k}: {json.dumps(data[k], ensure_ascii=False)}" for k in _MARKDOWN_FIELDS if k in data]
        body = f"# {data['title']}\n\n{data['text']}\n" if data["title"] else f"{data['text']}\n"
        write_atomic(self._dir / f"{_file_stem(article.id)}.md", "---\n" + "\n".join(header) + "\n---\n\n" + body)

    def close(self, *, complete: bool = True) -> Path | None:
        """Nothing to finish: every file is complete when ``write`` returns."""
        return None


def _file_stem(ident: str) -> str:
    """The id as a file name; ids from JSONL inputs may hold slashes or be long, so those are hashed."""
    if _SAFE_STEM.fullmatch(ident):
        return ident
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_writer(fmt: str, stream: IO[str], *, dedup: bool = False) -> RecordWriter:
    """A writer of a stream format (``jsonl``, ``json``, ``csv``, ``txt``) on ``stream``."""
    if fmt == "jsonl":
        return JsonlWriter(stream, dedup=dedup)
    if fmt == "json":
        return JsonArrayWriter(stream, dedup=dedup)
    if fmt == "csv":
        return CsvWriter(stream, dedup=dedup)
    if fmt == "txt":
        return TextWriter(stream)
    raise ValueError(f"unknown stream output format {fmt!r}; choose from {STREAM_FORMATS}")


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """A text stream for ``path`` (``None`` or ``-`` is stdout).

    Files are written to a temporary sibling and renamed into place on
    success, so readers never see a half-written output; on failure the
    target is left as it was and what was written goes to ``PATH.partial``.
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    temp = TempTarget(path)
    try:
        with os.fdopen(temp.fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except BaseException:
        # Keep what was written beside the target: complete records are worth more than none.
        temp.keep_partial()
        raise
    temp.commit()


def write_error(
    stream: IO[str], source: str | None, reason: str, trace: str | None = None, url: str | None = None,
    ident: str | None = None,
) -> None:
    """One line of the errors file: the error record's id, the input, why it failed, and where in the code."""
    data: dict[str, Any] = {"id": ident} if ident else {}
    data.update(source=source, reason=reason)
    if url:
        data["url"] = url
    if trace:
        data["traceback"] = trace
    # Escaped like the records (an error line has no warnings to say so): the source must match them.
    stream.write(json.dumps(encodable_record(data), ensure_ascii=False) + "\n")
    stream.flush()
