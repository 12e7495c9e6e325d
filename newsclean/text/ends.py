"""Where an article ends inside its region, and where it runs on past it.

The region search finds the densest run of prose; pages put more prose
after an article than a score can tell apart: a comment thread, a wall's
notice, a footer of share rows and tags, a second story loaded below the
first. Each function here ends the region at such a barrier, or extends it
over the list the article's last sentence announces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .announced import extend_announced_list as extend_announced_list
from .classify import Verdict
from .flat_byline import flat_header_labels
from .line_ends import is_bulleted
from .region import HEADLINE_REACH, TEASER_HEAD_WORDS, is_date_label, label_tail
from .segment import Block

#: A second article's header: this many short lines among the blocks before
#: its date, after at least this much of the first article's prose.
_NEXT_WINDOW = 8
_NEXT_LABELS = 4
_NEXT_MIN_WORDS = 150
_NEXT_SHARE = 0.3
#: The share of the address's slug words a line of the second header must hold to name the page's story.
_NAMED_SHARE = 0.5
#: An embedded post's signature: its author's handle in brackets ("— Jane Doe (@janedoe) April 25, 2024").
_POST_HANDLE = re.compile(r"\(@\w{1,30}\)")
#: A first "article" whose prose stands this much in list items is a list;
#: the second keeps less than this share in them to be the story.
_LIST_SHARE = 0.8
#: A date with its day: a year alone is a heading's ("Awards 2024").
_FULL_DATE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|(?<!\d)\d{1,2}\D{1,15}(?:19|20)\d{2}(?!\d)|(?:19|20)\d{2}\D{1,15}\d{1,2}(?!\d)"
)

#: Noise that ends an article when precision is preferred: what follows is another page part.
BARRIER_CATEGORIES = frozenset(
    {"teaser", "tags", "comments", "newsletter", "share", "appeal", "paywall", "contribute"}
)
#: Barriers that end an article on any preference: a comment thread's
#: header does not sit inside articles the way "Most read" boxes do, and a
#: wall's message ("This article is for members only.") ends what the page
#: shows; a sign-up box does, late in the article and with nothing of it below.
FINAL_BARRIERS = frozenset({"comments", "paywall", "newsletter"})
#: Barriers that end an article only late in it: pages that print the
#: whole text put "Sign in" widgets and wall notices in its middle too.
LATE_BARRIERS = {"paywall": 0.75, "newsletter": 0.75}
#: Barriers that end an article (on any preference) only where it does not go
#: on below them: a sign-up box is also printed between an article's last paragraphs.
BOXED_BARRIERS = frozenset({"newsletter"})
#: The article goes on below a box when paragraphs (of this many words) of this many words in all follow
#: it in the region: a render that glued two paragraphs into one line still counts.
_RESUMED_WORDS = 40
_PARAGRAPH_WORDS = 15
#: A barrier is a heading or a label ("Comments (12)"), not a sentence that mentions comments.
_BARRIER_WORDS = 6
#: A barrier's own kind may precede it this closely ("Comments" / "All comments (4)").
_BARRIER_SPAN = 4
#: Barriers that end an article as a pair of different kinds: a footer's
#: share row, tags and "More from" heading. Sign-up and donation boxes
#: carry an "Email" field or a share line of their own mid-article.
FOOTER_BARRIERS = frozenset({"share", "tags", "teaser", "comments"})
#: How far a second barrier may follow the first to make a footer cluster.
_PAIR_SPAN = 3
#: The share of the region's prose that must precede a barrier for it to end the article.
_BARRIER_SHARE = 0.5


def cut_at_barrier(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    start: int,
    end: int,
    tag_label: Callable[[str], bool] = lambda text: False,
    kinds: frozenset[str] = BARRIER_CATEGORIES,
    late: Mapping[str, float] = LATE_BARRIERS,
    pairs: frozenset[str] = frozenset(),
) -> tuple[int, dict[int, str]]:
    """End the region at the first barrier (a teaser heading, tag list, share row,
    comment header, appeal) once most of its prose is behind.

    Boxes such as "Most read" also sit inside articles, so the default path
    does not stop at them; a caller preferring precision gives up those
    articles' last paragraphs to be rid of what follows a finished article.
    A label seen before in the article ("Comments: 49" under every item of
    a related-stories box) marks items, not the end. A category
    in ``late`` ends the article only once that share of its prose is behind.
    A category in ``pairs`` ends it when a barrier of another kind follows
    with no prose between ("Share this article", then "More on:" and the
    tags): one box inside an article is common, an article's footer is a
    cluster of them.
    """

    page = _BarrierPage(blocks, verdicts, end, tag_label, pairs)
    prose = [blocks[i].words if verdicts[i].prose else 0 for i in range(start, end)]
    total = sum(prose)
    header = _header_end(prose, start)
    seen = 0
    for offset, index in enumerate(range(start, end)):
        category = page.kind(index)
        if (
            category is not None
            and blocks[index].words <= _BARRIER_WORDS
            and _reached(page, index, category, seen, total, kinds, late)
            and (category not in BOXED_BARRIERS or not page.resumes(index))
            and not page.seen_before(header, index, category)
        ):
            return index, label_tail(verdicts, index, end, category)
        seen += prose[offset]
    return end, {}


@dataclass(frozen=True)
class _BarrierPage:
    """The region's blocks as :func:`cut_at_barrier` reads them: each block's barrier kind, and its partners."""

    blocks: Sequence[Block]
    verdicts: Sequence[Verdict]
    end: int
    tag_label: Callable[[str], bool]
    pairs: frozenset[str]

    def kind(self, index: int) -> str | None:
        """The block's barrier kind: its category, or ``tags`` for a tag label read as a menu item."""
        category = self.verdicts[index].category
        if (
            category in (None, "navigation")
            and not self.verdicts[index].prose
            and self.tag_label(self.blocks[index].text)
        ):
            return "tags"
        return category

    def partner(self, index: int, category: str) -> bool:
        """Whether a barrier of another paired kind follows closely, with no prose between.

        The rest of the first barrier's own row (one share button a line) does not count.
        """
        others = 0
        for following in range(index + 1, self.end):
            other = self.kind(following)
            if other == category:
                continue
            if self.verdicts[following].prose or others == _PAIR_SPAN:
                return False
            if other in self.pairs and self.blocks[following].words <= _BARRIER_WORDS:
                return True
            others += 1
        return False

    def resumes(self, index: int) -> bool:
        """Whether the article goes on below the box at ``index``: paragraphs of content prose follow it.

        What follows a box that closes an article is its fine print, a
        byline, the footer and what lies below it; a line of a paragraph's length is the box's
        blurb. A paragraph right under the label makes it a section's
        heading ("Newsletter" in the minutes of a meeting), not a box's.
        """
        paragraphs: list[int] = []
        for following in range(index + 1, self.end):
            if self.kind(following) in FOOTER_BARRIERS:
                # Below the footer's share row or tags, prose is a bio or another story's.
                break
            if self._paragraph(following):
                paragraphs.append(following)
        words = sum(self.blocks[following].words for following in paragraphs)
        return words >= _RESUMED_WORDS or paragraphs[:1] == [index + 1]

    def _paragraph(self, index: int) -> bool:
        return self.verdicts[index].content_prose and self.blocks[index].words >= _PARAGRAPH_WORDS

    def seen_before(self, start: int, index: int, category: str) -> bool:
        """Whether the article already printed this barrier's kind or label well before it (an item's label).

        The caller starts the search below the article's header: a share row
        printed by the byline is the page's furniture, not an item's label,
        and must not keep the share row under the last paragraph from ending it.
        """
        word = _label_word(self.blocks[index].text)
        return any(
            self.verdicts[i].category == category or _label_word(self.blocks[i].text) == word
            for i in range(start, index - _BARRIER_SPAN)
        )


def _header_end(prose: Sequence[int], start: int) -> int:
    """The region's second prose block: above it, the headline or standfirst and the header's furniture.

    The share row, byline, date and "Bookmark" button sit between the
    headline (or the standfirst a render glued to it) and the body's first
    paragraph; a label there is the page's, not an item's.
    """
    paragraphs = [start + offset for offset, words in enumerate(prose) if words]
    return paragraphs[1] if len(paragraphs) > 1 else start + len(prose)


def _reached(
    page: _BarrierPage, index: int, category: str, seen: int, total: int, kinds: frozenset[str],
    late: Mapping[str, float],
) -> bool:
    """Whether enough of the region's prose is behind a barrier of ``category`` for it to end the article."""
    if category in kinds:
        return seen >= late.get(category, _BARRIER_SHARE) * total
    # A footer cluster is evidence enough for a shorter first part:
    # the page may have loaded a longer second article below it.
    floor = max(_NEXT_MIN_WORDS, _NEXT_SHARE * total)
    return category in page.pairs and seen >= floor and page.partner(index, category)


def _next_header(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, flattened: bool
) -> tuple[int, int] | None:
    """``(first line, date line)`` of a second article's header in the region, or ``None``
    (see :func:`cut_next_article`)."""
    total = sum(blocks[i].words for i in range(start, end) if verdicts[i].prose)
    seen = 0
    for index in range(start, end):
        if verdicts[index].prose:
            seen += blocks[index].words
            continue
        if (
            seen < max(_NEXT_MIN_WORDS, _NEXT_SHARE * total)
            or not is_date_label(blocks[index], verdicts[index])
            or not _FULL_DATE.search(blocks[index].text)
        ):
            continue
        if _signs_post(blocks, verdicts, start, index):
            # The date signs an embedded post (its handles and the author's name are the labels above it).
            continue
        window = range(max(start, index - _NEXT_WINDOW), index)
        label = [i for i in window if not verdicts[i].prose and blocks[i].words <= TEASER_HEAD_WORDS]
        labels = len(label) if not flattened else flat_header_labels(
            blocks, label, index, end,
            lambda i: _full_date_label(blocks, verdicts, i),
        )
        if labels < _NEXT_LABELS or sum(1 for i in window if verdicts[i].prose) > 1:
            continue
        if total - seen < _NEXT_MIN_WORDS:
            # What follows is too short to be an article: a box of dated items inside this one.
            continue
        cut, prose_allowed = index, 1
        while cut - 1 > start:
            if verdicts[cut - 1].prose:
                # The next story's standfirst may sit among its labels, with
                # labels (share row, kicker) above it too.
                above = range(max(start, cut - 3), cut - 1)
                if not prose_allowed or len(above) < 2 or any(verdicts[i].prose for i in above):
                    break
                prose_allowed -= 1
            cut -= 1
        if _bulleted_share(blocks, verdicts, start, cut) >= _LIST_SHARE > _bulleted_share(blocks, verdicts, cut, end):
            # What came first is a list (a site map's entries with their blurbs),
            # not an article; the story is the part after it, so nothing is cut.
            return None
        return cut, index
    return None


def cut_next_article(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, flattened: bool = False
) -> tuple[int, dict[int, str]]:
    """End the region where a second article's header begins.

    Pages that load the next story below the first print its header the way
    they printed the first one: a cluster of short lines (kicker, headline,
    author names, "Published") around a calendar date. Inside an article's
    prose such a cluster does not occur: live blogs stamp entries with clock
    times, and timelines put a date before each paragraph without names and
    labels around it. On a ``flattened`` dump a run of one-word lines is one
    label: the engine cut a capitalised run (a headline in capitals, names
    opening a sentence) one token a line, so it counts once. An embedded
    post signs off with its author's handle and date, its handles and name
    above: a date right after a handle is the post's.
    """
    found = _next_header(blocks, verdicts, start, end, flattened)
    if found is None:
        return end, {}
    return found[0], label_tail(verdicts, found[0], end, "teaser")


def next_article_stamped(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, flattened: bool = False
) -> bool:
    """Whether the header of the second article :func:`cut_next_article` finds is stamped twice, published
    and updated ("Published 06.01.2026 - 16:25" / "Updated 06.01.2026 - 17:35"), on lines of their own.

    A header stamped so is an article's; a box of products or a caption's
    names above a date is not, and the flattened guard that takes the page's
    longest prose run back in rescued the article from those.
    """
    found = _next_header(blocks, verdicts, start, end, flattened)
    return found is not None and found[1] + 1 < end and _full_date_label(blocks, verdicts, found[1] + 1)


def _full_date_label(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int) -> bool:
    """Whether the line at ``index`` is a date label with a full calendar date."""
    return is_date_label(blocks[index], verdicts[index]) and _FULL_DATE.search(blocks[index].text) is not None


def story_named_below(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    start: int,
    end: int,
    relevance: Callable[[int, int], float | None] | None,
    flattened: bool = False,
) -> tuple[int, int] | None:
    """Where the region's story starts when the second article's header names the address's story.

    A page can print a gallery's captions or a teaser's prose above its
    article's header: the region search then takes both, and the header
    between them reads as the next story's (headline, date). The address
    says which of the two is the page's story: where a line of the lower
    header shares at least half the slug's words and more than any line
    of the upper part's header does, and its prose outweighs the upper
    part's, the story is the lower one, and its body starts below its date line. Returns ``(header, body)``: where the
    lower header and its body begin; ``None`` keeps the region's start.
    """
    if relevance is None:
        return None
    found = _next_header(blocks, verdicts, start, end, flattened)
    if found is None:
        return None
    cut, date = found
    below = max((relevance(i, i + 1) or 0.0 for i in range(cut, date) if not verdicts[i].prose), default=0.0)
    if below < _NAMED_SHARE:
        return None
    # The upper part's header: the lines above its first block, and that block (a long headline reads as prose).
    above = max((relevance(i, i + 1) or 0.0 for i in range(max(0, start - HEADLINE_REACH), start + 1)), default=0.0)
    if below <= above:
        return None
    # A comment thread under the story prints dated headers that can quote its title: the story the address
    # names is also the longer part.
    words = [sum(blocks[i].words for i in span if verdicts[i].prose) for span in (range(start, cut), range(cut, end))]
    return (cut, date + 1) if words[1] > words[0] else None


def _signs_post(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, index: int) -> bool:
    """Whether the date at ``index`` closes an embedded post: a handle in it or on the line above,
    or an embed right above it (a glued dump cuts the signature into lines)."""
    if _POST_HANDLE.search(blocks[index].text):
        return True
    above = index - 1
    return above >= start and (_POST_HANDLE.search(blocks[above].text) is not None
                               or verdicts[above].category == "embed")


def _bulleted_share(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int) -> float:
    """The share of the prose words of ``[start, end)`` that stand in list items."""
    prose = [i for i in range(start, end) if verdicts[i].prose]
    words = sum(blocks[i].words for i in prose)
    return sum(blocks[i].words for i in prose if is_bulleted(blocks[i].text)) / words if words else 0.0


def _label_word(text: str) -> str:
    """A label's first word, case and punctuation aside ("Kommentare: ," is "kommentare")."""
    words = re.findall(r"\w+", text.casefold())
    return words[0] if words else ""
