"""Which path an input takes: HTML, plain text or a JSON record.

Scraped folders mix pages saved as ``.txt`` and dumps saved as ``.html``, so
the decision looks at the content, not the file name.
"""

from __future__ import annotations

import json
import re
from typing import Any

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(?:p|div|a|span|br|meta|script|head|body|li|ul|h[1-6]|article|section|table|img|title)\b[^>]*>",
    re.IGNORECASE,
)


def sniff_format(text: str) -> str:
    """Return ``"json"``, ``"html"`` or ``"text"`` for decoded input."""
    head = text[:20_000]
    stripped = head.lstrip()
    if stripped.startswith("{") and as_json_record(text) is not None:
        return "json"
    if _HTML_START.match(head):
        return "html"
    tags = len(_HTML_TAG.findall(head))
    if tags >= 5 or (tags >= 2 and tags * 40 > len(stripped)):
        return "html"
    return "text"


def as_json_record(text: str) -> dict[str, Any] | None:
    """Parse ``text`` as a record carrying ``html`` or ``text``, else ``None``.

    Anything that is not such a record is "not JSON" here, including JSON
    nested too deep for the parser (``[[[[...``), which raises RecursionError.
    """
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and (isinstance(data.get("html"), str) or isinstance(data.get("text"), str)):
        return data
    return None
