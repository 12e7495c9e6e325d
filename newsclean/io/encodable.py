"""Text every output can encode: lone surrogates escaped, with a warning, never a crash.

Python strings may hold lone surrogates (U+D800-U+DFFF), which no UTF-8
writer accepts. They reach records by two honest routes: a file name with
bytes that are not UTF-8 (Python decodes it with ``surrogateescape``, so
byte 0xFF becomes U+DCFF), and a JSON string escaping half a surrogate pair
(``"\\ud800"``, which ``json.loads`` accepts). Unescaped, one such character
raises ``UnicodeEncodeError`` in the writer and ends the run, again on every
``--resume``. Escaping them at the output boundary keeps the rest of the
record exact and the run going: a byte smuggled in from a file name is
written ``\\xff`` (the byte the file system holds), any other lone surrogate
``\\ud800``. The escaped form is the record's ``source`` from then on, so
``--resume`` compares inputs in that form too (:func:`escape_unencodable`).
"""

from __future__ import annotations

import re
from typing import Any

#: Lone surrogates: the only ``str`` characters UTF-8 cannot encode.
_SURROGATE = re.compile("[\ud800-\udfff]")

#: ``surrogateescape`` maps an undecodable byte 0xNN (0x80-0xFF) to U+DC00+0xNN.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if code in _ESCAPED_BYTES else f"\\u{code:04x}"


def escape_unencodable(text: str) -> str:
    """``text`` with each lone surrogate written as an escape (``\\xff``, ``\\ud800``); else unchanged."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape_one, text)


def _escaped(value: Any, count: list[int]) -> Any:
    if isinstance(value, str):
        found = len(_SURROGATE.findall(value))
        if found:
            count[0] += found
            return _SURROGATE.sub(_escape_one, value)
        return value
    if isinstance(value, list):
        return [_escaped(item, count) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item, count) for key, item in value.items()}
    return value


def encodable_record(data: dict[str, Any]) -> dict[str, Any]:
    """The record ``data`` with every lone surrogate escaped and a warning naming the fields.

    Returns ``data`` itself when nothing needed escaping (the common case
    costs one scan of each string).
    """
    fields: list[str] = []
    total = 0
    out: dict[str, Any] = {}
    for name, value in data.items():
        count = [0]
        out[name] = _escaped(value, count)
        if count[0]:
            fields.append(name)
            total += count[0]
    if not fields:
        return data
    if isinstance(out.get("warnings"), list):
        out["warnings"] = [
            *out["warnings"],
            f"output: {total} character{'s' if total > 1 else ''} that cannot be encoded as UTF-8 "
            f"(bytes of a file name that are not UTF-8, or lone surrogates) escaped in {', '.join(fields)}",
        ]
    return out
