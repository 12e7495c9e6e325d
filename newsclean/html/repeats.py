"""Lines an extracted body prints more than once: a box the layout repeats.

An article does not say the same paragraph twice. When an extractor's body
does, the copies come from the page's layout: offer cards that list the same
benefits under each plan, a promo printed after every section, a paragraph
shown again by a second (mobile, print) rendering of the story. The evidence
is the repetition itself, so it holds in any language and whatever the
page's class names say (an extractor that cannot read them keeps such boxes).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from ..normalize.text import comparison_key
from ..record import Reason, Removed
from ..text.classify import reads_as_prose

#: A line this short may repeat in an article: names in a list of nominees, a
#: score, a recurring label; shorter lines are left alone (measured on fe,
#: where award pages list the same two-word names under several headings).
REPEAT_MIN_WORDS = 5
#: A line printed this many times is a box of the layout, all copies of it.
BOX_REPEATS = 3


def _boxed(copies: list[int], lines: list[str], counts: Counter[str], keys: list[str]) -> bool:
    """Whether a line's copies sit in a box: no paragraph of the article's own prose between them.

    A list article prints the same closing line under each of its items (a
    venue's dates, "Buy it here"); each item's prose stands between the
    copies, and those copies are the article's. Offer cards and a story
    printed twice repeat with nothing new in between.
    """
    for first, second in pairwise(copies):
        between = range(first + 1, second)
        if any(counts.get(keys[i], 0) < 2 and reads_as_prose(lines[i]) for i in between):
            return False
    return True


def drop_repeated_lines(lines: list[str], removed: list[Removed]) -> list[str]:
    """Drop the copies of a line the body repeats in a box; a line three times in one goes altogether.

    A line printed twice keeps its first printing: it may be a paragraph of
    the article shown again by a second rendering. A line printed three
    times or more is a box (an offer card per plan), and no copy of it is
    article text. Copies with the article's own prose between them are a
    list's recurring line and stay (:func:`_boxed`). Tables (blocks of
    several lines) are judged apart, by :mod:`.tables`.
    """
    # Words as the line prints them: a command in a code listing ("RUN pip
    # install /tmp/app") repeats by design and is four of them, not six.
    keys = [comparison_key(line) if "\n" not in line and len(line.split()) >= REPEAT_MIN_WORDS else ""
            for line in lines]
    counts = Counter(key for key in keys if key)
    places: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if counts.get(key, 0) > 1:
            places.setdefault(key, []).append(index)
    boxed = {key for key, copies in places.items() if _boxed(copies, lines, counts, keys)}
    kept: list[str] = []
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if key in boxed and (counts[key] >= BOX_REPEATS or places[key][0] != index):
            removed.append(Removed(Reason.BOILERPLATE, line))
            continue
        kept.append(line)
    return kept
