"""The headline inside a dump that lost its line breaks, found by the words of the page's address.

On a flattened dump (and on the long lines of a glued one) the header is one
stream: the menu, a kicker, the headline, the byline, the date line and the
first paragraph follow each other with spaces between. The headline reader
judges lines, so it cannot pick the headline out of such a stream: the
sentence splitter cuts it at the standfirst's first full stop and the label
splitter cuts a title-cased headline into one label per word.

The page's address usually spells the headline: its story slug
("/gemeinde-raeumt-versaeumnisse-nach-feuer-in-crans-montana-ein-art-628452")
holds the headline's words in order, in ASCII, without ids. The run of the
stream that matches the slug best (most of its words, in the slug's order,
with few other words between) is the headline as the page printed it, with
its capitals, accents and punctuation. Evidence that the run is no sentence
of the article retelling the headline: it does not end with a full stop or
a comma, it opens with no lower-case letter, and the word after it starts
no lower-case continuation (a headline is followed by a standfirst, a
byline or a date line, each an element of its own).

Only the field is read here: the dump's lines stay as the unflatten stage
cut them. Cutting the run out of the stream as a line of its own was
measured too (fp-dev and te-dev flat renders): the sentence and label
splitters then cut the byline and lead after it differently, and pages lost
their first paragraph (te-dev string F1 down 0.2 to 0.5 on five pages).
"""

from __future__ import annotations

import re

from .slugs import content_words, slug_sequence
from .story_words import fold

#: The fewest content words (three letters or more) a slug needs to say what the story is.
_MIN_SLUG_WORDS = 4
#: The share of the slug's weight a span must match.
_MIN_MATCH = 0.6
#: What each word inside the span that matches nothing (or repeats a matched word) costs.
_GAP_COST = 0.1
#: A short slug word ("a", "of", "el") weighs this much against a content word.
_SHORT_WEIGHT = 0.25
#: The longest headline looked for, in words beyond the slug's own length.
_SPARE_WORDS = 4
#: At most this many runs dense enough in slug words are matched in full. The dev pages
#: have at most about a hundred; a hostile stream repeating the slug's words everywhere
#: would otherwise cost a match at every word (seconds on a 150 KB stream).
_MAX_STARTS = 300
_WORD = re.compile(r"\S+")
_PART = re.compile(r"\w+")
#: A span ending like a sentence is the article's, not its headline.
_STATEMENT_END = re.compile(r"[.,;:]$")


def _weight(word: str) -> float:
    return 1.0 if len(word) >= 3 and word.isalpha() else _SHORT_WEIGHT


def slug_span(line: str, slug: list[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the run of ``line`` that prints the slug's words best, or ``None``.

    The match is a weighted longest common subsequence of the run's words
    and the slug's, so words in another order (a teaser that names the same
    story) or printed twice count once; words of the run that match nothing
    cost :data:`_GAP_COST` each. The run starts and ends on matched words.
    """
    if content_words(slug) < _MIN_SLUG_WORDS:
        return None
    vocabulary = set(slug)
    total = sum(_weight(w) for w in slug)
    spans = [m.span() for m in _WORD.finditer(line)]
    keys: list[frozenset[str]] = []
    content_hits: list[int] = []
    for a, b in spans:
        parts = _PART.findall(line[a:b])
        folded = frozenset(f for part in parts for f in fold(part)) & vocabulary
        hit = bool(parts) and all(fold(part) & vocabulary for part in parts)
        keys.append(folded if hit else frozenset())
        content_hits.append(1 if hit and any(len(w) >= 3 and w.isalpha() for w in folded) else 0)
    reach = len(slug) + _SPARE_WORDS
    needed = _MIN_MATCH * content_words(slug)
    prefix = [0]
    for count in content_hits:
        prefix.append(prefix[-1] + count)
    best: tuple[float, int, int] | None = None
    starts = 0
    for first in range(len(spans)):
        if not keys[first] or prefix[min(len(spans), first + reach)] - prefix[first] < needed:
            continue
        starts += 1
        if starts > _MAX_STARTS:
            break
        # dp[k]: (weight, words) of the best in-order match of the run so far with slug[:k].
        dp = [(0.0, 0)] * (len(slug) + 1)
        for last in range(first, min(len(spans), first + reach)):
            if not keys[last]:
                continue
            row = [(0.0, 0)]
            for k in range(1, len(slug) + 1):
                options = [dp[k], row[k - 1]]
                if slug[k - 1] in keys[last]:
                    weight, words = dp[k - 1]
                    options.append((weight + _weight(slug[k - 1]), words + 1))
                row.append(max(options))
            dp = row
            weight, words = dp[-1]
            score = weight / total - _GAP_COST * (last - first + 1 - words)
            if best is None or score > best[0] + 1e-9 or (abs(score - best[0]) <= 1e-9 and first == best[1]):
                best = (score, first, last)
    if best is None or best[0] < _MIN_MATCH:
        return None
    start, end = spans[best[1]][0], spans[best[2]][1]
    return (start, end) if _stands_apart(line, start, end) else None


def _stands_apart(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` reads as an element of its own, not as words of a sentence."""
    text = line[start:end]
    if _STATEMENT_END.search(text) or text[:1].islower():
        return False
    following = line[end:].lstrip()[:1]
    return not following.islower()


def stream_headline(text: str, url: str | None) -> tuple[str, int] | None:
    """The headline the address spells, as ``text`` prints it (spaces collapsed), and where it ends; or ``None``."""
    slug = slug_sequence(url)
    found = slug_span(text, slug) if slug else None
    return (" ".join(text[found[0]:found[1]].split()), found[1]) if found else None
