"""One frozen, validated options object.

Every tunable of a cleaning run lives here and is passed down explicitly, so
no stage reads global settings and two runs with different options can share
a process safely.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .errors import OptionsError

INPUT_FORMATS = ("auto", "html", "text", "json")


@dataclass(frozen=True)
class Options:
    """Options of one cleaning call.

    Attributes:
        input_format: ``auto`` sniffs HTML, plain text or a JSON record;
            ``html`` and ``text`` force a path.
        language: the page's language (ISO 639-1) when the caller knows it;
            detection still runs but this value wins.
        reference_date: the time relative dates ("3 hours ago") are resolved
            against; the crawl time when the input carries one. Never the
            clock of the cleaning machine.
        default_timezone: IANA zone name applied to times a page states
            without an offset, for users who know a site's zone.
        min_year: dates before this year are rejected as implausible.
        keep_embeds: keep social embeds in ``embeds`` (they never stay in text).
        max_input_bytes: inputs above this size are refused.
        max_decompressed_bytes: gzip output above this size is refused.
    """

    input_format: str = "auto"
    language: str | None = None
    reference_date: dt.datetime | None = None
    default_timezone: str | None = None
    min_year: int = 1990
    keep_embeds: bool = True
    max_input_bytes: int = 64 * 1024 * 1024
    max_decompressed_bytes: int = 256 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise OptionsError(
                f"input_format must be one of {INPUT_FORMATS}, not {self.input_format!r}"
            )
        if self.language is not None and not (
            len(self.language) == 2 and self.language.isalpha()
        ):
            raise OptionsError(f"language must be an ISO 639-1 code, not {self.language!r}")
        if self.default_timezone is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(self.default_timezone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise OptionsError(f"unknown timezone {self.default_timezone!r}") from exc
        for name in ("max_input_bytes", "max_decompressed_bytes"):
            if getattr(self, name) <= 0:
                raise OptionsError(f"{name} must be positive")

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Options:
        """Build options from keyword arguments, rejecting unknown keys.

        A misspelt option silently ignored is a bug users cannot see, so an
        unknown key is an error that names the valid ones.
        """
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise OptionsError(f"unknown option(s) {unknown}; valid: {sorted(names)}")
        ref = kwargs.get("reference_date")
        if isinstance(ref, str):
            kwargs["reference_date"] = parse_reference_date(ref)
        return cls(**kwargs)

    def replace(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)


def parse_reference_date(value: str) -> dt.datetime:
    """Parse an ISO 8601 reference time given on the CLI or in a record."""
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise OptionsError(f"reference date must be ISO 8601, not {value!r}") from exc
