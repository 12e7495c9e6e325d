"""The key points a page lists between its headline and the body, which extractors drop.

Many news pages open a story with a short bulleted summary under the
headline ("Key points", "Das Wichtigste in Kürze", "L'essentiel"): two to
six list items, each a sentence or a clause of a sentence, with no links.
trafilatura drops the list with the header block it sits in, so the record
starts at the body's first paragraph; gold bodies (and readers) count the
summary as part of the article. It is recognised by position and form, not
by its label or markup names: an unlinked list of a few clause-long items
that the page prints after the headline and before the body's first
paragraph, outside navigation, asides and figures. A list of headlines
(most read, related stories) is all links; a tag list or a tab bar has items
of a word or two; neither passes.
"""

from __future__ import annotations

from lxml import etree

from .page_index import PageIndex
from .render import element_text
from .standfirst import locate_story_top

#: A summary has at least two points; a longer list is a list of something else (a menu, a table of contents).
MIN_ITEMS = 2
MAX_ITEMS = 6
#: Each point is a clause of a sentence: shorter items are labels, tabs or tags; a
#: longer one is a paragraph of the story itself. (Measured on summaries in English
#: and French: 10 to 45 words an item.)
MIN_ITEM_WORDS = 8
MAX_ITEM_WORDS = 80
#: Share of the list's words that may be link text (a summary links nothing; a headline list is all links).
MAX_LINK_SHARE = 0.1
#: A list inside one of these is a menu, a box or a caption, never the story's summary.
_NOT_STORY = frozenset({"figcaption", "figure", "nav", "aside", "footer", "a", "button", "form", "time"})


def _in_box(element: etree._Element) -> bool:
    return any(isinstance(node.tag, str) and node.tag in _NOT_STORY for node in (element, *element.iterancestors()))


def _points(items: list[etree._Element]) -> list[str] | None:
    """The items' texts where the list reads as a summary of the story, else ``None``."""
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        return None
    texts = [element_text(item) for item in items]
    if any(not MIN_ITEM_WORDS <= len(text.split()) <= MAX_ITEM_WORDS for text in texts):
        return None
    words = sum(len(text.split()) for text in texts)
    linked = sum(len(element_text(a).split()) for item in items for a in item.iter("a"))
    if linked > MAX_LINK_SHARE * words:
        return None
    return texts


def lead_with_key_points(
    paragraphs: list[str], tree: etree._Element, headlines: list[str], page: PageIndex | None = None
) -> list[str]:
    """``paragraphs`` led by the summary list the page prints between its headline and them."""
    top = locate_story_top(paragraphs, tree, headlines, page)
    if top is None:
        return paragraphs
    between = top.leaves[top.head + 1:top.start]
    lists: dict[etree._Element, list[etree._Element]] = {}
    for element in between:
        parent = element.getparent()
        if element.tag == "li" and parent is not None and parent.tag in ("ul", "ol"):
            lists.setdefault(parent, []).append(element)
    # Every point in the body as a paragraph of its own means the extractor kept the list; a point
    # the story repeats word for word further down is still the summary's.
    page = page or PageIndex(tree)
    kept = {page.key_of(p) for p in paragraphs}
    found: list[str] = []
    for parent, items in lists.items():
        # The whole list sits between the headline and the body, item by item.
        if [child for child in parent if child.tag == "li"] != items or _in_box(parent):
            continue
        points = _points(items)
        if points is None or all(page.key_of(p) in kept for p in points):
            continue
        found.extend(points)
    if not found or len(found) > MAX_ITEMS:
        return paragraphs
    return paragraphs[:top.first] + found + paragraphs[top.first:]
