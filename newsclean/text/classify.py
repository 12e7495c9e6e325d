"""Block and sentence classification: content or a kind of noise.

Each block gets a verdict with its evidence (the jusText habit): a noise
category from the lexicons, whether it reads as prose, its stopword density
and its appeal cues. The verdict's ``score`` feeds the region search in
:mod:`newsclean.text.region`: prose counts for the article, noise against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize.scripts import HAN_KANA_CHAR
from ..record import Reason, Removed
from .cue_line import is_cue_line
from .evidence import Evidence
from .lexicon import MAX_LINE_WORDS, Lexicon
from .scores import NEUTRAL_SENTENCE_WORDS, label_score, noise_score, prose_score
from .segment import Block, count_words, split_sentences

#: Characters a sentence ends with, in the scripts the engine reads (a closing
#: quote or bracket may follow the stop).
SENTENCE_ENDS = ".!?…。！？:;\"'”’»)।؟۔։።"
_TERMINAL = tuple(SENTENCE_ENDS)
#: The full stops (".", "!", "?", "…"): a short line ending in one is a finished sentence.
_STOPS = _TERMINAL[:4]
#: A block this long (words) is prose whatever its end; a finished sentence from this many.
#: Set with the first text engine (commit c7895e8) on the fe and fp-dev dev pages.
_PROSE_WORDS = 25
_SENTENCE_WORDS = 8
#: Noise sentences covering this share of a long block's characters make the block that noise.
_NOISE_SHARE = 0.6
#: A sentence with this many appeal cues at this density goes with the noise sentence after it
#: ("Can you help? Donate now."): c7895e8, as the other appeal thresholds.
_CUE_HEAVY_HITS = 2
_CUE_HEAVY_DENSITY = 0.15
#: Categories that end an article when they follow it: appeals, walls, prompts.
EDGE_CATEGORIES = frozenset(
    {"appeal", "paywall", "newsletter", "contribute", "app_prompt", "cookie", "comments", "legal", "teaser"}
)
#: Blocks this short are judged whole by the lexicon's line patterns; longer ones sentence by sentence.
SHORT_BLOCK_WORDS = MAX_LINE_WORDS
_MENU_MIN_WORDS = 15
_MENU_CAPS_SHARE = 0.7
_MENU_SEPARATOR = re.compile(r"\s[|｜•·]\s|\s?｜\s?")
#: The characters every :data:`_MENU_SEPARATOR` match holds.
_MENU_BARS = "|｜•·"
_MENU_MIN_ITEMS = 4
_CJK_PUNCT = re.compile(r"[。，、！？：；「」（）]")
_CJK_MENU_ITEM_CHARS = 10
_MENU_ITEM_WORDS = 4
_SENTENCE_PUNCT = re.compile(r"[.!?…。！？](?:\s|$)|[,;:]\s")
_CAPS_LINK_WORDS = 9
#: A caption is a sentence or two; a longer block before a credit is article text.
CAPTION_WORDS = 35
CREDIT_WORDS = 8
#: A credit glued to the end of a caption: "... empfing 14 Kinder © Gemeinde X".
_COPYRIGHT_TAIL = re.compile(r"\s©\s*[^©.!?]{1,60}$")
#: Stands for the name after a credit's label when a caption's head is tried as one.
_NAME_PLACEHOLDER = "Jane Doe"
_ALL_CAPS = re.compile(r"^[^a-zà-ÿа-я]*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
#: A timetable flattened into one block (a TV or sports schedule, a results grid): long,
#: a clock time every few words, hardly a finished sentence. A live blog stamps its entries
#: with times too, but writes sentences between them.
_TIMETABLE_WORDS = 60
_CLOCK_TIME = re.compile(r"(?<![\d.:,])\d{1,2}[:.]\d{2}(?![\d.:,]?\d)")
_WORDS_PER_TIME = 15
_FINISHED_SENTENCE = re.compile(r"[^\W\d_]{4,}[.!?…。！？][\"'”’»)]?(?:\s|$)")
_WORDS_PER_SENTENCE = 40


@dataclass
class SentenceNoise:
    start: int
    end: int
    category: str


@dataclass
class Verdict:
    """What the classifier concluded about one block, and why.

    Stopword density is not part of it: one stage reads it, for a few short
    lines, and measuring it for every block cost a tenth of the classifier
    (:func:`~newsclean.text.fragments.rescore_fragments` measures on demand).
    """

    category: str | None
    prose: bool
    score: float
    appeal_hits: int = 0
    appeal_density: float = 0.0
    sentence_noise: list[SentenceNoise] = field(default_factory=list)

    @property
    def running_prose(self) -> bool:
        """Prose no lexicon named: the article's kind of block (named prose is an appeal, a caption, a bio)."""
        return self.category is None and self.prose

    @property
    def content_prose(self) -> bool:
        """Running prose the classifier scores for the article, not against it."""
        return self.running_prose and self.score > 0


def _is_prose(text: str, words: int) -> bool:
    stripped = text.rstrip()
    # A line cut off with an ellipsis ("Says Diplomacy as ...") is a truncated
    # headline or summary, not a finished sentence.
    ends = stripped.endswith(_TERMINAL) and not stripped.endswith(("...", "…"))
    if words >= _PROSE_WORDS:
        return True
    return bool(words >= _SENTENCE_WORDS and ends)


def _is_timetable(text: str, words: int) -> bool:
    """A schedule or results grid run into one block: clock times everywhere, no sentences.

    Such a block is as long as several paragraphs, so as prose it would outweigh the
    article beside it (a page's whole Olympic TV schedule above the story it carries).
    """
    if words < _TIMETABLE_WORDS or len(_CLOCK_TIME.findall(text)) * _WORDS_PER_TIME < words:
        return False
    return len(_FINISHED_SENTENCE.findall(text)) * _WORDS_PER_SENTENCE < words


def reads_as_prose(text: str) -> bool:
    """Whether a line reads as running prose: a long line, or a finished sentence of eight words or more."""
    return _is_prose(text, count_words(text))


def _is_menu_line(text: str, spaced: list[str]) -> bool:
    """A menu rendered on one line: many capitalised labels, no sentence in it.

    Layout-aware renderers join a navigation bar into one long line, which
    is as long as a paragraph but has no sentence punctuation and capitalises
    nearly every word (German nouns alone stay well under the threshold).
    ``spaced`` is ``text.split()``.
    """
    ascii_text = text.isascii()  # no kana, Han or full-width bar in it: one C scan spares those searches
    if (
        len(spaced) >= _MENU_MIN_ITEMS
        and not ascii_text
        and HAN_KANA_CHAR.search(text)
        and not _CJK_PUNCT.search(text)
        and all(len(token) <= _CJK_MENU_ITEM_CHARS for token in spaced)
    ):
        # "人民日报 人民日报海外版 中国汽车报 ...": link names a space apart, no clause marks.
        return True
    # Without a separator character the text is one segment, short of a menu.
    separated = "|" in text if ascii_text else any(bar in text for bar in _MENU_BARS)
    segments = [seg for seg in _MENU_SEPARATOR.split(text) if seg.strip()] if separated else []
    if len(segments) >= _MENU_MIN_ITEMS and all(count_words(seg) <= _MENU_ITEM_WORDS for seg in segments):
        # "About us | Jobs | Advertise | Contact": links joined by bars, in any script.
        return True
    # Punctuation first: it settles nearly every paragraph before its tokens are listed.
    if _SENTENCE_PUNCT.search(text) or len(spaced) < _MENU_MIN_WORDS:  # the tokens are some of ``spaced``
        return False
    tokens = [t for t in spaced if t[:1].isalpha()]
    if len(tokens) < _MENU_MIN_WORDS:
        return False
    capitalised = sum(1 for t in tokens if t[0].isupper())
    return capitalised / len(tokens) >= _MENU_CAPS_SHARE


def _is_caps_promo(sentence: str) -> bool:
    words = sentence.split()
    return 2 <= len(words) <= 8 and bool(_ALL_CAPS.match(sentence)) and bool(_HAS_LETTER.search(sentence))


def _is_caps_link(text: str, words: int) -> bool:
    """A whole headline in capitals inside the text: a link to another story.

    Subheadings set in capitals are a few words; a sentence-long line in
    capitals without a full stop is the "RELATED: ..." link some sites
    put between paragraphs.
    """
    return (
        _CAPS_LINK_WORDS <= words <= SHORT_BLOCK_WORDS * 2
        and not text.rstrip().endswith(".")
        and bool(_ALL_CAPS.match(text))
        and bool(_HAS_LETTER.search(text))
        and any(ch.isupper() for ch in text)
    )


def _credit_tail(text: str) -> re.Match[str] | None:
    """The "© Name" credit a caption ends with, if it is short enough to be one."""
    if "©" not in text:  # every block asks; a substring test spares the pattern's scan of nearly all of them
        return None
    tail = _COPYRIGHT_TAIL.search(text)
    return tail if tail and count_words(tail.group()) <= CREDIT_WORDS else None


def carries_caption(text: str, lexicon: Lexicon) -> bool:
    """Whether a credit line holds a caption before its credit ("Stau © A / B", "Talks start in May. (Photo: X)").

    A photo printed with a caption of its own does not caption the text
    above it: that text is the article's paragraph, its picture following.
    The head is the text before a "©" tail, else the first of two or more
    sentences. A head that is a credit itself ("Photo: Jane Doe. Reuters")
    or a credit's label ("Bild © X", "(Foto: © X)": given a name, it reads
    as a credit line) leaves the line a bare credit.
    """
    tail = _credit_tail(text)
    if tail is not None:
        head = text[: tail.start()]
    else:
        spans = split_sentences(text)
        if len(spans) < 2:
            return False
        head = text[spans[0][0]: spans[0][1]]
    label = head.strip(" :([")
    return (
        _HAS_LETTER.search(head) is not None
        and lexicon.match_line(head) != "image_credit"
        and lexicon.match_line(f"{label}: {_NAME_PLACEHOLDER}") != "image_credit"
    )


def holds_credit(text: str, lexicon: Lexicon) -> bool:
    """Whether a block carries a photo credit: a "©", or a last sentence that is a credit line."""
    if "©" in text:
        return True
    spans = split_sentences(text)
    return len(spans) > 1 and lexicon.match_line(text[spans[-1][0]: spans[-1][1]]) == "image_credit"


def sentence_noise(text: str, lexicon: Lexicon, evidence: Evidence) -> list[SentenceNoise]:
    """Noise sentences inside a paragraph, found by phrase patterns.

    Trailing sentences are also dropped when they are an ALL-CAPS promo or
    carry appeal cues and are followed by noise: glued-on tails are a block
    of noise that lost its line breaks.
    """
    spans = split_sentences(text)
    if not spans:
        return []
    found: dict[int, str] = {}
    for i, category in enumerate(lexicon.match_phrases(text, spans)):
        if category:
            found[i] = category
    last = text[spans[-1][0]: spans[-1][1]]
    # A caption's closing credit ("Jane Doe (dpa via Getty)") reads as a line of its own.
    if (
        len(spans) > 1
        and len(spans) - 1 not in found
        and count_words(last) <= CREDIT_WORDS
        and lexicon.match(last) == "image_credit"
    ):
        found[len(spans) - 1] = "image_credit"
    tail = _credit_tail(text)
    if tail and len(spans) - 1 not in found:
        if tail.start() > spans[-1][0]:
            # The credit closes the last sentence: it becomes a span of its own.
            spans[-1] = (spans[-1][0], tail.start())
            spans.append((tail.start() + 1, len(text)))
        found[len(spans) - 1] = "image_credit"
    # Extend from the end backwards over promo and cue-heavy sentences.
    i = len(spans) - 1
    while i > 0:
        if i not in found:
            sentence = text[spans[i][0]: spans[i][1]]
            if _is_caps_promo(sentence):
                found[i] = "teaser"
            elif i + 1 < len(spans) and _cue_heavy(sentence, evidence):
                found[i] = found[i + 1]
            else:
                break
        i -= 1
    return [SentenceNoise(spans[i][0], spans[i][1], cat) for i, cat in sorted(found.items())]


def _cue_heavy(sentence: str, evidence: Evidence) -> bool:
    """Whether a sentence carries appeal cues densely enough to go with the noise after it.

    Counted only where the answer is read: the last sentence of a block has
    no noise after it, and most blocks end the loop there.
    """
    hits, density = evidence.appeal_score(sentence)
    return hits >= _CUE_HEAVY_HITS and density >= _CUE_HEAVY_DENSITY


def strip_sentence_noise(text: str, noise: list[SentenceNoise]) -> tuple[str, list[Removed]]:
    """The block's text without its noise sentences, and what was cut."""
    removed = [Removed(Reason(n.category), text[n.start: n.end]) for n in noise]
    for n in reversed(noise):
        text = text[: n.start].rstrip() + " " + text[n.end:].lstrip()
    return " ".join(text.split()), removed


def classify_block(
    block: Block, lexicon: Lexicon, evidence: Evidence, cues: tuple[int, float] | None = None,
    spaced: list[str] | None = None,
) -> Verdict:
    """Judge one block and score it for the region search.

    ``cues`` is the block's :meth:`~newsclean.text.evidence.Evidence.appeal_score`
    and ``spaced`` its ``text.split()`` when the caller has them (
    :func:`classify_blocks` counts the cues of a whole page at once).
    """
    text = block.text
    words = block.words
    # Split once: the cue density and the menu test both read the whitespace tokens.
    if spaced is None:
        spaced = text.split()
    hits, appeal_density = evidence.appeal_score(text, len(spaced)) if cues is None else cues
    category = lexicon.match(text, words=words) if words <= SHORT_BLOCK_WORDS else None
    noise: list[SentenceNoise] = []
    if category is None and words > SHORT_BLOCK_WORDS:
        noise = sentence_noise(text, lexicon, evidence)
        noise_chars = sum(n.end - n.start for n in noise)
        if noise and noise_chars >= _NOISE_SHARE * len(text):
            category = max(noise, key=lambda n: n.end - n.start).category
            noise = []
    elif category is None and ((_is_caps_promo(text) and hits) or _is_caps_link(text, words)):
        category = "teaser"
    if category is None and ":" in text and is_cue_line(text, lexicon):
        category = "teaser"
    if category is None and _is_menu_line(text, spaced):
        category = "navigation"
    if category is None and words <= CAPTION_WORDS and _credit_tail(text):
        category = "image_credit"
    prose = category is None and _is_prose(text, words) and not _is_timetable(text, words)
    if category is not None:
        score = noise_score(words)
    elif prose:
        score = prose_score(words - sum(count_words(text[n.start: n.end]) for n in noise), hits, appeal_density)
    elif (words <= NEUTRAL_SENTENCE_WORDS and text.rstrip().endswith(_STOPS)) or words >= _TIMETABLE_WORDS:
        # A timetable (the only long block that is not prose here) weighs nothing either way:
        # it must not outscore the article, nor part it when the article prints one.
        score = 0.0
    else:
        score = label_score(words)
    return Verdict(category, prose, score, hits, appeal_density, noise)


def _copy(verdict: Verdict) -> Verdict:
    """A verdict of its own for a repeated block, with its own noise spans.

    Built field by field: ``dataclasses.replace`` costs a few microseconds a
    call, and a dump repeats some ninety blocks.
    """
    return Verdict(
        verdict.category, verdict.prose, verdict.score, verdict.appeal_hits,
        verdict.appeal_density, [SentenceNoise(n.start, n.end, n.category) for n in verdict.sentence_noise],
    )


def classify_blocks(blocks: Sequence[Block], lexicon: Lexicon, evidence: Evidence) -> list[Verdict]:
    """:func:`classify_block` for each block, each distinct text judged once.

    A verdict depends on the block's text alone, and a page repeats its menu
    items, share rows and labels (a quarter of a dump's blocks): a repeat
    gets a copy of the first verdict, since later stages change verdicts one
    by one.
    """
    distinct: dict[str, Block] = {}
    for block in blocks:
        distinct.setdefault(block.text, block)
    texts = list(distinct)
    splits = [text.split() for text in texts]
    cues = evidence.appeal_scores(texts, [len(tokens) for tokens in splits])
    first = {
        text: classify_block(block, lexicon, evidence, cue, tokens)
        for (text, block), cue, tokens in zip(distinct.items(), cues, splits, strict=True)
    }
    verdicts: list[Verdict] = []
    judged: set[str] = set()
    for block in blocks:
        verdict = first[block.text]
        if block.text in judged:
            verdict = _copy(verdict)
        else:
            judged.add(block.text)
        verdicts.append(verdict)
    return verdicts
