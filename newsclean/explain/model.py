"""What ``explain`` reports: lines (or page blocks) cut into kept and removed spans.

The view is plain data, apart from the record it explains, so the printers
(terminal, JSON) and the tests read the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..record import Article

KEPT = "kept"
PARTLY_KEPT = "partly kept"
#: Reason of page text the HTML path never extracted: trafilatura judged it boilerplate.
NOT_EXTRACTED = "not extracted"


@dataclass(frozen=True)
class Span:
    """A piece of a line: kept (``reason is None``) or removed for ``reason``."""

    text: str
    reason: str | None = None

    @property
    def kept(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Line:
    """One input line (text) or one block of the page's body (HTML), cut into spans.

    ``tag`` and ``landmark`` say where an HTML block sits (``li`` inside
    ``nav``); both are ``None`` for text input.
    """

    spans: tuple[Span, ...]
    tag: str | None = None
    landmark: str | None = None

    @property
    def text(self) -> str:
        """The line as the cleaner read it."""
        return "".join(span.text for span in self.spans).strip()

    @property
    def kept_text(self) -> str:
        """What of this line reaches the record's ``text``."""
        return " ".join("".join(s.text if s.kept else " " for s in self.spans).split())

    @property
    def removed(self) -> list[Span]:
        """The removed spans that hold text (not bare whitespace)."""
        return [s for s in self.spans if not s.kept and s.text.strip()]

    @property
    def verdict(self) -> str:
        """``kept``, ``partly kept``, or the reason(s) the whole line was dropped."""
        has_kept = any(s.kept and s.text.strip() for s in self.spans)
        removed = self.removed
        if not removed:
            return KEPT
        if has_kept:
            return PARTLY_KEPT
        return ", ".join(dict.fromkeys(s.reason or "" for s in removed))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"verdict": self.verdict, "text": self.text}
        if self.tag is not None:
            out["tag"] = self.tag
            out["landmark"] = self.landmark
        out["spans"] = [
            {"text": s.text.strip(), "reason": s.reason} for s in self.spans if s.text.strip()
        ]
        return out


@dataclass(frozen=True)
class FieldSource:
    """A chosen metadata value and the page declarations that state it."""

    name: str
    value: Any
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.name, "value": self.value, "sources": list(self.sources)}


@dataclass
class Summary:
    """Counts for the closing line; computed from the lines, never estimated."""

    kept: int = 0
    partly_kept: int = 0
    dropped: int = 0
    spans_removed: int = 0

    def describe(self, unit: str) -> str:
        """``9 lines kept, 2 partly kept (4 spans removed), 0 dropped``."""
        spans = f"{self.spans_removed} span{'' if self.spans_removed == 1 else 's'} removed"
        return (f"{self.kept} {unit}{'' if self.kept == 1 else 's'} kept, "
                f"{self.partly_kept} partly kept ({spans}), {self.dropped} dropped")


@dataclass
class Explanation:
    """The record ``clean`` produced and, line by line, how the input became it."""

    article: Article
    input_format: str
    lines: list[Line] = field(default_factory=list)
    fields: list[FieldSource] = field(default_factory=list)
    #: Record text that no input line holds (a body the HTML path took from JSON-LD).
    unplaced: list[str] = field(default_factory=list)

    @property
    def kept_text(self) -> str:
        """All kept text, whitespace-normalised: equals the record's ``text`` the same way."""
        parts = [line.kept_text for line in self.lines] + self.unplaced
        return " ".join(" ".join(parts).split())

    @property
    def summary(self) -> Summary:
        out = Summary()
        for line in self.lines:
            verdict = line.verdict
            if verdict == KEPT:
                out.kept += 1
            elif verdict == PARTLY_KEPT:
                out.partly_kept += 1
                out.spans_removed += len(line.removed)
            else:
                out.dropped += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary
        return {
            "source": self.article.source,
            "input_format": self.input_format,
            "unit": "block" if self.input_format == "html" else "line",
            "summary": {
                "kept": summary.kept,
                "partly_kept": summary.partly_kept,
                "dropped": summary.dropped,
                "spans_removed": summary.spans_removed,
            },
            "fields": [f.to_dict() for f in self.fields],
            "lines": [line.to_dict() for line in self.lines],
            "unplaced": list(self.unplaced),
        }
