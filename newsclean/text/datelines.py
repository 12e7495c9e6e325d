"""Date lines of a plain-text dump: which short blocks carry dates, and which are the article's.

A dump prints its dates as lines of their own ("Published: 15:56 BST, 27
April 2024 | Updated: ..."), among bylines and reading times; the page's
other dates (teasers, comments) sit further from the headline. Parsing is
left to :mod:`newsclean.normalize.dates`; this module finds the lines and
picks the published and modified dates by where they sit.
"""

from __future__ import annotations

import re

from ..normalize.date_forms import DATE_SPAN
from ..normalize.dates import DateContext, ParsedDate, strip_date_label
from .classify import Verdict
from .segment import Block

_DATE_LINE_MAX_WORDS = 16
_LONE_TIME = re.compile(r"^\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?\s*$", re.IGNORECASE)
#: Separators between the parts of a date line: "Published ... | Updated ...".
_DATE_PARTS = re.compile(r"\s[|•·]\s|\s/\s|\s[–—]\s")
#: Everything but the last few words before a span: the label, if any, is next to it.
_LABEL_BEFORE = re.compile(r"^.*?(?=\S+\s*\S*\s*$)", re.DOTALL)
#: How many blocks before the region a date line may sit and still be the article's.
DATE_WINDOW = 15
#: How many blocks after the region its footer (date line, tags, agency credit) is read in.
#: Set with the first text engine (commit c7895e8): the footers of the fe and fp-dev pages fit in it.
FOOTER_REACH = 6


def date_lines(
    blocks: list[Block], verdicts: list[Verdict], context: DateContext, unresolved: list[str]
) -> dict[int, list[tuple[ParsedDate, str | None]]]:
    """Short blocks that are date lines, with each date and its label kind.

    A date line often carries two dates ("Published: 15:56 BST, 27 April
    2024 | Updated: ...") or a date among bylines and reading times; it is
    split at the separators pages use and each part is parsed on its own.
    Warnings of dates that could not be resolved go to ``unresolved``.
    """
    found: dict[int, list[tuple[ParsedDate, str | None]]] = {}
    for block in blocks:
        verdict = verdicts[block.index]
        if verdict.prose or block.words > _DATE_LINE_MAX_WORDS or not any(c.isdigit() for c in block.text):
            continue
        if verdict.category not in (None, "meta", "byline", "dateline"):
            continue
        dates: list[tuple[ParsedDate, str | None]] = []
        for part in date_parts(block.text):
            if not any(c.isdigit() for c in part):
                continue
            _, kind = strip_date_label(part.strip())
            parsed, warnings = context.parse(part)
            if parsed is not None:
                dates.append((parsed, kind))
                continue
            embedded = _embedded_dates(part, kind, context)
            dates.extend(embedded)
            if not embedded:
                unresolved.extend(warnings)
        if dates:
            found[block.index] = dates
    return found


def _embedded_dates(
    part: str, kind: str | None, context: DateContext
) -> list[tuple[ParsedDate, str | None]]:
    """Dates written among other words ("Frankfurt, October 23, 2024, 3:48",
    "Publié le 30 août 2023 à 14h52, modifié le ...", "By Jane Doe 30 August 2023").

    When the part as a whole does not parse, each span shaped like a date
    (with the time that follows it) is parsed on its own; a span after an
    "updated" word is the modification date.
    """
    found: list[tuple[ParsedDate, str | None]] = []
    for match in DATE_SPAN.finditer(part):
        parsed, _ = context.parse(match.group(0))
        if parsed is None:
            continue
        _, label = strip_date_label(_LABEL_BEFORE.sub("", part[: match.start()]).strip() + " " + match.group(0))
        found.append((parsed, label if label == "modified" else kind))
    return found


def first_embedded_date(text: str, context: DateContext) -> ParsedDate | None:
    """The first publication date written among the words of ``text`` (a stream's header), or ``None``."""
    return next((parsed for parsed, kind in _embedded_dates(text, None, context) if kind != "modified"), None)


def date_parts(text: str) -> list[str]:
    """Split a date line at its separators, keeping a lone time with its date."""
    parts: list[str] = []
    for part in _DATE_PARTS.split(text):
        if parts and _LONE_TIME.match(part):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


def pick_dates(
    dates: dict[int, list[tuple[ParsedDate, str | None]]], head: int, start: int, end: int
) -> tuple[ParsedDate | None, ParsedDate | None]:
    """The published and modified dates nearest the article's head.

    The head zone runs from the headline (or a few blocks before the region
    when no headline was found) to just inside the region; the footer zone
    follows the region. Within a line, an unlabelled date is the
    publication date and a date labelled "Updated" the modification date.
    """
    published = modified = None
    window = [i for i in sorted(dates) if min(head, start - DATE_WINDOW) <= i < start + 3]
    window += [i for i in sorted(dates) if end <= i < end + FOOTER_REACH and i not in window]
    for index in window:
        for parsed, kind in dates[index]:
            if kind == "modified":
                modified = modified or parsed
            else:
                published = published or parsed
    return published, modified
