"""trafilatura's byline, category and tag searches from one walk (html/markup_guesses.py).

Each answer must be the one ``trafilatura.metadata.extract_author`` and
``extract_catstags`` give on the same tree: on every fixture page, and on
pages written to reach each branch (a byline holding a pruned date, boxes
inside boxes, a relative page whose elements trafilatura reads its own way).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from trafilatura import metadata as trafilatura_metadata

from newsclean.html import markup_guesses
from newsclean.html.markup_guesses import MarkupGuesses
from newsclean.html.parse import parse_page

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_PAGES = sorted(_FIXTURES.rglob("*.html.gz")) + sorted(_FIXTURES.rglob("*.html"))

#: A byline whose date trafilatura prunes before reading it, in a page with comments and a figure.
_BYLINE_WITH_DATE = """<html><head><title>Vote</title></head><body><article>
<figure><span class="author">Photo Desk</span></figure>
<div class="byline">By<time>5 March 2024</time>Jane Smith<span class="sidebar">share</span> and Tom Lee</div>
<p>The council voted on Tuesday.</p>
<div id="comments"><span class="author-name">Commenter Joe</span></div>
</article></body></html>"""

#: Category links in a box inside another box, tag links after them, a link that is no category.
_BOXES = """<html><head><title>Vote</title><meta property="article:section" content="Politics"></head><body>
<div class="post-meta">Filed in <a href="/category/city/">City</a>
<div class="meta-inner"><a href="/category/council/">Council</a> <a href="/about/">About</a></div>
<a href="/categories/votes/">Votes</a></div>
<div class="tags"><a href="/tag/bridge/">bridge</a><a href="/tags/river">river</a><a href="/tags/river/">river</a></div>
<p>The council voted on Tuesday.</p></body></html>"""

#: Only the meta fallback names a category; a rel element makes trafilatura read a child's text.
_FALLBACKS = """<html><head><title>Vote</title><meta name="dc.subject" content="Local news"></head><body>
<p><rel>me</rel>Signed, the editor</p><span class="writer">Ann Writer</span></body></html>"""


def _tree(html: str) -> etree._Element:
    tree = parse_page(html)
    assert tree is not None
    return tree


def _same_as_trafilatura(tree: etree._Element) -> tuple[str | None, list[str], list[str]]:
    guesses = MarkupGuesses(tree)
    found = (guesses.author(), guesses.catstags("category"), guesses.catstags("tag"))
    expected = (
        trafilatura_metadata.extract_author(tree),
        trafilatura_metadata.extract_catstags("category", tree),
        trafilatura_metadata.extract_catstags("tag", tree),
    )
    assert found == expected
    return found


def test_the_installed_trafilatura_is_the_mirrored_one() -> None:
    # Otherwise every answer below comes from trafilatura itself and the mirror goes untested.
    assert markup_guesses.MIRRORED


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_fixture_pages_get_trafilaturas_answers(path: Path) -> None:
    raw = path.read_bytes()
    tree = parse_page((gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace"))
    if tree is None:
        pytest.skip("not a page (a fixture of the input sniffer)")
    _same_as_trafilatura(tree)


def test_a_byline_is_read_without_the_date_and_boxes_trafilatura_prunes() -> None:
    author, _, _ = _same_as_trafilatura(_tree(_BYLINE_WITH_DATE))
    # The figure's and the comment's names are pruned; so are the date and the share box inside
    # the byline, whose tails trafilatura joins to the text before them ("By" + "Jane Smith").
    assert author == "ByJane Smith; Tom Lee"


def test_category_and_tag_links_come_once_in_page_order() -> None:
    _, categories, tags = _same_as_trafilatura(_tree(_BOXES))
    assert categories == ["City", "Council", "Votes"]
    assert tags == ["bridge", "river"]


def test_fallbacks_and_unusual_markup_give_trafilaturas_answers() -> None:
    author, categories, tags = _same_as_trafilatura(_tree(_FALLBACKS))
    assert categories == ["Local news"]
    assert tags == []
    # The paragraph holding <rel>me</rel> matches trafilatura's first byline expression.
    assert author == "Me Signed; The Editor"


def test_an_element_below_the_root_is_read_as_trafilatura_reads_it() -> None:
    body = _tree(_BOXES).find(".//body")
    assert body is not None
    _same_as_trafilatura(body)
