from __future__ import annotations

import json
from importlib import resources

import pytest

from newsclean import SCHEMA_VERSION, Article, Embed, Removed
from newsclean.record import REMOVAL_REASONS


def _full() -> Article:
    return Article(
        id="abc", url="https://example.org/a", source="a.html", site_name="Example", title="T",
        description="D", authors=["A B"], published="2024-01-02T03:04+01:00", modified="2024-01-03",
        language="de", language_confidence=0.99, section="World", tags=["x", "y"], text="P1\n\nP2",
        word_count=2, top_image="https://example.org/i.jpg",
        embeds=[Embed("tweet", "hi", "pic.twitter.com/x", "@h", "H", "2024-01-01")],
        removed=[Removed("share", "Share")], warnings=["w"], input_format="html",
        fetched_at="2024-01-02T00:00:00", paywalled=True,
    )


def test_round_trip_dict_and_json_exactly() -> None:
    article = _full()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article
    assert Article.from_json(article.to_json()).to_json() == article.to_json()


def test_keys_follow_schema_order_and_version() -> None:
    data = _full().to_dict()
    assert list(data)[:3] == ["id", "url", "source"]
    assert data["schema_version"] == SCHEMA_VERSION
    assert json.loads(_full().to_json()) == data


def test_unknown_field_is_rejected() -> None:
    data = _full().to_dict()
    data["bogus"] = 1
    with pytest.raises(ValueError, match="bogus"):
        Article.from_dict(data)


def test_shipped_schema_matches_record_fields() -> None:
    schema = json.loads(resources.files("newsclean").joinpath("schema/article.schema.json").read_text())
    assert list(schema["properties"]) == list(_full().to_dict())
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["properties"]["removed"]["items"]["properties"]["reason"]["enum"] == list(REMOVAL_REASONS)
