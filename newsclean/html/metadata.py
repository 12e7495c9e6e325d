"""Page metadata from the sources an HTML page offers.

Candidates are collected per field from JSON-LD, OpenGraph/article meta,
Twitter cards, Dublin Core and other meta names, ``<time>`` elements, the
visible ``<h1>``, bylines marked up as authors, ``<html lang>`` and
``<title>``, each tagged with its source. Nothing is decided here: the
resolver (:mod:`.fields`) compares the candidates and picks one. Extraction
reads the tree only; it never modifies it.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

logger = logging.getLogger(__name__)

_ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
     "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "livebloggposting",
     "liveblogposting", "socialmediaposting", "webpage", "scholarlyarticle", "report",
     "askpublicnewsarticle", "satiricalarticle", "techarticle", "posting"}
)
#: Types whose ``name`` is a publisher, never an author or a headline.
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})

#: meta name/property -> (field, source). The source tells the resolver which
#: family of declarations a candidate came from, so agreement can be counted.
#: A bare "date" (``<meta name="date">``, ``DC.date``, ``dcterms.date``) does not
#: say which event of the page it dates, and many CMSs write the last edit
#: there: it is its own, weaker source, "undesignated".
_META_FIELDS: dict[str, tuple[str, str]] = {
    "og:title": ("title", "og"), "twitter:title": ("title", "twitter"),
    "dc.title": ("title", "dc"), "dcterms.title": ("title", "dc"), "headline": ("title", "meta"),
    "og:site_name": ("site_name", "meta"), "application-name": ("site_name", "meta"),
    "dc.publisher": ("site_name", "dc"), "dcterms.publisher": ("site_name", "dc"),
    "og:description": ("description", "meta"), "description": ("description", "meta"),
    "twitter:description": ("description", "meta"), "dc.description": ("description", "dc"),
    "dcterms.description": ("description", "dc"),
    "article:published_time": ("published", "meta"), "og:article:published_time": ("published", "meta"),
    "datepublished": ("published", "meta"), "pubdate": ("published", "meta"),
    "publishdate": ("published", "meta"), "publish-date": ("published", "meta"),
    "publish_date": ("published", "meta"), "date": ("published", "undesignated"),
    "sailthru.date": ("published", "meta"), "parsely-pub-date": ("published", "meta"),
    "dc.date": ("published", "undesignated"), "dc.date.issued": ("published", "dc"),
    "dc.date.created": ("published", "dc"), "dcterms.created": ("published", "dc"),
    "dcterms.date": ("published", "undesignated"), "dcterms.issued": ("published", "dc"),
    "article:modified_time": ("modified", "meta"), "og:updated_time": ("modified", "meta"),
    "datemodified": ("modified", "meta"), "dcterms.modified": ("modified", "dc"),
    "last-modified": ("modified", "meta"),
    "article:section": ("section", "meta"), "og:article:section": ("section", "meta"),
    "parsely-section": ("section", "meta"),
    "article:tag": ("tags", "meta"), "keywords": ("tags", "meta"), "news_keywords": ("tags", "meta"),
    "parsely-tags": ("tags", "meta"), "dc.subject": ("tags", "dc"),
    "article:author": ("authors", "meta"), "og:article:author": ("authors", "meta"),
    "author": ("authors", "meta"), "sailthru.author": ("authors", "meta"),
    "parsely-author": ("authors", "meta"), "byl": ("authors", "meta"),
    "dc.creator": ("authors", "dc"), "dcterms.creator": ("authors", "dc"),
    "og:image": ("top_image", "meta"), "og:image:url": ("top_image", "meta"),
    "og:image:secure_url": ("top_image", "meta"), "twitter:image": ("top_image", "meta"),
    "og:locale": ("language", "meta"), "content-language": ("language", "meta"),
    "dc.language": ("language", "dc"), "dcterms.language": ("language", "dc"),
    "og:url": ("url", "meta"),
}
#: Fields where a meta tag lists several values in one ``content``.
_LIST_FIELDS = frozenset({"tags", "authors"})
#: Twitter-card label saying the paired data field is the byline (SEO plugins emit it).
_WRITTEN_BY = re.compile(r"\b(?:written by|author)\b", re.IGNORECASE)


@dataclass
class PageMetadata:
    """Candidate values per field, each with the source it came from."""

    candidates: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)

    def add(self, name: str, source: str, value: Any) -> None:
        """Record one candidate; empty values are not evidence and are skipped."""
        if value in (None, "", [], {}):
            return
        self.candidates.setdefault(name, []).append((source, value))

    def pick(self, name: str, order: tuple[str, ...] = ("jsonld", "meta", "dc", "time", "html")) -> Any:
        """The first value of ``name`` by source precedence."""
        values = self.candidates.get(name, [])
        for source in order:
            for src, value in values:
                if src == source:
                    return value
        return None

    def all(self, name: str) -> list[Any]:
        """Every candidate value of ``name``, in the order they were found."""
        return [value for _, value in self.candidates.get(name, [])]

    def sourced(self, name: str) -> list[tuple[str, Any]]:
        """Every (source, value) candidate of ``name``."""
        return list(self.candidates.get(name, []))


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _image(value: Any) -> str | None:
    """An image URL from a string, an ImageObject or a list of either."""
    if isinstance(value, list):
        return _image(value[0]) if value else None
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return _text(value)


class _Graph:
    """JSON-LD nodes by ``@id``, so ``{"@id": ...}`` references resolve to their node."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.nodes.get(str(value["@id"]), value)
        return value

    def names(self, value: Any) -> list[str]:
        """Person (or organisation) names of an ``author``-like value."""
        if isinstance(value, list):
            return [n for item in value for n in self.names(item)]
        value = self.resolve(value)
        if isinstance(value, dict):
            name = _text(value.get("name"))
            if not name and (value.get("givenName") or value.get("familyName")):
                name = " ".join(str(value.get(k) or "") for k in ("givenName", "familyName")).strip()
            return [name] if name else []
        name = _text(value)
        # A bare URL is a profile link, not a name.
        return [name] if name and not name.startswith("http") else []


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


def _load_jsonld(tree: etree._Element) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            logger.debug("unparsable JSON-LD block skipped")
            continue
        objects.extend(_iter_jsonld(data))
    return objects


def _flag(value: Any) -> bool | None:
    """A schema.org Boolean, which pages write as JSON booleans or as the strings "True"/"False"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _accessible_for_free(obj: dict[str, Any]) -> bool | None:
    """schema.org ``isAccessibleForFree`` of an article, or of a part it declares gated (``hasPart``).

    The paywall markup search engines document marks the gated part of an
    article with ``hasPart: {isAccessibleForFree: false, cssSelector: ...}``.
    """
    parts = obj.get("hasPart")
    parts = parts if isinstance(parts, list) else [parts]
    if any(isinstance(part, dict) and _flag(part.get("isAccessibleForFree")) is False for part in parts):
        return False
    return _flag(obj.get("isAccessibleForFree"))


def _read_jsonld(tree: etree._Element, meta: PageMetadata) -> None:
    objects = _load_jsonld(tree)
    graph = _Graph()
    for obj in objects:
        if isinstance(obj.get("@id"), str):
            graph.nodes.setdefault(obj["@id"], obj)
    for obj in objects:
        kinds = _types(obj)
        if kinds & {"organization", "newsmediaorganization"}:
            meta.add("site_name", "jsonld-org", _text(obj.get("name")))
        if kinds & {"website"}:
            meta.add("site_name", "jsonld-site", _text(obj.get("name")))
        if not kinds & _ARTICLE_TYPES or kinds & _ORG_TYPES:
            continue
        # A WebPage node is a weaker witness than the article node on the same page.
        source = "jsonld-page" if kinds <= {"webpage"} else "jsonld"
        meta.add("title", source, _text(obj.get("headline") or obj.get("alternativeHeadline")
                                        or (obj.get("name") if source == "jsonld" else None)))
        meta.add("published", source, _text(obj.get("datePublished") or obj.get("dateCreated")))
        meta.add("modified", source, _text(obj.get("dateModified")))
        meta.add("authors", source, graph.names(obj.get("author") or obj.get("creator")))
        meta.add("site_name", source, _text(graph.resolve(obj.get("publisher"))))
        meta.add("description", source, _text(obj.get("description")))
        meta.add("section", source, _text(obj.get("articleSection")))
        keywords = obj.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        meta.add("tags", source, [k.strip() for k in _names_of(keywords) if k.strip()])
        meta.add("top_image", source, _image(obj.get("image") or obj.get("thumbnailUrl")))
        meta.add("language", source, _text(obj.get("inLanguage")))
        meta.add("accessible_for_free", source, _accessible_for_free(obj))
        if isinstance(obj.get("articleBody"), str):
            meta.add("body", source, obj["articleBody"].strip())


def _names_of(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for item in value for n in _names_of(item)]
    name = _text(value)
    return [name] if name else []


def _read_meta(tree: etree._Element, meta: PageMetadata) -> None:
    labels: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if not key or not content:
            continue
        if key.startswith("twitter:label"):
            labels[key[len("twitter:label"):]] = content
        elif key.startswith("twitter:data") and _WRITTEN_BY.search(labels.get(key[len("twitter:data"):], "")):
            meta.add("authors", "meta", [content])
        name, source = _META_FIELDS.get(key, ("", ""))
        if not name:
            continue
        if name in _LIST_FIELDS and name == "tags":
            meta.add("tags", source, [t.strip() for t in content.split(",") if t.strip()])
        elif name == "authors":
            # Profile URLs and addresses are links to a person, not the name.
            if not content.startswith("http") and "@" not in content:
                meta.add("authors", source, [content])
        else:
            meta.add(name, source, content)


#: Elements whose content is code or a fallback, never visible text.
_NOT_TEXT = ("script", "style", "noscript", "template")


def _inline_text(element: etree._Element) -> str:
    """Visible text with a space between child elements (kicker and headline stay apart).

    Code inside the element (a ``<script>`` in an ``<h1>``) is not text: a
    title must never carry script or the markup a script writes.
    """
    if next(element.iter(*_NOT_TEXT), None) is not None:
        element = copy.deepcopy(element)
        etree.strip_elements(element, *_NOT_TEXT, with_tail=False)
    return " ".join(" ".join(t for t in element.itertext() if t.strip()).split())


def _read_body_markup(tree: etree._Element, meta: PageMetadata) -> None:
    """Declarations in the body: headline, <time>, bylines marked up as such."""
    for h1 in tree.iterfind(".//h1"):
        text = _inline_text(h1)
        if text:
            meta.add("title", "h1", text)
    times = [t for t in tree.iterfind(".//time") if (t.get("datetime") or "").strip()]
    # A <time> marked as the publication date beats the first one on the page,
    # which may belong to a teaser or a comment.
    marked = [t for t in times if (t.get("itemprop") or "").lower() == "datepublished"
              or t.get("pubdate") is not None]
    for time_el in (marked or times)[:1]:
        meta.add("published", "time", (time_el.get("datetime") or "").strip())
    # Paths to the attributes themselves: libxml2 tests them without a predicate on every element.
    for element in tree.xpath("//@rel[.='author']/.. | //@itemprop[.='author']/..")[:4]:
        text = _inline_text(element)
        if text and len(text) < 80:
            meta.add("authors", "byline", [text])


def read_metadata(tree: etree._Element) -> PageMetadata:
    """Collect every metadata candidate the page declares."""
    meta = PageMetadata()
    _read_jsonld(tree, meta)
    _read_meta(tree, meta)
    _read_body_markup(tree, meta)
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta.add("language", "html", (lang or "").strip())
    title = tree.find(".//title")
    if title is not None and title.text:
        meta.add("title", "html", title.text.strip())
    return meta
