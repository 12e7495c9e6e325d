"""The standfirst under the headline, when the article region starts far below it.

Pages print the headline, the standfirst (a one-paragraph summary), then a
strip of page furniture of any length: the lead photo's caption and credit,
a video player's labels, share buttons, a "More on this" box, a login or
subscription offer. The region search scores the strip block by block, so
the densest run starts below it and the standfirst, which the gold of every
benchmark counts as article text, is lost (a third of the must-contain
strings te-dev's text renders miss lie above the region).
:func:`~newsclean.text.region.extend_over_widgets` takes a lead paragraph
back over a short strip of known widgets; this module takes it back over a
strip of any length, but only with the headline as evidence: the paragraph
must follow the header reader's headline closely, and be the only paragraph
of content prose between the headline and the region. The strip itself
stays out of the body. A subtitle (one sentence printed as headlines are,
without its stop, right under the headline) is the standfirst too: it reads
as no prose, so the region search leaves it with the header (fe, fp-dev and
te-dev text renders: 40 records better, 13 worse by at most 0.026 F1). So is
a summary of two short sentences, or one cut off with an ellipsis as teasers
print it, right under the headline; and a subtitle is no caption because a
caption with a credit of its own follows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise

from .classify import CREDIT_WORDS, Verdict
from .scores import APPEAL_DENSITY, APPEAL_HITS
from .segment import Block, split_sentences

#: How many blocks (date, byline, kicker, photo caption) may sit between the headline and its standfirst.
_HEAD_GAP = 8
#: Lines of this many words at most (a tag list's tags, its separators) do not count towards that gap.
_TAG_WORDS = 2
#: A standfirst is a paragraph: this many words at least (a caption-length line is not evidence).
_STANDFIRST_WORDS = 15
#: ...and this many sentences, or one long one: a single short line under a headline is a subtitle.
_STANDFIRST_SENTENCES = 2
_ONE_SENTENCE_WORDS = 20
#: What may sit between the headline and its standfirst: the header's own lines and a lead photo's credit.
#: A comment count, an appeal or a login box there means the paragraph below is the page's, not the story's.
_HEADER_KINDS = frozenset({None, "byline", "meta", "dateline", "image_credit", "share", "navigation"})
#: A credit or a copyright line right after a paragraph marks it as the photo's caption.
_CREDIT_KINDS = frozenset({"image_credit", "legal"})
#: A short line wholly in brackets after a paragraph is its photo credit ("(Los Angeles Times)").
_BRACKETED = re.compile(r"^\s*[(\[][^()\[\]]+[)\]]\s*$")
#: Unnamed short lines of the strip below it go as menu entries, longer ones as page boilerplate
#: (what :mod:`newsclean.text.compose` names blocks outside the region).
_NAVIGATION_WORDS = 4


def find_standfirst(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], roles: Mapping[int, str], start: int
) -> int | None:
    """The standfirst paragraph between the headline and the region's ``start``, or ``None``.

    The headline is the last block the header reader named ``title`` above
    the region. The paragraph must come within a few blocks of it with no
    prose between, and no other content prose may lie between it and the
    region: a second paragraph there means the page has more than one story
    (teasers, a summary box) and the region search's choice stands.
    """
    heads = [i for i, role in roles.items() if role == "title" and i < start]
    if not heads:
        return None
    head = max(heads)
    candidate: int | None = None
    subtitle: int | None = None
    gap = 0
    for index in range(head + 1, start):
        # A tag strip ("Ausbildung", "-", "Bremen Airport", "-", ...) sits there too: its one- and
        # two-word lines take no room of the reach.
        if blocks[index].words > _TAG_WORDS:
            gap += 1
        if gap > _HEAD_GAP:
            break
        if (roles.get(index) is None and verdicts[index].content_prose) or _repeated_lead(
            blocks[index], verdicts[index], roles.get(index)
        ):
            candidate = index
            break
        verdict = verdicts[index]
        if verdict.running_prose or verdict.category not in _HEADER_KINDS:
            return None
        if candidate is None and index <= head + _SUBTITLE_GAP and (
            _subtitle(blocks[index], verdict, roles.get(index)) or _summary(blocks[index], verdict, roles.get(index))
        ):
            subtitle = index
            break
    if subtitle is not None:
        candidate = subtitle
    elif candidate is None or not _reads_as_paragraph(blocks[candidate]):
        return None
    if _is_caption(blocks, verdicts, candidate):
        return None
    if any(verdicts[i].content_prose and roles.get(i) is None for i in range(candidate + 1, start)):
        return None
    return candidate


#: A subtitle: one sentence of this many words at least (a kicker's, a label's or a section's line is shorter) ...
_SUBTITLE_WORDS = 12
#: ... right under the headline, or behind one line of its furniture (the date line).
_SUBTITLE_GAP = 2
#: A line printing one pair of words this many times is a row of buttons, not a subtitle.
_ROW_REPEATS = 3
_WORD = re.compile(r"[^\W\d_]+")


def _subtitle(block: Block, verdict: Verdict, role: str | None) -> bool:
    """Whether the line under the headline is its subtitle: a sentence without its stop, as headlines print.

    It does not read as prose (no full stop), so the region search leaves it
    with the header, but it says what the story is in a sentence's length,
    and the benchmarks' gold counts it as the article's text. A line that
    ends on a full stop is a paragraph, judged as one above.
    """
    text = block.text.rstrip()
    return (
        role is None
        and verdict.category is None
        and block.words >= _SUBTITLE_WORDS
        and not verdict.prose
        # A label's colon ("Credit:", "Review Name: Title", "Updated 10:40") marks a labelled line, no sentence.
        and ":" not in text
        and "：" not in text
        # A line that opens in lower case is the rest of a line a render broke (a caption's tail), no sentence.
        and not text[:1].islower()
        and len(split_sentences(text)) == 1
        # A row of buttons repeats its verb ("Share this article via whatsapp Share this article via
        # twitter ..."); a sentence says each thing once.
        and not _repeats_words(text)
    )


#: A summary cut off for its teaser ends on an ellipsis; one that is whole ends on a sentence stop.
_SUMMARY_ENDS = (".", "!", "?", "…", "...")


def _summary(block: Block, verdict: Verdict, role: str | None) -> bool:
    """Whether the line under the headline is its summary, printed short of running prose.

    A standfirst of two short sentences, or one cut off with an ellipsis as
    the page's teasers print it ("Tipps und Tricks für die Reise ..."),
    falls under the classifier's prose length and does not read as a
    finished sentence, so neither the paragraph nor the subtitle reading
    takes it. Right under the headline, as a paragraph's length of several
    sentences (or one cut off), it is the story's summary.
    """
    text = block.text.rstrip()
    if role is not None or verdict.category is not None or verdict.prose or block.words < _STANDFIRST_WORDS:
        return False
    if text[:1].islower() or not text.endswith(_SUMMARY_ENDS) or _repeats_words(text):
        return False
    return text.endswith(("…", "...")) or len(split_sentences(text)) >= _STANDFIRST_SENTENCES


def _repeats_words(text: str) -> bool:
    """Whether some pair of words comes :data:`_ROW_REPEATS` times or more in ``text``.

    Pairs, not words: a sentence may say "die" or "the" three times, but not "share this".
    """
    words = [word.casefold() for word in _WORD.findall(text)]
    counts = Counter(pairwise(words))
    return bool(counts) and max(counts.values()) >= _ROW_REPEATS


def _repeated_lead(block: Block, verdict: Verdict, role: str | None) -> bool:
    """A paragraph the page prints again elsewhere (a teaser, a summary box), read as the article's lead.

    Repeated prose is scored against the article, so that no region is
    anchored on a teaser list; but the first paragraph under the headline is
    the standfirst that teasers reprint. Its printing there, inside the
    article, is the one that counts. An appeal printed above and below
    every article is repeated too: cue-heavy paragraphs stay out.
    """
    return (
        role == "duplicate"
        and verdict.running_prose
        and not (verdict.appeal_hits >= APPEAL_HITS and verdict.appeal_density >= APPEAL_DENSITY)
        and _reads_as_paragraph(block)
    )


def keep_repeated_lead(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], keys: Sequence[str], roles: dict[int, str], lead: int,
    start: int,
) -> bool:
    """Clear the ``duplicate`` role of the body's lead above the region; whether it was cleared.

    The lead is the standfirst or the paragraph a widget strip cut off
    (:func:`~newsclean.text.region.extend_over_widgets`); when a teaser
    lower on the page reprints it, its first printing, inside the article,
    wins. A lead printed earlier on the page is a photo caption printed
    twice (under the photo and in its gallery), not a standfirst.
    """
    if not lead < start or not _repeated_lead(blocks[lead], verdicts[lead], roles.get(lead)):
        return False
    if keys[lead] in keys[:lead] or _is_caption(blocks, verdicts, lead):
        return False
    del roles[lead]
    return True


def _is_caption(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int) -> bool:
    """Whether the paragraph is the lead photo's caption: its credit is glued to it or follows it."""
    if any(noise.category == "image_credit" for noise in verdicts[index].sentence_noise):
        return True
    if index + 1 >= len(blocks):
        return False
    after = blocks[index + 1]
    if verdicts[index + 1].category in _CREDIT_KINDS and after.words <= 2 * CREDIT_WORDS:
        # A caption-long line with a credit of its own below is the photo's caption, not this line's credit.
        return not _credited(blocks, verdicts, index + 1)
    return after.words <= CREDIT_WORDS and _BRACKETED.match(after.text) is not None


def _credited(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int) -> bool:
    """Whether the line is longer than a credit and a credit line follows it: it is a caption itself."""
    return (
        blocks[index].words > CREDIT_WORDS
        and index + 1 < len(blocks)
        and verdicts[index + 1].category in _CREDIT_KINDS
        and blocks[index + 1].words <= CREDIT_WORDS
    )


def _reads_as_paragraph(block: Block) -> bool:
    if block.words < _STANDFIRST_WORDS:
        return False
    return block.words >= _ONE_SENTENCE_WORDS or len(split_sentences(block.text)) >= _STANDFIRST_SENTENCES


def strip_roles(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], roles: Mapping[int, str], standfirst: int, start: int
) -> dict[int, str]:
    """Reasons for the unnamed blocks between the standfirst and the region: they stay out of the body."""
    found: dict[int, str] = {}
    for index in range(standfirst + 1, start):
        if roles.get(index) is None and verdicts[index].category is None:
            found[index] = "navigation" if blocks[index].words <= _NAVIGATION_WORDS else "boilerplate"
    return found
