"""Where a batch's outcomes go: the records writer, the errors file, de-duplication, counts.

The CLI and library batch runners share this so a record is counted, marked
and written the same way whatever drives the run. It is an explicit object
(no module state): one per run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..record import Article
from .atomic import TempTarget, ensure_directory
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


class ErrorsFile:
    """The errors file: opened at once, so a path that cannot be written fails before any work.

    A run that ends without errors removes it again (clean runs leave none,
    and a previous run's stale errors do not outlive a clean rerun), unless
    it is appended to (``--resume``) and held earlier errors.
    """

    def __init__(self, path: str | None, *, append: bool = False) -> None:
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

    def handle(self, outcome: Outcome) -> None:
        article = outcome.article
        self.counts.pages += 1
        if article.error:
            self.counts.errors += 1
            if self.report_error is not None:
                self.report_error(article)
            self.errors.write(article, outcome.trace)
            return
        self.counts.cleaned += 1
        self.counts.empty += not article.text
        duplicate_of = self.deduper.check(article.id, article.text) if self.deduper else None
        if duplicate_of is not None:
            self.counts.duplicates += 1
            if self.drop_duplicates:
                return
        self.writer.write(article, duplicate_of)

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
        """Finish the outputs; for an interrupted run, where its records went if not to the output."""
        try:
            return self.writer.close(complete=complete)
        finally:
            self.errors.close()


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
        self._temp = TempTarget(path)
        self._stream = os.fdopen(self._temp.fd, "w", encoding="utf-8", newline="")
        self._inner = make_writer(fmt, self._stream, dedup=dedup)

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        self._inner.write(article, duplicate_of)

    def close(self, *, complete: bool = True) -> Path | None:
        if self._stream.closed:
            return None
        self._inner.close()
        self._stream.close()
        if complete:
            self._temp.commit()
            return None
        return self._temp.keep_partial()
