"""The article's frame and home on the page, and the boxes around the story the body picked up.

trafilatura finds the article's container mostly by its class and id names
("article-body", "comments", "related"). On pages whose names carry no
meaning (CSS-modules and CSS-in-JS builds, obfuscated markup) it falls back
to collecting text over the whole page, and comment threads, teaser rails,
subscription boxes and the site footer below the article come along.

The frame is found from the body itself, by position: the deepest element
that holds most of the body's text. Lines the body ends with that the page
prints after the frame and outside it are another part of the page, unless
they sit in a block styled like the frame (the same tag and class names,
compared for equality only, never read for meaning): an article split into
several containers by an ad slot repeats its container's markup, a comment
thread or a footer does not.

Inside the frame, the story's paragraphs are children of one element, its
home (or of elements marked up as it). A closing run of link-dense boxes
whose paragraph markup the story never uses (a teaser rail, a "more from"
list) and picture boxes of one or two lines between the story's paragraphs
(captions) go too. Measured (html, same run): body F1 fe 0.959 -> 0.962,
fp-dev 0.959 -> 0.962, te-dev string F1 0.947 -> 0.949; the random-classes
invariance cost fell from -0.007 to -0.001 (fe) and from -0.015 to -0.011
(fp-dev). Looser box rules reached -0.009 on fp-dev but cut story text on 13
te-dev pages (ingredient lists, code listings, closing paragraphs).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable

from lxml import etree

from ..normalize.text import comparison_key, joined_lines
from ..record import Reason, Removed
from .page_index import PageIndex

#: The frame holds at least this share of the body's text (the rest: a standfirst
#: or byline above it, and what this module trims below it).
FRAME_SHARE = 0.8
#: A body shorter than this many characters is too small to locate a frame by (about
#: 80 words of a European language; sizes count characters so that scripts written
#: without spaces between words weigh the same).
MIN_BODY_CHARS = 480
#: Words of a line used to find the block that prints it.
ANCHOR_WORDS = 6
#: Ancestors of a trailing block searched for the frame's markup.
TWIN_DEPTH = 6
#: A trailing block nested deeper than this below the body's home (the element whose
#: children print most of the body) sits in a box of its own: a paragraph is a child of
#: the home, a list item or a quoted paragraph a grandchild.
HOME_DEPTH = 2
#: The home must print at least this share of the body's text: a live blog spreads its
#: entries over many boxes, and no single one is its home (0.5 lost the gains on fe pages
#: whose story is split over a few containers; 0.3 kept them, no page worse on fe and fp-dev).
HOME_SHARE = 0.3
#: A box between the story's paragraphs is a picture's caption when it holds a picture and
#: at most this many body lines (boxes of several lines without a picture were recipes'
#: ingredient lists, code listings and story sections on te-dev, so they stay).
CAPTION_LINES = 2
#: A closing box is another part of the page only when at least this share of its text is
#: link text (teaser rails, "more from" lists); closing boxes of plain text were recipes,
#: seminar notes and the story's last paragraphs on te-dev.
BOX_LINK_SHARE = 0.3
#: An unplaced line this short inside a closing run of boxes is a control's label.
LABEL_CHARS = 40

#: Elements that hold a block of text of their own.
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "header",
    "article", "figure", "figcaption", "ul", "ol", "table", "tr", "td", "th", "dd", "dt", "aside",
    "nav", "footer", "main", "pre", "form", "details", "summary",
})
_HIDDEN = frozenset({"script", "style", "noscript", "template"})
#: Elements that show a picture or a player: a box holding one is a figure or a media card.
_MEDIA = ("img", "picture", "video", "audio", "iframe", "svg")


def text_size(line: str) -> int:
    """A line's weight: its characters other than spaces."""
    return len(line) - line.count(" ")


def block_leaves(tree: etree._Element, page: PageIndex | None = None) -> list[tuple[etree._Element, str]]:
    """Block elements with text and no block element inside, with their keys, in document order.

    With the page's :class:`~newsclean.html.page_index.PageIndex`, the keys are the ones it keeps.
    """
    if tree.tag in _HIDDEN or any(a.tag in _HIDDEN for a in tree.iterancestors()):
        return []
    # The walks filter tags in lxml (``iter(*tags)``), not element by element in Python.
    hidden = {d for h in tree.iter(*_HIDDEN) for d in h.iterdescendants()}
    inner: set[etree._Element] = set()
    for element in tree.iter(*_BLOCKS):
        parent = element.getparent()
        while parent is not None and parent not in inner:
            inner.add(parent)
            parent = parent.getparent()
    found: list[tuple[etree._Element, str]] = []
    for element in tree.iter(*_BLOCKS):
        if element in inner or element in hidden:
            continue
        key = page.key(element) if page is not None else comparison_key(" ".join(element.itertext()))
        if key:
            found.append((element, key))
    return found


def page_block_leaves(page: PageIndex) -> list[tuple[etree._Element, str]]:
    """:func:`block_leaves` of the whole page, as a :meth:`~newsclean.html.page_index.PageIndex.reading`."""
    return block_leaves(page.tree, page)


def locate_lines(
    lines: list[str], leaves: list[tuple[etree._Element, str]], line_key: Callable[[str], str] = comparison_key,
) -> list[etree._Element | None]:
    """The block printing each line (searched forward from the previous line's), or ``None``.

    The leaves' keys are searched as one string (keys hold no line break, so
    a match never spans two): one ``str.find`` per line instead of a
    substring test per leaf, which cost a page with a thousand leaves a
    millisecond in Python. ``line_key`` keys a line (a page index's memoised
    :meth:`~newsclean.html.page_index.PageIndex.key_of`).
    """
    keys = [leaf_key for _, leaf_key in leaves]
    joined, starts = joined_lines(keys)

    def first(anchor: str, lo: int, hi: int) -> int | None:
        """The first leaf in ``[lo, hi)`` whose key holds ``anchor``."""
        if lo >= hi:
            return None
        found = joined.find(anchor, starts[lo], starts[hi - 1] + len(keys[hi - 1]))
        return None if found < 0 else bisect_right(starts, found) - 1

    located: list[etree._Element | None] = []
    start = 0
    for line in lines:
        anchor = " ".join(line_key(line).split()[:ANCHOR_WORDS])
        hit: etree._Element | None = None
        if anchor:
            for lo, hi in ((start, len(leaves)), (0, start)):
                index = first(anchor, lo, hi)
                if index is not None:
                    hit, start = leaves[index][0], index
                    break
        located.append(hit)
    return located


def _frame(lines: list[str], located: list[etree._Element | None]) -> etree._Element | None:
    """The deepest element holding at least :data:`FRAME_SHARE` of the body's text."""
    weight: dict[etree._Element, int] = {}
    depth: dict[etree._Element, int] = {}
    total = 0
    for line, element in zip(lines, located, strict=True):
        words = text_size(line)
        total += words
        if element is None:
            continue
        chain = [element, *element.iterancestors()]
        for level, node in enumerate(reversed(chain)):
            weight[node] = weight.get(node, 0) + words
            depth[node] = level
    need = FRAME_SHARE * total
    held = [node for node, words in weight.items() if words >= need]
    return max(held, key=lambda node: depth[node]) if held else None


def markup_signature(element: etree._Element) -> tuple[str, str]:
    return str(element.tag), " ".join((element.get("class") or "").split())


def _styled_like(element: etree._Element, frame: etree._Element) -> bool:
    """Whether a block outside the frame sits in a container marked up as the frame is."""
    mark = markup_signature(frame)
    if not mark[1]:
        # Without a class the tag alone proves nothing: keep the block (never lose the article).
        return True
    for level, node in enumerate(element.iterancestors()):
        if level >= TWIN_DEPTH:
            break
        if markup_signature(node) == mark:
            return True
    return False


def heaviest_parent(
    lines: list[str], located: list[etree._Element | None], mark: Callable[[etree._Element], Hashable]
) -> Hashable | None:
    """The mark of the parents printing most of the body's text, if they print :data:`HOME_SHARE` of it.

    ``mark`` says which parents count as one: the element itself (the frame's
    home) or its markup (sibling wrappers styled alike, for repeated panels).
    """
    weight: dict[Hashable, int] = {}
    for line, element in zip(lines, located, strict=True):
        parent = element.getparent() if element is not None else None
        if parent is not None:
            key = mark(parent)
            weight[key] = weight.get(key, 0) + text_size(line)
    if not weight:
        return None
    home = max(weight, key=lambda key: weight[key])
    return home if weight[home] >= HOME_SHARE * sum(text_size(line) for line in lines) else None


def _home(lines: list[str], located: list[etree._Element | None]) -> etree._Element | None:
    """The element whose child blocks print most of the body's text, if it prints enough of it."""
    home = heaviest_parent(lines, located, lambda element: element)
    return home if isinstance(home, etree._Element) else None


def _at_home(element: etree._Element, home: etree._Element) -> bool:
    """Whether the block is printed within :data:`HOME_DEPTH` levels of the home or of a block styled as it."""
    mark = markup_signature(home)
    for level, node in enumerate(element.iterancestors()):
        if level >= HOME_DEPTH:
            break
        if node is home or (mark[1] and markup_signature(node) == mark):
            return True
    return False


def drop_trailing_outside_frame(
    lines: list[str], tree: etree._Element, removed: list[Removed], page: PageIndex | None = None
) -> list[str]:
    """``lines`` without the closing blocks the page prints after the article's frame."""
    if sum(text_size(line) for line in lines) < MIN_BODY_CHARS:
        return lines
    page = page or PageIndex(tree)
    located = locate_lines(lines, page.reading(page_block_leaves), page.key_of)
    frame = _frame(lines, located)
    if frame is None or frame.getparent() is None:
        return lines
    inside = [el is not None and (el is frame or frame in el.iterancestors()) for el in located]
    if not any(inside):
        return lines
    last = max(i for i, flag in enumerate(inside) if flag)
    kept = lines[: last + 1]
    for line, element in zip(lines[last + 1:], located[last + 1:], strict=True):
        if element is None or _styled_like(element, frame):
            kept.append(line)
        else:
            removed.append(Removed(Reason.BOILERPLATE, line))
    return _drop_trailing_boxes(kept, located[: len(kept)], removed)


def _drop_trailing_boxes(lines: list[str], located: list[etree._Element | None], removed: list[Removed]) -> list[str]:
    """``lines`` without the closing blocks nested in boxes away from the body's home.

    Inside the frame, a teaser rail, a subscription offer or a comment thread
    below the story sits in nested boxes of its own, while the story's
    paragraphs are children of one element (or of elements styled as it).
    """
    home = _home(lines, located)
    if home is None:
        return lines
    homed = [el is not None and _at_home(el, home) for el in located]
    if not any(homed):
        return lines
    last = max(i for i, flag in enumerate(homed) if flag)
    # Paragraph markup the story itself uses: a closing block printed in it is the story's.
    # (Headings and list items above the end may be a box's: a "most read" list inside the frame.)
    story = {markup_signature(el.getparent()) for i, (el, flag) in enumerate(zip(located, homed, strict=True))
             if el is not None and el.getparent() is not None and (flag or (i < last and el.tag == "p"))}
    held: set[etree._Element] = set()
    for el, flag in zip(located, homed, strict=True):
        if flag and el is not None:
            held.update(el.iterancestors())
    end = cut = len(lines)
    while cut > last + 1:
        element = located[cut - 1]
        if element is None and text_size(lines[cut - 1]) <= LABEL_CHARS:
            cut -= 1  # a button's label the page prints as markup of its own ("Comments")
            continue
        parent = element.getparent() if element is not None else None
        if parent is None or not markup_signature(parent)[1] or markup_signature(parent) in story:
            break
        if element is not None and _link_share(_box(element, held)) < BOX_LINK_SHARE:
            break
        cut -= 1
        end = cut
    removed.extend(Removed(Reason.BOILERPLATE, line) for line in lines[end:])
    return _drop_inner_boxes(lines[:end], located[:end], homed[:end], removed)


def _box(element: etree._Element, held: set[etree._Element]) -> etree._Element:
    """The largest subtree around ``element`` that holds none of the story's home paragraphs."""
    box = element
    while box.getparent() is not None and box.getparent() not in held:
        box = box.getparent()
    return box


def _link_share(element: etree._Element) -> float:
    """Share of the element's text that is link text."""
    total = text_size(" ".join(element.itertext()))
    linked = sum(text_size(" ".join(a.itertext())) for a in element.iter("a"))
    return linked / total if total else 0.0


def _drop_inner_boxes(
    lines: list[str], located: list[etree._Element | None], homed: list[bool], removed: list[Removed]
) -> list[str]:
    """``lines`` without the boxes printed between the story's paragraphs.

    A box is the largest subtree around a line that holds none of the story's
    home paragraphs; it is noise (a picture's caption, an expert's card, a
    subscription offer) when it holds a picture or several body lines, and its
    paragraph markup is not the story's. A lone block in markup of its own (a
    subheading's wrapper, a drop-cap paragraph) stays: it is the story's.
    """
    if not any(homed):
        return lines
    first = homed.index(True)
    last = len(homed) - 1 - homed[::-1].index(True)
    story = {markup_signature(el.getparent()) for el, flag in zip(located, homed, strict=True)
             if flag and el is not None and el.getparent() is not None}
    held: set[etree._Element] = set()
    for el, flag in zip(located, homed, strict=True):
        if flag and el is not None:
            held.update(el.iterancestors())
    boxes: dict[int, etree._Element] = {}
    for i in range(first + 1, last):
        el = located[i]
        parent = el.getparent() if el is not None else None
        if el is None or parent is None or homed[i]:
            continue
        signature = markup_signature(parent)
        if not signature[1] or signature in story:
            continue
        box = el
        while box.getparent() is not None and box.getparent() not in held:
            box = box.getparent()
        boxes[i] = box
    counts: dict[etree._Element, int] = {}
    for box in boxes.values():
        counts[box] = counts.get(box, 0) + 1
    kept: list[str] = []
    for i, line in enumerate(lines):
        box = boxes.get(i)
        if box is not None and counts[box] <= CAPTION_LINES and any(True for _ in box.iter(*_MEDIA)):
            removed.append(Removed(Reason.BOILERPLATE, line))
        else:
            kept.append(line)
    return kept
