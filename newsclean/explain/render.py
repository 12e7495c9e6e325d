"""Printing an :class:`Explanation`: marked lines for a reader, JSON for a program.

A terminal gets colour (kept green, removed red and dimmed); a pipe gets
the same view with the removed spans of a partly kept line bracketed
``[-like this-]``, so nothing depends on colour to be read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .model import KEPT, PARTLY_KEPT, Explanation, Line

_GREEN, _RED, _YELLOW, _DIM, _RESET = "\033[32m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"
#: Width of the verdict column.
_MARK_WIDTH = 16
#: Removed spans quoted under a partly kept line are cut to this many characters.
_QUOTE_CHARS = 80


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return json.dumps(text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…", ensure_ascii=False)


def _where(line: Line) -> str:
    """``[li in nav] `` for an HTML block, nothing for a text line (never tag syntax: no markup is printed)."""
    if line.tag is None:
        return ""
    inside = f" in {line.landmark}" if line.landmark and line.landmark != line.tag else ""
    return f"[{line.tag}{inside}] "


def _marked(line: Line, color: bool) -> str:
    """The line with its removed spans shown as removed (whitespace around them left outside)."""
    parts: list[str] = []
    for span in line.spans:
        core = span.text.strip()
        if span.kept or not core:
            parts.append(span.text)
            continue
        lead = span.text[: len(span.text) - len(span.text.lstrip())]
        trail = span.text[len(span.text.rstrip()):]
        shown = f"{_RED}{_DIM}{core}{_RESET}" if color else f"[-{core}-]"
        parts.append(f"{lead}{shown}{trail}")
    return "".join(parts).strip()


def render_lines(explanation: Explanation, *, color: bool) -> Iterator[str]:
    """The explanation as printed lines: fields, then every line with its verdict."""
    for found in explanation.fields:
        value = ", ".join(found.value) if isinstance(found.value, list) else str(found.value)
        sources = ", ".join(found.sources)
        yield f"{'# ' + found.name:<{_MARK_WIDTH}} {value}  ({_DIM + sources + _RESET if color else sources})"
    for line in explanation.lines:
        verdict = line.verdict
        where = _where(line)
        if verdict == KEPT:
            mark, tint, text = "+ kept", _GREEN, line.text
        elif verdict == PARTLY_KEPT:
            mark, tint, text = "~ partly kept", _YELLOW, _marked(line, color)
        else:
            mark, tint = f"- {verdict}", _RED
            text = f"{_DIM}{line.text}{_RESET}" if color else line.text
        yield f"{tint}{mark:<{_MARK_WIDTH}}{_RESET} {where}{text}" if color else f"{mark:<{_MARK_WIDTH}} {where}{text}"
        if verdict == PARTLY_KEPT:
            for span in line.removed:
                yield f"{'':<{_MARK_WIDTH}}   - {span.reason}: {_quote(span.text)}"
    for text in explanation.unplaced:
        yield f"{'+ kept':<{_MARK_WIDTH}} (record text no input line holds) {text}"


def summary_line(explanation: Explanation) -> str:
    """The closing count, true to the lines printed above it."""
    article = explanation.article
    unit = "block" if explanation.input_format == "html" else "line"
    return (f"newsclean: {explanation.summary.describe(unit)}; title: {article.title!r}; "
            f"published: {article.published}")


def render_json(explanation: Explanation) -> str:
    """The verdicts and the record, as one JSON document."""
    data = explanation.to_dict()
    data["record"] = explanation.article.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2)
