"""HTML transformations that must not change the article a page carries.

Each transformation models one way real pages differ around the same article
(an older table layout, more teaser blocks, missing metadata, hashed class
names, a different block order, a second article loaded below). Each is a pure
function ``(html, material) -> html``: it parses with ``lxml.html``, edits the
tree and serialises it back, and it is deterministic (its random choices come
from ``material.seed``). A cleaner that reads the article rather than one
site's markup should return the same body before and after.

``Material`` carries what a transformation needs beyond the page: the text
used to find the article's container (the gold body, in the benchmark) and
other articles' headlines and paragraphs for the inserted blocks, so teasers
and second articles are real news text in the page's language, not filler.

Finding "the article's container" (:func:`find_container`): with an anchor
text, the deepest element whose visible text holds at least
``CONTAINER_SHARE`` of the anchor's words that the whole page holds (the
benchmark knows the gold body, so it can find the body without guessing);
without one, the element whose direct ``<p>`` children hold the most text
(readability's starting point). Blocks are inserted around the *article
root*: the container's nearest ``<article>`` ancestor-or-self, else the
container itself, so they land beside the article, not between its headline
and its text.
"""

from __future__ import annotations

import random
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

#: Share of the anchor's words (those the page holds at all) the container must hold.
#: 0.9 tolerates a summary or caption the gold keeps outside the body's element.
CONTAINER_SHARE = 0.9
#: Elements whose text a reader never sees; their content does not locate the article.
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "meta", "link"})
#: The second article ("Read next") keeps at most this share of the first's words.
SECOND_ARTICLE_SHARE = 0.5
SECOND_ARTICLE_PARAGRAPHS = 3

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Teaser:
    """Another article, as teaser blocks and a "Read next" block show it."""

    headline: str
    paragraphs: tuple[str, ...] = ()
    url: str = ""


@dataclass(frozen=True)
class Material:
    """What the transformations need besides the page.

    ``anchor`` is text of the article (the gold body in the benchmark) used to
    find its container; empty means "find it by the heuristic". ``teasers``
    are other articles, in the order the inserted blocks use them; ``seed``
    drives every random choice.
    """

    anchor: str = ""
    teasers: tuple[Teaser, ...] = ()
    seed: int = 0


Transform = Callable[[str, Material], str]


# -- parsing and locating ---------------------------------------------------------------------


def parse(html: str) -> lxml.html.HtmlElement:
    """The page as an lxml tree (an XML declaration in a str would make lxml refuse it)."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    return lxml.html.document_fromstring(html)


def serialise(root: lxml.html.HtmlElement) -> str:
    """The tree back as an HTML string, with a doctype as crawled pages have."""
    body: str = lxml.html.tostring(root, encoding="unicode", method="html")
    return "<!DOCTYPE html>\n" + body


def _is_element(node: object) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def _visible_words(el: etree._Element) -> list[str]:
    """Words of ``el``'s text a reader sees (text of hidden elements left out, tails kept)."""
    words: list[str] = []
    stack = [el]
    while stack:  # iterative: real pages nest deeper than Python's recursion limit
        node = stack.pop()
        if isinstance(node.tag, str) and node.tag in HIDDEN:
            continue
        if node.text and _is_element(node):
            words.extend(_WORD.findall(node.text))
        for child in node:
            if child.tail:
                words.extend(_WORD.findall(child.tail))
            stack.append(child)
    return words


def _elements(root: etree._Element) -> Iterator[etree._Element]:
    for el in root.iter():
        if _is_element(el) and el.tag not in HIDDEN:
            yield el


def find_container(root: lxml.html.HtmlElement, anchor: str = "") -> lxml.html.HtmlElement:
    """The element holding the article's text (see the module docstring for the rule)."""
    body = root.find("body")
    top = body if body is not None else root
    if anchor.strip():
        gold = Counter(w.casefold() for w in _WORD.findall(anchor))
        best: tuple[int, etree._Element] | None = None
        scored: list[tuple[int, int, etree._Element]] = []
        for el in _elements(top):
            words = Counter(w.casefold() for w in _visible_words(el))
            held = sum((words & gold).values())
            scored.append((held, sum(words.values()), el))
            if best is None or held > best[0]:
                best = (held, el)
        if best is not None and best[0] > 0:
            need = CONTAINER_SHARE * best[0]
            # The smallest element that still holds enough is the deepest such element.
            return min((s for s in scored if s[0] >= need), key=lambda s: s[1])[2]
    totals: Counter[etree._Element] = Counter()
    for p in top.iter("p"):
        parent = p.getparent()
        if parent is not None:
            totals[parent] += len(p.text_content().strip())
    if totals:
        return totals.most_common(1)[0][0]
    return top


def article_root(container: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Where blocks go around the article: its nearest ``<article>`` ancestor-or-self, or itself."""
    for el in container.iterancestors():
        if el.tag == "article":
            return el
    return container


def _insertion_point(root: lxml.html.HtmlElement, material: Material) -> lxml.html.HtmlElement:
    """The article root, or the first child of ``<body>`` when the article *is* the body."""
    node = article_root(find_container(root, material.anchor))
    if node.tag in ("body", "html"):
        body = root.find("body")
        assert body is not None
        if len(body) == 0:
            body.append(lxml.html.fromstring("<div></div>"))
        return body[0]
    return node


def _el(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html)


def _esc(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _slug(headline: str) -> str:
    return "-".join(w.lower() for w in _WORD.findall(headline)[:8]) or "story"


# -- the transformations ----------------------------------------------------------------------


def wrap_in_layout_table(html: str, material: Material) -> str:
    """Wrap the article's container in a one-cell layout table.

    Models table-based layouts (pre-CSS sites, CMS themes and e-mail-like
    templates still serving them): the same article sits inside
    ``table > tbody > tr > td`` instead of ``div`` blocks.
    """
    root = parse(html)
    container = find_container(root, material.anchor)
    if container.tag in ("body", "html"):
        body = root.find("body")
        assert body is not None
        cell = _el('<td valign="top"></td>')
        for child in list(body):
            cell.append(child)
        cell.text, body.text = body.text, None
        table = _el('<table width="100%" border="0" cellpadding="0" cellspacing="0"><tbody><tr></tr></tbody></table>')
        table.find(".//tr").append(cell)
        body.append(table)
        return serialise(root)
    parent = container.getparent()
    assert parent is not None
    table = _el(
        '<table width="100%" border="0" cellpadding="0" cellspacing="0">'
        '<tbody><tr><td valign="top"></td></tr></tbody></table>'
    )
    table.tail, container.tail = container.tail, None
    parent.replace(container, table)
    table.find(".//td").append(container)
    return serialise(root)


def insert_teasers(html: str, material: Material) -> str:
    """Insert a "Most read" list and a sidebar of ten teaser headlines before the article.

    Models the recirculation blocks news sites put around an article: a
    numbered list of popular headlines and a rail of teasers (headline plus a
    one-line standfirst), built from other articles so they read like news.
    """
    root = parse(html)
    anchor = _insertion_point(root, material)
    teasers = material.teasers
    most_read = "".join(
        f'<li><a href="{_esc(t.url or "/" + _slug(t.headline))}">{_esc(t.headline)}</a></li>' for t in teasers[:5]
    )
    rail = "".join(
        f'<div class="teaser"><h3><a href="{_esc(t.url or "/" + _slug(t.headline))}">{_esc(t.headline)}</a></h3>'
        + (f"<p>{_esc(_standfirst(t))}</p>" if t.paragraphs else "")
        + "</div>"
        for t in teasers[5:15]
    )
    block = _el(
        f'<div class="recirculation"><section class="most-read"><h2>Most read</h2><ol>{most_read}</ol></section>'
        f'<aside class="sidebar">{rail}</aside></div>'
    )
    anchor.addprevious(block)
    return serialise(root)


def _standfirst(teaser: Teaser, words: int = 20) -> str:
    """The first sentence or so of a teaser's first paragraph, as a rail shows it."""
    first = teaser.paragraphs[0] if teaser.paragraphs else ""
    cut = first.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


def remove_structured_metadata(html: str, material: Material) -> str:
    """Remove JSON-LD blocks and OpenGraph meta tags.

    Models pages saved without their SEO metadata (stripped by a proxy,
    archive or scraper that keeps only the body, or sites that never had it):
    ``<script type="application/ld+json">`` and ``<meta property="og:*">``
    (and OpenGraph's ``article:*`` properties) are removed.
    """
    root = parse(html)
    for script in list(root.iter("script")):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            script.drop_tree()
    for meta in list(root.iter("meta")):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key.startswith(("og:", "article:")):
            meta.drop_tree()
    return serialise(root)


def randomise_class_and_id(html: str, material: Material) -> str:
    """Replace every class name and id with a random token.

    Models CSS-in-JS and CSS-modules builds (``sc-bdVaJa kFmAbc``) and sites
    that obfuscate markup: names carry no meaning. The same name maps to the
    same token throughout the page, as those builds do, so the page's
    structure and styling hooks survive.
    """
    root = parse(html)
    rng = random.Random(material.seed)
    tokens: dict[str, str] = {}

    def token(name: str) -> str:
        if name not in tokens:
            tokens[name] = rng.choice(string.ascii_letters) + "".join(
                rng.choices(string.ascii_letters + string.digits, k=rng.randint(5, 8))
            )
        return tokens[name]

    for el in root.iter():
        if not _is_element(el):
            continue
        if el.get("class") is not None:
            el.set("class", " ".join(token(c) for c in el.get("class", "").split()))
        if el.get("id") is not None:
            el.set("id", token("#" + el.get("id", "")))
    return serialise(root)


def _footers(root: lxml.html.HtmlElement, article: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Site footers: ``<footer>`` or ``role=contentinfo`` (else a class/id naming a footer)
    outside every ``<article>``, neither inside nor around the article root; outermost only."""

    def outside(el: lxml.html.HtmlElement) -> bool:
        ancestors = list(el.iterancestors())
        return (
            el is not article
            and article not in ancestors
            and el not in article.iterancestors()
            and not any(a.tag == "article" for a in ancestors)
        )

    found = [el for el in root.iter("footer") if outside(el)]
    found += [el for el in root.xpath("//*[@role='contentinfo']") if outside(el) and el not in found]
    if not found:
        pattern = re.compile(r"(^|[^a-z])footer($|[^a-z])", re.I)
        found = [
            el
            for el in root.iter()
            if _is_element(el)
            and el.tag not in HIDDEN
            and pattern.search(f"{el.get('class', '')} {el.get('id', '')}")
            and outside(el)
        ]
    return [el for el in found if not any(a in found for a in el.iterancestors())]


def move_footer_above(html: str, material: Material) -> str:
    """Move the site footer above the article.

    Models layouts whose source order differs from the visual order (CSS grid
    or flex ``order`` puts the footer at the bottom of the screen while it
    comes first in the HTML) and pages where a template places the footer
    early. The last site footer in document order moves to just before the
    article root; a page without a recognisable footer is left unchanged.
    """
    root = parse(html)
    article = _insertion_point(root, material)
    footers = _footers(root, article)
    if not footers:
        return html
    footer = footers[-1]
    footer.drop_tree()  # lxml leaves the text after the footer where it was...
    footer.tail = None  # ...and the moved footer must not carry a copy of it
    article.addprevious(footer)
    return serialise(root)


def _length(text: str) -> int:
    """Length in non-space characters: comparable across scripts (Japanese has no spaces)."""
    return sum(1 for ch in text if not ch.isspace())


def _cut(text: str, budget: int) -> str:
    """``text`` cut to about ``budget`` non-space characters, at a space where there is one."""
    kept: list[str] = []
    used = 0
    for piece in re.findall(r"\S+\s*", text):
        size = _length(piece)
        if used + size > budget:
            if " " not in text.strip() or not kept:  # unspaced script, or one long word first
                kept.append(piece[: max(1, budget - used)])
            break
        kept.append(piece)
        used += size
    return "".join(kept).strip() + " …"


def second_article(teaser: Teaser, anchor_length: int) -> tuple[str, list[str]]:
    """A shorter second article: the teaser's headline and its first paragraphs, within
    ``SECOND_ARTICLE_SHARE`` of ``anchor_length`` non-space characters (the paragraph that
    would pass the budget is cut to fit)."""
    budget = max(40, int(SECOND_ARTICLE_SHARE * anchor_length))
    kept: list[str] = []
    used = 0
    for para in teaser.paragraphs[:SECOND_ARTICLE_PARAGRAPHS]:
        size = _length(para)
        if used + size > budget:
            if budget - used >= 40 or not kept:
                kept.append(_cut(para, budget - used))
            break
        kept.append(para)
        used += size
    return teaser.headline, kept


def append_read_next(html: str, material: Material) -> str:
    """Append a second, shorter article after a "Read next" heading.

    Models infinite-scroll and "next story" modules that load another full
    article (headline, byline-free paragraphs) below the one the URL names.
    The second article is a real other article's headline and first
    paragraphs (the first teaser: the page's language when one is at hand),
    shorter than the first.
    """
    root = parse(html)
    article = _insertion_point(root, material)
    if not material.teasers:
        return html
    anchor_length = _length(material.anchor) or _length(find_container(root).text_content())
    headline, paragraphs = second_article(material.teasers[0], anchor_length)
    paras = "".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    block = _el(
        f'<section class="read-next"><h2>Read next</h2>'
        f'<article><h2><a href="/{_esc(_slug(headline))}">{_esc(headline)}</a></h2>{paras}</article></section>'
    )
    article.addnext(block)
    return serialise(root)


#: Name -> transformation, in report order.
TRANSFORMS: dict[str, Transform] = {
    "layout-table": wrap_in_layout_table,
    "most-read": insert_teasers,
    "no-metadata": remove_structured_metadata,
    "random-classes": randomise_class_and_id,
    "footer-first": move_footer_above,
    "read-next": append_read_next,
}
