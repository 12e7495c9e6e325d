"""The article record: the one thing newsclean emits.

The record is a plain, typed dataclass holding only JSON-safe values, so it can
be pickled across processes, written as JSON lines and read back without loss.
Its JSON form is versioned by ``SCHEMA_VERSION`` and described by the JSON
Schema shipped in ``newsclean/schema/article.schema.json`` (see
``docs/record.md``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

#: Reason categories a removed span can carry. Kept in one place so the
#: schema, the docs and the classifiers agree.
REMOVAL_REASONS: tuple[str, ...] = (
    "navigation",
    "share",
    "cookie",
    "appeal",
    "paywall",
    "newsletter",
    "contribute",
    "embed",
    "teaser",
    "app_prompt",
    "comments",
    "advertisement",
    "image_credit",
    "byline",
    "dateline",
    "meta",
    "tags",
    "section",
    "title",
    "legal",
    "boilerplate",
    "duplicate",
    "markup",
)


@dataclass(frozen=True)
class Removed:
    """One span the cleaner removed, with the reason it was judged noise."""

    reason: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "text": self.text}


@dataclass(frozen=True)
class Embed:
    """A social post or similar embed kept out of the body."""

    kind: str
    text: str = ""
    url: str | None = None
    handle: str | None = None
    author: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "text": self.text,
            "url": self.url,
            "handle": self.handle,
            "author": self.author,
            "date": self.date,
        }


@dataclass
class Article:
    """A clean news article record.

    Field order is the schema order; ``to_dict`` keeps it so output is
    byte-stable from run to run.
    """

    id: str
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    text: str = ""
    word_count: int = 0
    top_image: str | None = None
    embeds: list[Embed] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    input_format: str | None = None
    fetched_at: str | None = None
    paywalled: bool = False
    duplicate_of: str | None = None
    error: str | None = None
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-safe data in schema field order."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("embeds", "removed"):
                value = [item.to_dict() for item in value]
            elif isinstance(value, list):
                value = list(value)
            out[f.name] = value
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise to JSON; non-ASCII text is kept as is (UTF-8)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild a record from ``to_dict`` output.

        Unknown keys are rejected rather than dropped: silently losing a field
        would break the exact round trip the JSON form promises.
        """
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown article fields: {sorted(unknown)}")
        if "id" not in data:
            raise ValueError("article record needs an 'id'")
        kwargs = dict(data)
        kwargs["embeds"] = [Embed(**e) for e in data.get("embeds", [])]
        kwargs["removed"] = [Removed(**r) for r in data.get("removed", [])]
        for name in ("authors", "tags", "warnings"):
            kwargs[name] = list(data.get(name, []))
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))
