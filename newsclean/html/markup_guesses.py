"""trafilatura's byline, category and tag searches, answered from one walk of the page.

``trafilatura.metadata.extract_author`` copies the whole page, prunes it with
two XPath expressions and then tries three more, each of which tests half a
dozen attributes of every element; ``extract_catstags`` tries up to six more
per kind. libxml2 evaluates such predicates at roughly a quarter of a
microsecond per term and element (its ``re:test`` calls back into Python),
so on a page of a thousand elements the byline search cost about 8 ms of CPU
(a sixth of a page's whole cleaning) and the category and tag searches
1.4 ms each, on the pages whose declared metadata leaves those fields to
trafilatura.

A :class:`MarkupGuesses` reads every element's tag and the six attributes the
byline expressions test in one walk (the category and tag searches read only
the class and id of the few tags they name), then applies the same
predicates in Python: the same elements in the same document order. The
pruning is tested only where it can change the answer: at a candidate, its
ancestors (a pruned ancestor takes the candidate away) and its descendants
(their text leaves it; the candidate alone is then copied and pruned as
trafilatura prunes its copy of the page, tails joined the same way).

The predicates mirror the trafilatura release they were read from.
:data:`MIRRORED` is false, and trafilatura's own functions run, when the
installed release's expressions or functions differ from the reviewed ones;
tests/unit/test_markup_guesses.py compares both answers on every fixture page
(and they agreed on all 732 dev pages when this was written).
"""

from __future__ import annotations

import hashlib
import inspect
import re
from copy import deepcopy
from typing import Any

from lxml.etree import Element, XPath, _Element
from trafilatura import metadata as _tm
from trafilatura import xpaths as _tx
from trafilatura.baseline import block_text
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import line_processing, trim
from trafilatura.xml import delete_element

#: sha256 of the searches' XPath expressions and of ``extract_author`` and
#: ``extract_catstags``, in the trafilatura release mirrored here (2.3.1).
_REVIEWED = "38f5a8a7252ff3947e63f3733fe9d67591f4a315d666a4425aabcba32887800c"

# The regular expressions the expressions test, by list and position (see the module docstring).
_AUTHOR_NAME = re.compile("author-?name|AuthorName|authorName")
_AUTHOR_ID = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_AUTHOR_ID = re.compile("[Aa]uthor")
_ANY_AUTHOR_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)
_CATEGORY_DIV = re.compile("^(?:post-?info|post-?meta|meta|entry-meta|entry-info|entry-utility)")
_TAG_DIV = re.compile("^(?:tag|postmeta|meta)")
_SECTION_META = XPath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]')

#: What a class or an id must contain for any byline test to hold: a cheap first sieve, never narrower.
_BYLINE_CLASS_HINT = re.compile(
    "uthor|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name|screenname|writer|yline"
    "|^(?:username|byl|BBL)$"
)
_BYLINE_ID_HINT = re.compile("uthor|zuozhe|bianji|xiaobian")
_CATEGORY_TAGS = frozenset({"div", "p", "footer", "li", "span", "header"})

_BYLINE_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_AUTHOR_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})


def _digest() -> str:
    paths = [x.path for group in (_tx.AUTHOR_XPATHS, _tx.AUTHOR_DISCARD_XPATHS, _tx.CATEGORIES_XPATHS, _tx.TAGS_XPATHS)
             for x in group]
    try:
        source = inspect.getsource(_tm.extract_author) + inspect.getsource(_tm.extract_catstags)
    except (OSError, TypeError):
        return ""
    return hashlib.sha256("\n".join([*paths, source]).encode()).hexdigest()


#: Whether the installed trafilatura's searches are the ones mirrored here.
MIRRORED = _digest() == _REVIEWED

#: One element as the searches see it: the element, its tag, then class, id,
#: itemprop, rel, data-testid and data-component ("" when absent).
_Row = tuple[_Element, str, str, str, str, str, str, str]


def _byline_tests(row: _Row) -> tuple[bool, bool, bool]:
    """Whether the element matches each of the three byline expressions, in trafilatura's order."""
    _, tag, cls, ident, itemprop, rel, testid, component = row
    first = tag == "author" or (tag in _BYLINE_TAGS and (
        rel == "author" or ident == "author" or cls == "author" or itemprop == "author name"
        or testid in ("AuthorCard", "AuthorURL") or bool(_AUTHOR_NAME.search(cls))
    ))
    second = tag in _AUTHOR_TAGS and (
        cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
        or bool(_AUTHOR_ID.search(ident)) or bool(_AUTHOR_CLASS.search(cls))
    )
    third = ("Byline" in component or "author" in itemprop or bool(_ANY_AUTHOR_ID.search(ident))
             or bool(_ANY_AUTHOR_CLASS.search(cls)))
    return first, second, third


def _pruned(element: _Element, root: _Element) -> bool:
    """Whether trafilatura's byline search prunes the element (and all inside it) before it looks."""
    tag = element.tag
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS or element is root:
        return False
    get = element.get
    cls, ident = get("class") or "", get("id") or ""
    return (
        ident == "comments" or cls in ("comments", "title", "date") or bool(_DISCARD_ID.search(ident))
        or bool(_DISCARD_CLASS.search(cls)) or "Figure" in (get("data-component") or "")
    )


def _category_box(tag: str, cls: str, ident: str, level: int) -> bool:
    """Whether links inside the element are read as categories by trafilatura's expression ``level``."""
    if level == 0:
        return tag == "div" and (bool(_CATEGORY_DIV.search(cls)) or ident.startswith("postpath"))
    if level == 1:
        return tag == "p" and (cls.startswith(("postmeta", "entry-categories")) or cls == "postinfo"
                               or ident == "filedunder")
    if level == 2:
        return tag == "footer" and cls.startswith(("entry-meta", "entry-footer"))
    if level == 3:
        return tag in ("li", "span") and (cls in ("post-category", "postcategory", "entry-category")
                                          or "cat-links" in cls)
    if level == 4:
        return tag == "header" and cls == "entry-header"
    return tag == "div" and cls in ("row", "tags")


def _tag_box(tag: str, cls: str, ident: str, level: int) -> bool:
    """Whether links inside the element are read as tags by trafilatura's expression ``level``."""
    if level == 0:
        return tag == "div" and cls == "tags"
    if level == 1:
        return tag == "p" and cls.startswith("entry-tags")
    if level == 2:
        return tag == "div" and (cls in ("row", "jp-relatedposts", "entry-utility") or bool(_TAG_DIV.search(cls)))
    return cls == "entry-meta" or "topics" in cls or "tags-links" in cls


class MarkupGuesses:
    """trafilatura's markup searches for one page (byline, categories, tags), over one walk of it.

    The tree must not change while the object is in use.
    """

    def __init__(self, tree: _Element) -> None:
        self._tree = tree
        self._rows: list[_Row] | None = None
        #: A child element named ``rel`` (trafilatura's byline expression tests its text): not mirrored.
        self._unusual = False

    def _walk(self) -> list[_Row]:
        if self._rows is None:
            rows: list[_Row] = []
            for element in self._tree.iter(Element):  # elements only: no comments, no processing instructions
                tag = element.tag
                if tag == "rel":
                    self._unusual = True
                get = element.get
                rows.append((element, tag, get("class") or "", get("id") or "", get("itemprop") or "",
                             get("rel") or "", get("data-testid") or "", get("data-component") or ""))
            self._rows = rows
        return self._rows

    def author(self) -> str | None:
        """``trafilatura.metadata.extract_author(tree)``: the byline its markup search finds."""
        rows = self._walk() if self._mirrored() else []
        if not rows or self._unusual:
            return _tm.extract_author(self._tree)
        root = rows[0][0]
        matches: tuple[list[_Element], list[_Element], list[_Element]] = ([], [], [])
        # Only elements with a byline attribute (or an <author>) can pass a test; the rest are skipped unread.
        hinted = (row for row in rows if row[4] or row[5] or row[6] or row[7] or row[1] == "author"
                  or _BYLINE_CLASS_HINT.search(row[2]) or _BYLINE_ID_HINT.search(row[3]))
        for row in hinted:
            for level, hit in enumerate(_byline_tests(row)):
                if hit:
                    matches[level].append(row[0])
        # trafilatura prunes the page before its search; only the pruning at a
        # candidate, above it or inside it, can change what the search reads there.
        for found in matches:
            for element in found:
                if _pruned(element, root) or any(_pruned(a, root) for a in element.iterancestors()):
                    continue
                content = trim(" ".join(_pruned_text(element, root)))
                if content and 2 < len(content) < 120:
                    return normalize_authors(None, content)
        return None

    def _named(self, metatype: str) -> list[tuple[_Element, str, str, str]]:
        """The elements that may be category (or tag) boxes, with tag, class and id, in document order.

        Every box test needs a class or an id, and all but one a tag of a few:
        without the byline search's walk, only those elements are read.
        """
        if metatype == "category":
            if self._rows is not None:
                return [row[:4] for row in self._rows if row[1] in _CATEGORY_TAGS and (row[2] or row[3])]
            boxes = ((e, e.tag, e.get("class") or "", e.get("id") or "") for e in self._tree.iter(*_CATEGORY_TAGS))
            return [box for box in boxes if box[2] or box[3]]
        if self._rows is not None:
            rows = ((row[0], row[1], row[2], row[3]) for row in self._rows)
        else:
            rows = ((e, e.tag, e.get("class") or "", "") for e in self._tree.iter(Element))
        return [row for row in rows if (row[1] in ("div", "p") and row[2]) or row[2] == "entry-meta"
                or "topics" in row[2] or "tags-links" in row[2]]

    def _mirrored(self) -> bool:
        """Whether the mirrors apply: a reviewed trafilatura, and a tree that is its document's root.

        trafilatura's byline search reads a copy of the element it is given,
        its category search the element's whole document: the same elements
        only when the element is the root.
        """
        return MIRRORED and self._tree.getparent() is None

    def catstags(self, metatype: str) -> list[str]:
        """``trafilatura.metadata.extract_catstags(metatype, tree)``: categories or tags its link search finds."""
        if not self._mirrored():
            return _tm.extract_catstags(metatype, self._tree)
        test = _category_box if metatype == "category" else _tag_box
        pattern = re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/")
        results: list[str] = []
        named = self._named(metatype)
        for level in range(6 if metatype == "category" else 4):
            boxes = [element for element, tag, cls, ident in named if test(tag, cls, ident, level)]
            results.extend(block_text(a) for a in _links_in(boxes) if pattern.search(a.attrib["href"]))
            if results:
                break
        if metatype == "category" and not results:
            results.extend(element.attrib["content"] for element in _SECTION_META(self._tree))
        return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def _links_in(boxes: list[_Element]) -> list[_Element]:
    """``box//a[@href]`` over every box, once each and in document order (boxes come in document order)."""
    links: list[_Element] = []
    taken: list[_Element] = []
    for box in boxes:
        # A later box is either inside the last box taken (its links are listed) or after it.
        if taken and any(a is taken[-1] for a in box.iterancestors()):
            continue
        taken.append(box)
        links.extend(a for a in box.iterdescendants("a") if a.get("href") is not None)
    return links


def _pruned_text(element: _Element, root: _Element) -> list[str]:
    """``element.itertext()`` as in trafilatura's pruned copy of the page."""
    inside = [node for node in element.iterdescendants(Element) if _pruned(node, root)]
    if not inside:
        return list(element.itertext())
    copy = deepcopy(element)
    twin: dict[Any, _Element] = dict(zip(element.iter(), copy.iter(), strict=True))
    # Deleted in trafilatura's order (its first expression's elements, then <time> and
    # <figure>); deleting joins the tail to the previous sibling or the parent.
    media = ("time", "figure")
    for node in [n for n in inside if n.tag not in media] + [n for n in inside if n.tag in media]:
        delete_element(twin[node])
    return list(copy.itertext())
