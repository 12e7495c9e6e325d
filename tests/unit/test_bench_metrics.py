"""The benchmark's body metric, checked against hand-computed values.

The harness must score exactly as the public article-extraction-benchmark does,
or our figures are not comparable with published ones; these exact values pin
its tokenisation, shingling, multiset counting, normalisation and averaging.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.metrics import (
    authors_f1,
    body_scores,
    date_match,
    norm_lines,
    page_f1,
    precision_score,
    recall_score,
    shingle_counts,
    shingles,
    title_match,
    tokenize,
)
from benchmarks.systems._wrap import text_to_html
from benchmarks.systems.c4 import c4_filter, keep_line

THIRD = 1 / 3


def test_tokenize_keeps_case_and_splits_on_non_word() -> None:
    assert tokenize("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"]
    assert tokenize("Grüße aus Köln") == ["Grüße", "aus", "Köln"]
    assert tokenize(None) == []


def test_shingles_are_word_4grams() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert shingles("one two") == Counter({("one", "two"): 1})
    assert shingles("  ,. ") == Counter()


def test_counts_are_normalised_by_their_sum() -> None:
    assert shingle_counts("a b c d e", "a b c d x") == pytest.approx((THIRD, THIRD, THIRD))


def test_counts_use_multisets() -> None:
    # true: abcd, bcda, cdab, dabc, abcd (abcd twice); pred: abcd once -> tp 1, fp 0, fn 4
    assert shingle_counts("a b c d a b c d", "a b c d") == pytest.approx((0.2, 0.0, 0.8))


def test_counts_are_case_sensitive() -> None:
    assert shingle_counts("A b c d", "a b c d") == pytest.approx((0.0, 0.5, 0.5))


def test_empty_sides() -> None:
    assert shingle_counts("a b c d", "") == (0.0, 0.0, 1.0)
    assert shingle_counts("", "a b c d") == (0.0, 1.0, 0.0)
    assert shingle_counts("", "") == (0.0, 0.0, 0.0)


def test_sentence_prefix() -> None:
    c = shingle_counts("The cat sat on the mat today", "The cat sat on the mat")
    assert c == pytest.approx((0.75, 0.0, 0.25))
    assert precision_score(*c) == 1.0
    assert recall_score(*c) == pytest.approx(0.75)
    assert page_f1(c) == pytest.approx(1.5 / 1.75)


def test_page_scores_edge_rules() -> None:
    assert precision_score(1.0, 0.0, 0.0) == 1.0
    assert recall_score(1.0, 0.0, 0.0) == 1.0
    assert precision_score(0.0, 0.0, 1.0) == 0.0
    assert recall_score(0.0, 1.0, 0.0) == 0.0
    assert page_f1((0.0, 0.0, 0.0)) == 1.0
    assert page_f1((0.0, 0.0, 1.0)) == 0.0


def test_set_scores_average_pages_then_take_f1() -> None:
    pages = [
        (THIRD, THIRD, THIRD),  # P 0.5, R 0.5
        (0.2, 0.0, 0.8),  # P 1.0, R 0.2
        (0.0, 0.0, 1.0),  # empty prediction: no precision, R 0
        (0.0, 0.0, 0.0),  # both empty: in neither mean
    ]
    s = body_scores(pages)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.7 / 3)
    assert s.f1 == pytest.approx(1.05 / 2.95)


def test_prediction_without_gold_counts_only_for_precision() -> None:
    s = body_scores([(0.0, 1.0, 0.0), (1.0, 0.0, 0.0)])
    assert (s.precision, s.recall) == pytest.approx((0.5, 1.0))
    assert s.f1 == pytest.approx(2 / 3)


def test_no_defined_mean_scores_zero() -> None:
    s = body_scores([(0.0, 0.0, 0.0)])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_title_match_normalises_unicode_quotes_space_and_case() -> None:
    assert title_match("\u201cHello\u201d  World\u2019s", '"hello" WORLD\'s')
    assert title_match("Ｆｕｌｌ width", "full width")
    assert not title_match("Hello World | Site", "Hello World")
    assert not title_match("Hello", None)


def test_title_match_ignores_invisible_format_characters() -> None:
    # A headline's soft hyphens and zero-width spaces are for line breaking, not part of what is read.
    assert title_match("Trump plant Helikopter\u00adlandeplatz", "Trump plant Helikopterlandeplatz")
    assert title_match("Deutsch\u00adland\u200b heute", "Deutschland heute")
    assert not title_match("Helikopter landeplatz", "Helikopterlandeplatz")


def test_date_match_compares_the_day() -> None:
    assert date_match("2024-03-01", "2024-03-01T23:10:00+01:00")
    assert not date_match("2024-03-01", "2024-03-02")
    assert not date_match("2024-03-01", None)


def test_authors_f1_on_name_sets() -> None:
    assert authors_f1(["Jane Doe", "John Roe"], ["jane doe ", " Someone"]) == pytest.approx(0.5)
    assert authors_f1(["Jane Doe"], ["JANE DOE", "jane doe"]) == 1.0
    assert authors_f1(["Jane Doe"], ["Jane Doe", "X", "Y"]) == pytest.approx(0.5)
    assert authors_f1(["Jane Doe"], []) == 0.0
    assert authors_f1(["Jane Doe"], None) == 0.0


def test_norm_lines_drops_blank_lines() -> None:
    assert norm_lines("A  b\n\n \u201cC\u201d\n") == ["a b", '"c"']


def test_c4_line_rule() -> None:
    assert keep_line("This is a perfectly fine sentence.")
    assert keep_line("He said it was \u201cover for good\u201d")
    assert not keep_line("Four words only here.")
    assert not keep_line("This line has no terminal punctuation mark")
    assert not keep_line("Please enable JavaScript to view this page.")
    assert not keep_line("This website uses cookies to improve your experience.")
    assert c4_filter("Menu\nThis is a perfectly fine sentence.\nShare") == (
        "This is a perfectly fine sentence."
    )


def test_text_to_html_wraps_and_escapes_lines() -> None:
    html = text_to_html("a < b\n\n  c & d  \n")
    assert "<p>a &lt; b</p>\n<p>c &amp; d</p>" in html
    assert html.count("<p>") == 2


def test_default_data_dir_is_beside_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.__main__ import parser
    from benchmarks.data import find_data_dir

    args = parser().parse_args([])
    assert args.data is None  # resolved by find_data_dir, not frozen at parse time
    assert (args.set, args.mode, args.systems) == ("all", "all", "all")
    checkout, shared = tmp_path / "newsclean", tmp_path / "shared" / "data"
    checkout.mkdir()
    shared.mkdir(parents=True)
    (shared / "fe.jsonl.gz").write_bytes(b"")
    monkeypatch.delenv("NEWSCLEAN_DATA", raising=False)
    monkeypatch.chdir(checkout)
    found, problem = find_data_dir(None, checkout, ["fe"])
    assert found == shared.resolve() and problem == ""


def test_missing_data_names_the_flag_and_the_places_tried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.__main__ import main

    monkeypatch.delenv("NEWSCLEAN_DATA", raising=False)
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert main(["--data", str(empty), "--set", "fe"]) == 2


def test_missing_data_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.data import find_data_dir

    monkeypatch.setenv("NEWSCLEAN_DATA", str(tmp_path / "env"))
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    found, problem = find_data_dir(None, tmp_path / "repo", ["fe", "fp-dev"])
    assert found is None
    assert "--data DIR" in problem and "fe.jsonl.gz" in problem
    assert str((tmp_path / "env").resolve()) in problem and str((tmp_path / "shared" / "data").resolve()) in problem


@pytest.mark.parametrize(
    "script", ["benchmarks.__main__", "benchmarks.coldstart", "benchmarks.invariance", "benchmarks.profile",
               "benchmarks.renderers", "benchmarks.throughput"],
)
def test_every_script_reports_missing_data_and_exits_2(
    script: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each script takes the shared ``--data`` flag and stops with status 2 and the same message when the
    folder lacks the sets, before any measuring starts."""
    import importlib

    main = importlib.import_module(script).main
    assert main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no data for set(s)" in err and "--data DIR" in err and str(tmp_path.resolve()) in err
