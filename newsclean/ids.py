"""Record ids: stable from run to run, distinct for distinct inputs.

An id is what joins a record to its input across runs (resume, de-duplication,
a user's own tables), so it may depend only on the input: never on memory
addresses, clocks or the order of a batch. One home for the rules, so a
cleaned record and an error record are named the same way wherever they are
made (``clean``, ``clean_record``, the batch runner).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

#: Hex digits kept of the SHA-256: 64 bits, collision-free at corpus scale.
ID_LENGTH = 16


def _digest(basis: str) -> str:
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]


def stable_id(url: str | None, content: str) -> str:
    """The id of a cleaned page: from its url, or from its raw content when there is none."""
    return _digest(f"url:{url.strip()}" if url else f"content:{content}")


def error_id(*, source: str | None = None, url: str | None = None, content: str | bytes | None = None) -> str:
    """The id of an input that could not be cleaned: from its source, else its url, else its content.

    The source (a path, ``path:line``, ``path@offset``) names an input
    uniquely within a run and stays the same across runs; a url names the
    page; an input with neither is named by a hash of what it holds, so two
    different bad inputs never share an id and the same one always gets it.
    """
    if source:
        return _digest(f"error:{source}")
    if url:
        return _digest(f"error:url:{url.strip()}")
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else (content or b"")
    return _digest(f"error:content:{hashlib.sha256(data).hexdigest()}")


def record_error_id(record: dict[str, Any]) -> str:
    """The id of a record-shaped input (``{"html"|"text", "url"?, "id"?, ...}``) that failed.

    An ``id`` the record carries is kept, as for a record that cleans;
    else the source, the url, or the record's JSON form with sorted keys
    (``repr`` for values JSON cannot hold), so key order does not matter.
    """
    given = record.get("id")
    if given is not None:
        return str(given)
    source, url = record.get("source"), record.get("url")
    content = json.dumps(record, sort_keys=True, ensure_ascii=False, default=repr)
    return error_id(
        source=source if isinstance(source, str) else None,
        url=url if isinstance(url, str) else None,
        content=content,
    )
