"""Removal reasons: one enumeration, and the schema, docs, lexicons and options agree with it."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from newsclean.options import KEEP_ALIASES
from newsclean.record import REMOVAL_REASONS, Reason, Removed
from newsclean.text.lexicon import CATEGORY_ORDER, Lexicon

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_enum_is_the_enumeration() -> None:
    schema = json.loads(resources.files("newsclean").joinpath("schema/article.schema.json").read_text("utf-8"))
    assert schema["properties"]["removed"]["items"]["properties"]["reason"]["enum"] == [r.value for r in Reason]
    assert list(REMOVAL_REASONS) == [r.value for r in Reason]


def test_docs_name_every_reason_and_no_other() -> None:
    row = next(line for line in (ROOT / "docs" / "record.md").read_text("utf-8").splitlines()
               if line.startswith("| `removed` |"))
    listed = row.split("one of", 1)[1]
    named = re.findall(r"`([a-z_]+)`", listed)
    assert named == [r.value for r in Reason]


def test_every_classifier_category_is_a_reason() -> None:
    assert set(CATEGORY_ORDER) <= set(REMOVAL_REASONS)
    assert {c.category for c in Lexicon.load().categories} <= set(REMOVAL_REASONS)
    assert set(KEEP_ALIASES.values()) <= set(REMOVAL_REASONS)


def test_removed_takes_strings_checks_them_and_serialises_plain_values() -> None:
    removed = Removed("teaser", "More stories")  # type: ignore[arg-type]  # the JSON form's plain string
    assert removed.reason is Reason.TEASER and removed.reason == "teaser"
    assert str(removed.reason) == f"{removed.reason}" == "teaser"
    assert json.dumps(removed.to_dict()) == '{"reason": "teaser", "text": "More stories"}'
    with pytest.raises(ValueError, match="sidebar"):
        Removed("sidebar", "x")  # type: ignore[arg-type]  # deliberately not a reason
