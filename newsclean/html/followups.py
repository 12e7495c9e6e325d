"""Follow-up stories: a second article the page loaded below the one it names.

Infinite-scroll and "Read next" modules print the next story, headline and
paragraphs, in an ``<article>`` of its own after the first. Left in the page,
it either runs on at the end of the body (the extractor takes the container
holding both) or replaces the body outright (an extractor that trusts the
first ``<article>`` takes it when the page's own story sits in no
``<article>``). One record is one article, so such elements leave the page
before extraction.

An ``<article>`` is a follow-up when it opens with a headline of its own that
is not the page's (title, ``og:title``, JSON-LD headline), holds prose of its
own, and comes after at least as much prose outside any such story: the page's
article came first. Live-blog posts, FAQ answers and story cards each open
with a heading too: a page with more than ``_MAX_STORIES`` such articles keeps
them all, and the prose before one of them counts only outside the others.
Removed stories are listed as ``teaser`` in the record's ``removed``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from lxml import etree

from ..normalize.text import comparison_key
from ..record import Reason, Removed
from ..text.segment import count_words
from .render import element_text

logger = logging.getLogger(__name__)

#: Elements whose text a reader never sees.
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
#: Headings that open a story.
_HEADINGS = frozenset({"h1", "h2", "h3"})
#: A text run this long (count_words) is prose, not a label or a link. The same
#: floor as the recall guard's prose count (``candidates.PROSE_MIN_WORDS``).
_PROSE_RUN = 12
#: A follow-up holds at least this much prose of its own: a story, not a card.
#: The read-next invariance (fe, fp-dev) gives its second article 40 words or more.
_STORY_MIN_WORDS = 30
#: The page's own story before it holds at least this much prose, and at least
#: as much as the follow-up (read-next invariance, fe and fp-dev: the second
#: article keeps at most half of the first's words; every page passing this
#: floor lost its follow-up, none of the untransformed bodies changed).
_LEAD_MIN_WORDS = 100
#: A heading shares this much of its words with a title to be the page's headline.
#: Sites rewrite the ``<h1>`` against ``og:title`` ("X vola da Y" / "X da Y: ...").
_TITLE_OVERLAP = 0.5
#: A page with more such stories lists entries of one piece (FAQ answers,
#: live-blog posts) or cards: none is a follow-up. te-dev's one page whose
#: body lost text to this cut was an FAQ of 13 answers; infinite-scroll
#: pages load one or two stories at a time.
_MAX_STORIES = 2
#: A headline has at least this many words; a shorter heading is a label ("Video").
_HEADLINE_MIN_WORDS = 3


def _prose_words(text: str | None) -> int:
    if not text:
        return 0
    words = count_words(text)
    return words if words >= _PROSE_RUN else 0


def _lead_heading(article: etree._Element) -> str | None:
    """The text of the heading that opens ``article`` before any prose, if one does."""
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            text = element_text(element)
            return text if count_words(text) >= _HEADLINE_MIN_WORDS else None
        if element is not article and _prose_words(element.text):
            return None
    return None


def _is_title(heading: str, titles: Sequence[str]) -> bool:
    """Whether ``heading`` is the page's headline (a title's variant)."""
    key = comparison_key(heading)
    if not key:
        return False
    words = set(key.split())
    for title in titles:
        other = comparison_key(title)
        if not other:
            continue
        if key in other or other in key:
            return True
        if len(words & set(other.split())) >= _TITLE_OVERLAP * len(words):
            return True
    return False


def _prose_in(element: etree._Element) -> int:
    """Prose words inside ``element`` (its own text runs of prose length)."""
    total = _prose_words(element.text)
    for node in element.iterdescendants():
        if isinstance(node.tag, str):
            total += _prose_words(node.text) + _prose_words(node.tail)
    return total


def find_follow_ups(tree: etree._Element, titles: Iterable[str]) -> list[etree._Element]:
    """The outermost ``<article>`` elements that are another story loaded after the page's."""
    headlines = [t for t in titles if t]
    stories: dict[etree._Element, int] = {}
    for article in tree.iterfind(".//article"):
        if any(parent.tag == "article" for parent in article.iterancestors()):
            continue
        heading = _lead_heading(article)
        if heading is None or _is_title(heading, headlines):
            continue
        own = _prose_in(article)
        if own >= _STORY_MIN_WORDS:
            stories[article] = own
    if not stories or len(stories) > _MAX_STORIES:
        return []
    found: list[etree._Element] = []
    before = 0
    skip: etree._Element | None = None
    body = tree.find(".//body")
    # Document order: prose outside every story (the page's own article) accumulates.
    for node in (body if body is not None else tree).iter():
        if skip is not None:
            if node is skip or any(parent is skip for parent in node.iterancestors()):
                continue
            skip = None
        if node in stories:
            if before >= max(_LEAD_MIN_WORDS, stories[node]):
                found.append(node)
            skip = node
            continue
        if isinstance(node.tag, str) and node.tag not in _HIDDEN:
            before += _prose_words(node.text)
        before += _prose_words(node.tail) if node.getparent() is not None else 0
    return found


def drop_follow_ups(tree: etree._Element, titles: Iterable[str], removed: list[Removed]) -> int:
    """Remove follow-up stories from ``tree`` (in place); returns how many went."""
    found = find_follow_ups(tree, titles)
    for article in found:
        text = element_text(article)
        removed.append(Removed(Reason.TEASER, text))
        parent = article.getparent()
        if parent is None:
            continue
        # lxml removes an element's tail with it; the tail is the page's text, not the story's.
        tail, previous = article.tail, article.getprevious()
        parent.remove(article)
        if tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        logger.debug("follow-up story removed before extraction: %s", text[:80])
    return len(found)
