"""Which block of a dump is the article's headline.

A dump keeps the headline somewhere above the article, among breadcrumbs,
captions, bylines and share rows. Each candidate near the article's start is
scored on evidence that holds across sites and languages: its words recur in
the URL slug and in the lead paragraphs, it sits close to the article, it
has a headline's length and no sentence-final full stop, and it may be
printed more than once (breadcrumb, sticky header). A kicker above the
headline joins it where the page prints the joined title itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from ..normalize.text import comparison_key
from .headline_moves import (
    ANCHOR_REACH,
    MIN_SCORE,
    NUMBERED,
    above_byline,
    above_standfirst,
    fronted,
    over_furniture,
    past_kicker,
)
from .headline_shape import (
    closes_on_credit,
    echoes_furniture,
    names_places,
    reads_as_title,
    states_running_time,
)
from .segment import Block
from .slugs import MIN_SLUG_WORDS, path_tokens, spells_host, story_slug_tokens, without_function_words
from .story_words import tokens as _tokens

_LOOKBACK = 25
_LOOKAHEAD = 2
#: A full stop in Latin, CJK, Devanagari (danda), Arabic-script (Urdu) and Ethiopic writing: a sentence, not a headline.
_ENDS_STATEMENT = re.compile(r"[.:;,…。।۔።]$")
#: The fewest words an overlap ratio is taken over: a label of one or two words ("Docker packaging", "Journalist
#: i Paris", a tree's or a section's item) sharing them with the story is no full match, and outscored the
#: headline near it (fp-dev and te-dev text renders: 2 headlines more, none lost; a floor of 4 found 7 and lost
#: 3 headlines of three words).
_OVERLAP_FLOOR = 3
#: Headlines run to about eight words; shorter lines (kickers, labels) earn less.
_FULL_LENGTH = 8
#: What a caption gives up against a headline-shaped line.
_WEAK_PENALTY = 1.0
#: What a line with header furniture right below it gains: it is shaped like the header's headline.
_ANCHOR_BONUS = 0.6
#: Credit for the line a Markdown dump marked as the page's one "# " heading (an ``<h1>``), enough to
#: outweigh a caption's or standfirst's overlap with the lead; a banner's heading far above the article
#: is no candidate at all.
_HEADING_BONUS = 2.0
#: How far above the article a headline may sit when header furniture below it says it heads the article
#: (menus, share rows and paywall notices between the header and the first paragraph).
FAR_LOOKBACK = 60
#: A prose block this long opening the region is the story's first paragraph, not a notice the region
#: took in above the header ("Save this article ...", 15-18 words on the fp-dev and te-dev pages that do).
_LEAD_WORDS = 25
#: Credit for printing most of the slug's words: the headline holds nearly all of them (seven of seven on a
#: Spanish page whose lead photo's caption, matching two, had the higher share of its own words in the slug).
#: Photo captions earn none: they retell the story in the slug's words too. fp-dev and te-dev text renders:
#: 4 headlines more, none lost; without the floor a caption holding two of a four-word slug's words passed a
#: headline (1 lost), and a weight of 1.5 or 2.0 changed nothing more.
_COVER_WEIGHT = 1.0
#: The share of the slug's words a line must print to earn :data:`_COVER_WEIGHT`: most of them, as the
#: slug-span reader of flattened dumps asks (``slug_span._MIN_MATCH``).
_COVER_MIN = 0.6


def content_tokens(text: str) -> set[str]:
    """The words by which a line is compared with the story (see :func:`_tokens`)."""
    return _tokens(text)


def story_tokens(blocks: Sequence[Block], start: int, end: int, url: str | None) -> set[str]:
    """The words of the article's lead (its first four blocks) and of the address's story slug."""
    return _tokens(" ".join(b.text for b in blocks[start: min(end, start + 4)])) | story_slug_tokens(url)


def titled(text: str) -> bool:
    """Whether a line ends as a title does: no sentence's full stop, no list number before it."""
    return not _ENDS_STATEMENT.search(text.rstrip()) and not NUMBERED.match(text)


def _shape_ok(block: Block) -> bool:
    text = block.text.rstrip()
    words = block.words
    return (3 <= words <= 30 and not _ENDS_STATEMENT.search(text) and not text.startswith(("©", "(", "•"))
            and not states_running_time(text) and not closes_on_credit(text))


def _coverage(candidate: set[str], slug: set[str]) -> float:
    """The share of the slug's words a line prints, when that is most of them (else 0).

    :func:`_overlap` weighs a line by the share of *its own* words in the
    slug, which favours short lines: a caption naming two of the story's
    words beats a long headline that prints every slug word among its
    function words. The headline is the line the address was made from,
    so printing most of the slug's words is evidence of its own.
    """
    if len(slug) < MIN_SLUG_WORDS:
        return 0.0
    share = len(candidate & slug) / len(slug)
    return share if share >= _COVER_MIN else 0.0


def _overlap(candidate: set[str], reference: set[str]) -> float:
    """The share of a line's words in the reference, over at least :data:`_OVERLAP_FLOOR` words."""
    if not candidate:
        return 0.0
    return len(candidate & reference) / max(len(candidate), _OVERLAP_FLOOR)


def slug_relevance(
    url: str | None, blocks: Sequence[Block], stopwords: frozenset[str] | None = None
) -> Callable[[int, int], float | None] | None:
    """A scorer of block ranges by how much of the URL slug they contain.

    ``None`` when the address has too few words to say what the story is.
    With the page language's ``stopwords``, the slug's short function words
    do not count (:func:`.slugs.without_function_words`).
    """
    slug = without_function_words(path_tokens(url), stopwords)
    if len(slug) < MIN_SLUG_WORDS:
        return None

    # Candidate ranges overlap (the best run lies inside the others' span):
    # each block's tokens are found once. No word spans two blocks, so the
    # union of the blocks' tokens is the tokens of their joined text, and
    # only its slug words count: each block keeps just those.
    block_tokens: dict[int, set[str]] = {}

    def relevance(start: int, end: int) -> float | None:
        words: set[str] = set()
        for index in range(start, min(end, len(blocks))):
            if index not in block_tokens:
                block_tokens[index] = _tokens(blocks[index].text) & slug
            words |= block_tokens[index]
        return len(words) / len(slug)

    return relevance


def find_headline(
    blocks: Sequence[Block],
    noise: Sequence[bool],
    start: int,
    end: int,
    url: str | None = None,
    weak: Collection[int] = frozenset(),
    anchors: Collection[int] = frozenset(),
    keys: Sequence[str] | None = None,
    prose: Collection[int] = frozenset(),
    headed: int | None = None,
    reprinted: bool = False,
) -> int | None:
    """Index of the headline block, or ``None`` when no candidate convinces.

    ``weak`` blocks (photo captions) stay candidates, since a lead photo's
    caption can repeat the headline, but start behind: a caption shares the
    story's words as much as its headline does. ``anchors`` are the
    header's furniture (byline, date line, reading time): a headline sits
    right above them, and with them it is looked for further above the
    article than without. ``keys`` are the blocks' comparison keys when the
    caller has them (computed here otherwise). ``prose`` are the blocks that
    read as running text: a line after the article's first paragraph is in
    the story (a caption, an inline link), not above it. ``headed`` is the
    block a Markdown dump marked as the page's one top-level heading: near
    the article it is the headline, and the moves from a winner to a line
    next to it (kicker, standfirst, byline) do not apply to it. ``reprinted``
    is the second look of a caller whose first found nothing: a line the
    page prints more than once is a candidate as far above the article as
    one over header furniture (see :func:`candidate_scores`).
    """
    if headed is not None and start - FAR_LOOKBACK <= headed < min(end, start + _LOOKAHEAD + 2):
        return headed
    scores = candidate_scores(blocks, noise, start, end, url, weak, anchors, keys, prose, reprinted)
    if not scores:
        return None
    best = past_kicker(blocks, scores, max(scores, key=scores.__getitem__), weak)  # the first of equal scores
    if scores[best] < MIN_SCORE:
        return None
    lead = story_tokens(blocks, start, end, url)
    found = above_byline(blocks, scores, above_standfirst(blocks, scores, best, lead), story_slug_tokens(url))
    return over_furniture(blocks, scores, fronted(blocks, scores, found, anchors, weak, lead), anchors, weak)


def candidate_scores(
    blocks: Sequence[Block],
    noise: Sequence[bool],
    start: int,
    end: int,
    url: str | None = None,
    weak: Collection[int] = frozenset(),
    anchors: Collection[int] = frozenset(),
    keys: Sequence[str] | None = None,
    prose: Collection[int] = frozenset(),
    reprinted: bool = False,
) -> dict[int, float]:
    """Each headline-shaped block near the article's start, with its score (see :func:`find_headline`).

    A candidate printed more than once gains; the printings are counted
    once per page (a count per candidate over every block's key cost as
    much as the scoring), from the caller's keys when it has them. With
    ``reprinted``, a line printed more than once is read as far above the
    article as a line over header furniture: where the region starts late
    (a paywall's box, a video's player between the header and the text)
    the header's own lines are out of reach, but a page prints its headline
    again (a share box, a sticky bar, the video's title), and the printing
    nearest the text names the story as the header's does.
    """
    lead_blocks = range(start, min(end, start + 4, len(blocks)))
    lead_tokens = _tokens(" ".join(blocks[i].text for i in lead_blocks))
    slug = story_slug_tokens(url)
    printings = Counter(keys if keys is not None else (comparison_key(b.text) for b in blocks))
    scores: dict[int, float] = {}
    first = max(0, start - (FAR_LOOKBACK if anchors or reprinted else _LOOKBACK))
    for index in range(first, min(len(blocks), start + _LOOKAHEAD)):
        block = blocks[index]
        if noise[index] or not _shape_ok(block):
            continue
        if index > start and any(i in prose and blocks[i].words >= _LEAD_WORDS for i in range(start, index)):
            continue  # under the article's first paragraph: a caption or a link inside the story
        anchored = any(i in anchors for i in range(index + 1, index + 1 + ANCHOR_REACH))
        printed = printings[comparison_key(block.text) if keys is None else keys[index]] > 1
        if index < start - _LOOKBACK and not anchored and not (reprinted and printed and reads_as_title(block.text)):
            continue
        if (anchored and echoes_furniture(blocks, index, anchors, ANCHOR_REACH)) or spells_host(block.text, url):
            continue  # a credit or the publication's name (the byline below or the address prints it too)
        if index + 1 in anchors and names_places(block.text):
            continue  # a dateline's places, right above the date line
        tokens = _tokens(block.text)
        # A line of the lead is measured against the rest of it: against itself every line overlaps fully.
        lead = lead_tokens if index not in lead_blocks else _tokens(
            " ".join(blocks[i].text for i in lead_blocks if i != index))
        score = 2.0 * _overlap(tokens, lead)
        if slug:
            score += 3.0 * _overlap(tokens, slug)
            if index not in weak:  # a caption retells the story in the slug's words as well
                score += _COVER_WEIGHT * _coverage(tokens, slug)
        distance = abs(start - index)
        score += 1.0 / (1 + distance / 3)
        if printed:
            score += 0.5
        if index >= start:
            score -= 0.5  # the lead itself is a paragraph, not its headline
        numbered = NUMBERED.match(block.text) is not None
        score += 0.4 * min(block.words - numbered, _FULL_LENGTH) / _FULL_LENGTH
        if numbered:
            score -= 0.5
        if index in weak:
            score -= _WEAK_PENALTY
        if anchored:
            score += _ANCHOR_BONUS
        scores[index] = score
    return scores


