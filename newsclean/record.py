"""The article record: the one thing newsclean emits.

The record is a plain, typed dataclass holding only JSON-safe values, so it can
be pickled across processes, written as JSON lines and read back without loss.
Its JSON form is versioned by ``SCHEMA_VERSION`` and described by the JSON
Schema shipped in ``newsclean/schema/article.schema.json`` (see
``docs/record.md``).
"""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


class Reason(str, enum.Enum):
    """Why a span was removed: the one list the classifiers, the schema and the docs share.

    ``newsclean/schema/article.schema.json`` lists these values in its
    ``reason`` enum and ``docs/record.md`` names them; tests check both
    against this class, so a reason cannot be emitted without being
    documented. Values are plain strings (the enum mixes in ``str``), so
    ``reason == "teaser"`` holds and the JSON form is unchanged.
    """

    NAVIGATION = "navigation"
    SHARE = "share"
    COOKIE = "cookie"
    APPEAL = "appeal"
    PAYWALL = "paywall"
    NEWSLETTER = "newsletter"
    CONTRIBUTE = "contribute"
    EMBED = "embed"
    TEASER = "teaser"
    APP_PROMPT = "app_prompt"
    COMMENTS = "comments"
    ADVERTISEMENT = "advertisement"
    IMAGE_CREDIT = "image_credit"
    BYLINE = "byline"
    DATELINE = "dateline"
    META = "meta"
    TAGS = "tags"
    SECTION = "section"
    TITLE = "title"
    LEGAL = "legal"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    MARKUP = "markup"
    #: A row of a navigation table (menus, footers); data tables stay in the body.
    TABLE = "table"
    #: A closing paragraph about the article's author ("Jane Doe is a reporter ...").
    BIO = "bio"

    def __str__(self) -> str:
        # f-strings and str() give the bare value on every supported Python
        # (3.10's Enum.__str__ would give "Reason.TEASER").
        return self.value


#: The reason values in schema order (kept for callers that want plain strings).
REMOVAL_REASONS: tuple[str, ...] = tuple(reason.value for reason in Reason)


@dataclass(frozen=True)
class Removed:
    """One span the cleaner removed, with the reason it was judged noise."""

    reason: Reason
    text: str

    def __post_init__(self) -> None:
        # Accepts the plain string too (``from_dict``, classifier categories
        # read from data files); a value outside :class:`Reason` raises
        # ``ValueError`` here, where it is made, not in a schema check later.
        # A Reason already (the text path makes a few hundred a page) needs no enum lookup.
        if type(self.reason) is not Reason:
            object.__setattr__(self, "reason", Reason(self.reason))

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason.value, "text": self.text}


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


@dataclass(frozen=True)
class Credit:
    """A contributor the story credits at its foot ("Additional reporting by Jane Doe").

    ``role`` is the credit's role words as printed, lower-cased ("additional
    reporting", "editing", "mitarbeit", "contributed"); ``name`` one person
    or agency. See ``docs/record.md``.
    """

    role: str
    name: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "name": self.name}


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
    #: Contributors credited at the story's foot, beside the byline's ``authors``.
    credits: list[Credit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-safe data in schema field order."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("embeds", "removed", "credits"):
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
        kwargs["credits"] = [Credit(**c) for c in data.get("credits", [])]
        for name in ("authors", "tags", "warnings"):
            kwargs[name] = list(data.get(name, []))
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))
