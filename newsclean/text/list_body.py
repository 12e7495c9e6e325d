"""A list-only article under its headline, when the text path kept (almost) nothing.

Some articles are a list and hardly any prose: an awards night's winners,
a squad announcement, a chart, results. Their lines are short names, so
block by block they read as a menu; the region search lands on a teaser's
sentence elsewhere and the list guard then empties it. An empty body is the
worst outcome, so when the region comes out empty or tiny the lines right
under the headline the address names are taken: past the header's
furniture (byline, date, share row, a strip of topic labels, a photo's
credit), the first run of unlabelled lines, up to the first hard barrier
(teasers, comments, a footer's legal lines, a share row).

The evidence that the run is the article and not a menu: it sits under
the slug's headline (a menu sits above it), it is long (many lines, many
words), and its lines are the page's own: a menu's entries come back
elsewhere on the page, a list's items mostly do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .classify import Verdict
from .headline_body import headline_scores
from .segment import Block

#: At most this many lines naming the story are tried as its headline.
_MAX_HEADLINES = 3
#: Blocks under the headline read for the header's furniture before the list must start.
_HEADER_REACH = 24
#: Labels that end the header's reach: what follows is not the article's.
_HARD_BARRIERS = frozenset({"comments", "legal", "cookie", "paywall"})
#: A list article: at least this many unlabelled lines in a row, and this many words.
_MIN_ITEMS = 5
_MIN_WORDS = 40
#: Words of unlabelled text a region must lack for the fallback to be tried.
TINY_WORDS = 15
#: At most this share of the run's lines may come back elsewhere on the page (a menu's entries do).
_MAX_REPEATED = 0.3

WARNING_PREFIX = "text: no article prose found; "
WARNING = WARNING_PREFIX + "kept the list under the headline"


def list_under_headline(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    keys: Sequence[str],
    relevance: Callable[[int, int], float | None] | None,
) -> tuple[int, int] | None:
    """The run of short unlabelled lines under the slug's headline, or ``None`` when none convinces."""
    if relevance is None:
        return None
    # A render may print the page's title line at its top as well: each line naming the story is tried.
    scored = sorted(headline_scores(blocks, verdicts, relevance), key=lambda pair: (-pair[0], pair[1]))
    for _, head in scored[:_MAX_HEADLINES]:
        found = run_under(blocks, verdicts, keys, head)
        if found is not None:
            return found
    return None


def run_under(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], keys: Sequence[str], head: int
) -> tuple[int, int] | None:
    """The first long run of unlabelled lines within the header's reach under ``head``, if it is a list."""
    first, reach = head + 1, min(len(blocks), head + 1 + _HEADER_REACH)
    while first < reach:
        if verdicts[first].category in _HARD_BARRIERS:
            return None
        last = first
        while last < len(blocks) and verdicts[last].category is None:
            last += 1
        if last - first >= _MIN_ITEMS:
            return (first, last) if _is_list(blocks, keys, first, last) else None
        first = max(last, first + 1)
    return None


def _is_list(blocks: Sequence[Block], keys: Sequence[str], first: int, last: int) -> bool:
    """Whether ``[first, last)`` holds enough text, mostly the page's own lines (not a menu's)."""
    if sum(blocks[i].words for i in range(first, last)) < _MIN_WORDS:
        return False
    inside = Counter(keys[first:last])
    outside = Counter(keys) - inside
    repeated = sum(1 for i in range(first, last) if outside[keys[i]] > 0)
    return repeated <= _MAX_REPEATED * (last - first)
