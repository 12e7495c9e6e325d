"""The shipped gate facts are the ones the patterns' parses give, and a table for other code or Python is ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.text.gate_table import (
    default_table,
    facts_of,
    lexicon_sources,
    load_table,
    read_facts,
    table_key,
    write_table,
)
from newsclean.text.gates import new_case_fold
from newsclean.text.pattern_index import pattern_entries

_FOLD = new_case_fold()
pytestmark = pytest.mark.skipif(_FOLD is None, reason="no re internals: gates are off")

_PATTERNS = ("share( this)? article", r"\d{1,2} min(ute)?s? read", "[•|]+", "(?:cookie|Cookies) settings", "x")


def test_shipped_table_holds_every_lexicon_patterns_facts() -> None:
    table = load_table()
    assert table, "the gate table is stale (other Python or gate code): python -m tests.regenerate_tables"
    for source in lexicon_sources():
        assert source in table, f"not in the gate table: {source!r} (python -m tests.regenerate_tables)"
        assert facts_of(source, _FOLD, table) == read_facts(source, _FOLD), source


def test_table_round_trips_and_entries_match_the_read_ones(tmp_path: Path) -> None:
    path = tmp_path / "gates.json"
    write_table(_PATTERNS, _FOLD, path)
    table = load_table(path)
    assert sorted(table) == sorted(_PATTERNS)
    assert pattern_entries("meta", _PATTERNS, _FOLD, table) == pattern_entries("meta", _PATTERNS, _FOLD)
    digit = facts_of(r"\d{1,2} min(ute)?s? read", _FOLD, table)
    assert digit.bounds.needs_digit and digit.words == frozenset({" read"})
    again = tmp_path / "again.json"
    write_table(reversed(_PATTERNS), _FOLD, again)
    assert again.read_bytes() == path.read_bytes()  # deterministic


def test_table_for_another_key_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "gates.json"
    write_table(_PATTERNS, _FOLD, path)
    data = json.loads(path.read_text("utf-8"))
    data["key"] = {**table_key(), "code": "0" * 64}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_table(path) == {}
    path.write_text("{not json", encoding="utf-8")
    assert load_table(path) == {}
    assert load_table(tmp_path / "missing.json") == {}


def test_a_pattern_missing_or_garbled_in_the_table_is_read_from_its_parse(tmp_path: Path) -> None:
    table = {"share( this)? article": [["wrong"], [0, 0], None, False], "x": ["garbled"]}
    # A row that is present is trusted (the freshness test guards the shipped one); a garbled one is not.
    assert facts_of("share( this)? article", _FOLD, table).words == frozenset({"wrong"})
    assert facts_of("x", _FOLD, table) == read_facts("x", _FOLD)
    assert facts_of("[•|]+", _FOLD, table) == read_facts("[•|]+", _FOLD)
    assert facts_of("[•|]+", None, {"[•|]+": [["•"], [1, 1], None, False]}) == read_facts("[•|]+", None)


def test_shipped_table_path_is_inside_the_package() -> None:
    assert default_table().parent.name == "data" and default_table().parent.parent.name == "text"
