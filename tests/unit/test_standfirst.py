"""The standfirst under the headline joins the body over a strip of page furniture, a caption does not.

Real renders of dev pages (tests/fixtures/region/README.md): each case is a class the text
path's region search lost, or a paragraph the standfirst rule must not take.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "region"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _clean(name: str) -> tuple[str, dict[str, object]]:
    page = json.loads((_FIXTURES / f"{name}.json").read_text("utf-8"))
    with gzip.open(_FIXTURES / f"{name}.{page['mode']}.txt.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    article = newsclean.clean(text, url=page["url"], input_format="text")
    return _norm(article.text or ""), page["gold"]


@pytest.mark.parametrize(
    "name", ["te-dev_331d33cb10b41d17", "te-dev_5c85bc938c4da7dc", "te-dev_6f88f7f45b6fd0e2"]
)
def test_standfirst_above_a_furniture_strip_is_kept(name: str) -> None:
    body, gold = _clean(name)
    assert isinstance(gold["with"], list) and isinstance(gold["without"], list)
    for wanted in gold["with"]:
        assert _norm(wanted) in body
    for unwanted in gold["without"]:
        assert _norm(unwanted) not in body


def test_strip_between_standfirst_and_body_stays_out() -> None:
    # The subscription offer between the standfirst and the body is not article text.
    body, _ = _clean("te-dev_331d33cb10b41d17")
    assert "Jahresabo" not in body
    assert "Nur für Neukunden gültig" not in body


@pytest.mark.parametrize(
    ("name", "caption"),
    [
        ("fe_LATimes_0", "sits in the press box"),
        ("fp-dev_de_EuronewsDE_2026_01_06", "spricht während einer Sitzung des Sicherheitsrates"),
        ("fp-dev_uk_TheIndependent_2024_11_22", "Want to bookmark your favourite articles"),
    ],
)
def test_caption_or_appeal_under_the_header_stays_out(name: str, caption: str) -> None:
    body, gold = _clean(name)
    start = body.find(_norm(str(gold["body_start"]))[:80])
    assert start >= 0
    # Not taken as the lead: nothing of it before the article's first paragraph (a page may
    # print the same caption again under a photo inside the article).
    assert caption not in body[:start]
