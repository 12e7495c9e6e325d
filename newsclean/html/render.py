"""A plain-text render of a parsed page, one line per block element.

The HTML path's last recall guard hands this render to the text engine when
trafilatura keeps only a fraction of a page's prose (live blogs whose entries
sit in sibling containers, articles split around embeds). It is the form the
text engine is built for: what scrapers save when they keep only text.
"""

from __future__ import annotations

from lxml import etree

#: Elements whose text never reaches a reader.
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option"})
#: Elements that start a new line in a browser.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})


def element_text(element: etree._Element) -> str:
    """An element's text on one line: its text nodes joined, every whitespace run one space."""
    if not len(element) and isinstance(element.tag, str):
        # A leaf (half the elements asked: links, paragraphs) holds only its own text;
        # reading it skips building a text iterator (a fifth of this function's time).
        text = element.text
        return " ".join(text.split()) if text else ""
    return " ".join(" ".join(element.itertext()).split())


def render_text(tree: etree._Element) -> str:
    """The page's visible text with a line break at every block boundary."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TAGS:
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
