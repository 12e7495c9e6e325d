"""Teaser cards: another story's headline link with its summary, kept by the extractor.

Pages promote other stories in cards, inside the article ("Read more" boxes
between paragraphs) and below it (related stories, more from the section):
a small block holding a link to the other story whose text is its headline,
then a one- or two-sentence summary ("dek"), perhaps a kicker, a byline or a
date. :func:`.cleanup.drop_teasers` removes the headline, a line that is
wholly a link's text; the summary is unlinked prose and stays, read as if it
were a paragraph of the article. The page's structure tells them apart, not
the wording: a summary sits after a headline link in a block too small to be
anything but that one card.

A card is recognised by evidence only the tree holds:

- its headline is a link to another page, of headline length, standing alone
  in its block (a link inside a sentence of the article is the article's own);
- the card is the largest block around that link holding no other story's
  link and at most :data:`MAX_CARD_WORDS` words;
- the summary follows the headline inside the card and links nothing, and
  the card prints at most :data:`MAX_AFTER` blocks after its headline;
- the link leads to another page of the same site (related stories); a link
  to another site is a source or a product the article may describe, and a
  numbered headline ("3. ...") is an item of the article's own list.

The headline itself is dropped too when the block prints it twice (a visible
copy beside a screen-reader copy), which a plain link-text match misses.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..record import Reason, Removed
from .page_index import PageIndex

#: A link text this long is a headline, not a "more" or a name (as :mod:`.cleanup` counts it).
HEADLINE_MIN_WORDS = 4
#: A card holds a headline, a summary of a sentence or two, a kicker, a byline and a date;
#: a block with more words is a section of the page (measured: cards of 15 to 60 words).
MAX_CARD_WORDS = 80
#: How many levels above the headline link a card's outer block may be.
MAX_DEPTH = 6
#: A card prints at most this many blocks after its headline: the summary, a byline or date line, a label.
MAX_AFTER = 3
#: A heading numbered "1.", "2)" is an item of the article's own list (a listicle), not a teaser.
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.):]\s")
#: Elements whose text is a line of its own in an extracted body.
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "header", "article",
    "span", "dd", "dt", "figcaption",
})
#: At most this share of the body's words may go as card text: more, and the page is itself a
#: list of teasers (an index page), whose body is those cards.
MAX_BODY_SHARE = 0.5


def _headline_length(anchor: etree._Element, page: PageIndex) -> bool:
    """A link text of headline length, counted as :mod:`.cleanup` counts it (a printed URL is one word)."""
    return page.words(anchor) >= HEADLINE_MIN_WORDS


def _page_key(url: str) -> str:
    """A page's address without query, fragment and trailing slash: tracking parameters name the same page."""
    parts = urlsplit(url)
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}"


class _Targets:
    """The page each link leads to, or ``None`` for in-page jumps, scripts and the page itself.

    Worked out once per distinct ``href``: a page repeats its links (menus,
    rails) and every card candidate asks again for the links around it.
    """

    def __init__(self, page_url: str | None) -> None:
        self._base = page_url or ""
        self._own = _page_key(page_url) if page_url else None
        self._seen: dict[str, str | None] = {}

    def __call__(self, anchor: etree._Element) -> str | None:
        href = (anchor.get("href") or "").strip()
        if href not in self._seen:
            self._seen[href] = self._work_out(href)
        return self._seen[href]

    def _work_out(self, href: str) -> str | None:
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            return None
        target = _page_key(urljoin(self._base, href))
        return None if target == self._own else target


def _same_site(target: str, href: str, page_url: str | None) -> bool:
    """Whether a link leads to another page of the page's own site (a relative link does)."""
    if not urlsplit(href.strip()).netloc:
        return True
    if not page_url:
        return False
    host = urlsplit(page_url).netloc.lower().removeprefix("www.")
    other = target.split("/", 1)[0].removeprefix("www.")
    return bool(host) and (other == host or other.endswith(f".{host}") or host.endswith(f".{other}"))


def _block_of(element: etree._Element, stop: etree._Element) -> etree._Element:
    """The nearest block element holding ``element``, no higher than ``stop``."""
    node = element
    while node is not stop and node.tag not in _BLOCKS:
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return node


def _alone(block: etree._Element, anchor: etree._Element, page: PageIndex) -> bool:
    """Whether the block prints nothing but the link's text (once, or twice with a screen-reader copy)."""
    link = page.key(anchor)
    return page.key(block) in (link, f"{link} {link}")


def _headlines_in(node: etree._Element, page: PageIndex, targets: _Targets) -> set[str]:
    """Where the headline links inside ``node`` lead: links of headline length standing alone in their block.

    A section label or an author's link shares its line with the byline's other parts.
    """
    found: set[str] = set()
    for a in node.iter("a"):
        if _headline_length(a, page) and _alone(_block_of(a, node), a, page):
            target = targets(a)
            if target is not None:
                found.add(target)
    return found


def _card(
    anchor: etree._Element, target: str, page: PageIndex, targets: _Targets,
    headlines: dict[etree._Element, set[str]],
) -> etree._Element | None:
    """The largest block around a headline link that holds only its card, or ``None``.

    ``headlines`` keeps :func:`_headlines_in` per element for the page: the
    links of one rail climb through the same ancestors.
    """
    card = None
    node = anchor.getparent()
    for _ in range(MAX_DEPTH):
        if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html"):
            break
        if page.words(node) > MAX_CARD_WORDS:
            break
        others = headlines.get(node)
        if others is None:
            others = headlines[node] = _headlines_in(node, page, targets)
        if others != {target}:
            break
        card = node
        node = node.getparent()
    return card


def card_texts(
    tree: etree._Element, headlines: list[str], page_url: str | None, page: PageIndex | None = None
) -> set[str]:
    """Keys of the texts of the page's teaser cards: summaries after a headline link, doubled headlines.

    ``page`` is the page's shared :class:`~newsclean.html.page_index.PageIndex` (one is built when absent).
    """
    page = page or PageIndex(tree)
    own = {page.key_of(h) for h in headlines if h}
    targets = _Targets(page_url)
    found: set[str] = set()
    headlines_in: dict[etree._Element, set[str]] = {}
    for anchor in tree.iter("a"):
        # The cheapest test first: most links are a word or two (menus, tags, "more").
        if not _headline_length(anchor, page):
            continue
        target = targets(anchor)
        if target is None or page.key(anchor) in own:
            continue
        link = page.text(anchor)
        if _NUMBERED.match(link) or not _same_site(target, anchor.get("href") or "", page_url):
            # A numbered heading is an item of the article's own list; a link to another
            # site is a source or a product, which the article may describe in its own words.
            continue
        card = _card(anchor, target, page, targets, headlines_in)
        if card is None:
            continue
        head = _block_of(anchor, card)
        if not _alone(head, anchor, page):
            continue
        if any(page.key(e) in own for e in card.iter() if isinstance(e.tag, str) and e.tag in _BLOCKS):
            # A card of the page's own story (a carousel of the section's stories includes it).
            continue
        if page.key(head) != page.key(anchor):
            # Printed twice (a screen-reader copy); printed once, it is drop_teasers' link text.
            found.add(page.key(head))
        after = False
        dek: list[str] = []
        blocks = 0
        for element in card.iter():
            if element is head:
                after = True
                continue
            if not after or not isinstance(element.tag, str) or element.tag not in _BLOCKS:
                continue
            if element in head.iterancestors():
                continue
            text = page.text(element)
            if text and not any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants()):
                blocks += 1
            if text and not any(True for _ in element.iter("a")):
                dek.append(page.key(element))
        if blocks > MAX_AFTER:
            # A headline over a list (ingredients, a table of contents) heads a section, not a card.
            continue
        found.update(dek)
    found.discard("")
    return found - own


def drop_card_texts(
    lines: list[str], tree: etree._Element, headlines: list[str], page_url: str | None, removed: list[Removed],
    page: PageIndex | None = None,
) -> list[str]:
    """Drop body lines that are another story's teaser card: its summary, or its headline printed twice."""
    page = page or PageIndex(tree)
    cards = card_texts(tree, headlines, page_url, page)
    if not cards:
        return lines
    hits = [("\n" not in line and page.key_of(line) in cards) for line in lines]
    total = sum(len(line.split()) for line in lines)
    dropped = sum(len(line.split()) for line, hit in zip(lines, hits, strict=True) if hit)
    if not dropped or dropped > MAX_BODY_SHARE * total:
        return lines
    kept: list[str] = []
    for line, hit in zip(lines, hits, strict=True):
        if hit:
            removed.append(Removed(Reason.TEASER, line))
        else:
            kept.append(line)
    return kept
