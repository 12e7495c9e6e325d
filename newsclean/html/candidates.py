"""The HTML path's recall guard: which candidate body to keep for a page.

trafilatura's first pass is fast and precise but sometimes keeps a fraction
of the article. Candidates then compete: the page's declared ``articleBody``,
a recall-oriented trafilatura pass and the text engine on a render of the
page. They are compared by evidence about the text they hold (how much of the
page's prose, whether one contains the other), never by where they came from
alone: a longer candidate that drops the first pass's text has found another
block of the page, not more of the same one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from lxml import etree

from ..normalize.text import comparison_key
from ..options import Options
from ..text.classify import reads_as_prose
from ..text.extract import TextResources, extract_text
from .metadata import PageMetadata
from .render import element_text, render_text

logger = logging.getLogger(__name__)

#: Below this many words the body is suspicious whatever the page looks like.
RECALL_WORDS = 60
#: A body with less than this share of the page's prose words gets a recall pass.
RECALL_SHARE = 0.5
#: Below this share of the page's prose even after the recall pass, the text
#: engine reads the page's text render; its body wins when it is this many
#: times longer and holds this share of the extracted body's words.
RENDER_SHARE = 0.35
#: 1.8, not 2: the text engine now cuts the teaser runs under an article, so a render
#: that holds the whole article behind a paywall teaser is no longer padded by them.
RENDER_GAIN = 1.8
RENDER_COVER = 0.8
#: Share of each of the extracted body's prose paragraphs whose words the rendered body
#: must hold. The text engine drops prose it reads as repeated (a lead the page prints
#: twice); a longer body that lost such a paragraph is not more of the same article
#: (the winning bodies on fe, fp-dev and te-dev held 0.8-1.0 of every prose paragraph;
#: the one that lost a lead printed twice held 0.54 of it).
RENDER_PARAGRAPH_COVER = 0.7
#: Share of the rendered body's words that must read as prose (the bodies the
#: text engine won with on fe and te-dev held 0.78-0.97 of them).
RENDER_PROSE_SHARE = 0.5
#: Share of the declared articleBody's words a body must hold to be trusted.
DECLARED_SUPPORT = 0.7
#: Paragraphs shorter than this do not count as prose when sizing the page.
PROSE_MIN_WORDS = 12
#: A retry holding less than this share of the first pass's words read another
#: block of the page (measured on te-dev: the retries that replaced a lead, a
#: question or a company profile held 0.31-0.56 of it; those that only added
#: to it held 0.82 and more).
EXTENDS_SHARE = 0.8

#: Share of the first pass's lines above the retry's text that must read as
#: prose for them to lead the body (the leads kept on te-dev held 0.7-1.0).
LEAD_PROSE_SHARE = 0.5
#: A line this long is found in the page's text only where it is printed.
ANCHOR_WORDS = 6

#: Runs trafilatura on the page: ``recall=True`` for the recall-oriented pass.
Extractor = Callable[[bool], Any]


def body_lines(doc: Any) -> list[str]:
    """The non-blank lines of a trafilatura document's text (none without a document)."""
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def count_words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def page_prose_words(tree: etree._Element, meta: PageMetadata) -> int:
    """How much article prose the page holds, to judge whether a body is short.

    JSON-LD ``articleBody`` is the publisher's own statement of the text;
    otherwise the words of the page's longer ``<p>`` elements stand in.
    """
    total = 0
    for para in tree.iterfind(".//p"):
        words = len(" ".join(para.itertext()).split())
        if words >= PROSE_MIN_WORDS:
            total += words
    declared = meta.pick("body", ("jsonld",))
    if isinstance(declared, str) and declared:
        # A declared body shorter than the page's paragraphs is a summary.
        return max(total, len(declared.split()))
    return total


def support(lines: list[str], reference: str | None) -> float:
    """Share of the reference's words the body contains, or its size without one."""
    if not reference:
        return float(count_words(lines))
    ref = set(comparison_key(reference).split())
    got = set(comparison_key(" ".join(lines)).split())
    return len(ref & got) / max(len(ref), 1)


def covered_share(found: list[str], body: list[str]) -> float:
    """Share of ``body``'s words that ``found`` holds (1.0 for an empty body)."""
    need = comparison_key(" ".join(body)).split()
    if not need:
        return 1.0
    have = set(comparison_key(" ".join(found)).split())
    return sum(1 for word in need if word in have) / len(need)


def declared_paragraphs(tree: etree._Element, declared: str) -> list[str]:
    """The page's paragraphs and subheadings that the JSON-LD ``articleBody`` contains.

    ``articleBody`` is usually one unbroken string; laying it back onto the
    page's own ``<p>`` and heading elements restores the paragraphs.
    """
    body_key = comparison_key(declared)
    found: list[str] = []
    for element in tree.iter("p", "h2", "h3", "h4", "blockquote"):
        text = element_text(element)
        key = comparison_key(text)
        if len(key.split()) >= 3 and key in body_key and (not found or found[-1] != text):
            found.append(text)
    return found


def _page_position(line: str, page_key: str) -> int:
    """Where ``line`` starts in the page's text, or -1 when the page does not print it so."""
    key = comparison_key(line)
    return page_key.find(key) if key else -1


def extend_body(first: list[str], retry: list[str], page_key: str) -> list[str]:
    """The retry's body, led by the first pass's text when the retry read the block after it.

    A recall-oriented pass that returns more words has usually found more of
    the article; but when it holds little of the first pass's text it has
    read a neighbouring block instead: the story below a lead that stood
    apart, the answer below a question. The first pass's lines the page
    prints between the headline and the retry's text are the article's
    opening and lead the body; lines it printed after that text are the
    boxes that close a page ("more stories") and stay out.
    """
    if covered_share(retry, first) >= EXTENDS_SHARE:
        return retry
    # Where the retry's text starts: a short line (a subheading, one word) may
    # also occur higher up, in the headline or a menu; a sentence does not.
    anchors = [line for line in retry if len(line.split()) >= ANCHOR_WORDS] or retry
    starts = [at for at in (_page_position(line, page_key) for line in anchors) if at >= 0]
    if not starts:
        return retry
    retry_key = comparison_key(" ".join(retry))
    lead = [line for line in first
            if comparison_key(line) not in retry_key and 0 <= _page_position(line, page_key) < starts[0]]
    if prose_words(lead) < LEAD_PROSE_SHARE * count_words(lead):
        # Headlines and labels above the article (a teaser rail, a menu) are no lead.
        return retry
    return lead + retry


def prose_words(lines: list[str]) -> int:
    """Words in the lines that read as running prose (sentences, long paragraphs), not as labels or headlines."""
    return sum(len(line.split()) for line in lines if reads_as_prose(line))


def render_wins(rendered: list[str], body: list[str]) -> bool:
    """Whether the text engine's body from the page's render should replace the extracted one.

    It must hold the extracted body (the same article, only more of it) and
    be far longer in words and in running prose alike: a list of headlines
    or a menu is long in words but holds no sentences, and never wins over
    the prose the extractor found.
    """
    return (
        count_words(rendered) >= RENDER_GAIN * count_words(body)
        and prose_words(rendered) >= RENDER_GAIN * prose_words(body)
        and prose_words(rendered) >= RENDER_PROSE_SHARE * count_words(rendered)
        and covered_share(rendered, body) >= RENDER_COVER
    )


def restore_lost_prose(rendered: list[str], body: list[str], page_key: str) -> list[str]:
    """A winning render with the extracted body's prose paragraphs it lost put back where the page prints them.

    The text engine drops prose it reads as repeated, such as a lead the page
    prints twice (as a standfirst and again further down); the render then
    holds most of the extracted words, but not that paragraph. A paragraph is
    lost when the render holds less than :data:`RENDER_PARAGRAPH_COVER` of
    its words; it goes back before the first rendered line the page prints
    after it. Lines the page prints after the render's text (the boxes that
    close a page) or not as such stay out.
    """
    have = set(comparison_key(" ".join(rendered)).split())
    lost: list[tuple[int, str]] = []
    for line in body:
        need = comparison_key(line).split()
        if need and reads_as_prose(line) and sum(1 for w in need if w in have) < RENDER_PARAGRAPH_COVER * len(need):
            at = _page_position(line, page_key)
            if at >= 0:
                lost.append((at, line))
    if not lost:
        return rendered
    # A short rendered line (a label) may also occur higher up; only a sentence places the text.
    placed = [_page_position(line, page_key) if len(line.split()) >= ANCHOR_WORDS else -1 for line in rendered]
    merged: list[str] = []
    pending = sorted(lost)
    for line, at in zip(rendered, placed, strict=True):
        while pending and at >= 0 and pending[0][0] < at:
            merged.append(pending.pop(0)[1])
        merged.append(line)
    return merged


def choose_body(
    tree: etree._Element,
    url: str | None,
    meta: PageMetadata,
    run: Extractor,
    warnings: list[str],
    options: Options,
    resources: TextResources,
) -> tuple[Any, list[str]]:
    """The trafilatura pass, with recall guards for a body short for the page.

    Returns the trafilatura document whose metadata guesses the page keeps,
    and the body lines. When the page declares its text (JSON-LD
    ``articleBody``) and the pass covers little of it, the declared text laid
    onto the page's paragraphs wins if it is better supported; otherwise a
    recall-oriented pass is tried, and last the text engine on the page.
    """
    doc = run(False)
    lines = body_lines(doc)
    words = count_words(lines)
    logger.debug("trafilatura pass 1: %s chars, %s words", f"{sum(map(len, lines)):,}", f"{words:,}")
    declared = meta.pick("body", ("jsonld",))
    from_declared = _declared_body(tree, declared, lines, warnings)
    if from_declared is not None:
        return doc, from_declared
    prose = page_prose_words(tree, meta)
    if words >= RECALL_WORDS and words >= RECALL_SHARE * prose:
        logger.debug("recall retry: no (%s of the page's %s prose words)", f"{words:,}", f"{prose:,}")
        return doc, lines
    doc, lines, page = _recall_retry(run, tree, declared, doc, lines, warnings)
    if count_words(lines) < RENDER_SHARE * prose:
        rendered = _text_engine_body(tree, page, lines, options, resources, url, warnings)
        if rendered is not None:
            return doc, rendered
    return doc, lines


def _declared_body(tree: etree._Element, declared: Any, lines: list[str], warnings: list[str]) -> list[str] | None:
    """The declared ``articleBody`` laid onto the page's paragraphs, when pass 1 covers little of it.

    ``None`` unless the declared text is long enough to judge, pass 1 holds
    less than :data:`DECLARED_SUPPORT` of it, and the page's paragraphs hold
    at least that share.
    """
    if not (isinstance(declared, str) and len(declared.split()) >= RECALL_WORDS
            and support(lines, declared) < DECLARED_SUPPORT):
        return None
    mapped = declared_paragraphs(tree, declared)
    if support(mapped, declared) < DECLARED_SUPPORT:
        return None
    warnings.append("html: body taken from the page's declared articleBody")
    logger.debug("fallback: body from the declared articleBody (pass 1 covered too little of it)")
    # A declared body often leaves out the standfirst the page prints
    # above it: pass 1's sentences there lead it (not its offer boxes).
    sentences = [line for line in lines if reads_as_prose(line)]
    return extend_body(sentences, mapped, comparison_key(render_text(tree)))


def _recall_retry(
    run: Extractor, tree: etree._Element, declared: Any, doc: Any, lines: list[str], warnings: list[str]
) -> tuple[Any, list[str], str | None]:
    """The recall-oriented pass, kept when it holds more of the declared text and more words than pass 1.

    Returns the document whose metadata guesses count, the body lines, and
    the page's text render when one was made (the text engine reuses it).
    """
    words = count_words(lines)
    retry = run(True)
    retry_lines = body_lines(retry)
    retry_words = count_words(retry_lines)
    if not (support(retry_lines, declared) > support(lines, declared) and retry_words > words):
        logger.debug("recall retry: yes, not better (%s words)", f"{retry_words:,}")
        return doc, lines, None
    warnings.append("html: short body, used the recall-oriented pass")
    page = render_text(tree)
    extended = extend_body(lines, retry_lines, comparison_key(page))
    if len(extended) > len(retry_lines):
        logger.debug("recall retry: yes, used (%s words) with pass 1's text it lacked", f"{retry_words:,}")
    else:
        logger.debug("recall retry: yes, used (%s words)", f"{retry_words:,}")
    # Metadata guesses still come from the first pass when the retry has none.
    return (retry if retry is not None else doc), extended, page


def _text_engine_body(
    tree: etree._Element,
    page: str | None,
    lines: list[str],
    options: Options,
    resources: TextResources,
    url: str | None,
    warnings: list[str],
) -> list[str] | None:
    """The text engine's body on a render of the page, when it beats the extracted one (see :func:`render_wins`)."""
    page = page or render_text(tree)
    rendered = extract_text(page, options, resources, url).paragraphs
    if render_wins(rendered, lines):
        rendered = restore_lost_prose(rendered, lines, comparison_key(page))
        warnings.append("html: body far shorter than the page's prose; used the text engine on the page")
        logger.debug("fallback: text engine on a render of the page (%s words)", f"{count_words(rendered):,}")
        return rendered
    logger.debug("fallback: text engine on a render of the page tried, not used")
    return None
