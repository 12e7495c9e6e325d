"""The page's one parse: trafilatura's loader with a cheaper element lookup.

trafilatura takes a parsed tree only as an ``lxml.html.HtmlElement`` and
parses strings with ``lxml.html``'s parser, whose element class lookup is a
Python method called every time Python touches a node (to pick a form
element's class by tag). Every walk newsclean makes over the tree pays that
call: over a million per hundred pages, a tenth of the HTML path. Nothing
here or in trafilatura uses the form classes, so this parser gives every
element the plain ``HtmlElement`` class through lxml's C-level default
lookup; the tree itself (its nodes, text and attributes) is the one
trafilatura's ``load_html`` builds, with the same parser options and the
same repairs and fallbacks, which a test checks against ``load_html`` on
real pages.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import is_dubious_html, repair_faulty_html


def _parser() -> HTMLParser:
    """trafilatura's ``HTML_PARSER`` options, with the default (C-level) class lookup."""
    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity,
    ))
    return parser


#: A parser holds no state between documents (lxml gives each parse its own context).
_PARSER = _parser()


def _from_bytes(page: str) -> etree._Element | None:
    try:
        return fromstring(page.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # lxml's own errors, as trafilatura's loader catches them
        return None


def parse_page(page: str) -> etree._Element | None:
    """The page's tree as ``trafilatura.utils.load_html(page)`` gives it, or ``None`` where it rejects the page.

    The same steps as that loader for a string: repair what libxml2
    mishandles, parse the string, parse its bytes when the string carries
    an encoding declaration or yields no tree, and reject a tree of one
    child from a page that does not look like HTML.
    """
    beginning = page[:50].lower()
    dubious = is_dubious_html(beginning)
    page = repair_faulty_html(page, beginning)
    tree: etree._Element | None = None
    from_bytes = False
    try:
        tree = fromstring(page, parser=_PARSER)
    except ValueError:  # a Unicode string with an encoding declaration
        tree, from_bytes = _from_bytes(page), True
    except Exception:  # lxml's parse errors (an empty document), which trafilatura's loader also catches
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(page)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree
