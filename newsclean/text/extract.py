"""The plain-text path: from a scraped dump to article fields.

Pipeline: normalise, cut embeds, segment into blocks, classify each block,
find the article region, read header and footer metadata by position (the
fields stage, :mod:`newsclean.text.fields`), then keep the region's content
blocks minus the noise sentences glued into them.
Every removed span is reported with its reason.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..normalize.dates import DateContext, ParsedDate
from ..normalize.language import detect_language
from ..normalize.text import comparison_key, normalize_text
from ..options import Options
from ..record import Embed, Reason, Removed
from .appeals import mark_appeal_runs
from .bio import author_bio
from .classify import (
    Verdict,
    classify_blocks,
    mark_captions,
    mark_labelled_links,
    mark_teaser_boxes,
    strip_sentence_noise,
)
from .embeds import cut_embeds
from .ends import (
    BARRIER_CATEGORIES,
    FINAL_BARRIERS,
    FOOTER_BARRIERS,
    LATE_BARRIERS,
    cut_at_barrier,
    cut_next_article,
    extend_announced_list,
)
from .evidence import Evidence
from .fields import Located, read_fields
from .flat_guard import WARNING as FLAT_WARNING
from .flat_guard import widen_region
from .fragments import rescore_fragments
from .glued import restore_dump
from .headline import slug_relevance
from .lexicon import Lexicon
from .markdown import Unmarked, unmark
from .paywall import Span, judge_paywall
from .region import cut_teaser_tail, extend_over_widgets, find_region
from .segment import Block, is_bulleted, iter_blocks
from .unflatten import is_flattened
from .unwrap import strip_placeholders, unwrap

logger = logging.getLogger(__name__)

_LEADING_MARKER = re.compile(
    r"^\s*(?:date|datum|fecha|data|published|pubdate|time)\s*[:=]?\s*"
    r"(?P<date>(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+",
    re.IGNORECASE,
)
_CLOSE_GLYPHS = re.compile(r"(?<!\d)\s[×✕✖](?:\s|$)(?!\s?\d)")


def _has_close_glyph(text: str) -> bool:
    """Whether a close glyph occurs at all: the pattern opens with a look-behind, so
    searching a whole dump for it tests every position; three substring tests do not."""
    return "×" in text or "✕" in text or "✖" in text
#: Repeated prose this large is the article printed twice, not a teaser list.
_COPY_BLOCKS = 4
_COPY_WORDS = 150
#: A region of list items only and shorter than this is a story link, not an article.
_MIN_LIST_ARTICLE_WORDS = 40


@dataclass
class TextResources:
    """Data the text path loads once and shares across documents (read-only)."""

    lexicon: Lexicon
    evidence: Evidence

    @classmethod
    def load(cls) -> TextResources:
        return cls(Lexicon.load(), Evidence.load())


@dataclass
class TextExtraction:
    """What the text path found in one dump."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paywalled: bool = False
    language: str | None = None
    language_confidence: float | None = None
    #: Field name -> the dump's lines that gave it (or ``the URL``, ``htmldate``); read by ``explain``.
    field_sources: dict[str, list[str]] = field(default_factory=dict)


def _repeated_prose(keys: list[str], verdicts: list[Verdict], blocks: list[Block]) -> set[int]:
    """Prose blocks whose text occurs more than once on the page.

    A few short paragraphs printed twice are teasers (a summary in a box and
    in a list); many long ones are the article itself printed again by a
    reading-aid or print widget, so its first printing is not repeated.
    """
    counts = Counter(k for k, v in zip(keys, verdicts, strict=True) if k and v.prose)
    repeated = [i for i, (k, v) in enumerate(zip(keys, verdicts, strict=True)) if v.prose and k and counts[k] > 1]
    first: dict[str, int] = {}
    for index in repeated:
        first.setdefault(keys[index], index)
    firsts = list(first.values())
    if len(firsts) >= _COPY_BLOCKS and sum(blocks[i].words for i in firsts) >= _COPY_WORDS:
        return set(repeated) - set(firsts)
    return set(repeated)


def _stoplist_fits(
    blocks: list[Block], language: str | None, evidence: Evidence
) -> tuple[bool, dict[str, float | None]]:
    """Whether stopword density is evidence on this page at all, and the long blocks' densities.

    With a misdetected language, a language jusText has no good list for, or
    agglutinative scripts where function words fuse with nouns, even the
    article's paragraphs score near zero; density would then reject the
    article itself, so it is not used. The densities measured here (by
    text) are the classifier's too: a long paragraph is not counted twice.
    """
    measured: dict[str, float | None] = {}
    for block in blocks:
        if block.words >= 20 and block.text not in measured:
            measured[block.text] = evidence.stopword_density(block.text, language)
    # Every block counts, a repeated paragraph as often as it is printed.
    densities = sorted(d for b in blocks if b.words >= 20 for d in [measured[b.text]] if d is not None)
    if not densities:
        return False, measured
    return densities[len(densities) * 3 // 4] >= 0.15, measured


def _prose_sample(blocks: list[Block], limit: int = 3000) -> str:
    """The longest blocks of a dump: what its language should be judged on."""
    longest = sorted(blocks, key=lambda b: len(b.text), reverse=True)
    sample: list[str] = []
    size = 0
    for block in longest:
        if size >= limit:
            break
        sample.append(block.text)
        size += len(block.text)
    return "\n".join(sample)


def read_lines(text: str) -> Unmarked:
    """The dump as the engine reads it: normalised, unwrapped, without Markdown or image placeholders."""
    # A dump that lost its line breaks, or some of them, gets them back where labels are glued to prose.
    text, placeholders = strip_placeholders(unwrap(restore_dump(normalize_text(text))))
    unmarked = unmark(text)
    unmarked.images[:0] = placeholders
    return unmarked


def extract_text(
    text: str, options: Options, resources: TextResources, url: str | None = None
) -> TextExtraction:
    """Run the plain-text path on one dump."""
    out = TextExtraction()
    flattened = is_flattened(text)
    unmarked = read_lines(text)
    text = unmarked.text
    out.removed.extend(Removed(Reason.IMAGE_CREDIT, alt) for alt in unmarked.images)
    marker_date: ParsedDate | None = None
    marker = _LEADING_MARKER.match(text)
    if marker:
        marker_date, _ = DateContext(min_year=options.min_year).parse(marker.group("date"))
        out.removed.append(Removed(Reason.DATELINE, marker.group(0).strip()))
        text = text[marker.end():]
    text, annotations = resources.evidence.cut_link_annotations(text)
    for annotation in annotations:
        out.removed.append(Removed(Reason.MARKUP, annotation.strip()))
    text, embed_spans = cut_embeds(text)
    for span in embed_spans:
        out.embeds.append(span.embed)
        out.removed.append(Removed(Reason.EMBED, span.embed.text or span.embed.handle or ""))
    if _has_close_glyph(text):
        for glyph in _CLOSE_GLYPHS.findall(text):
            out.removed.append(Removed(Reason.NAVIGATION, glyph.strip()))

    blocks = iter_blocks(text)
    detected, out.language_confidence = detect_language(_prose_sample(blocks))
    language = options.language or detected
    out.language = detected
    lexicon = resources.lexicon.for_language(language)
    fits, densities = _stoplist_fits(blocks, language, resources.evidence)
    stop_language = language if fits else None
    verdicts = classify_blocks(blocks, lexicon, resources.evidence, stop_language, densities if fits else None)
    rescore_fragments(blocks, verdicts)
    links = mark_labelled_links(blocks, verdicts)
    if "teaser" not in options.kept_categories:
        links |= mark_teaser_boxes(blocks, verdicts)
    captions = mark_captions(blocks, verdicts) if "image_credit" not in options.kept_categories else set()
    if "appeal" not in options.kept_categories:
        mark_appeal_runs(blocks, verdicts, resources.evidence)
    # Blocks are compared under one key throughout: computed once per block.
    keys = [comparison_key(b.text) for b in blocks]
    repeated = set() if options.favor_recall else _repeated_prose(keys, verdicts, blocks)
    for index in repeated:
        # Prose printed twice on one page is a teaser list, not the article.
        verdicts[index].score = -0.5 * blocks[index].words

    start, end, trimmed = find_region(verdicts, slug_relevance(url, blocks))
    logger.debug("text engine: %s blocks, language %s; article region: blocks %s-%s", len(blocks), language,
                 start, end)
    end = extend_announced_list(blocks, verdicts, start, end)
    if "teaser" not in options.kept_categories:
        end, teasers = cut_teaser_tail(blocks, verdicts, start, end, strict=options.favor_precision)
        trimmed.update(teasers)
    if not options.favor_recall:
        end, after = cut_next_article(blocks, verdicts, start, end)
        trimmed.update(after)
    if "comments" not in options.kept_categories or options.favor_precision:
        tag_label = resources.evidence.tag_label
        end, after = cut_at_barrier(
            blocks,
            verdicts,
            start,
            end,
            lambda text: tag_label.match(text.split(":", 1)[0].strip()) is not None,
            BARRIER_CATEGORIES if options.favor_precision else FINAL_BARRIERS,
            {} if options.favor_precision else LATE_BARRIERS,
            FOOTER_BARRIERS,
        )
        trimmed.update(after)
    bio = author_bio(blocks, verdicts, start, end)
    if bio is not None and "byline" not in options.kept_categories:
        trimmed.update(dict.fromkeys(range(bio.first, end), "byline"))
        end = bio.first
    widened = widen_region(blocks, verdicts, (start, end), trimmed) if flattened else None
    if widened is not None:
        # A page without line breaks: never lose the article to a teaser's or footer's prose.
        out.warnings.append(FLAT_WARNING)
        start, end = widened
    if start == end:
        out.warnings.append("text: no article region found; kept every non-noise block")
        start, end = 0, len(blocks)
    candidates = [i for i in range(start, end) if verdicts[i].category is None]
    if (
        candidates
        and sum(blocks[i].words for i in candidates) < _MIN_LIST_ARTICLE_WORDS
        and all(is_bulleted(blocks[i].text) and not verdicts[i].prose for i in candidates)
    ):
        # A list item or two is a link to another story, not an article (a render that lost the page's text);
        # a bulleted summary that reads as prose is what the render kept of the article.
        out.warnings.append("text: no article prose found; only list items")
        trimmed.update(dict.fromkeys(candidates, "navigation"))
        end = start
    located = Located(blocks, verdicts, keys, start, end, frozenset(links), frozenset(captions), bio, marker_date)
    fields = read_fields(located, options, lexicon, resources.evidence, language, url)
    out.title, out.published, out.modified = fields.title, fields.published, fields.modified
    out.authors, out.section, out.tags = fields.authors, fields.section, fields.tags
    out.warnings.extend(fields.warnings)
    out.field_sources = fields.sources
    roles = fields.roles

    for index, category in trimmed.items():
        roles.setdefault(index, category)
    for index in repeated:
        roles.setdefault(index, "duplicate")
    # The header was read from the region as found; the lead a widget strip cut off joins the body.
    lead = extend_over_widgets(blocks, verdicts, start, end)
    spans = _compose(out, blocks, keys, verdicts, roles, (lead, end), options)
    out.paywalled = judge_paywall(spans, lexicon)
    return out


def _reasons(
    blocks: list[Block], keys: list[str], verdicts: list[Verdict], roles: dict[int, str], region: tuple[int, int],
    options: Options,
) -> list[str | None]:
    """Why each block goes (``None``: it is article text)."""
    start, end = region
    counts = Counter(k for k, v in zip(keys, verdicts, strict=True) if not v.prose)
    reasons: list[str | None] = []
    previous: str | None = None
    for block, verdict in zip(blocks, verdicts, strict=False):
        index = block.index
        role = roles.get(index) or verdict.category
        inside = start <= index < end
        if role is None and inside and not verdict.prose and counts[keys[index]] > 1:
            role = "duplicate"
        if role is None and not inside:
            # Unlabelled text between noise of one kind belongs to it (the
            # headlines between "Next" and "Previous" are teasers).
            role = previous if previous in _INHERITED else _positional_reason(block)
        reasons.append(role)
        previous = role
    return reasons


def _kept_run(reasons: list[str | None], region: tuple[int, int], options: Options) -> set[int]:
    """Blocks kept although judged noise: the ``keep`` categories in the region
    and in the runs of them touching it (a comment thread after the article),
    and with ``favor_recall`` unnamed prose right at the region's edges."""
    keep = set(options.kept_categories)
    if options.favor_recall:
        keep.add("boilerplate")
    start, end = region
    kept = {i for i in range(start, end) if reasons[i] in keep}
    index = end
    while index < len(reasons) and reasons[index] in keep:
        kept.add(index)
        index += 1
    index = start - 1
    while index >= 0 and reasons[index] in keep:
        kept.add(index)
        index -= 1
    return kept


def _compose(
    out: TextExtraction,
    blocks: list[Block],
    keys: list[str],
    verdicts: list[Verdict],
    roles: dict[int, str],
    region: tuple[int, int],
    options: Options,
) -> list[Span]:
    """Keep the region's content; record everything else as removed.

    Returns the page as spans in reading order with their reasons as judged
    before ``keep`` (the view :func:`~newsclean.text.paywall.judge_paywall` reads).
    """
    reasons = _reasons(blocks, keys, verdicts, roles, region, options)
    kept_noise = _kept_run(reasons, region, options)
    keep = options.kept_categories
    spans: list[Span] = []
    for block, verdict, reason in zip(blocks, verdicts, reasons, strict=True):
        spans.append((block.text, reason))
        if reason is not None and block.index not in kept_noise:
            out.removed.append(Removed(Reason(reason), block.text))
            continue
        noise = [n for n in verdict.sentence_noise if n.category not in keep]
        kept, cut = strip_sentence_noise(block.text, noise)
        out.removed.extend(cut)
        if kept:
            out.paragraphs.append(kept)
        if reason is None:
            spans[-1] = (kept, None)
            spans.extend((r.text, r.reason.value) for r in cut)
    return spans



_INHERITED = frozenset({"teaser", "appeal", "paywall", "cookie", "app_prompt", "newsletter", "contribute", "comments"})


def _positional_reason(block: Block) -> str:
    if block.words <= 4:
        return "navigation"
    return "boilerplate"
