"""Real dev pages (copied into tests/fixtures/pages) through both paths.

Each page has its HTML, its two plain-text renders and the gold record. Each
fixture's ``floors`` are a little under the body F1 newsclean reaches today
per input form; a change that drops a page under its floor fails here before
it shows in the benchmark. Raise them when the cleaner improves. Every
record is also compared whole with the one pinned in ``expected/``
(:mod:`tests.golden`; ``python -m tests.regenerate`` rewrites them).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest

import newsclean
from tests.golden import Case, assert_expected_record
from tests.scoring import body_f1

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
NAMES = sorted(p.name[: -len(".json")] for p in PAGES.glob("*.json"))


def _key(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").replace("’", "'").casefold().split())


def _load(name: str) -> tuple[dict[str, object], dict[str, str]]:
    meta = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    inputs = {
        kind: gzip.decompress((PAGES / f"{name}.{suffix}.gz").read_bytes()).decode("utf-8")
        for kind, suffix in (("html", "html"), ("soup", "soup.txt"), ("inscriptis", "inscriptis.txt"))
    }
    return meta, inputs


def test_fixture_set_is_present() -> None:
    assert len(NAMES) >= 4


@pytest.mark.parametrize("name", NAMES)
def test_html_path_fields(name: str) -> None:
    meta, inputs = _load(name)
    gold = meta["gold"]
    assert isinstance(gold, dict)
    article = newsclean.clean(inputs["html"], url=str(meta["url"]))
    assert article.input_format == "html"
    assert body_f1(article.text, gold["body"]) >= meta["floors"]["html"]  # type: ignore[index]
    assert "<" not in article.text or "<p" not in article.text
    if gold.get("title"):
        assert _key(article.title) == _key(gold["title"])
    if gold.get("date"):
        assert article.published and article.published[:10] == gold["date"]
    if gold.get("authors"):
        assert {a.casefold() for a in article.authors} & {a.casefold() for a in gold["authors"]}
    assert_expected_record(Case("pages", name, "html"), article)


@pytest.mark.parametrize("render", ["soup", "inscriptis"])
@pytest.mark.parametrize("name", NAMES)
def test_text_path_body(name: str, render: str) -> None:
    meta, inputs = _load(name)
    gold = meta["gold"]
    assert isinstance(gold, dict)
    article = newsclean.clean(inputs[render], url=str(meta["url"]), input_format="text")
    assert article.input_format == "text"
    assert body_f1(article.text, gold["body"]) >= meta["floors"][render], article.text[:500]  # type: ignore[index]
    assert article.removed
    assert "<p" not in article.text and "<div" not in article.text
    assert_expected_record(Case("pages", name, render), article)
