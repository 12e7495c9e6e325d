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

from . import limits
from .errors import OptionsError
from .normalize.language_codes import normalize_language_code

INPUT_FORMATS = ("auto", "html", "text", "json")
#: What ``keep`` accepts: a removal category, or a plural alias users reach for.
KEEP_ALIASES: dict[str, str] = {
    "captions": "image_credit",
    "credits": "image_credit",
    "image_credit": "image_credit",
    "comments": "comments",
    "teasers": "teaser",
    "teaser": "teaser",
    "bylines": "byline",
    "byline": "byline",
    "datelines": "dateline",
    "dateline": "dateline",
    "tags": "tags",
    "meta": "meta",
    "embeds": "embed",
    "embed": "embed",
    "advertisements": "advertisement",
    "advertisement": "advertisement",
    "share": "share",
    "newsletter": "newsletter",
    "appeals": "appeal",
    "appeal": "appeal",
    "paywall": "paywall",
    "contribute": "contribute",
    "app_prompt": "app_prompt",
    "legal": "legal",
    "navigation": "navigation",
    "cookie": "cookie",
}


@dataclass(frozen=True)
class Options:
    """Options of one cleaning call.

    Attributes:
        input_format: ``auto`` sniffs HTML, plain text or a JSON record;
            ``html`` and ``text`` force a path.
        language: the page's language when the caller knows it, as an ISO
            639-1 code; a locale tag is accepted and reduced to its language
            (``"EN"``, ``"en-US"``, ``"en_GB"`` -> ``"en"``), anything else
            (``"english"``, ``"xx"``) is an :class:`OptionsError`. Detection
            still runs but this value wins.
        reference_date: the time relative dates ("3 hours ago") are resolved
            against; the crawl time when the input carries one. Never the
            clock of the cleaning machine.
        default_timezone: IANA zone name applied to times a page states
            without an offset, for users who know a site's zone.
        min_year: dates before this year are rejected as implausible.
        keep_embeds: list the social posts cut from the body in the record's
            ``embeds`` (default); ``False`` leaves ``embeds`` empty. Either
            way they never stay in ``text`` and are listed in ``removed``.
        max_input_bytes: bytes of one input that are read and cleaned; a
            longer input is cut there, with a warning naming the limit.
        max_decompressed_bytes: bytes a gzip input may inflate to; the rest
            is cut, with a warning (a gzip bomb costs no more than this).
        max_depth: element nesting kept in HTML; tags nested deeper are
            removed before parsing and their text kept, with a warning.
        time_budget: seconds one page may take in a batch (``clean_many``,
            the CLI); a page over it becomes an error record. ``None``: no
            limit. A single ``clean()`` call cannot enforce it.
        (Defaults and the reasons for them: :mod:`newsclean.limits`.)
        keep: noise categories to keep in ``text`` rather than remove, e.g.
            ``("captions", "comments")``; see ``KEEP_ALIASES`` for the names.
        favor_precision: prefer leaving out doubtful text (like trafilatura's
            option of the same name): fewer teasers and labels, some lost lines.
        favor_recall: prefer keeping doubtful text: fewer lost lines, more noise.
    """

    input_format: str = "auto"
    language: str | None = None
    reference_date: dt.datetime | None = None
    default_timezone: str | None = None
    min_year: int = 1990
    keep_embeds: bool = True
    max_input_bytes: int = limits.MAX_INPUT_BYTES
    max_decompressed_bytes: int = limits.MAX_DECOMPRESSED_BYTES
    max_depth: int = limits.MAX_DEPTH
    time_budget: float | None = limits.TIME_BUDGET
    keep: tuple[str, ...] = ()
    favor_precision: bool = False
    favor_recall: bool = False

    def __post_init__(self) -> None:
        """Refuse impossible values at construction, so a misspelt option fails before any page is read."""
        if self.input_format not in INPUT_FORMATS:
            raise OptionsError(
                f"input_format must be one of {INPUT_FORMATS}, not {self.input_format!r}"
            )
        self._normalise_language()
        self._check_timezone()
        self._normalise_keep()
        if self.favor_precision and self.favor_recall:
            raise OptionsError("favor_precision and favor_recall exclude each other")
        self._check_limits()

    def _normalise_language(self) -> None:
        """The language as its lower-case ISO 639-1 code (a locale tag such as ``en-US`` is cut to it)."""
        if self.language is not None:
            try:
                object.__setattr__(self, "language", normalize_language_code(self.language))
            except ValueError as exc:
                raise OptionsError(str(exc)) from None

    def _check_timezone(self) -> None:
        """An IANA zone the system knows (zoneinfo loaded only when a zone is given)."""
        if self.default_timezone is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(self.default_timezone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise OptionsError(f"unknown timezone {self.default_timezone!r}") from exc

    def _normalise_keep(self) -> None:
        """``keep`` as a tuple of known category names (one name alone is accepted as a string)."""
        if isinstance(self.keep, str):
            object.__setattr__(self, "keep", (self.keep,))
        unknown_keep = sorted(set(self.keep) - set(KEEP_ALIASES))
        if unknown_keep:
            raise OptionsError(f"keep: unknown categor(ies) {unknown_keep}; valid: {sorted(KEEP_ALIASES)}")
        object.__setattr__(self, "keep", tuple(self.keep))

    def _check_limits(self) -> None:
        """Sizes, depth and time budget within what the readers and the HTML parser can honour."""
        for name in ("max_input_bytes", "max_decompressed_bytes"):
            if getattr(self, name) <= 0:
                raise OptionsError(f"{name} must be positive")
        if not 1 <= self.max_depth <= limits.MAX_PARSER_DEPTH:
            raise OptionsError(
                f"max_depth must be between 1 and {limits.MAX_PARSER_DEPTH} (the HTML parser drops deeper content)"
            )
        if self.time_budget is not None and not self.time_budget > 0:
            raise OptionsError("time_budget must be positive seconds, or None for no limit")

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

    @property
    def kept_categories(self) -> frozenset[str]:
        """The removal categories ``keep`` names, aliases resolved."""
        return frozenset(KEEP_ALIASES[name] for name in self.keep)

    def replace(self, **changes: Any) -> Options:
        """A copy with ``changes`` applied and validated (unknown names are errors, as in :meth:`from_kwargs`)."""
        return Options.from_kwargs(**{**self._fields(), **changes})

    def _fields(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def resolve_options(options: Options | None, keywords: dict[str, Any]) -> Options:
    """The options of one public call: an :class:`Options` object, or keyword options, not both.

    Merging the two would make the call's outcome depend on a precedence
    rule the reader has to remember; a caller who wants a variant of a
    shared object says so with ``options.replace(...)``.

    Raises:
        OptionsError: both were given, or ``options`` is not an ``Options``.
    """
    if options is None:
        return Options.from_kwargs(**keywords)
    if not isinstance(options, Options):
        raise OptionsError(f"options must be a newsclean.Options, not {type(options).__name__}")
    if keywords:
        raise OptionsError(
            f"pass options either as options=Options(...) or as keywords, not both (got {sorted(keywords)}); "
            "use options.replace(...) for a variant"
        )
    return options


def parse_reference_date(value: str) -> dt.datetime:
    """Parse an ISO 8601 reference time given on the CLI or in a record."""
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise OptionsError(f"reference date must be ISO 8601, not {value!r}") from exc
