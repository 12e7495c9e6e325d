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

from ..normalize.text import comparison_key
from ..record import Reason, Removed

#: A line this short may repeat in an article: names in a list of nominees, a
#: score, a recurring label; shorter lines are left alone (measured on fe,
#: where award pages list the same two-word names under several headings).
REPEAT_MIN_WORDS = 5
#: A line printed this many times is a box of the layout, all copies of it.
BOX_REPEATS = 3


def drop_repeated_lines(lines: list[str], removed: list[Removed]) -> list[str]:
    """Drop the copies of a line the body repeats; a line repeated three times goes altogether.

    A line printed twice keeps its first printing: it may be a paragraph of
    the article shown again by a second rendering. A line printed three
    times or more is a box (an offer card, a promo after each section), and
    no copy of it is article text. Tables (blocks of several lines) are
    judged apart, by :mod:`.tables`.
    """
    # Words as the line prints them: a command in a code listing ("RUN pip
    # install /tmp/app") repeats by design and is four of them, not six.
    keys = [comparison_key(line) if "\n" not in line and len(line.split()) >= REPEAT_MIN_WORDS else ""
            for line in lines]
    counts = Counter(key for key in keys if key)
    seen: set[str] = set()
    kept: list[str] = []
    for line, key in zip(lines, keys, strict=True):
        times = counts.get(key, 0)
        if times >= BOX_REPEATS or (times > 1 and key in seen):
            removed.append(Removed(Reason.BOILERPLATE, line))
            continue
        seen.add(key)
        kept.append(line)
    return kept
