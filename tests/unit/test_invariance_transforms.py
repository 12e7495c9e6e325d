"""The invariance transformations (benchmarks/transforms.py) on a small hand-written page.

Each one must do what its docstring says and keep every paragraph of the
article, in order, in the transformed page.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import pytest

from benchmarks import transforms as T

ARTICLE = [
    "The city council voted on Tuesday to turn the old harbour warehouses into a public library.",
    "Construction is expected to start next spring and to last about two years, officials said.",
    "Residents had campaigned for a decade to keep the buildings from being demolished.",
    "The library will also house a small museum of the port's history.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour warehouses to become library | The Daily Example</title>
<meta property="og:title" content="Harbour warehouses to become library">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<meta name="description" content="Council vote">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Harbour"}}</script>
<script>var tracking = 1;</script>
</head><body class="page home" id="top">
<header class="site-header"><nav id="main-nav"><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main class="content"><article class="story" id="story-1">
<h1 class="headline">Harbour warehouses to become library</h1>
<div class="story-body">{"".join(f"<p>{p}</p>" for p in ARTICLE)}</div>
</article></main>
<footer class="site-footer" id="footer"><p>© 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>"""

TEASERS = tuple(
    T.Teaser(
        headline=f"Headline number {i}: storm closes ferry line {i}",
        paragraphs=(
            f"Ferry line {i} was closed on Monday after a storm damaged the pier at the northern end.",
            f"Passengers of line {i} were told to take the bus until repairs are finished.",
            "Engineers will inspect the pier on Wednesday.",
        ),
        url=f"https://example.org/ferry-{i}",
    )
    for i in range(16)
)
MATERIAL = T.Material(anchor="\n\n".join(ARTICLE), teasers=TEASERS, seed=7)


def _tree(html: str) -> lxml.html.HtmlElement:
    return T.parse(html)


def _keeps_article(html: str) -> None:
    text = " ".join(_tree(html).text_content().split())
    positions = [text.find(p) for p in ARTICLE]
    assert all(pos >= 0 for pos in positions), "a paragraph of the article was lost"
    assert positions == sorted(positions), "the article's paragraphs changed order"


@pytest.mark.parametrize("anchor", ["\n\n".join(ARTICLE), ""])
def test_find_container_with_and_without_anchor(anchor: str) -> None:
    container = T.find_container(_tree(PAGE), anchor)
    assert container.get("class") == "story-body"
    assert T.article_root(container).tag == "article"


@pytest.mark.parametrize("name", list(T.TRANSFORMS))
def test_every_transformation_keeps_the_article_and_is_deterministic(name: str) -> None:
    out = T.TRANSFORMS[name](PAGE, MATERIAL)
    _keeps_article(out)
    assert out == T.TRANSFORMS[name](PAGE, MATERIAL)
    assert out != PAGE


def test_layout_table_wraps_the_container_in_a_table_cell() -> None:
    out = _tree(T.wrap_in_layout_table(PAGE, MATERIAL))
    body = out.find_class("story-body")[0]
    cell = body.getparent()
    assert cell.tag == "td"
    assert [a.tag for a in cell.iterancestors()][:3] == ["tr", "tbody", "table"]
    assert cell.getparent().getparent().getparent().getparent().tag == "article"


def test_most_read_and_ten_teasers_go_before_the_article() -> None:
    out = _tree(T.insert_teasers(PAGE, MATERIAL))
    article = out.find(".//article")
    block = article.getprevious()
    assert block is not None and "Most read" in block.text_content()
    assert len(block.findall(".//ol/li")) == 5
    rail = block.find(".//aside")
    assert rail is not None and len(rail.findall(".//h3")) == 10
    headlines = [h.text_content() for h in rail.findall(".//h3")]
    assert headlines == [t.headline for t in TEASERS[5:15]]


def test_no_metadata_removes_json_ld_and_opengraph_only() -> None:
    out = T.remove_structured_metadata(PAGE, MATERIAL)
    tree = _tree(out)
    assert not tree.xpath("//script[@type='application/ld+json']")
    assert not tree.xpath("//meta[starts-with(@property, 'og:') or starts-with(@property, 'article:')]")
    assert tree.xpath("//meta[@name='description']")
    assert "var tracking" in out
    assert tree.findtext(".//title").startswith("Harbour")


def _class_and_id_names(tree: Any) -> set[str]:
    return {n for el in tree.iter() for n in [*(el.get("class") or "").split(), el.get("id") or ""] if n}


def test_random_classes_replaces_every_name_consistently() -> None:
    original = _tree(PAGE)
    out = _tree(T.randomise_class_and_id(PAGE, MATERIAL))
    names, new = _class_and_id_names(original), _class_and_id_names(out)
    assert names and not names & new
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]{5,8}", n) for n in new)
    # The same structure: the element that had "story-body" still holds the paragraphs.
    assert len(out.xpath("//article/div[@class]/p")) == len(ARTICLE)
    other_seed = T.randomise_class_and_id(PAGE, T.Material(anchor=MATERIAL.anchor, seed=8))
    assert other_seed != T.randomise_class_and_id(PAGE, MATERIAL)


def test_footer_first_moves_the_site_footer_before_the_article() -> None:
    out = _tree(T.move_footer_above(PAGE, MATERIAL))
    footers = out.findall(".//footer")
    assert len(footers) == 1
    assert footers[0].getnext().tag == "article"
    assert "rights reserved" in footers[0].text_content()


def test_footer_first_leaves_a_page_without_footer_unchanged() -> None:
    page = re.sub(r"<footer.*</footer>", "", PAGE, flags=re.S)
    assert T.move_footer_above(page, MATERIAL) == page


def test_read_next_appends_a_shorter_article_after_a_heading() -> None:
    out = _tree(T.append_read_next(PAGE, MATERIAL))
    articles = out.findall(".//article")
    assert len(articles) == 2
    first, second = articles
    block = second.getparent()
    assert block.getprevious() is first
    assert block.findtext("h2") == "Read next"
    assert TEASERS[0].headline in second.text_content()
    assert len(second.findall("p")) >= 1
    second_text = "".join(p.text_content() for p in second.findall("p"))
    assert len(re.sub(r"\s", "", second_text)) < len(re.sub(r"\s", "", MATERIAL.anchor))


@pytest.mark.parametrize("word", ["word", "日本語の文章です。"])
def test_second_article_stays_under_half_the_first(word: str) -> None:
    """Length counts characters, so a Japanese second article is as short as an English one."""
    teaser = T.Teaser("Long story", tuple(" ".join([word] * 40) if word == "word" else word * 10 for _ in range(3)))
    _headline, paragraphs = T.second_article(teaser, anchor_length=400)
    assert sum(len(re.sub(r"\s", "", p.rstrip(" …"))) for p in paragraphs) <= 200
    assert paragraphs[0] == teaser.paragraphs[0]


def test_xml_declaration_and_container_as_body() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>' + ARTICLE[0] + "</p></body></html>"
    material = T.Material(anchor=ARTICLE[0], teasers=TEASERS, seed=1)
    for fn in T.TRANSFORMS.values():
        assert ARTICLE[0] in " ".join(_tree(fn(page, material)).text_content().split())
