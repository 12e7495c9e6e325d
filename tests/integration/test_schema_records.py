"""Every record the fixture pages give validates against the JSON Schema shipped in the package."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import newsclean

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
#: Page inputs (not the expected-record JSON beside them).
PAGES = sorted(
    [*FIXTURES.glob("html/*.html.gz"), *FIXTURES.glob("pages/*.gz"), *FIXTURES.glob("markdown/*.md.gz"),
     *FIXTURES.glob("paywall/*"), *(ROOT / "seeds").glob("*.txt")]
)


@pytest.fixture(scope="module")
def validator() -> object:
    schema = json.loads(resources.files("newsclean").joinpath("schema/article.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_fixture_set_is_not_empty() -> None:
    assert len(PAGES) > 50


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_fixture_records_follow_the_schema(path: Path, validator: object) -> None:
    record = newsclean.clean_file(path).to_dict()
    errors = sorted(validator.iter_errors(record), key=str)  # type: ignore[attr-defined]
    assert not errors, [e.message for e in errors]


def test_html_reasons_table_and_bio_validate(validator: object) -> None:
    """The HTML path's own reasons (table rows, author bios) are in the schema's enum."""
    record = newsclean.Article(id="x", removed=[newsclean.Removed("table", "| a | b |"),
                                                newsclean.Removed("bio", "Jane Doe is a reporter.")])
    assert validator.is_valid(record.to_dict())  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["EN", "en-US", "en_GB"])
def test_a_language_option_in_any_case_gives_a_valid_record(language: str, validator: object) -> None:
    article = newsclean.clean_file(ROOT / "seeds" / "001_f2c2a30e7610bf0b.txt", language=language)
    assert article.language == "en"
    assert validator.is_valid(article.to_dict())  # type: ignore[attr-defined]
