"""Text of overlays (modal dialogs, lightboxes) that the extractor kept in the body.

Pages ship their pop-ups in the markup, hidden until a reader clicks: "Subscribe
to bookmark this article", a newsletter sign-up, a video player's lightbox
titled with another story. Extractors read them as text near the article.
An overlay is recognised by what the page declares it to be, in standard
markup only (never class names): a ``<dialog>``, an element with the ARIA
role ``dialog`` or ``alertdialog`` or ``aria-modal="true"``, or an AMP
lightbox. A story is never printed only inside one; a line the page also
prints outside an overlay stays.
"""

from __future__ import annotations

from lxml import etree

from ..normalize.text import comparison_key
from ..record import Reason, Removed
from .page_index import PageIndex

#: Tags of overlay elements: the HTML dialog and AMP's lightbox component.
_OVERLAY_TAGS = frozenset({"dialog", "amp-lightbox"})
#: ARIA roles of overlays.
_OVERLAY_ROLES = frozenset({"dialog", "alertdialog"})
#: At most this share of the body's words may go as overlay text: more, and the
#: page's story itself sits in an overlay (a story opened in a modal), kept whole.
MAX_BODY_SHARE = 0.5
#: Elements that may be overlays (an overlay tag, a role or aria-modal), in document order.
#: A union of paths that each name one attribute or tag: libxml2 reaches them by its
#: attribute and name tests, twice as fast as one predicate tried on every element.
_CANDIDATES = etree.XPath(
    " | ".join([".//@role/..", ".//@aria-modal/..", *(f"descendant-or-self::{tag}" for tag in sorted(_OVERLAY_TAGS))])
)


def _is_overlay(element: etree._Element) -> bool:
    return (element.tag in _OVERLAY_TAGS or (element.get("role") or "").strip().lower() in _OVERLAY_ROLES
            or (element.get("aria-modal") or "").strip().lower() == "true")


def _overlays(tree: etree._Element) -> list[etree._Element]:
    """The page's outermost overlays."""
    # Only elements with one of the overlay tags or attributes can be one: XPath finds them in C.
    found = [el for el in _CANDIDATES(tree) if _is_overlay(el)]
    return [el for el in found if not any(isinstance(a.tag, str) and _is_overlay(a) for a in el.iterancestors())]


def _text_outside(tree: etree._Element, overlays: list[etree._Element]) -> str:
    """The page's text with the overlays' text left out (their tails are the page's)."""
    skip = set(overlays)
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element in skip:
            return
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(tree)
    return comparison_key(" ".join(" ".join(parts).split()))


def drop_overlay_texts(
    lines: list[str], tree: etree._Element, removed: list[Removed], page: PageIndex | None = None
) -> list[str]:
    """Drop body lines that are the text of a block inside an overlay, as ``boilerplate``."""
    overlays = _overlays(tree)
    if not overlays:
        return lines
    page = page or PageIndex(tree)
    keys = {page.key(el) for overlay in overlays for el in overlay.iter() if isinstance(el.tag, str)}
    keys.discard("")
    hits = [("\n" not in line and page.key_of(line) in keys) for line in lines]
    if not any(hits):
        return lines
    # Printed outside an overlay too (a caption a gallery lightbox repeats): the page's own text.
    outside = _text_outside(tree, overlays)
    hits = [hit and page.key_of(line) not in outside for line, hit in zip(lines, hits, strict=True)]
    total = sum(len(line.split()) for line in lines)
    dropped = sum(len(line.split()) for line, hit in zip(lines, hits, strict=True) if hit)
    if not dropped or dropped > MAX_BODY_SHARE * total:
        return lines
    removed.extend(Removed(Reason.BOILERPLATE, line) for line, hit in zip(lines, hits, strict=True) if hit)
    return [line for line, hit in zip(lines, hits, strict=True) if not hit]
