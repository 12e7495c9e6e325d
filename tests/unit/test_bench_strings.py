"""te-dev's string metric, checked against hand-computed values.

te-dev's gold is not a body but strings the main text must and must not contain
(shared/data/README.md). The harness must score them as trafilatura's own
evaluation does (whitespace-normalised, case-sensitive substring test; counts
pooled over all pages, then P, R and F1), or its figures are not comparable with
the published ones. Reader-comment strings are not scored.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import SETS, STRING_SETS
from benchmarks.data import Gold, Page, load_set
from benchmarks.metrics import StringCounts, norm_space, string_counts, string_page_f1, string_scores
from benchmarks.report import combined, missed_strings, table, worst
from benchmarks.runner import score


def test_te_dev_is_a_known_string_scored_set() -> None:
    assert "te-dev" in SETS and "te-dev" in STRING_SETS
    assert not {"fe", "fp-dev"} & STRING_SETS


def test_norm_space_collapses_every_kind_of_whitespace() -> None:
    assert norm_space("  a\n\tb\u00a0 c \u2003d ") == "a b c d"
    assert norm_space(None) == ""


def test_string_counts_whitespace_normalised_case_sensitive_substrings() -> None:
    text = "The cat sat\n on the   mat. Impressum"
    c = string_counts(
        ["the cat sat", "on the\nmat", "dog"],  # lower-case "the": missed; "on the mat": found; "dog": missed
        ["Impressum", "cat  sat"],  # both found: two false positives
        text,
    )
    assert c == StringCounts(tp=1, fp=2, fn=2, tn=0)


def test_string_counts_nbsp_in_output_matches_a_space_in_gold() -> None:
    assert string_counts(["Jane Doe"], ["Menu"], "by Jane\u00a0Doe") == StringCounts(tp=1, fp=0, fn=0, tn=1)


def test_empty_output_misses_every_must_and_avoids_every_must_not() -> None:
    assert string_counts(["a", "b"], ["c"], "") == StringCounts(tp=0, fp=0, fn=2, tn=1)
    assert string_counts(["a"], ["c"], None) == StringCounts(tp=0, fp=0, fn=1, tn=1)


def test_scores_pool_counts_over_pages_before_dividing() -> None:
    pages = [
        StringCounts(tp=3, fp=1, fn=0, tn=2),  # page P 0.75, R 1.0
        StringCounts(tp=0, fp=0, fn=2, tn=3),  # empty output: page R 0, no page P
    ]
    s = string_scores(pages)
    # pooled: tp 3, fp 1, fn 2 -> P 3/4, R 3/5, F1 2*3/(2*3+1+2) = 2/3 (averaging pages would give R 0.5)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * s.precision * s.recall / (s.precision + s.recall))


def test_scores_with_nothing_found_are_zero() -> None:
    assert string_scores([]) == string_scores([StringCounts(tn=3)])
    s = string_scores([StringCounts(fn=2, tn=1)])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_page_f1_ranks_pages() -> None:
    assert string_page_f1(StringCounts(tp=1, fp=1, fn=1)) == pytest.approx(0.5)
    assert string_page_f1(StringCounts(tp=0, fp=0, fn=3, tn=1)) == 0.0
    assert string_page_f1(StringCounts(tn=2)) == 1.0  # nothing to find, nothing leaked


def _te_page(ident: str, gold: Gold) -> Page:
    return Page(id=ident, set="te-dev", url=f"https://example.org/{ident}", gold=gold)


def _worker_result(outputs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    pages = [{"id": k, "seconds": 0.1, "error": None, **v} for k, v in outputs.items()]
    return {"skipped": None, "pages": pages, "peak_mb": 100.0, "delta_mb": 10.0}


def _te_row() -> Any:
    pages = [
        _te_page(
            "a",
            Gold(
                body="",
                title="A headline",
                date="2019-05-02",
                authors=["Jane Doe"],
                must_contain=("first line", "last line"),
                must_not_contain=("Impressum",),
                comments=("a reader wrote this",),
            ),
        ),
        # No title, date or authors annotated: the page counts for the strings only.
        _te_page("b", Gold(body="", must_contain=("only line",), must_not_contain=("Menu", "Login"))),
    ]
    res = _worker_result(
        {
            # The comment string is in the output: not scored either way.
            "a": {
                "text": "first line\nlast line\nImpressum\na reader wrote this",
                "title": "A headline",
                "date": "2019-05-03",
                "authors": ["Jane Doe"],
            },
            "b": {"text": "  \n", "title": "Something", "date": "2020-01-01", "authors": ["X"]},
        }
    )
    return score("trafilatura", "te-dev", "html", pages, res)


def test_score_uses_strings_on_te_dev_and_counts_empty_bodies() -> None:
    row = _te_row()
    # pooled: tp 2, fp 1 (Impressum), fn 1 (page b empty), tn 2
    assert row.metric == "strings"
    assert (row.precision, row.recall, row.f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert row.empty == 1
    assert [e["empty"] for e in row.per_page] == [False, True]
    assert row.per_page[0]["strings"] == {"tp": 2, "fp": 1, "fn": 0, "tn": 0}
    assert row.per_page[1]["strings"] == {"tp": 0, "fp": 0, "fn": 1, "tn": 2}
    assert row.per_page[1]["precision"] is None and row.per_page[1]["recall"] == 0.0


def test_score_skips_metadata_fields_without_gold() -> None:
    row = _te_row()
    # only page a has gold title, date, authors; page b's wrong values do not count
    assert (row.title, row.date, row.authors) == (1.0, 0.0, 1.0)
    assert "title_ok" not in row.per_page[1] and "date_ok" not in row.per_page[1]


def test_shingle_sets_keep_their_metric_and_count_empty_bodies() -> None:
    page = Page(id="f", set="fe", url="", gold=Gold(body="a b c d e"))
    row = score("keep-all", "fe", "html", [page], _worker_result({"f": {"text": ""}}))
    assert row.metric == "shingles" and row.empty == 1
    assert (row.precision, row.recall, row.f1) == (0.0, 0.0, 0.0)


def test_pooled_table_leaves_string_scored_rows_out() -> None:
    te = _te_row()
    page = Page(id="f", set="fe", url="", gold=Gold(body="a b c d e"))
    fe = score("trafilatura", "fe", "html", [page], _worker_result({"f": {"text": "a b c d e"}}))
    assert combined([te, fe])[("trafilatura", "html")]["f1"] == 1.0
    assert combined([te]) == {}
    header, _rule, line = table([te]).splitlines()
    assert header.split()[6] == "empty" and line.split()[6] == "1"


def test_worst_lists_missed_and_leaked_strings() -> None:
    te = _te_row()
    gold = Gold(body="", must_contain=("x  y", "z"), must_not_contain=("Menu", "Login"))
    assert missed_strings(gold, "x y Menu") == (["z"], ["Menu"])
    pages = {"te-dev": [_te_page("a", Gold(body="")), _te_page("b", Gold(body="", must_contain=("only line",)))]}
    out = worst([te], pages, 1, system="trafilatura")
    assert "mode html (string-scored sets)" in out
    assert "-- b [te-dev] F1=0.000" in out and "- only line" in out


def test_load_set_reads_with_without_and_comments(tmp_path: Path) -> None:
    row = {
        "id": "p1",
        "set": "te-dev",
        "url": "https://example.org/",
        "html": "<p>x</p>",
        "text": {"soup": "x", "inscriptis": "x"},
        "gold": {
            "body": None,
            "title": None,
            "date": None,
            "authors": None,
            "with": ["must one", "must two"],
            "without": ["never", " "],
            "comments": ["a comment"],
        },
    }
    with gzip.open(tmp_path / "te-dev.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    (page,) = load_set(tmp_path, "te-dev", modes=("soup",))
    assert page.gold.body == ""
    assert page.gold.must_contain == ("must one", "must two")
    assert page.gold.must_not_contain == ("never",)  # blank strings cannot be judged: dropped
    assert page.gold.comments == ("a comment",)
    assert (page.gold.title, page.gold.date, page.gold.authors) == (None, None, None)
    assert page.inputs == {"soup": "x"}


def test_a_date_only_peer_shows_no_body_figures() -> None:
    # htmldate returns a date and no body: its row scores the date, and its
    # body columns and empty count are '-' rather than zeros that look like figures.
    pages = [_te_page("a", Gold(body="", date="2019-05-02", must_contain=("first line",)))]
    row = score("htmldate", "te-dev", "html", pages, _worker_result({"a": {"text": "", "date": "2019-05-02"}}))
    assert not row.body and row.date == 1.0
    cells = table([row]).splitlines()[2].split()
    assert cells[3:7] == ["-", "-", "-", "-"] and cells[8] == "1.000"
    assert combined([row]) == {}
