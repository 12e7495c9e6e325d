"""Parquet output: the records as one typed table, for corpus tooling.

``pyarrow`` is an optional dependency (the ``parquet`` extra). The Arrow
schema is written out field by field rather than inferred, so a first batch
with no embeds or all-null dates cannot give the file a different schema from
the next run's. Rows are buffered and written a row group at a time; the file
only appears under its name once complete (a Parquet footer comes last, so a
partial file would be unreadable anyway). An interrupted run writes the
footer after the rows it has and leaves that file at ``OUT.partial``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..record import Article
from .atomic import TempTarget
from .writers import record_dict


def arrow_schema() -> Any:
    """The record's Arrow schema, in schema field order."""
    import pyarrow as pa

    text = pa.string()
    fields = [
        ("id", text), ("url", text), ("source", text), ("site_name", text), ("title", text),
        ("description", text), ("authors", pa.list_(text)), ("published", text), ("modified", text),
        ("language", text), ("language_confidence", pa.float64()), ("section", text),
        ("tags", pa.list_(text)), ("text", text), ("word_count", pa.int64()), ("top_image", text),
        ("embeds", pa.list_(pa.struct([(k, text) for k in ("kind", "text", "url", "handle", "author", "date")]))),
        ("removed", pa.list_(pa.struct([("reason", text), ("text", text)]))),
        ("warnings", pa.list_(text)), ("input_format", text), ("fetched_at", text),
        ("paywalled", pa.bool_()), ("duplicate_of", text), ("error", text), ("schema_version", text),
        ("credits", pa.list_(pa.struct([("role", text), ("name", text)]))),
    ]
    return pa.schema(fields)


class ParquetWriter:
    """Records to one Parquet file, ``batch_size`` rows per row group."""

    def __init__(self, path: str | os.PathLike[str], *, dedup: bool = False, batch_size: int = 1000) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("Parquet output needs pyarrow: pip install pyarrow (the 'parquet' extra)") from exc
        self.partial: Path | None = None  # where a failed close left the file
        self._temp = TempTarget(path)
        os.close(self._temp.fd)  # pyarrow opens the path itself; the file keeps the mode it was created with
        self._schema = arrow_schema()
        self._writer = pq.ParquetWriter(os.fspath(self._temp.path), self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._dedup, self._batch_size = dedup, batch_size

    def write(self, article: Article, duplicate_of: str | None = None) -> None:
        self._rows.append(record_dict(article, duplicate_of, dedup=self._dedup))
        if len(self._rows) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self, *, complete: bool = True) -> Path | None:
        """Write the last rows and the footer, then move the file into place (or to ``OUT.partial``)."""
        if self._writer is None:
            return None
        try:
            self._flush()
            self._writer.close()
        except OSError:
            # A write failed (full disk): the file is unreadable without its footer, but it is what there is.
            self._writer = None
            self.partial = self._temp.keep_partial()
            raise
        self._writer = None
        if complete:
            self._temp.commit()
            return None
        return self._temp.keep_partial()

    def abort(self) -> None:
        """Drop the unfinished file."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._temp.discard()
