"""A list-only article in a flattened dump: its items come back as fragments the lexicon names menu
entries; under a region that is a bare header they are the article. A short article's region, a menu
that comes back elsewhere on the page, and a page whose region is not a bare header stay as they are.

``fe_TheTelegraph_2`` is a real render of a dev page (tests/fixtures/region/README.md), flattened here as
the benchmark's flat mode flattens it.
"""

from __future__ import annotations

import gzip

import newsclean
from benchmarks.flatten import flatten
from newsclean.normalize.text import comparison_key
from newsclean.text.classify import Verdict
from newsclean.text.flat_list import flat_list_body, relabel
from newsclean.text.list_body import WARNING
from newsclean.text.segment import Block
from tests.region_pages import FIXTURES, norm

HEADER = ("Harbour town names the winners of its boat festival The regatta drew a record field this year "
          "By Staff Reporter 4 May 2024")
ITEMS = [f"{first} {last}" for first, last in zip(
    ["Anna", "Kate", "Lucy", "Jane", "Mary", "Ruth", "Emma", "Sara", "Nina", "Olga", "Vera", "Iris"],
    ["Miller", "Jones", "Brown", "Smith", "Green", "White", "Black", "Stone", "Wood", "Hill", "Ford", "Lane"],
    strict=True,
)]
HEADINGS = ["Best sailor", "Best crew", "Best boat", "Best newcomer"]


def _page(header: str, run: list[str], footer: list[str]) -> tuple[list[Block], list[Verdict], list[str]]:
    """A header line (read as prose), a topic label, ``run`` (named navigation), a teaser label, ``footer``."""
    texts = [header, "Topics", *run, "Related", *footer]
    blocks = [Block(index=i, text=t, line=i, gap_before=False) for i, t in enumerate(texts)]
    verdicts = [Verdict(category=None, prose=True, score=1.0),
                Verdict(category="section", prose=False, score=0.0),
                *(Verdict(category="navigation", prose=False, score=-1.0) for _ in run),
                Verdict(category="teaser", prose=False, score=-1.0),
                *(Verdict(category="navigation", prose=False, score=-1.0) for _ in footer)]
    return blocks, verdicts, [comparison_key(t) for t in texts]


def _list() -> list[str]:
    return [line for heading in HEADINGS for line in (heading, *ITEMS)]


def test_the_list_under_a_bare_header_is_the_article_and_its_lines_lose_their_labels() -> None:
    run = _list()
    blocks, verdicts, keys = _page(HEADER, run, ["Terms", "Privacy"])
    found = flat_list_body(blocks, verdicts, keys, (0, 1))
    assert found is not None
    assert (found.start, found.end) == (0, 2 + len(run))
    assert found.relabelled == frozenset(range(2, 2 + len(run)))
    relabelled = relabel(verdicts, found.relabelled)
    assert [v.category for v in relabelled[2:2 + len(run)]] == [None] * len(run)
    # The labels around the list stay: the topic label and the teaser box after it.
    assert relabelled[1].category == "section" and relabelled[2 + len(run)].category == "teaser"


def test_an_article_region_is_not_a_bare_header() -> None:
    article = " ".join(["The regatta drew a record field this year and the harbour was full of boats."] * 7)
    blocks, verdicts, keys = _page(article, _list(), ["Terms", "Privacy"])
    assert flat_list_body(blocks, verdicts, keys, (0, 1)) is None


def test_a_short_article_ending_in_its_stop_is_not_a_bare_header() -> None:
    # Two sentences of an interview's summary: the article, however short; what follows is the page's.
    summary = "The author talks about her novel and her years abroad. She speaks about hope and doubt."
    blocks, verdicts, keys = _page(summary, _list(), ["Terms", "Privacy"])
    assert flat_list_body(blocks, verdicts, keys, (0, 1)) is None


def test_a_menu_printed_again_in_the_footer_is_not_a_list() -> None:
    menu = ["World news", "Politics today", "Business desk", "Science and health", "Arts and culture",
            "Sport results", "Weather maps", "Travel guides", "Money advice", "Opinion pages"]
    blocks, verdicts, keys = _page(HEADER, menu, menu)
    assert flat_list_body(blocks, verdicts, keys, (0, 1)) is None


def test_a_short_run_under_the_header_is_not_enough() -> None:
    blocks, verdicts, keys = _page(HEADER, ITEMS[:6], ["Terms", "Privacy"])
    assert flat_list_body(blocks, verdicts, keys, (0, 1)) is None


def test_flattened_winners_list_is_the_body() -> None:
    with gzip.open(FIXTURES / "fe_TheTelegraph_2.soup.txt.gz", "rt", encoding="utf-8") as fh:
        text = flatten(fh.read())
    url = "https://www.telegraph.co.uk/music/artists/brit-awards-winners-list/"
    article = newsclean.clean(text, url=url, input_format="text")
    body = norm(article.text or "")
    assert WARNING in article.warnings
    # The standfirst under the headline stays, and the list joins it, names listed under several awards too.
    assert "Raye is nominated for a record seven awards" in body
    for name in ("Headie", "K-Trap", "Rudimental", "WINNER", "Sekou"):
        assert name in body
    assert body.count("Raye") >= 5
    for unwanted in ("License this content", "commenting policy", "More stories", "Going on tour without my kids"):
        assert unwanted not in body
