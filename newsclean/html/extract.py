"""The HTML path: the only place newsclean talks to trafilatura.

One parse per page: the tree is read for metadata, then handed to a single
trafilatura pass for the body. trafilatura's cross-document deduplication
stays off so a record never depends on pages cleaned before it. The body then
goes through the text engine's residual filter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ..normalize.authors import normalize_authors
from ..normalize.dates import ParsedDate, parse_date
from ..normalize.headlines import normalize_headline
from ..options import Options
from ..record import Removed
from ..text.extract import TextResources
from ..text.residual import filter_paragraphs
from .metadata import PageMetadata, read_metadata

logger = logging.getLogger(__name__)

#: Below this many words the body is suspicious and a recall pass is tried.
_RECALL_WORDS = 60


@dataclass
class HtmlExtraction:
    """Fields the HTML path found in one page."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    top_image: str | None = None
    declared_language: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paywalled: bool = False


def _run_trafilatura(tree: Any, url: str | None, *, recall: bool) -> Any:
    return bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_recall=recall,
    )


def _body_lines(doc: Any) -> list[str]:
    text = getattr(doc, "text", None) or "" if doc is not None else ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _first_date(
    values: list[Any], options: Options, language: str | None
) -> ParsedDate | None:
    for value in values:
        if not isinstance(value, str):
            continue
        parsed = parse_date(
            value, language=language, reference=options.reference_date, min_year=options.min_year
        )
        if parsed is not None:
            return parsed
    return None


def extract_html(html: str, url: str | None, options: Options, resources: TextResources) -> HtmlExtraction:
    """Run the HTML path on one page."""
    out = HtmlExtraction()
    tree = load_html(html)
    if tree is None:
        out.warnings.append("html: the page could not be parsed")
        return out
    meta = read_metadata(tree)
    declared = meta.pick("language")
    out.declared_language = declared.split("-")[0].split("_")[0].lower()[:2] if declared else None
    language = options.language or out.declared_language
    doc = _run_trafilatura(tree, url, recall=False)
    lines = _body_lines(doc)
    if sum(len(line.split()) for line in lines) < _RECALL_WORDS:
        retry = _run_trafilatura(load_html(html), url, recall=True)
        retry_lines = _body_lines(retry)
        if sum(len(x.split()) for x in retry_lines) > sum(len(x.split()) for x in lines):
            out.warnings.append("html: short body, used the recall-oriented pass")
            doc, lines = retry, retry_lines
    residual = filter_paragraphs(lines, language, resources)
    out.paragraphs = residual.paragraphs
    out.removed = residual.removed
    out.paywalled = residual.paywalled
    _fill_metadata(out, meta, doc, url, options, language)
    return out


def _fill_metadata(
    out: HtmlExtraction,
    meta: PageMetadata,
    doc: Any,
    url: str | None,
    options: Options,
    language: str | None,
) -> None:
    """Resolve each field from its candidates (JSON-LD, meta, trafilatura)."""
    out.url = url or meta.pick("url") or getattr(doc, "url", None)
    out.site_name = meta.pick("site_name", ("jsonld", "meta", "jsonld-org")) or getattr(doc, "sitename", None)
    raw_title = meta.pick("title", ("jsonld", "meta")) or getattr(doc, "title", None) or meta.pick("title", ("html",))
    section = meta.pick("section", ("jsonld", "meta"))
    categories = getattr(doc, "categories", None) or []
    out.section = section or (categories[0] if categories else None)
    out.title = normalize_headline(
        raw_title,
        site_names=[n for n in (out.site_name, getattr(doc, "sitename", None)) if n],
        url=out.url,
        sections=[out.section] if out.section else None,
    )
    out.description = meta.pick("description", ("jsonld", "meta")) or getattr(doc, "description", None)
    authors = meta.pick("authors", ("jsonld", "meta"))
    if not authors and getattr(doc, "author", None):
        authors = [a for a in doc.author.split(";")]
    out.authors = normalize_authors(authors or [])
    published = _first_date(
        [meta.pick("published", ("jsonld",)), meta.pick("published", ("meta",)),
         meta.pick("published", ("time",)), getattr(doc, "date", None)],
        options, language,
    )
    modified = _first_date(meta.all("modified"), options, language)
    out.published = published.iso if published else None
    out.modified = modified.iso if modified else None
    tags = meta.pick("tags", ("jsonld", "meta")) or getattr(doc, "tags", None) or []
    unique: dict[str, str] = {}
    for tag in (str(x).strip() for x in tags):
        if tag:
            unique.setdefault(tag.casefold(), tag)
    out.tags = list(unique.values())
    out.top_image = meta.pick("top_image", ("jsonld", "meta")) or getattr(doc, "image", None)
