"""Table-driven normalisation tests on real strings from the dev pages and the seeds.

Each table in ``tests/fixtures/normalize/`` holds cases harvested from the fp-dev pages (declared
values from meta tags, JSON-LD and ``<time>``, printed lines from the text renders) and from the
seed dumps; every case names its ``source``. Expected values were written by reading the strings:
for dates the ISO value the string denotes (an offset only where the string states one), for
headlines the page's gold title, for bylines the names the byline denotes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from newsclean.normalize.authors import normalize_authors
from newsclean.normalize.dates import country_from_url, parse_date
from newsclean.normalize.headlines import normalize_headline

TABLES = Path(__file__).resolve().parents[1] / "fixtures" / "normalize"
#: Norwegian pages declare "nb" or "no": one language.
_SAME_LANGUAGE = {"nb": "no", "nn": "no"}


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((TABLES / f"{name}.json").read_text("utf-8"))


DATES = _load("dates")
HEADLINES = _load("headlines")
BYLINES = _load("bylines")


def _languages(cases: list[dict[str, Any]]) -> set[str]:
    return {_SAME_LANGUAGE.get(c["language"], c["language"]) for c in cases if c.get("language")}


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [f"{i:03d} {c['source']}" for i, c in enumerate(cases)]


@pytest.mark.parametrize("case", DATES, ids=_ids(DATES))
def test_dates(case: dict[str, Any]) -> None:
    reference = dt.datetime.fromisoformat(case["reference"]) if "reference" in case else None
    parsed = parse_date(
        case["text"],
        language=case["language"],
        reference=reference,
        default_timezone=case.get("default_timezone"),
        country=country_from_url(case.get("url")),
    )
    assert parsed is not None, case["source"]
    assert parsed.iso == case["expected"], case["source"]


@pytest.mark.parametrize("case", HEADLINES, ids=_ids(HEADLINES))
def test_headlines(case: dict[str, Any]) -> None:
    headline = normalize_headline(
        case["text"], site_names=case.get("site_names"), url=case.get("url"), sections=case.get("sections")
    )
    assert headline == case["expected"], case["source"]


@pytest.mark.parametrize("case", BYLINES, ids=_ids(BYLINES))
def test_bylines(case: dict[str, Any]) -> None:
    assert normalize_authors(case["byline"]) == case["expected"], case["source"]


@pytest.mark.parametrize("table", [DATES, HEADLINES, BYLINES], ids=["dates", "headlines", "bylines"])
def test_every_case_names_where_it_came_from(table: list[dict[str, Any]]) -> None:
    for case in table:
        source = case.get("source", "")
        assert source.startswith(("fp-dev ", "seed ")) and ": " in source, case
        assert case.get("language"), case
    texts = [json.dumps([c.get("text", c.get("byline")), c.get("reference"), c.get("default_timezone")]) for c in table]
    assert len(texts) == len(set(texts)), "a case is listed twice"


def test_acceptance_table_sizes_and_languages() -> None:
    """The issue's acceptance: 150+ dates in 12+ languages, 60+ headlines, 40+ bylines."""
    assert len(DATES) >= 150
    assert len(_languages(DATES)) >= 12
    printed = [c for c in DATES if c["form"] == "printed"]
    assert len(_languages(printed)) >= 12, "printed forms (month names, numeric forms) in 12+ languages"
    assert {c["form"] for c in DATES} == {"declared", "printed"}
    assert any("reference" in c for c in DATES), "relative forms are covered"
    assert len(HEADLINES) >= 60
    assert len({c["source"].split(":")[0] for c in HEADLINES}) >= 40, "headlines from many sites"
    assert any(c["text"].strip() == c["expected"] for c in HEADLINES), "cases where nothing is stripped"
    assert len(BYLINES) >= 40
