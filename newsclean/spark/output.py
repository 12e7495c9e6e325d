"""Where a Spark run's output goes: staged beside ``-o``, moved into place only when the job succeeded.

Spark's ``overwrite`` mode clears the target before the job runs, so a rerun
that fails would leave an empty directory where good output was. Here the
records are written to a hidden staging directory next to ``-o`` and the
previous output is replaced only after the job (and its ``_SUCCESS``
marker) is complete; a failed job removes its staging directory and leaves
``-o`` as it was. An existing ``-o`` that is not a Spark output (a directory
holding anything but ``lang=``/``language=`` partitions and ``_``/``.``
files) is never replaced: a mistyped ``-o ~`` must not cost a home directory.

Error records go to the errors file (``OUT.errors.jsonl`` or ``--errors``),
one line each, as the local engine writes them, not into the Parquet.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..io.encodable import encodable_record
from .hadoop import HadoopFs, is_url, local_path


def qualified(path: str) -> str:
    """``-o`` as a URL Spark writes to: a local path becomes ``file:`` (never the cluster's default filesystem)."""
    if is_url(path) and local_path(path) is None:
        return path.rstrip("/")
    return Path(local_path(path) or path).resolve().as_uri()


def _sibling(url: str, label: str) -> str:
    head, _, name = url.rstrip("/").rpartition("/")
    return f"{head}/.{name}.{label}-{uuid.uuid4().hex[:8]}"


def staging_url(output: str) -> str:
    """A hidden directory beside the output (same filesystem, so the final move is a rename)."""
    return _sibling(qualified(output), "staging")


def replaceable(output: str) -> bool:
    """Whether an existing local ``-o`` may be replaced: missing, empty, or a previous Spark output."""
    local = local_path(qualified(output))
    if local is None:
        return True  # a remote output is checked by the caller through Hadoop (see :func:`remote_replaceable`)
    path = Path(local)
    if not path.exists():
        return True
    if not path.is_dir():
        return False
    return all(_ours(child.name) for child in path.iterdir())


def _ours(name: str) -> bool:
    return name.startswith(("_", ".", "lang=", "language="))


def remote_replaceable(fs: HadoopFs, output: str) -> bool:
    """:func:`replaceable` for an output on another filesystem."""
    names = fs.child_names(qualified(output))
    return names is not None and all(_ours(name) for name in names)


def move_into_place(fs: HadoopFs, staging: str, output: str) -> None:
    """Replace ``output`` by ``staging``; the previous output is kept aside until the new one is in place."""
    target = qualified(output)
    previous = None
    if fs.exists(target):
        previous = _sibling(target, "previous")
        fs.rename(target, previous)
    try:
        fs.rename(staging, target)
    except BaseException:
        if previous is not None:
            fs.rename(previous, target)
        raise
    if previous is not None:
        fs.delete(previous)


def error_lines(records: Iterable[dict[str, Any]]) -> str:
    """Error records as the local engine's errors-file lines (id, source, reason, url, traceback)."""
    out = []
    for record in records:
        data: dict[str, Any] = {"id": record.get("id")} if record.get("id") else {}
        data.update(source=record.get("source"), reason=record.get("error") or "")
        if record.get("url"):
            data["url"] = record["url"]
        if record.get("traceback"):
            data["traceback"] = record["traceback"]
        out.append(json.dumps(encodable_record(data), ensure_ascii=False) + "\n")
    return "".join(out)


def write_errors(fs: HadoopFs, path: str, lines: str) -> None:
    """Write the errors file (a clean run removes a stale one, as the local engine does)."""
    local = local_path(path) if is_url(path) else path
    if local is not None:
        target = Path(local)
        if lines:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(lines, encoding="utf-8")
        elif target.is_file():
            target.unlink()
        return
    if lines:
        fs.write_text(path, lines)
    else:
        fs.delete(path)
