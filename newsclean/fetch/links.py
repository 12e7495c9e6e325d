"""A discovered link: a page URL and what its feed or sitemap listing said about it.

What a listing says (:class:`~newsclean.hints.Hints`) and how it fills a
record's gaps live in :mod:`newsclean.hints`, because re-cleaning an archive
applies them too; this module holds only the crawl's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..hints import Hints


@dataclass(frozen=True)
class Link:
    """A discovered page URL (canonical form) with what its listing said about it."""

    url: str
    hints: Hints | None = None
