"""``explain`` for HTML pages: the body's blocks as text, and where the fields came from.

A page is explained through the HTML path's result, never through its
markup: the body is shown as the blocks a reader sees (paragraphs, headings,
list items, table cells; the split :func:`newsclean.html.render.render_text`
makes), each cut into what the record kept and what the HTML path removed.
Text that no removal names was never extracted: trafilatura judged it
boilerplate, and the block's landmark (``nav``, ``footer``, ...) says where
it sat.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from trafilatura.utils import load_html

from ..html.defuse import load_defused
from ..html.metadata import PageMetadata, read_metadata
from ..html.render import BLOCK_TAGS, SKIPPED_TAGS
from ..normalize.authors import normalize_authors
from ..normalize.dates import DateContext
from ..normalize.text import comparison_key
from ..normalize.url_date import date_from_url
from ..options import Options
from ..record import Article
from .align import align
from .model import NOT_EXTRACTED, Explanation, FieldSource, Line

#: Page regions that say why an extractor passed text over, innermost first.
_LANDMARKS = frozenset({"nav", "menu", "header", "footer", "aside", "form", "table", "figure", "dialog"})
#: Reason the HTML path gives rows of menu tables (``html.tables``).
_TABLE = "table"


@dataclass(frozen=True)
class PageBlock:
    """One line of the page's text render and the element it came from."""

    text: str
    tag: str
    landmark: str | None


def _landmark(element: etree._Element) -> str | None:
    for node in (element, *element.iterancestors()):
        if isinstance(node.tag, str) and node.tag in _LANDMARKS:
            return str(node.tag)
    return None


def page_blocks(tree: etree._Element) -> list[PageBlock]:
    """The page's visible text, one block per line, as ``render_text`` splits it.

    The walk is ``render_text``'s (same skipped and block elements, a line
    break at each block's start and end), keeping for each line the block
    element its first text came from.
    """
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[tuple[str, etree._Element | None]] = []
    _collect_text(root, root, parts)
    return _blocks_from(parts)


def _collect_text(
    element: etree._Element, block: etree._Element, parts: list[tuple[str, etree._Element | None]]
) -> None:
    """``render_text``'s walk: each text with the block element it belongs to; ``None`` marks a line break."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS:
        return
    is_block = tag in BLOCK_TAGS
    inner = element if is_block else block
    if is_block:
        parts.append(("\n", None))
    if element.text and tag:
        parts.append((element.text, inner))
    for child in element:
        _collect_text(child, inner, parts)
        if child.tail:
            parts.append((child.tail, inner))
    if is_block:
        parts.append(("\n", None))


def _blocks_from(parts: list[tuple[str, etree._Element | None]]) -> list[PageBlock]:
    """The texts joined into lines, each owned by the block its first visible text came from."""
    blocks: list[PageBlock] = []
    text: list[str] = []
    owner: etree._Element | None = None
    for chunk, element in parts:
        for index, piece in enumerate(chunk.split("\n")):
            if index:
                _close_line(text, owner, blocks)
                text.clear()
                owner = None
            if piece:
                text.append(piece)
                if owner is None and piece.strip():
                    owner = element
    _close_line(text, owner, blocks)
    return blocks


def _close_line(text: list[str], owner: etree._Element | None, blocks: list[PageBlock]) -> None:
    """One line's block, when the line has text and an owner (whitespace collapsed as ``render_text`` does)."""
    line = " ".join("".join(text).split())
    if line and owner is not None:
        blocks.append(PageBlock(line, str(owner.tag), _landmark(owner)))


def _title_sources(meta: PageMetadata, title: str) -> tuple[str, ...]:
    key = comparison_key(title)
    found = [src for src, raw in meta.sourced("title") if isinstance(raw, str) and comparison_key(raw).startswith(key)]
    return tuple(dict.fromkeys(found)) or ("trafilatura",)


def _date_sources(meta: PageMetadata, day: str, url: str | None, context: DateContext) -> tuple[str, ...]:
    found: list[str] = []
    for src, raw in meta.sourced("published"):
        parsed, _ = context.parse(raw) if isinstance(raw, str) else (None, [])
        if parsed is not None and parsed.iso[:10] == day:
            found.append(src)
    if not found and (date_from_url(url) or "")[:10] == day:
        found.append("url")
    return tuple(dict.fromkeys(found)) or ("htmldate",)


def _author_sources(meta: PageMetadata, authors: list[str]) -> tuple[str, ...]:
    wanted = {comparison_key(a) for a in authors}
    found = [
        src for src, names in meta.sourced("authors")
        if wanted & {comparison_key(n) for n in normalize_authors(list(names))}
    ]
    return tuple(dict.fromkeys(found)) or ("trafilatura",)


def field_sources(meta: PageMetadata, article: Article, options: Options) -> list[FieldSource]:
    """Title, publication date and authors with the page declarations that state them.

    A declaration states a value when it normalises to it; a value no
    declaration states came from trafilatura's guesses (htmldate for dates)
    or the URL.
    """
    out: list[FieldSource] = []
    if article.title:
        out.append(FieldSource("title", article.title, _title_sources(meta, article.title)))
    if article.published:
        context = DateContext.for_page(options, article.language, article.url)
        out.append(FieldSource("published", article.published,
                               _date_sources(meta, article.published[:10], article.url, context)))
    if article.authors:
        out.append(FieldSource("authors", list(article.authors), _author_sources(meta, article.authors)))
    return out


def explain_html(page: str, article: Article, options: Options) -> Explanation:
    """The page's blocks, each cut into what ``article`` kept and what the HTML path removed."""
    tree, _ = load_defused(page, options.max_depth, load_html)
    if tree is None:
        return Explanation(article=article, input_format="html", unplaced=[article.text] if article.text else [])
    blocks = page_blocks(tree)
    has_tables = any(r.reason == _TABLE for r in article.removed)

    def fallback(index: int) -> str:
        # Menu tables are removed by the HTML path row by row, not cell by cell.
        return _TABLE if has_tables and blocks[index].landmark == _TABLE else NOT_EXTRACTED

    found = align([b.text for b in blocks], article, fallback)
    lines = [Line(tuple(spans), b.tag, b.landmark) for b, spans in zip(blocks, found.lines, strict=True)]
    return Explanation(
        article=article,
        input_format="html",
        lines=lines,
        fields=field_sources(read_metadata(tree), article, options),
        unplaced=found.unplaced,
    )
