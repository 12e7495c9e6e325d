"""The stepwise trafilatura pass: the document ``bare_extraction`` returns, from fewer tree copies."""

from __future__ import annotations

import gzip
from copy import copy
from pathlib import Path
from typing import Any

import pytest
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.baseline import html2txt

from newsclean.html import trafilatura_pass as tp
from newsclean.html import trafilatura_steps as ts
from newsclean.html.parse import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(path.name.removesuffix(".html.gz") for path in FIXTURES.glob("*.html.gz"))
#: The option sets the HTML path runs: pass 1, the recall pass, comments kept, precision asked for.
RUNS: tuple[dict[str, bool], ...] = (
    {"comments": False, "recall": False, "precision": False, "fast": True},
    {"comments": False, "recall": True, "precision": False, "fast": False},
    {"comments": True, "recall": False, "precision": False, "fast": True},
    {"comments": False, "recall": False, "precision": True, "fast": True},
)

_PROSE = "The council met on Tuesday evening and agreed a new budget for the coming year after a long debate. "
#: Pages built to reach trafilatura's later stages: a short story in a long page
#: (the recall escalation), a stub (the baseline rescue), a reader-comment
#: section, a forum thread whose posts sit in comment containers.
BUILT: dict[str, str] = {
    "escalation": (
        "<html><body><div class='grid'>"
        + "".join(f"<div class='card'><span>{_PROSE}{_PROSE}</span></div>" for _ in range(30))
        + "</div><article><p>" + _PROSE * 4 + "</p></article></body></html>"
    ),
    "stub": "<html><body><div><p>Short note.</p></div><div>" + _PROSE * 2 + "</div></body></html>",
    "comments": (
        "<html><body><article><p>" + _PROSE * 4 + "</p><p>" + _PROSE * 3 + "</p></article>"
        "<div class='comments'><ul class='comment-list'><li><p>A reader says this budget is far too small for"
        " the town.</p></li><li><p>Another reader thanks the council for its careful and open work.</p></li>"
        "</ul></div></body></html>"
    ),
    "forum": (
        "<html><head><script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\"}</script>"
        "</head><body><h1>Budget thread</h1><div class='comments'>"
        + "".join(f"<div class='comment'><p>Post {i}: {_PROSE}</p></div>" for i in range(5))
        + "</div></body></html>"
    ),
}


def _fixture(name: str) -> HtmlElement:
    tree = parse_page(gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8"))
    assert isinstance(tree, HtmlElement)
    return tree


def _built(name: str) -> HtmlElement:
    tree = parse_page(BUILT[name])
    assert isinstance(tree, HtmlElement)
    return tree


def _fields(document: Any) -> tuple[Any, ...] | None:
    if document is None:
        return None
    body = etree.tostring(document.body, encoding="unicode")
    return document.text, document.comments, document.raw_text, body


def test_available_on_the_trafilatura_it_mirrors() -> None:
    # The files' fingerprints are those of 2.3.1: there the stepwise pass must run.
    if trafilatura.__version__ != "2.3.1":
        pytest.skip(f"trafilatura {trafilatura.__version__}: the mirrored steps are checked against 2.3.1")
    assert ts.AVAILABLE


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("run", RUNS, ids=["pass1", "recall", "comments", "precision"])
def test_stepwise_pass_is_bare_extraction_on_fixture_pages(name: str, run: dict[str, bool]) -> None:
    tree = _fixture(name)
    before = etree.tostring(tree)
    url = f"https://example.org/news/{name}"
    stepwise = tp.stepwise_pass(tree, url, **run)
    assert _fields(stepwise) == _fields(tp.run_pass_bare(tree, url, **run))
    assert etree.tostring(tree) == before  # the caller's tree is never changed


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", sorted(BUILT))
@pytest.mark.parametrize("run", RUNS, ids=["pass1", "recall", "comments", "precision"])
def test_stepwise_pass_is_bare_extraction_on_built_pages(name: str, run: dict[str, bool]) -> None:
    tree = _built(name)
    before = etree.tostring(tree)
    url = "https://example.org/news/story"
    assert _fields(tp.stepwise_pass(tree, url, **run)) == _fields(tp.run_pass_bare(tree, url, **run))
    assert etree.tostring(tree) == before


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", ["comments", "escalation"])
def test_passes_sharing_readings_are_bare_extraction(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pass 1 then the recall pass, as the HTML path runs them: the second reuses the first's readings.
    tree = _built(name)
    url = "https://example.org/news/story"
    readings = tp.TreeReadings(tree)
    forum_checks: list[int] = []
    steps = dict(tp._T or {})
    monkeypatch.setitem(steps, "_forum_thread_page",
                        lambda t, _f=steps["_forum_thread_page"]: forum_checks.append(1) or _f(t))
    monkeypatch.setattr(tp, "_T", steps)
    for run in RUNS[:2]:
        got = tp.run_pass(tree, url, readings=readings, **run)
        assert _fields(got) == _fields(tp.run_pass_bare(tree, url, **run))
    assert len(forum_checks) == 1


def _prune_lists() -> list[list[Any]]:
    assert tp._T is not None
    return [tp._T["RAW_TREE_PRUNE_XPATH"], tp._T["REMOVE_COMMENTS_AND_LISTS_XPATH"]]


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", [*BUILT, *PAGES])
def test_readings_prune_as_trafilatura_does(name: str) -> None:
    assert tp._T is not None
    tree = _built(name) if name in BUILT else _fixture(name)
    before = etree.tostring(tree)
    for lists in (_prune_lists(), _prune_lists()[:1]):
        expected = copy(tree)
        for nodelist in lists:
            expected = tp._T["prune_unwanted_nodes"](expected, nodelist)
        got = tp.TreeReadings(tree).pruned(lists)
        assert etree.tostring(got) == etree.tostring(expected)
    assert etree.tostring(tree) == before


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
def test_readings_search_once_and_copy_only_when_something_matches() -> None:
    searches: list[int] = []

    def counted(expression: Any) -> Any:
        return lambda t: searches.append(1) or expression(t)

    lists = [[counted(e) for e in nodelist] for nodelist in _prune_lists()]
    total = sum(map(len, lists))
    # A comment section: a pruned copy, the readings' tree untouched, the same copy for the next pass.
    readings = tp.TreeReadings(_built("comments"))
    first = readings.pruned(lists)
    assert first is not readings.tree
    assert "comment-list" not in etree.tostring(first, encoding="unicode")
    assert "comment-list" in etree.tostring(readings.tree, encoding="unicode")
    assert readings.pruned(lists) is first
    assert len(searches) == total
    # Nothing to prune: no copy at all, and no second search.
    searches.clear()
    readings = tp.TreeReadings(_built("stub"))
    assert readings.pruned(lists) is readings.tree
    assert readings.pruned(lists) is readings.tree
    assert len(searches) == total


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
def test_built_pages_reach_the_stages_they_are_built_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # Otherwise the comparisons above would not cover the escalation and the rescue.
    seen: list[str] = []
    steps = dict(tp._T or {})
    for name in ("baseline", "html2txt"):
        monkeypatch.setitem(steps, name, lambda *a, _f=steps[name], _n=name: seen.append(_n) or _f(*a))
    monkeypatch.setattr(tp, "_T", steps)
    monkeypatch.setattr(tp, "page_text_bound", lambda tree: 10**9)  # always render the page
    monkeypatch.setattr(tp, "page_text_floor", lambda tree: 0)
    tp.stepwise_pass(_built("escalation"), "https://example.org/a", **RUNS[0])
    assert seen == ["html2txt"]
    seen.clear()
    tp.stepwise_pass(_built("stub"), "https://example.org/a", **RUNS[0])
    assert seen[0] == "baseline"


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", PAGES + sorted(BUILT))
def test_page_text_bound_is_never_below_the_render(name: str) -> None:
    tree = _built(name) if name in BUILT else _fixture(name)
    assert tp.page_text_bound(tree) >= len(html2txt(tree))


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("markup", [
    # block spacing splits words glued by minified markup; a script's words straddle its edges
    "<html><body><div>a</div><div>b</div><p>c<br>d</p></body></html>",
    "<html><body><p>x<script>y z w</script>v</p><p>u<style>p {color: red}</style>t</p></body></html>",
    "<html><body><aside>gone</aside><div class='footer'>gone too</div>kept\x0b text</body></html>",
    "<html><p>no body element at all</p></html>",
])
def test_page_text_bound_holds_on_edge_cases(markup: str) -> None:
    tree = parse_page(markup)
    assert isinstance(tree, HtmlElement)
    assert tp.page_text_bound(tree) >= len(html2txt(tree))


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
def test_page_text_bound_leaves_scripts_out() -> None:
    # A page of scripts renders to nothing; its bound must not count them, or it would never decide.
    script = "<script>" + "var x = 1; " * 500 + "</script>"
    tree = parse_page(f"<html><head>{script}</head><body>{script}<p>{_PROSE}</p></body></html>")
    assert isinstance(tree, HtmlElement)
    assert tp.page_text_bound(tree) < 2 * len(_PROSE)


def test_run_pass_falls_back_to_bare_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(tp, "_T", None)
    monkeypatch.setattr(tp, "bare_extraction", lambda tree, **kwargs: calls.append(kwargs) or "bare")
    assert tp.run_pass(_built("stub"), "https://example.org/a", **RUNS[1]) == "bare"
    assert calls and calls[0]["favor_recall"] and not calls[0]["fast"] and not calls[0]["with_metadata"]


def test_a_changed_file_turns_the_steps_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ts._MIRRORED, "core", "0" * 16)
    assert ts._load() is None


def test_a_changed_signature_turns_the_steps_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ts._STEPS, "extract_content", ("main_extractor", ("tree", "options", "extra")))
    assert ts._load() is None


def test_a_missing_step_turns_the_steps_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ts._STEPS, "no_such_step", ("core", ("tree",)))
    assert ts._load() is None


@pytest.mark.skipif(not ts.AVAILABLE, reason="trafilatura's steps changed; passes run bare_extraction")
@pytest.mark.parametrize("name", ["escalation", "comments", "us_TheNewYorker_2023_05_16"])
def test_covers_little_is_trafilaturas_share_test(name: str) -> None:
    # Right at trafilatura's threshold, where a bound that undercounts would decide wrongly.
    tree = _built(name) if name in BUILT else _fixture(name)
    limit = 0.2 * len(html2txt(tree))
    below, at = int(limit) - 1 if limit == int(limit) else int(limit), int(limit) + 1
    assert tp._covers_little("x" * below, tree)
    assert not tp._covers_little("x" * at, tree)
