"""Article links from RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents.

Each entry yields its link and what the feed says about it (title,
publication date, authors) as :class:`~newsclean.hints.Hints`, so a page
lacking them can borrow them. Links are returned absolute but otherwise as published;
canonical form and filtering are the crawl's business.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from lxml import etree, html

from ..hints import Hints
from .errors import FetchError
from .links import Link
from .urls import absolute_url
from .xmldoc import child_text, children, descendants, local_name, parse_xml

_EMAIL_WITH_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """Every entry's link in document order; an empty list when ``body`` is no feed.

    Raises:
        FetchError: a JSON Feed nested deeper than Python's parser can follow.
    """
    head = body.lstrip()[:1]
    if head in (b"{", b"["):
        return _parse_json_feed(body, base_url)
    root = parse_xml(body)
    if root is None:
        return []
    kind = local_name(root)
    if kind == "feed":
        return _parse_atom(root, base_url)
    if kind in ("rss", "rdf"):
        return _parse_rss(root, base_url)
    return []


def _plain(text: str | None) -> str | None:
    """Titles may carry escaped HTML (``<b>``, entities): keep only their text."""
    if not text:
        return None
    if "<" in text or "&" in text:
        with contextlib.suppress(etree.ParserError, ValueError):  # not markup after all: keep it as is
            text = html.fragment_fromstring(text, create_parent="div").text_content()
    return " ".join(text.split()) or None


def _rss_author(value: str) -> str:
    match = _EMAIL_WITH_NAME.match(value)
    return match.group("name") if match else value


def _parse_rss(root: etree._Element, base_url: str) -> list[Link]:
    links: list[Link] = []
    for item in descendants(root, "item"):
        url = child_text(item, "link")
        if not url:
            guid = next(children(item, "guid"), None)
            if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
                url = child_text(item, "guid")
        if not url:
            continue
        authors = [_rss_author(a) for a in (child_text(item, "creator"), child_text(item, "author")) if a]
        hints = Hints(
            "feed",
            title=_plain(child_text(item, "title")),
            published=child_text(item, "pubdate", "date", "issued"),
            authors=tuple(dict.fromkeys(authors)),
        )
        links.append(Link(absolute_url(base_url, url), hints))
    return links


def _atom_link(entry: etree._Element) -> str | None:
    """The entry's ``alternate`` link (an HTML one when several), the page the entry is about."""
    candidates = [
        link for link in children(entry, "link")
        if (link.get("rel") or "alternate") == "alternate" and link.get("href")
    ]
    candidates.sort(key=lambda link: "html" not in (link.get("type") or "text/html"))
    return candidates[0].get("href") if candidates else None


def _parse_atom(root: etree._Element, base_url: str) -> list[Link]:
    links: list[Link] = []
    for entry in children(root, "entry"):
        href = _atom_link(entry)
        if not href:
            continue
        authors = [name for author in children(entry, "author") if (name := child_text(author, "name"))]
        hints = Hints(
            "feed",
            title=_plain(child_text(entry, "title")),
            # ``updated`` is required by Atom but says when the entry changed, not when it was published.
            published=child_text(entry, "published", "issued"),
            authors=tuple(authors),
        )
        base = entry.base or base_url  # xml:base, when the feed sets one
        links.append(Link(absolute_url(absolute_url(base_url, base), href), hints))
    return links


def _json_authors(item: dict[str, Any]) -> tuple[str, ...]:
    raw = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [a.get("name") for a in raw if isinstance(a, dict)]
    return tuple(n.strip() for n in names if isinstance(n, str) and n.strip())


def _parse_json_feed(body: bytes, base_url: str) -> list[Link]:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    except RecursionError as exc:
        # json recurses once per level: ``[[[[...`` 100,000 deep exhausts the stack, which must not end the run.
        raise FetchError("JSON Feed nested too deeply to read (over Python's recursion limit)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return []
    links: list[Link] = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url")
        if not isinstance(url, str) or not url.strip():
            continue
        title, published = item.get("title"), item.get("date_published")
        hints = Hints(
            "feed",
            title=_plain(title) if isinstance(title, str) else None,
            published=published if isinstance(published, str) else None,
            authors=_json_authors(item),
        )
        links.append(Link(absolute_url(base_url, url.strip()), hints))
    return links
