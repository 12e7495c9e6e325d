"""The standfirst printed between the headline and the body, which extractors drop.

Pages print a summary paragraph under the ``<h1>`` in the story's header
block, often marked up as a teaser or intro; trafilatura discards such blocks
as teasers, so the body starts with its second paragraph. Gold bodies (and
readers) count the standfirst as part of the article. It is recognised by
position and form, not by markup names: a block of running prose that the
page prints after the headline and before the body's first paragraph, close
to both, with few links, outside figures, navigation and asides.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..normalize.text import comparison_key
from ..text.classify import reads_as_prose
from .page_index import PageIndex
from .render import element_text

#: Elements that hold a block of text of their own.
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "header",
    "article", "figure", "figcaption", "ul", "ol", "table", "tr", "td", "dd", "dt", "aside", "nav", "footer",
})
#: A block inside one of these is a caption, a menu or a box, never a standfirst.
_NOT_STORY = frozenset({"figcaption", "figure", "nav", "aside", "footer", "a", "button", "form", "li", "time"})
#: A standfirst is a paragraph of this many words (a kicker or a date line is shorter; a
#: block longer than the upper bound is the story itself, misplaced).
MIN_WORDS = 12
MAX_WORDS = 120
#: At most this many text blocks between the headline and the body's start (bylines,
#: dates, share buttons): farther away, a prose block belongs to something else.
MAX_GAP = 12
#: A standfirst without a full stop is taken only this close under the headline (a kicker
#: such as the label of a review may come between), and only in sentence case: at most this
#: share of capitalised words (a title-cased label or a byline has more; German nouns stay under).
NEAR = 3
MAX_CAPS_SHARE = 0.5
#: ... at least this share of its words distinct (prose repeats few; "Share via X Share via Y" many),
#: and less than this share of them the headline's (a kicker and the headline, a second title).
MIN_DISTINCT_SHARE = 0.7
MAX_HEADLINE_SHARE = 0.5
#: Share of a standfirst's words that may be link text.
MAX_LINK_SHARE = 0.3
#: Ancestors searched for a caption mark, and the marks (markup vocabulary, not wording).
CAPTION_DEPTH = 4
_CAPTION_MARKS = ("caption", "credit")
#: Words of the body's first line used to find where the page prints it.
ANCHOR_WORDS = 8


def _squeezed(key: str) -> str:
    """A key without spaces: a drop cap (``<span>A</span>fter``) splits the first word of the page's text."""
    return key.replace(" ", "")


def _in_box(element: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if isinstance(node.tag, str) and node.tag in _NOT_STORY:
            return True
        node = node.getparent()
    return False


def _caption_or_meta(element: etree._Element, text: str) -> bool:
    """Whether the block captions a picture or states the byline's date.

    A caption holds the picture, is the only text of the block that holds
    it, or sits in a block the page marks as a
    caption (the generic markup word, in any language's page); a header block
    with a lead picture also holds the headline, so its standfirst is not
    taken for a caption. A block holding a ``<time>`` is the byline's date line.
    """
    if any(True for _ in element.iter("img", "picture", "video", "time")):
        return True
    node: etree._Element | None = element
    for _ in range(CAPTION_DEPTH):
        if node is None:
            break
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(word in marks for word in _CAPTION_MARKS):
            return True
        node = node.getparent()
    parent = element.getparent()
    return (parent is not None and any(True for _ in parent.iter("img", "picture", "video"))
            and element_text(parent) == text)


def _field_row(element: etree._Element) -> bool:
    """Whether a block is a row of fields (a series name, a date) with no text of its own, not a clause."""
    while True:
        if (element.text or "").strip():
            return False
        fields = [child for child in element if isinstance(child.tag, str) and element_text(child)]
        if len(fields) != 1 or (fields[0].tail or "").strip():
            return len(fields) >= 2
        element = fields[0]  # a wrapper: look inside


def _unstopped_standfirst(text: str, titles: set[str]) -> bool:
    """Whether a line without a full stop reads as a standfirst: a clause, not a label, a row or a headline.

    Many pages print the standfirst without a full stop; right under the
    headline, a clause of its length is one when it is in sentence case (a
    title-cased label or a byline is not), does not repeat its words (a row of
    share buttons does) and is not the headline again (with a kicker before it,
    or the page's other title).
    """
    tokens = [t for t in text.split() if t[:1].isalpha()]
    if not tokens or sum(1 for t in tokens if t[0].isupper()) / len(tokens) >= MAX_CAPS_SHARE:
        return False
    words = comparison_key(text).split()
    if len(set(words)) < MIN_DISTINCT_SHARE * len(words):
        return False
    headline = {w for title in titles for w in title.split()}
    return sum(1 for w in words if w in headline) < MAX_HEADLINE_SHARE * len(words)


def _link_share(element: etree._Element, words: int) -> float:
    linked = sum(len(element_text(a).split()) for a in element.iter("a"))
    return linked / max(words, 1)


@dataclass(frozen=True)
class StoryTop:
    """Where the page prints the story's top: the headline's and the body's first block among ``leaves``.

    ``first`` is the index of the body's first sentence in the paragraphs;
    blocks ``leaves[head + 1:start]`` sit between the headline and the body.
    """

    leaves: list[etree._Element]
    head: int
    start: int
    first: int


def locate_story_top(
    paragraphs: list[str], tree: etree._Element, headlines: list[str], page: PageIndex | None = None
) -> StoryTop | None:
    """The headline's and the body's first block in ``tree``, or ``None`` where either is not found once.

    ``page`` is the page's shared :class:`~newsclean.html.page_index.PageIndex` (one is built when absent).
    """
    if not paragraphs:
        return None
    page = page or PageIndex(tree)
    titles = {page.key_of(h) for h in headlines if h}
    titles.discard("")
    # Block elements with text and no block element inside, in document order.
    leaves = page.leaves(_BLOCKS)
    heads = [i for i, el in enumerate(leaves) if el.tag == "h1" and page.key(el) in titles]
    if len(heads) != 1:
        return None
    # The body's first sentence marks where it starts: a credit or label line above it may sit anywhere.
    first = next((i for i, line in enumerate(paragraphs) if reads_as_prose(line)), None)
    if first is None:
        return None
    anchor = " ".join(page.key_of(paragraphs[first]).split()[:ANCHOR_WORDS])
    if len(anchor.split()) < 3:
        return None
    head = heads[0]
    start = next((i for i in range(head + 1, min(len(leaves), head + MAX_GAP + 2))
                  if _squeezed(anchor) in _squeezed(page.key(leaves[i]))), None)
    if start is None:
        return None
    # Body lines above the first sentence (a summary without a full stop) that the page prints
    # higher up mark an earlier start: a standfirst comes before all of the body, not inside it.
    earlier = [key for key in (page.key_of(line) for line in paragraphs[:first]) if len(key.split()) >= ANCHOR_WORDS]
    start = next(
        (i for i in range(head + 1, start) if any(key in page.key(leaves[i]) for key in earlier)),
        start,
    )
    return StoryTop(leaves, head, start, first)


def lead_with_standfirst(
    paragraphs: list[str], tree: etree._Element, headlines: list[str], page: PageIndex | None = None
) -> list[str]:
    """``paragraphs`` led by the standfirst the page prints between its headline and them."""
    top = locate_story_top(paragraphs, tree, headlines, page)
    if top is None:
        return paragraphs
    first = top.first
    titles = {comparison_key(h) for h in headlines if h}
    body_key = comparison_key(" ".join(paragraphs))
    lead: list[str] = []
    for offset, element in enumerate(top.leaves[top.head + 1:top.start]):
        text = element_text(element)
        words = len(text.split())
        unstopped = offset < NEAR and not _field_row(element) and _unstopped_standfirst(text, titles)
        if (MIN_WORDS <= words <= MAX_WORDS and (reads_as_prose(text) or unstopped)
                and not _in_box(element)
                and not _caption_or_meta(element, text) and text not in lead
                and _link_share(element, words) <= MAX_LINK_SHARE and comparison_key(text) not in body_key):
            lead.append(text)
    if not lead or len(lead) > 2:
        return paragraphs
    return paragraphs[:first] + lead + paragraphs[first:]
