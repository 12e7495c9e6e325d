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
from collections.abc import Set as AbstractSet

from ..normalize.text import comparison_key
from .headline_shape import (
    closes_on_credit,
    echoes_furniture,
    names_places,
    reads_as_title,
    states_running_time,
)
from .person_names import is_person_name
from .segment import Block
from .slugs import MIN_SLUG_WORDS, path_tokens, spells_host, story_slug_tokens, without_function_words
from .story_words import tokens as _tokens

_LOOKBACK = 25
_LOOKAHEAD = 2
#: A full stop in Latin, CJK, Devanagari (danda), Arabic-script (Urdu) and Ethiopic writing: a sentence, not a headline.
_ENDS_STATEMENT = re.compile(r"[.:;,…。।۔።]$")
_MIN_SCORE = 1.5
#: The fewest words an overlap ratio is taken over: a label of one or two words ("Docker packaging", "Journalist
#: i Paris", a tree's or a section's item) sharing them with the story is no full match, and outscored the
#: headline near it (fp-dev and te-dev text renders: 2 headlines more, none lost; a floor of 4 found 7 and lost
#: 3 headlines of three words).
_OVERLAP_FLOOR = 3
#: A list number before a line ("4. Headline"): a breadcrumb's or a ranking's item.
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
#: Headlines run to about eight words; shorter lines (kickers, labels) earn less.
_FULL_LENGTH = 8
#: A kicker ("Minderheit in Syrien") is a short line right above a longer headline.
KICKER_MAX_WORDS = 5
_KICKER_GAP = 2
#: A kicker between a page's SEO title and its header's headline may run a word longer than a kicker the
#: headline reader takes alone: the furniture right below and the shared words already vouch for the headline
#: (fp-dev text renders: 1 headline more on each, a six-word topic line; te-dev and fe titles unchanged).
_FRONT_KICKER_WORDS = KICKER_MAX_WORDS + 1
#: The longest line a short winner passes to as its headline: a longer line under a short one is its standfirst,
#: a caption or a teaser (fp-dev and te-dev text renders: of the 12 lines over 10 words this step chose, 1 was the
#: headline, 6 had passed over it and 5 were neither; of the 20 up to 10 words, 11 were the headline, 4 not).
_KICKED_MAX_WORDS = 10
#: Sentence punctuation a kicker never ends with (a colon it may: "Bei Protesten 2022:").
KICKER_ENDS = re.compile(r"[.!?;,…。]$")
#: What a caption gives up against a headline-shaped line.
_WEAK_PENALTY = 1.0
#: A header's own furniture (byline, date line, reading time) follows its headline within this many blocks.
_ANCHOR_REACH = 8
#: What a line with header furniture right below it gains: it is shaped like the header's headline.
_ANCHOR_BONUS = 0.6
#: How far from the winner another printing of the story's headline is looked for right above the header's
#: furniture: a page prints its SEO title (the one the address spells) a line or three from its headline.
_FRONT_REACH = 3
#: Credit for the line a Markdown dump marked as the page's one "# " heading (an ``<h1>``), enough to
#: outweigh a caption's or standfirst's overlap with the lead; a banner's heading far above the article
#: is no candidate at all.
_HEADING_BONUS = 2.0
#: Words a headline shares with its standfirst (the story's names and subject).
_SHARED_WORDS = 2
#: How narrowly a standfirst may outscore the line right above it for that line to be its headline even where
#: the two share no naming word (a headline's wordplay, a standfirst's question).
_NARROW_WIN = 0.5
#: Blocks above the winner where the header's first line, its headline, may sit (standfirst, caption between).
_HEADER_SPAN = 8
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


def _copies(one: str, other: str) -> bool:
    """Whether one line prints the other inside it (a breadcrumb's or a kicker line's copy)."""
    return one in other or other in one


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
    best = _past_kicker(blocks, scores, max(scores, key=scores.__getitem__), weak)  # the first of equal scores
    if scores[best] < _MIN_SCORE:
        return None
    lead = story_tokens(blocks, start, end, url)
    found = _above_byline(blocks, scores, _above_standfirst(blocks, scores, best, lead), story_slug_tokens(url))
    return _over_furniture(blocks, scores, _fronted(blocks, scores, found, anchors, weak, lead), anchors, weak)


def _over_furniture(blocks: Sequence[Block], scores: dict[int, float], index: int, anchors: Collection[int],
                    weak: Collection[int]) -> int:
    """The headline right above the header's furniture, over another telling of the story right below it.

    The mirror of :func:`_fronted`: a page may print headline, date line,
    then the title the address spells (its SEO title, or a teaser's
    rewording), which wins on the slug's words. Where the winner follows a
    run of furniture directly and the convincing line directly above that
    run tells the same story (two naming words shared, neither printing the
    other), the line above is the header's headline. Only lines that touch
    the run on both sides: a winner further below is a caption or a related
    story's title, each with its own date line (fe and te-dev text renders
    lost 1 to 8 titles each with a looser reach).
    """
    fronting = _fronting(scores, anchors, weak)
    if index in fronting:
        return index
    shared = _naming(_tokens(blocks[index].text))
    key = comparison_key(blocks[index].text)
    for above in sorted(fronting, reverse=True):
        if (above < index - 1 and all(i in anchors for i in range(above + 1, index))
                and scores[above] >= _MIN_SCORE and len(_naming(_tokens(blocks[above].text)) & shared) >= _SHARED_WORDS
                and not _copies(key, comparison_key(blocks[above].text))):
            return above
    return index


def _fronted(blocks: Sequence[Block], scores: dict[int, float], index: int, anchors: Collection[int],
             weak: Collection[int], lead: set[str]) -> int:
    """The headline under its kicker right above the header's furniture, over a telling of the story above them.

    A page may print its SEO title (the one the address spells, in a
    breadcrumb or a share box) just above the header, which then prints
    kicker, headline, byline and date line. Where the winner is such a
    line, the candidate a kicker below it (a short headline-shaped line, no
    one-word section or format label, naming the story's subject as the
    lead or the slug does, where a comment count does not) that sits right
    above the furniture, is convincing and tells the same story (it shares
    words with the winner without printing it, and is no longer than it by
    more than a word or two) is the headline. Two headline-shaped lines
    with nothing between them are headline and subtitle, in either order,
    and stay as the scores have them.
    """
    fronting = _fronting(scores, anchors, weak)
    if index in fronting:
        return index
    shared = {w.casefold() for w in _tokens(blocks[index].text)}
    for other in range(index + 2, min(len(blocks), index + 1 + _FRONT_REACH)):
        if other not in fronting:
            continue
        text = blocks[other].text
        kicked = any(i in scores and blocks[i].words <= _FRONT_KICKER_WORDS and _names_subject(blocks[i].text, lead)
                     for i in range(index + 1, other))
        if (kicked and scores[other] >= _MIN_SCORE
                and blocks[other].words <= blocks[index].words + _SHARED_WORDS
                and len({w.casefold() for w in _tokens(text)} & shared) >= _SHARED_WORDS
                and not _copies(comparison_key(blocks[index].text), comparison_key(text))
                and not is_person_name(text.strip())):
            return other
    return index


def _names_subject(text: str, lead: set[str]) -> bool:
    """Whether a line shares a content word with the lead: one of four letters or more (a function word
    such as "new" or "the" is shorter) or a CJK bigram."""
    return bool(_naming(_tokens(text) & lead))


def _naming(words: set[str]) -> set[str]:
    """The words of a set that name a subject: of four letters or more, or not ASCII (a CJK bigram, a folded
    spelling); three-letter words are mostly function words ("des", "the", "und") every line may share."""
    return {word.casefold() for word in words if len(word) >= 4 or not word.isascii()}


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
        anchored = any(i in anchors for i in range(index + 1, index + 1 + _ANCHOR_REACH))
        printed = printings[comparison_key(block.text) if keys is None else keys[index]] > 1
        if index < start - _LOOKBACK and not anchored and not (reprinted and printed and reads_as_title(block.text)):
            continue
        if (anchored and echoes_furniture(blocks, index, anchors, _ANCHOR_REACH)) or spells_host(block.text, url):
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


def _fronting(scores: dict[int, float], anchors: Collection[int], weak: Collection[int]) -> set[int]:
    """The candidates nearest above each run of header furniture, past captions and non-candidates."""
    found: set[int] = set()
    for anchor in anchors:
        if anchor - 1 in anchors:
            continue  # the run's first line looks up for the whole run
        for index in range(anchor - 1, max(-1, anchor - 1 - _ANCHOR_REACH), -1):
            if index in scores and index not in weak:
                found.add(index)
                break
    return found


def _above_standfirst(
    blocks: Sequence[Block], scores: dict[int, float], index: int, lead: AbstractSet[str] = frozenset()
) -> int:
    """The headline over a standfirst: the summary under a headline shares more of the lead's words.

    A header prints kicker, headline, then standfirst; the standfirst
    retells the first paragraph, so it can outscore the headline on
    overlap. A candidate line right above the winner that is no kicker
    (longer than a label), no longer than the winner, itself convincing and
    about the same story (it shares words with the winner, without being
    a breadcrumb's copy of it) is the headline. A headline playing on words
    may share none with its standfirst ("The world needs more spaceports.
    Oman wants to help" over "Can a small country build a space industry
    from scratch?"): the line directly above a winner that beat it by less
    than :data:`_NARROW_WIN`, naming the story as the ``lead`` (the lead
    paragraphs' and the slug's words) does, is the headline too.
    """
    below = blocks[index].text
    shared = _tokens(below)
    found = index
    for above in range(index - 1, index - 1 - _HEADER_SPAN, -1):
        if above not in scores:
            continue
        text = blocks[above].text
        if (blocks[above].words > KICKER_MAX_WORDS and blocks[above].words <= blocks[index].words
                and scores[above] >= _MIN_SCORE and "|" not in text and not NUMBERED.match(text)
                and (len(_naming(_tokens(text) & shared)) >= _SHARED_WORDS
                     or (above == index - 1 and scores[above] >= scores[index] - _NARROW_WIN
                         and len(_naming(_tokens(text) & lead)) >= _SHARED_WORDS))
                and not _copies(comparison_key(below), comparison_key(text))):
            found = above
    return found


def _past_kicker(blocks: Sequence[Block], scores: dict[int, float], index: int, weak: Collection[int]) -> int:
    """The headline under a kicker: a short label line wins on overlap, the longer line below it is the headline.

    Kickers ("Minderheit in Syrien" above "Drusen fordern Teilhabe ...") share
    the story's key words, and being short their overlap ratio is high; the
    line right below that is itself a candidate and clearly longer is the
    headline. A line of "|"-joined labels or a numbered item is not, nor
    a photo caption, nor a line that prints the short one inside it: that
    is the short line itself, the headline, glued to its standfirst by the
    renderer ("Steigende US-Zinsen setzen Dax zu Index gibt leicht nach ...").
    A short line over a line longer than a headline is itself the headline:
    what follows it is its standfirst or a caption.
    """
    if blocks[index].words > KICKER_MAX_WORDS:
        return index
    below = next((i for i in range(index + 1, index + 1 + _KICKER_GAP) if i in scores), None)
    if (below is None or not blocks[index].words + 2 <= blocks[below].words <= _KICKED_MAX_WORDS
            or scores[below] < _MIN_SCORE
            or "|" in blocks[below].text or NUMBERED.match(blocks[below].text) or below in weak
            or comparison_key(blocks[index].text) in comparison_key(blocks[below].text)):
        return index
    return below


def _above_byline(blocks: Sequence[Block], scores: dict[int, float], index: int, slug: set[str]) -> int:
    """The headline over a byline: a bare name right under a convincing longer line is the story's writer.

    A name printed under the headline (and again by the lead photo) shares
    no words that would hold it back, and being short and close to the
    article it can outscore the headline; the candidate just above it,
    longer and itself convincing, is the headline. A title-cased line the
    address spells ("Peanut Butter Truffles") is the story's name, not its
    writer's, and a longer line printing it (a breadcrumb) is no headline.
    """
    name = blocks[index].text.strip()
    if not is_person_name(name) or _tokens(name) & slug:
        return index
    above = next((i for i in range(index - 1, index - 1 - _KICKER_GAP, -1) if i in scores), None)
    if (above is None or scores[above] < _MIN_SCORE or blocks[above].words <= blocks[index].words
            or _copies(comparison_key(name), comparison_key(blocks[above].text))):
        return index
    return above
