"""Lines a Markdown dump shows to be links: menus, teaser lists and share rows, named as noise.

In a Markdown render every link keeps its brackets, so the share of a
line's text that is link labels is known exactly: the per-line link
density the HTML path judges blocks by, which a plain render loses. A menu
is a list of links, a teaser list a run of linked headlines, a share row a
run of links to share endpoints; the article's paragraphs carry an inline
link at most. Measured on the html2text renders of fe and fp-dev (lines
of twelve words or more matched against the gold bodies): of the lines at
least four-fifths link text, none of 338 was article text on fe and 19 of
979 on fp-dev (mostly teaser cards one publisher's gold keeps); of the list
items at least half link text, none of 40 on fe and 5 of 372 on fp-dev.

Only a line that cannot be a byline or a label is named alone: a short
link line standing alone (a byline's name, a section label) is left to the
classifier, which reads bylines and sections as fields, and a ``#``
heading is never named, since a page's headline often links to itself.
The named blocks score as the labels they would otherwise be at most
(:func:`label_link_blocks`), so a link list inside an article parts its
paragraphs no more than it did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from ..record import Reason
from .classify import Verdict
from .markdown import LineMarks
from .scores import label_score
from .segment import Block

#: A list item with this share of link text is a menu entry or a linked teaser.
BULLET_LINK_SHARE = 0.5
#: Another line with this share of link text is a linked headline, a menu row or a share row.
LINE_LINK_SHARE = 0.8
#: Such a line this long (letters and digits, about eight words) is a teaser on its own;
#: a shorter one is named only in a run of such lines, or as a share row.
TEASER_CHARS = 40
#: Lines of link text in a row (blank lines between them do not count) that make a menu or list.
RUN_LINES = 2
#: The lines not named must hold this many letters and digits; else the page is a list of links
#: (an index page, a link roundup) and nothing is named, so the engine judges it as without links.
MIN_KEPT_CHARS = 600
#: Links on one line, all to share endpoints, that make a share row even standing alone.
SHARE_ROW_LINKS = 2
#: Link targets shaped like a share endpoint (by the URL's shape, never a site's name).
_SHARE_URL = re.compile(
    r"(?:[/.]shar(?:e|er|ing)(?:\.php|/|\?|$)|intent/(?:tweet|post)|[?&](?:text|body|subject)=|^mailto:\?|^whatsapp:)",
    re.IGNORECASE,
)


def find_link_lines(text: str, marks: Sequence[LineMarks], url: str | None = None) -> dict[str, Reason]:
    """The lines of ``text`` made of links, by their text (spaces collapsed), with why each is noise.

    ``marks`` has one entry per line of ``text`` (:func:`~newsclean.text.markdown.unmark`);
    without marks nothing is found. A line linking to the page itself (``url``:
    its headline's permalink, "Posted on [date]") is never one. The lines stay in the text, so they still
    part the blocks around them as the page did; :func:`label_link_blocks`
    names the blocks they became.
    """
    lines = text.split("\n")
    if not marks or len(marks) != len(lines):
        return {}
    found: list[int] = []
    run: list[int] = []
    page = _page_key(url) if url else None
    for index, mark in enumerate(marks):
        if not lines[index].strip():
            continue
        if not _is_link_line(mark) or (page and any(_same_page(href, page) for href in mark.urls)):
            found.extend(_listed(run, marks))
            run = []
            continue
        run.append(index)
    found.extend(_listed(run, marks))
    named = set(found)
    if sum(m.chars for i, m in enumerate(marks) if i not in named) < MIN_KEPT_CHARS:
        return {}
    return {" ".join(lines[i].split()): _reason(marks[i]) for i in found}


def label_link_blocks(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    link_lines: Mapping[str, Reason],
    weight: Callable[[int], float] = label_score,
) -> None:
    """Name the blocks that are link lines as the noise they are (in place), never scored as prose.

    A block scores ``weight`` of its words at most (a label's score unless
    the caller knows the lines to be a noise run cut into pieces).

    A block is named only when its whole text is one link line, or a bullet
    item of one (segmentation may drop the marker), so prose a line was
    joined to is never taken with it.
    """
    if not link_lines:
        return
    for block, verdict in zip(blocks, verdicts, strict=True):
        text = " ".join(block.text.split())
        reason = link_lines.get(text) or link_lines.get(f"* {text}")
        if reason is None:
            continue
        # A category the lexicon gave (an appeal, a legal link) is the finer name: it stays.
        verdict.category = verdict.category or reason.value
        verdict.prose = False
        # Scored as the unnamed label it would otherwise have been at most: a teaser's headline
        # scores no prose, but a list inside the article (a "Recommended" box) is no stronger a
        # wall between its paragraphs than it was.
        verdict.score = min(verdict.score, weight(block.words))
        verdict.sentence_noise = []


def _is_link_line(mark: LineMarks) -> bool:
    """Whether a line is made of link text: a list item half links, another line four-fifths,
    a ``#`` heading never (it may be the headline linking to its own page)."""
    if mark.heading == 1 or not mark.link_chars:
        return False
    return mark.link_share >= (BULLET_LINK_SHARE if mark.bullet else LINE_LINK_SHARE)


def _listed(run: list[int], marks: Sequence[LineMarks]) -> list[int]:
    """The lines of a run of link lines that are noise: all of a run long enough to be a menu or a
    list, a lone list item, a lone linked headline, a lone share row; another short lone link line
    (a byline's name, a label) is left to the classifier, which reads bylines and sections as fields."""
    if len(run) >= RUN_LINES:
        return run
    if run and (marks[run[0]].bullet or marks[run[0]].chars >= TEASER_CHARS or _shares(marks[run[0]])):
        return run
    return []


def _shares(mark: LineMarks) -> bool:
    """Whether a line's links (two or more) all point to share endpoints: a share row."""
    return len(mark.urls) >= SHARE_ROW_LINKS and all(_SHARE_URL.search(url) for url in mark.urls)


def _page_key(url: str) -> tuple[str, str] | None:
    """A page's host (without "www.") and path (without its closing slash); ``None`` for a site's front page."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    if not path:
        return None
    return parts.netloc.lower().removeprefix("www."), path


def _same_page(href: str, page: tuple[str, str]) -> bool:
    """Whether a link points to the page itself (a relative link is on the page's host)."""
    target = _page_key(href)
    if target is None:
        return False
    host, path = target
    return path == page[1] and (not host or host == page[0])


def _reason(mark: LineMarks) -> Reason:
    """A share row when the line links to share endpoints, a teaser when it is one long label, else navigation."""
    if _shares(mark):
        return Reason.SHARE
    if not mark.bullet and len(mark.urls) == 1 and mark.chars >= TEASER_CHARS:
        return Reason.TEASER
    return Reason.NAVIGATION
