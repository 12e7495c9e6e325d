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
        self._words: dict[etree._Element, int] = {}
        self._leaves: dict[frozenset[str], list[etree._Element]] = {}
        self._readings: dict[Callable[[PageIndex], Any], Any] = {}

    def text(self, element: etree._Element) -> str:
        """:func:`~newsclean.html.render.element_text` of ``element``, joined once."""
        found = self._text.get(element)
        if found is None:
            found = self._text[element] = element_text(element)
        return found

    def key(self, element: etree._Element) -> str:
        """The comparison key of ``element``'s text (:func:`~newsclean.normalize.text.comparison_key`)."""
        found = self._key.get(element)
        if found is None:
            found = self._key[element] = comparison_key(self.text(element))
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
