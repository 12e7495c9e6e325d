"""The golden fixture sets are complete: every input has its whole expected record, and no record is stale.

The records themselves are compared where each set's inputs are cleaned
(test_html_pages, test_pages, test_markdown_pages), so each page is cleaned
once per form; this checks only that no input goes unpinned and that no
expected file outlives its input (``python -m tests.regenerate`` writes them).
"""

from __future__ import annotations

import json

import pytest

from tests.golden import FIXTURES, cases
from tests.regenerate import main as regenerate


def test_every_fixture_input_has_an_expected_record_and_none_is_left_over() -> None:
    wanted = {case.expected_path for case in cases()}
    found = {path for folder in ("html", "pages", "markdown")
             for path in (FIXTURES / folder / "expected").glob("*.json")}
    assert wanted == found, {"missing": sorted(map(str, wanted - found)), "stale": sorted(map(str, found - wanted))}
    assert {case.set for case in cases()} == {"html", "pages", "markdown"}


def test_an_expected_record_is_complete() -> None:
    """All fields, also the ones no gold value checks (a page with no gold fields still pins every one)."""
    case = next(c for c in cases() if c.name == "CNBC_4")
    record = json.loads(case.expected_path.read_text(encoding="utf-8"))
    assert record["title"] and record["published"] and record["text"] and "removed" in record
    assert set(record) >= {"id", "url", "site_name", "authors", "language", "tags", "warnings", "schema_version"}


def test_regeneration_rejects_an_unknown_set() -> None:
    with pytest.raises(SystemExit) as stopped:
        regenerate(["nosuchset"])
    assert stopped.value.code == 2
