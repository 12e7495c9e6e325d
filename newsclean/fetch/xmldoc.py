"""Parsing feed and sitemap XML from the web without trusting it.

The parser resolves no entities, loads no DTD and fetches nothing from the
network, so a hostile feed cannot read local files (XXE), call out, or
expand a "billion laughs"; ``huge_tree`` stays off so libxml2's own depth
and size limits hold. Elements are matched by local name, because feeds and
sitemaps in the wild mix, omit or misspell their namespaces.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree


def parse_xml(body: bytes) -> etree._Element | None:
    """The document's root, or ``None`` when the bytes are not XML lxml can recover."""
    parser = etree.XMLParser(  # one per call: lxml parsers are not shared between threads
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
        recover=True, remove_comments=True, remove_pis=True,
    )
    try:
        root = etree.fromstring(body.lstrip(), parser)
    except etree.XMLSyntaxError:
        return None
    return root


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children with local name ``name``."""
    for child in element:
        if local_name(child) == name:
            yield child


def descendants(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for node in element.iter():
        if local_name(node) == name:
            yield node


def child_text(element: etree._Element, *names: str) -> str | None:
    """Text of the first direct child with one of ``names`` (in that order of preference)."""
    for name in names:
        for child in children(element, name):
            text = " ".join("".join(child.itertext()).split())
            if text:
                return text
    return None
