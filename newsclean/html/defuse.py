"""Hostile markup made harmless before it is parsed.

Four things in a page can hurt the parser or leak into the record, and all
four are cheaper to handle on the string than on a tree:

- a DTD internal subset (``<!DOCTYPE html [<!ENTITY ...>]>``): the vehicle of
  the "billion laughs" entity bomb and of external entities (XXE) naming a
  local file. newsclean's parser never expands entities, but the subset and
  references to its entities would otherwise end up as text, so both go.
- nesting deeper than ``max_depth``: libxml2 silently drops everything after
  an element nested past 255 levels (the whole rest of the page), and tree
  walkers recurse. Tags past the limit are removed and their text kept, so
  a 100,000-level page still yields its words.
- code: ``<script>`` and ``<style>`` elements are removed (JSON-LD stays),
  so no extractor fallback can turn code into text.
- an unterminated comment or a page cut inside a tag: the parser's recovery
  is fine, but the record says so, since text may be missing.

Elements with a huge number of attributes and JSON-LD nested past the
recursion limit are bounded too (:mod:`newsclean.html.bounds`), and a page
the parser rejects is read as a fragment, or flat, never dropped.

Every change is reported as a warning; a page that needs none is returned
unchanged. The tag-by-tag nesting scan runs only for pages whose parsed
tree comes near the limit, so the common case costs one parse.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.entities import html5 as _HTML5_ENTITIES

from lxml import etree

from ..limits import limit_warning
from .bounds import cap_attributes, drop_deep_jsonld

_INTERNAL_SUBSET = re.compile(
    r"""<!DOCTYPE[^\[>]*\[(?:"[^"]*"|'[^']*'|[^"'\]])*\]\s*>""", re.IGNORECASE | re.DOTALL
)
_SUBSET_OPEN = re.compile(r"<!DOCTYPE[^\[>]*\[", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"""<!ENTITY\s+(?:%\s+)?([^\s"'>%;]+)[^>]*>""", re.IGNORECASE)
_ENTITY_REF = re.compile(r"&([A-Za-z_:][\w:.-]*);")
_CODE_START = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)
_CODE_END = {name: re.compile(f"</{name}\\s*>", re.IGNORECASE) for name in ("script", "style")}
_STRUCTURED_DATA = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)

#: Tags a flat reading of a page breaks paragraphs at, and markup it drops.
_FLAT_BREAK = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|td|th|article|section|blockquote|pre)\b[^>]*>", re.IGNORECASE)
_FLAT_DROP = re.compile(r"<!--.*?(?:-->|$)|<[^>]*>", re.DOTALL)

#: The start of a page trafilatura's loader searches for "html" (``is_dubious_html``).
_ROOT_WINDOW = 50

#: Trees this deep (or as deep as the limit, if lower) get the exact tag scan.
_DEPTH_GATE = 150

#: A tag, the start of a comment, or the start of a raw-text element's end.
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>")

#: Elements without content: they never add depth.
_VOID = frozenset({
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
})
#: Elements whose content is not markup: skipped to their end tag, never removed
#: (removing a ``<script>`` tag would turn its code into text).
_RAW_TEXT = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
})
#: Elements a browser closes when the same element opens again (``<p>a<p>b``).
_SELF_CLOSING_SIBLINGS = {
    "p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
    "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"},
}
#: Elements that close an open ``<p>`` (HTML's rule, which libxml2 follows).
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
})
#: Inline elements: removed without a trace; a removed block becomes a line break.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u", "var",
})


def load_defused(
    page: str, max_depth: int, parse: Callable[[str], etree._Element | None]
) -> tuple[etree._Element | None, list[str]]:
    """``page`` made harmless and parsed with ``parse``, plus warnings.

    The exact scan for deep nesting walks every tag in Python, which costs
    more than parsing; a parsed tree shows cheaply whether the page comes
    anywhere near the limit, so the scan (and a second parse) only runs for
    pages that do. libxml2 stops at 255 levels, past every allowed limit's gate.
    """
    page, warnings = defuse_markup(page)
    if "html" not in page[:_ROOT_WINDOW].lower():
        # trafilatura's loader rejects a page whose first 50 characters lack
        # "html" when its tree has one child (logging an error): a bare
        # fragment, such as a page of nested <div>s, gave an empty record.
        # The parser adds the root element anyway; written out, it is accepted.
        page = "<html>" + page
    tree = parse(page)
    if tree is None or _reaches_depth(tree, min(max_depth, _DEPTH_GATE)):
        # A page the parser rejects may be one it gave up on past 255 levels.
        flat, report = flatten_deep_markup(page, max_depth)
        if report:
            warnings[:0] = report
            page = flat
            tree = parse(flat)
    if tree is None:
        tree, how = parse_fallback(page, parse)
        warnings.append(how)
    return tree, warnings


def parse_fallback(page: str, parse: Callable[[str], etree._Element | None]) -> tuple[etree._Element | None, str]:
    """A tree for a page the parser rejected, and the warning saying how it was read.

    An empty record that looks clean must never stand for a page with words
    in it. The page is read again inside ``<html><body>``; if that fails
    too, its text is read flat, one paragraph per run of text between block
    tags, so the words are kept even when the markup is lost.
    """
    tree = parse(f"<html><body>{page}</body></html>")
    if tree is not None:
        return tree, "html: the parser rejected the page; read again inside <html><body>"
    blocks = (" ".join(html.unescape(_FLAT_DROP.sub(" ", block)).split()) for block in _FLAT_BREAK.split(page))
    paragraphs = "".join(f"<p>{html.escape(block)}</p>" for block in blocks if block)
    return parse(f"<html><body>{paragraphs}</body></html>"), (
        "html: the parser rejected the markup; the page's text was read flat, without its structure"
    )


def _reaches_depth(tree: etree._Element, depth: int) -> bool:
    """Whether some element sits ``depth`` levels below the root (the root is level 1)."""
    root = tree.getroottree().getroot()
    return bool(root.xpath("boolean(" + "/*" * depth + ")"))


def defuse_markup(page: str) -> tuple[str, list[str]]:
    """``page`` without a DTD internal subset or code, plus warnings; nesting is left to :func:`load_defused`."""
    warnings: list[str] = []
    page, declared = strip_internal_subset(page)
    if declared is not None:
        warnings.append(
            f"html: removed a DTD internal subset declaring {declared} entit{'y' if declared == 1 else 'ies'}"
            " (entities are never expanded)"
        )
    page = strip_code(page)
    for bound in (drop_deep_jsonld, cap_attributes):
        page, hit = bound(page)
        if hit:
            warnings.append(hit)
    if page.rfind("<!--") > page.rfind("-->"):
        warnings.append("html: unterminated comment; everything after it is a comment, not text")
    tail = page[-2000:]
    if tail.rfind("<") > tail.rfind(">"):
        warnings.append("html: the page ends inside a tag (cut off?)")
    return page, warnings


def strip_internal_subset(page: str) -> tuple[str, int | None]:
    """Remove a DOCTYPE's internal subset and references to the entities it declares.

    Returns the page and the number of entities declared, or ``None`` when
    there was no subset. References to standard HTML entities (``&nbsp;``)
    stay, since they mean the same without the subset.
    """
    head = page[:1_000_000]
    if "<!" not in head or not _SUBSET_OPEN.search(head):
        return page, None
    match = _INTERNAL_SUBSET.search(page)
    if match:
        names = set(_ENTITY_DECL.findall(match.group(0)))
        page = page[: match.start()] + "<!DOCTYPE html>" + page[match.end():]
    else:  # an unterminated subset: drop its opening and every declaration
        names = set(_ENTITY_DECL.findall(page))
        page = _ENTITY_DECL.sub("", _SUBSET_OPEN.sub("<!DOCTYPE html>", page, count=1))
    custom = {name for name in names if f"{name};" not in _HTML5_ENTITIES}
    if custom:
        page = _ENTITY_REF.sub(lambda m: "" if m.group(1) in custom else m.group(0), page)
    return page, len(names)


def strip_code(page: str) -> str:
    """Remove ``<script>`` and ``<style>`` elements, keeping JSON-LD (metadata reads it).

    Extractors drop code, but their recall fallbacks read a body's raw text,
    script included (trafilatura's ``favor_recall`` does). Removed here, code
    cannot reach the text by any path. An unterminated ``<script>`` runs to
    the end of the page, as in a browser. One pass, linear in the page.
    """
    if "<s" not in page and "<S" not in page:
        return page
    pieces: list[str] = []
    pos = 0
    while True:
        start = _CODE_START.search(page, pos)
        if start is None:
            break
        end = _CODE_END[start.group(1).lower()].search(page, start.end())
        stop = end.end() if end else len(page)
        keep = start.group(1).lower() == "script" and _STRUCTURED_DATA.search(start.group(2))
        pieces.append(page[pos:stop] if keep else page[pos : start.start()])
        pos = stop
    if not pieces:
        return page
    pieces.append(page[pos:])
    return "".join(pieces)


def flatten_deep_markup(page: str, max_depth: int) -> tuple[str, list[str]]:
    """Remove the tags of elements nested deeper than ``max_depth``, keeping their text.

    A linear scan keeps a stack of open elements modelled on the parser's
    (void elements add no depth, ``<p>``/``<li>`` close their open sibling,
    raw-text elements are skipped whole); a tag opening past the limit is
    removed together with its end tag.
    """
    if page.count("<") <= max_depth:
        return page, []  # too few tags to nest that deep: nothing to scan
    elements = _OpenElements(max_depth)
    removed: list[tuple[int, int, str]] = []  # (start, end, replacement)
    pos = 0
    while (match := _TAG.search(page, pos)) is not None:
        pos = match.end()
        if match.group(0) == "<!--":
            end = page.find("-->", pos)
            if end < 0:
                break  # an unterminated comment: reported by defuse_markup
            pos = end + 3
            continue
        closing, name = match.group(1), match.group(2).lower()
        if name in _RAW_TEXT and not closing:
            end = _find_end(page, name, pos)
            pos = len(page) if end < 0 else end
            continue
        if not closing and (name in _VOID or match.group(0).endswith("/>")):
            continue
        kept = elements.close(name) if closing else elements.open(name)
        if kept is False:
            removed.append((match.start(), match.end(), "" if name in _INLINE else "<br>"))
    if not removed:
        return page, []
    warning = limit_warning(
        "max_depth", max_depth, f"markup nested {elements.deepest} levels deep; {len(removed)} deeper tags removed, "
        "their text kept",
    )
    return _splice(page, removed), [warning]


class _OpenElements:
    """The stack of open elements as the parser would keep it, and how deep the kept ones reach."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.stack: list[tuple[str, bool]] = []  # (name, kept)
        self.open_counts: dict[str, int] = {}
        self.kept_depth = 0
        self.deepest = 0

    def _pop(self) -> tuple[str, bool]:
        top, kept = self.stack.pop()
        self.open_counts[top] -= 1
        self.kept_depth -= kept
        return top, kept

    def close(self, name: str) -> bool | None:
        """Close ``name`` and what is open inside it: whether its tags were kept (``None``: it was not open)."""
        if not self.open_counts.get(name):
            return None
        while self.stack:
            top, kept = self._pop()
            if top == name:
                return kept
        return None

    def open(self, name: str) -> bool:
        """Open ``name`` (closing the sibling it implies closed): whether its tags are kept."""
        siblings = _SELF_CLOSING_SIBLINGS.get(name)
        top = self.stack[-1][0] if self.stack else None
        if top is not None and ((siblings and top in siblings) or (name in _CLOSES_P and top == "p")):
            self._pop()
        keep = self.kept_depth < self.max_depth
        self.stack.append((name, keep))
        self.open_counts[name] = self.open_counts.get(name, 0) + 1
        self.kept_depth += keep
        self.deepest = max(self.deepest, len(self.stack))
        return keep


def _splice(page: str, removed: list[tuple[int, int, str]]) -> str:
    """``page`` with each removed tag replaced; a run of removed tags (100,000 ``<div>``s) leaves one break."""
    pieces: list[str] = []
    last = 0
    for start, end, replacement in removed:
        between = page[last:start]
        if pieces and not between.strip():
            pieces[-1] = pieces[-1] or replacement
        else:
            pieces.append(between)
            pieces.append(replacement)
        last = end
    pieces.append(page[last:])
    return "".join(pieces)


def _find_end(page: str, name: str, pos: int) -> int:
    """Where a raw-text element's end tag starts (case-insensitive), or -1."""
    found = re.compile(f"</{name}", re.IGNORECASE).search(page, pos)
    return found.start() if found else -1
