"""Metadata a dump carries around its article: headline, date, section, tags.

Scraped dumps keep the page's header (headline, section, date line, byline)
before the article region and its tag list and credit after it. These
functions read them by position and shape, never by site-specific strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize.authors import is_agency
from ..normalize.text import comparison_key
from .datelines import FOOTER_REACH
from .evidence import Evidence
from .segment import Block

_DIGITS = re.compile(r"\d")
#: An unlabelled run of tag-shaped lines is the tag list when it is this long and this
#: share of its lines occur in the headline or body (commit c7895e8, the fe and fp-dev footers).
_UNLABELLED_TAGS = 3
_KNOWN_TAG_SHARE = 0.6
_TAG_SHAPE = re.compile(r"^[#]?[^\W\d_][\w'’&.+-]*(?:\s+[\w'’&.+-]+){0,2}$")


@dataclass
class HeaderFields:
    """Block indices the header and footer readers claimed, by role."""

    title: str | None = None
    title_blocks: list[int] = field(default_factory=list)
    section: str | None = None
    section_blocks: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tag_blocks: list[int] = field(default_factory=list)
    agency_blocks: list[int] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


def find_section(
    blocks: Sequence[Block], noise: Sequence[bool], title_indices: Sequence[int], date_indices: set[int]
) -> int | None:
    """A short label between a headline occurrence and the date line ("World News")."""
    for title_index in title_indices:
        found = _section_after(blocks, noise, title_index, date_indices)
        if found is not None:
            return found
    return None


def _section_after(
    blocks: Sequence[Block], noise: Sequence[bool], title_index: int, date_indices: set[int]
) -> int | None:
    for index in range(title_index + 1, min(len(blocks), title_index + 4)):
        if index in date_indices:
            return None
        block = blocks[index]
        if noise[index] or comparison_key(block.text) == comparison_key(blocks[title_index].text):
            continue
        if 1 <= block.words <= 4 and block.text[:1].isupper() and not _DIGITS.search(block.text):
            following = set(range(index + 1, min(len(blocks), index + 3)))
            if following & date_indices:
                return index
        return None
    return None


def _tag_shaped(block: Block) -> bool:
    return 1 <= block.words <= 3 and bool(_TAG_SHAPE.match(block.text.strip()))


def find_footer(
    blocks: Sequence[Block],
    noise: Sequence[bool],
    region_end: int,
    known_text: str,
    section: str | None,
    evidence: Evidence,
) -> HeaderFields:
    """Agency credit and tag list directly after the article region.

    A run of short labels is a tag list only with evidence: a label such as
    "Tags:", the section repeated as its head, or most labels occurring in
    the headline and body (a footer menu does not).
    """
    found = HeaderFields()
    index = region_end
    limit = min(len(blocks), region_end + FOOTER_REACH)
    while index < limit:
        text = blocks[index].text.strip()
        if is_agency(text):
            found.agency_blocks.append(index)
            found.agencies.append(text)
        elif text and not (noise[index] and blocks[index].words <= 3):
            break
        index += 1
    labelled = False
    section_key = comparison_key(section) if section else None
    if index < len(blocks) and (
        evidence.tag_label.match(blocks[index].text.strip())
        or (section_key and comparison_key(blocks[index].text) == section_key)
    ):
        labelled = True
        found.section_blocks.append(index)
        index += 1
    run: list[int] = []
    while index < len(blocks) and not noise[index] and _tag_shaped(blocks[index]):
        run.append(index)
        index += 1
    if len(run) < 2 or (not labelled and len(run) < 3):
        return found
    known = known_text.casefold()

    def is_known(index: int) -> bool:
        return blocks[index].text.strip().lstrip("#").casefold() in known

    if not labelled:
        # A footer menu often follows the tags; its labels are not in the article.
        while run and not is_known(run[-1]):
            run.pop()
    present = sum(1 for i in run if is_known(i))
    if len(run) >= 2 and (labelled or (len(run) >= _UNLABELLED_TAGS and present >= _KNOWN_TAG_SHARE * len(run))):
        found.tags = [blocks[i].text.strip().lstrip("#") for i in run]
        found.tag_blocks = run
    return found
