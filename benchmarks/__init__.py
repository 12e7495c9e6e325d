"""Benchmark harness for newsclean and its peer extractors.

Kept as a top-level package beside the library (not installed with it) so the
harness can compare newsclean against other systems without those systems
becoming runtime dependencies. Run it with ``python -m benchmarks``.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root: the parent of this package. Default paths resolve from here
#: so the harness behaves the same whatever the current directory is.
REPO_ROOT: Path = Path(__file__).resolve().parent.parent

#: Sets and modes known to the harness, in display order.
SETS: tuple[str, ...] = ("fe", "fp-dev", "te-dev")
MODES: tuple[str, ...] = ("html", "soup", "inscriptis")

#: Sets scored by must/must-not strings instead of a gold body (shared/data/README.md):
#: their P/R/F1 are the pooled string metric of ``metrics.string_scores``.
STRING_SETS: frozenset[str] = frozenset({"te-dev"})
