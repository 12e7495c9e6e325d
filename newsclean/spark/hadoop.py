"""Paths where crawls live: anything Spark's Hadoop filesystem layer reads (``hdfs://``, ``s3a://``, ``file:``).

Driver-side only (it talks to the JVM through the session). Inputs given as
URLs are listed here with the Hadoop ``FileSystem`` API, recursively, with
the local walk's rules (page-like suffixes, no hidden entries, include and
exclude globs). A ``file:`` URL names a file every node sees at that path
(a shared mount), so it is read as a local path, streamed and split like
one; other schemes are read by Spark itself (``binaryFiles``). The output's
staging directory is moved into place with the same API, so a rerun that
fails never touches the previous output, wherever it lives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..io.readers import _selected, is_input_file

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_url(path: str) -> bool:
    """Whether ``path`` names a filesystem by scheme (``hdfs://nn/x``, ``file:/x``), not a local path."""
    return bool(_SCHEME.match(path)) and not re.match(r"^[A-Za-z]:[\\/]", path)


def local_path(url: str) -> str | None:
    """The local path a ``file:`` URL names (``file:///a``, ``file:/a``), else ``None``."""
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return None
    return unquote(parsed.path)


class HadoopFs:
    """The few Hadoop ``FileSystem`` calls a run makes, on the session's Hadoop configuration."""

    def __init__(self, spark: Any) -> None:
        self._jvm = spark.sparkContext._jvm
        self._conf = spark.sparkContext._jsc.hadoopConfiguration()

    def _path(self, url: str) -> tuple[Any, Any]:
        path = self._jvm.org.apache.hadoop.fs.Path(url)
        return path.getFileSystem(self._conf), path

    def exists(self, url: str) -> bool:
        fs, path = self._path(url)
        return bool(fs.exists(path))

    def delete(self, url: str) -> None:
        fs, path = self._path(url)
        if fs.exists(path):
            fs.delete(path, True)

    def rename(self, source: str, target: str) -> None:
        fs, path = self._path(source)
        if not fs.rename(path, self._jvm.org.apache.hadoop.fs.Path(target)):
            raise OSError(f"cannot move {source} to {target}")

    def child_names(self, url: str) -> list[str] | None:
        """The names in a directory (``[]`` when missing), or ``None`` for a file."""
        fs, path = self._path(url)
        if not fs.exists(path):
            return []
        if fs.getFileStatus(path).isFile():
            return None
        return [str(status.getPath().getName()) for status in fs.listStatus(path)]

    def write_text(self, url: str, text: str) -> None:
        fs, path = self._path(url)
        stream = fs.create(path, True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def list_inputs(self, url: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
        """The input files at or below ``url``, sorted, as fully qualified URLs; ``[]`` when nothing is there."""
        fs, path = self._path(url)
        if not fs.exists(path):
            return []
        status = fs.getFileStatus(path)
        if status.isFile():
            return [str(status.getPath().toString())]
        top = str(fs.makeQualified(path).toString()).rstrip("/")
        found: list[str] = []
        files = fs.listFiles(path, True)
        while files.hasNext():
            name = str(files.next().getPath().toString())
            relative = name[len(top) + 1:] if name.startswith(top + "/") else Path(name).name
            if any(part.startswith((".", "_")) for part in relative.split("/")):
                continue  # hidden entries, and Hadoop's _SUCCESS / _temporary markers
            if is_input_file(Path(relative)) and _selected(relative, include, exclude):
                found.append(name)
        return sorted(found)
