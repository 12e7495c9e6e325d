"""What the HTML path's tree-reading stages read from one page, each worked out once.

After trafilatura has chosen the body, several stages look the body's lines
up in the page (teaser cards, overlays, the article's frame, repeated boxes,
key points, the standfirst). Each walked every element and joined its text on
its own: the same element's text was joined dozens of times per page (a
link's ancestors are asked again for every link under them), and the same
lists of leaf blocks were built twice. A :class:`PageIndex` is built once per
page by :func:`~newsclean.html.extract.extract_html` and handed to each stage;
it memoises, per element, the text and its comparison key, and per page the
leaf-block lists and any other reading a stage asks for (:meth:`PageIndex.reading`).

The tree must not change while an index is in use: the stages it serves only
read the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from lxml import etree

from ..normalize.text import comparison_key
from .render import element_text

T = TypeVar("T")


class PageIndex:
    """One parsed page and memoised readings of it (text per element, leaf blocks per block vocabulary)."""

    def __init__(self, tree: etree._Element) -> None:
        self.tree = tree
        self._text: dict[etree._Element, str] = {}
        self._key: dict[etree._Element, str] = {}
        #: Comparison keys by text: nested wrappers print the same text, and the stages key the same body lines.
        self._key_of: dict[str, str] = {}
        self._words: dict[etree._Element, int] = {}
        self._leaves: dict[frozenset[str], list[etree._Element]] = {}
        self._readings: dict[Callable[[PageIndex], Any], Any] = {}

    def text(self, element: etree._Element) -> str:
        """:func:`~newsclean.html.render.element_text` of ``element``, joined once.

        An element's text is its own text, its children's texts and their
        tails, in order; the stages ask for a link's text and then for each
        of its ancestors', so each element's text is built from its
        children's (:meth:`_join_subtree`) instead of walking its whole
        subtree again: the page's text is split once, not once per level.
        """
        found = self._text.get(element)
        if found is None:
            if len(element) and isinstance(element.tag, str):
                self._join_subtree(element)
                found = self._text[element]
            else:
                found = self._text[element] = element_text(element)
        return found

    def _join_subtree(self, top: etree._Element) -> None:
        """Work out the text of ``top`` and of every element under it not worked out yet.

        Reversed document order reaches every element after all its
        descendants, so each element's children are known when it is joined
        (no recursion: a page may nest deeper than Python's stack). As in
        ``itertext``, a comment's or processing instruction's text is not
        printed but its tail is.
        """
        known = self._text
        for element in reversed(list(top.iter())):
            if element in known or not isinstance(element.tag, str):
                continue
            words: list[str] = element.text.split() if element.text else []
            for child in element:
                if isinstance(child.tag, str):
                    inner = known[child]
                    if inner:
                        words.append(inner)
                elif child.tag is etree.Entity:  # pragma: no cover - lxml's HTML parser resolves entities
                    words.extend(element_text(child).split())
                if child.tail:
                    words.extend(child.tail.split())
            known[element] = " ".join(words)

    def key(self, element: etree._Element) -> str:
        """The comparison key of ``element``'s text (:func:`~newsclean.normalize.text.comparison_key`)."""
        found = self._key.get(element)
        if found is None:
            found = self._key[element] = self.key_of(self.text(element))
        return found

    def key_of(self, text: str) -> str:
        """:func:`~newsclean.normalize.text.comparison_key` of ``text``, worked out once per distinct text.

        Three in four keys a page's stages asked for were of a text keyed
        before (a block and the wrapper around it, a body line each stage
        looks up); keying took 2.2 ms of a page's 20 ms outside trafilatura.
        """
        found = self._key_of.get(text)
        if found is None:
            found = self._key_of[text] = comparison_key(text)
        return found

    def words(self, element: etree._Element) -> int:
        """How many words ``element``'s text has."""
        found = self._words.get(element)
        if found is None:
            found = self._words[element] = len(self.text(element).split())
        return found

    def leaves(self, blocks: frozenset[str]) -> list[etree._Element]:
        """Elements tagged as in ``blocks`` with text and no such element inside, in document order.

        One walk: an element holds a block exactly when it is an ancestor of
        one, so the blocks' ancestors are marked first, each chain climbed
        only up to the first ancestor already marked.
        """
        found = self._leaves.get(blocks)
        if found is None:
            inner: set[etree._Element] = set()
            candidates: list[etree._Element] = []
            for element in self.tree.iter(*blocks):
                candidates.append(element)
                parent = element.getparent()
                while parent is not None and parent not in inner:
                    inner.add(parent)
                    parent = parent.getparent()
            found = self._leaves[blocks] = [el for el in candidates if el not in inner and self.text(el)]
        return found

    def reading(self, build: Callable[[PageIndex], T]) -> T:
        """``build(self)``, worked out on the first call for this page and kept (keyed by ``build``)."""
        if build not in self._readings:
            self._readings[build] = build(self)
        return cast(T, self._readings[build])
