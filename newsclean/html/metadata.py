"""Page metadata from the sources an HTML page offers.

Candidates are collected per field from JSON-LD, OpenGraph/article meta,
Dublin Core and other meta names, ``<time>`` elements and ``<html lang>``,
each tagged with its source; :func:`pick` chooses by a fixed precedence.
Extraction reads the tree only; it never modifies it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

logger = logging.getLogger(__name__)

_ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
     "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "livebloggposting",
     "liveblogposting", "socialmediaposting", "webpage", "scholarlyarticle", "report"}
)

#: meta name/property -> field, in precedence order within meta tags.
_META_FIELDS: dict[str, str] = {
    "og:title": "title", "twitter:title": "title", "dc.title": "title", "headline": "title",
    "og:site_name": "site_name", "application-name": "site_name", "publisher": "site_name",
    "og:description": "description", "description": "description", "twitter:description": "description",
    "dc.description": "description",
    "article:published_time": "published", "og:article:published_time": "published",
    "datepublished": "published", "pubdate": "published", "publishdate": "published",
    "publish-date": "published", "publish_date": "published", "date": "published",
    "dc.date": "published", "dc.date.issued": "published", "dcterms.created": "published",
    "dcterms.date": "published", "sailthru.date": "published", "parsely-pub-date": "published",
    "article:modified_time": "modified", "og:updated_time": "modified", "datemodified": "modified",
    "dcterms.modified": "modified", "last-modified": "modified",
    "article:section": "section", "og:article:section": "section", "parsely-section": "section",
    "article:tag": "tags", "keywords": "tags", "news_keywords": "tags", "parsely-tags": "tags",
    "article:author": "authors", "author": "authors", "dc.creator": "authors",
    "sailthru.author": "authors", "parsely-author": "authors", "byl": "authors",
    "og:image": "top_image", "twitter:image": "top_image", "og:image:url": "top_image",
    "og:locale": "language", "content-language": "language", "dc.language": "language",
    "og:url": "url",
}


@dataclass
class PageMetadata:
    """Candidate values per field, each with the source it came from."""

    candidates: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)

    def add(self, name: str, source: str, value: Any) -> None:
        if value in (None, "", [], {}):
            return
        self.candidates.setdefault(name, []).append((source, value))

    def pick(self, name: str, order: tuple[str, ...] = ("jsonld", "meta", "time", "html")) -> Any:
        """The first value of ``name`` by source precedence."""
        values = self.candidates.get(name, [])
        for source in order:
            for src, value in values:
                if src == source:
                    return value
        return None

    def all(self, name: str) -> list[Any]:
        return [value for _, value in self.candidates.get(name, [])]


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    name = _text(value)
    return [name] if name else []


def _iter_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _iter_jsonld(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _iter_jsonld(data[key])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _read_jsonld(tree: etree._Element, meta: PageMetadata) -> None:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            logger.debug("unparsable JSON-LD block skipped")
            continue
        for obj in _iter_jsonld(data):
            kinds = _types(obj)
            if "organization" in kinds or "newsmediaorganization" in kinds:
                meta.add("site_name", "jsonld-org", _text(obj.get("name")))
            if not kinds & _ARTICLE_TYPES:
                continue
            meta.add("title", "jsonld", _text(obj.get("headline") or obj.get("name")))
            meta.add("published", "jsonld", _text(obj.get("datePublished") or obj.get("dateCreated")))
            meta.add("modified", "jsonld", _text(obj.get("dateModified")))
            meta.add("authors", "jsonld", _names(obj.get("author") or obj.get("creator")))
            meta.add("site_name", "jsonld", _text(obj.get("publisher")))
            meta.add("description", "jsonld", _text(obj.get("description")))
            meta.add("section", "jsonld", _text(obj.get("articleSection")))
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                keywords = [k for k in keywords.split(",")]
            meta.add("tags", "jsonld", [k.strip() for k in _names(keywords) if k.strip()])
            meta.add("top_image", "jsonld", _text(obj.get("image") or obj.get("thumbnailUrl")))
            meta.add("language", "jsonld", _text(obj.get("inLanguage")))


def _read_meta(tree: etree._Element, meta: PageMetadata) -> None:
    for element in tree.iterfind(".//meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        name = _META_FIELDS.get(key)
        content = (element.get("content") or "").strip()
        if not name or not content:
            continue
        if name == "tags":
            meta.add("tags", "meta", [t.strip() for t in content.split(",") if t.strip()])
        elif name == "authors":
            if not content.startswith("http"):
                meta.add("authors", "meta", [content])
        else:
            meta.add(name, "meta", content)


def read_metadata(tree: etree._Element) -> PageMetadata:
    """Collect every metadata candidate the page declares."""
    meta = PageMetadata()
    _read_jsonld(tree, meta)
    _read_meta(tree, meta)
    for time_el in tree.iterfind(".//time"):
        value = time_el.get("datetime")
        if value:
            meta.add("published", "time", value.strip())
            break
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta.add("language", "html", (lang or "").strip())
    title = tree.find(".//title")
    if title is not None and title.text:
        meta.add("title", "html", title.text.strip())
    return meta
