"""Where a batch's outcomes go: the records writer, the errors file, de-duplication, counts.

The CLI and library batch runners share this so a record is counted, marked
and written the same way whatever drives the run. It is an explicit object
(no module state): one per run.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..record import Article
from .atomic import TempTarget, ensure_directory
from .lock import OutputLock
from .writers import JsonlFileWriter, MarkdownWriter, RecordWriter, make_writer, write_error

if TYPE_CHECKING:
    from ..dedup import Deduper
    from ..pipeline import Outcome


@dataclass
class Counts:
    """What the summary line reports."""

    pages: int = 0
    cleaned: int = 0
    empty: int = 0
    errors: int = 0
    duplicates: int = 0
    skipped: int = 0


class OutputFailed(Exception):
    """A write to an output failed during the run (full disk, closed pipe); the run stops there."""

    def __init__(self, path: str, exc: OSError, partial: Path | None = None) -> None:
        reason = exc.strerror.lower() if exc.strerror else str(exc)
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.error, self.partial = path, exc, partial

    @property
    def closed_pipe(self) -> bool:
        """The reader went away (``| head``): not an error, the run just ends."""
        return isinstance(self.error, BrokenPipeError)


class ErrorsFile:
    """The errors file: opened at once, so a path that cannot be written fails before any work.

    A run that ends without errors removes it again (clean runs leave none,
    and a previous run's stale errors do not outlive a clean rerun), unless
    it is appended to (``--resume``) and held earlier errors.
    """

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self.name = str(path) if path else None
        self._path = Path(path) if path else None
        self._stream: IO[str] | None = None
        self._written = 0
        if self._path is not None:
            if self._path.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(self._path))
            ensure_directory(self._path.parent)
            self._stream = self._path.open("a" if append else "w", encoding="utf-8")

    def write(self, article: Article, trace: str | None) -> None:
        if self._stream is None:
            return
        write_error(self._stream, article.source, article.error or "", trace, article.url, ident=article.id)
        self._written += 1

    def restore(self, lines: list[dict[str, Any]]) -> None:
        """Write back earlier runs' error lines (``--retry-errors``: inputs this run did not reach)."""
        if self._stream is None or not lines:
            return
        self._stream.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        self._stream.flush()
        self._written += len(lines)

    def close(self) -> None:
        if self._stream is None:
            return
        self._stream.close()
        self._stream = None
        assert self._path is not None
        # Only a regular file: ``--errors /dev/stderr`` must never be unlinked.
        if not self._written and self._path.is_file() and self._path.stat().st_size == 0:
            self._path.unlink()


@dataclass
class BatchSink:
    """Routes each outcome: errors to the errors file, records (marked, maybe dropped) to the writer."""

    writer: RecordWriter
    errors: ErrorsFile
    deduper: Deduper | None = None
    drop_duplicates: bool = False
    report_error: Any = None  # callable(Article) -> None, for the CLI's stderr line
    counts: Counts = field(default_factory=Counts)
    #: How the output is named in messages (``-``: standard output).
    output_name: str = "-"
    #: Held for the run (:mod:`.lock`), released by :meth:`close`.
    locks: list[OutputLock] = field(default_factory=list)

    def handle(self, outcome: Outcome) -> None:
        article = outcome.article
        self.counts.pages += 1
        if article.error:
            self.counts.errors += 1
            if self.report_error is not None:
                self.report_error(article)
            try:
                self.errors.write(article, outcome.trace)
            except OSError as exc:
                raise OutputFailed(self.errors.name or "errors file", exc) from exc
            return
        self.counts.cleaned += 1
        self.counts.empty += not article.text
        duplicate_of = self.deduper.check(article.id, article.text) if self.deduper else None
        if duplicate_of is not None:
            self.counts.duplicates += 1
            if self.drop_duplicates:
                return
        try:
            self.writer.write(article, duplicate_of)
        except OSError as exc:
            raise OutputFailed(self.output_name, exc) from exc

    def input_failed(self, source: str, reason: str) -> None:
        """Count and record an input the readers could not open (already warned about on stderr)."""
        from ..io.readers import InputItem
        from ..pipeline import error_article

        self.counts.pages += 1
        self.counts.errors += 1
        self.errors.write(error_article(InputItem(source=source), reason), None)

    def remember(self, record: dict[str, Any]) -> None:
        """Feed a record written by an earlier (resumed) run to the deduper."""
        if self.deduper is not None and not record.get("error") and record.get("duplicate_of") is None:
            self.deduper.check(str(record.get("id")), str(record.get("text") or ""))

    def close(self, *, complete: bool = True) -> Path | None:
        """Finish the outputs; for an interrupted run, where its records went if not to the output.

        A write that fails here (buffered CSV rows meeting a full disk) raises
        :class:`OutputFailed`, with ``partial`` saying where the records went.
        After a failed run (``complete`` false) the output may fail again while
        it is finished; that second error is not news and is dropped.
        """
        try:
            try:
                return self.writer.close(complete=complete)
            except OSError as exc:
                partial = getattr(self.writer, "partial", None)
                if not complete:
                    return partial
                raise OutputFailed(self.output_name, exc, partial) from exc
            finally:
                try:
                    self.errors.close()
                except OSError as exc:
                    if complete:
                        raise OutputFailed(self.errors.name or "errors file", exc) from exc
        finally:
            for lock in self.locks:
                lock.release()


def open_writer(fmt: str, output: str | None, *, append: bool = False, dedup: bool = False) -> RecordWriter:
    """The writer for ``fmt`` at ``output`` (``None``/``-``: standard output, stream formats only).

    JSON lines to a file are appended line by line (resumable); JSON, CSV and
    text go through a temporary file; Parquet is one file, Markdown a directory.
    An output that cannot be written raises :class:`OSError` here, before any work.
    """
    to_stdout = output in (None, "-")
    if fmt == "markdown":
        if to_stdout:
            raise ValueError("markdown output needs -o DIRECTORY (one file per article)")
        return MarkdownWriter(str(output), dedup=dedup)
    if fmt == "parquet":
        if to_stdout:
            raise ValueError("parquet output needs -o FILE")
        from .parquet import ParquetWriter

        return ParquetWriter(str(output), dedup=dedup)
    if fmt == "jsonl" and not to_stdout:
        return JsonlFileWriter(str(output), append=append, dedup=dedup)
    if to_stdout:
        return make_writer(fmt, sys.stdout, dedup=dedup)
    return _TempFileWriter(fmt, str(output), dedup=dedup)


class _TempFileWriter:
    """A stream-format writer on a temporary sibling, renamed into place by ``close``.

    ``close`` also runs after Ctrl-C: the document is finished (a JSON array
    closed, say) but goes to ``OUT.partial``, so an earlier complete output
    is never replaced by an interrupted run's.
    """

    def __init__(self, fmt: str, path: str, *, dedup: bool) -> None:
        self.partial: Path | None = None  # where a failed close left the records
        self._temp = TempTarget(path)
        self._stream = os.fdopen(self._temp.fd, "w", encoding="utf-8", newline="")
        self._inner = make_writer(fmt, self._stream, dedup=dedup)

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        self._inner.write(article, duplicate_of)

    def close(self, *, complete: bool = True) -> Path | None:
        if self._stream.closed:
            return None
        try:
            self._inner.close()
            self._stream.close()
        except OSError:
            # A write failed (full disk): what reached the file is kept beside the target.
            with contextlib.suppress(OSError):
                self._stream.close()
            self.partial = self._temp.keep_partial()
            raise
        if complete:
            self._temp.commit()
            return None
        return self._temp.keep_partial()
