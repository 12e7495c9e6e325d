"""Registry of the systems the harness can run.

Each system is a small adapter module exposing ``make(mode, **options)`` that
imports its library lazily and returns an extractor ``(raw, url) -> Output``.
Imports stay lazy so a missing library skips one system instead of breaking the
harness, and so the parent process never pays for any system's import.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any


@dataclass
class Output:
    """What a system returned for one page; metadata is None when not produced."""

    text: str = ""
    title: str | None = None
    date: str | None = None
    authors: list[str] | None = None


Extractor = Callable[[str, "str | None"], Output]


@dataclass(frozen=True)
class System:
    """A named configuration of one adapter module."""

    name: str
    module: str
    options: dict[str, Any] = field(default_factory=dict)

    def adapter(self) -> ModuleType:
        """The adapter module (cheap: adapters import their libraries in ``make``)."""
        return importlib.import_module(f"benchmarks.systems.{self.module}")

    def missing(self) -> str | None:
        """Why the system cannot run here, or None; checked without importing."""
        for mod in getattr(self.adapter(), "REQUIRES", ()):
            try:
                found = importlib.util.find_spec(mod) is not None
            except (ImportError, ValueError):
                found = False
            if not found:
                return f"module {mod!r} not installed"
        return None

    def fields(self) -> frozenset[str]:
        """Metadata fields (title, date, authors) this system produces."""
        return frozenset(getattr(self.adapter(), "FIELDS", frozenset()))

    def has_body(self) -> bool:
        """False for a metadata-only peer (htmldate): its body columns are shown as '-'."""
        return bool(getattr(self.adapter(), "BODY", True))

    def dists(self) -> tuple[str, ...]:
        """Distributions whose versions describe this system."""
        return tuple(getattr(self.adapter(), "DISTS", ()))

    def make(self, mode: str) -> Extractor:
        """Build the extractor for ``mode``; raises ImportError if the library is absent."""
        fn: Callable[..., Extractor] = self.adapter().make
        return fn(mode, **self.options)


SYSTEMS: dict[str, System] = {
    s.name: s
    for s in (
        System("newsclean", "newsclean_"),
        System("trafilatura", "trafilatura_"),
        System("trafilatura-precision", "trafilatura_", {"favor_precision": True}),
        System("readability", "readability_"),
        System("newspaper4k", "newspaper_"),
        System("htmldate", "htmldate_"),
        System("htmldate-latest", "htmldate_", {"original_date": False}),
        System("justext", "justext_"),
        System("justext-lang", "justext_", {"language_aware": True}),
        System("keep-all", "keepall"),
        System("c4", "c4"),
    )
}
