"""A discovered link and what its feed or sitemap listing said about it.

:class:`Hints` and :func:`fill_gaps` live in :mod:`newsclean.hints`, because
re-cleaning an archive applies them too; they are re-exported here for the
fetch code that builds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..hints import Hints, fill_gaps

__all__ = ["Hints", "Link", "fill_gaps"]


@dataclass(frozen=True)
class Link:
    """A discovered page URL (canonical form) with what its listing said about it."""

    url: str
    hints: Hints | None = None
