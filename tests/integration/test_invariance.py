"""Invariance regressions: real fixture pages, transformed, must clean to the same body.

A few cases of ``python -m benchmarks.invariance`` (see docs/invariance.md),
kept only for transformations newsclean passes on the dev sets today. The
inserted teasers and second articles are other fixture pages' gold
paragraphs, so the tests need no dev-set data.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import pytest

import newsclean
from benchmarks import transforms as T
from tests.scoring import body_f1

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: (folder, name): an English page (fe) and a German one (fp-dev), both quick to clean.
PAGES = [("html", "OccupyDemocrats_1"), ("pages", "at_SalzburgerNachrichten_2026_01_06")]
#: Body F1 of the transformed output against the untransformed output must reach this.
TOLERANCE = 0.99


@cache
def _page(folder: str, name: str) -> tuple[str, str, str]:
    """(html, url, gold body) of one fixture page."""
    record = json.loads((FIXTURES / folder / f"{name}.json").read_text(encoding="utf-8"))
    gold = record.get("gold_body") or record["gold"]["body"]
    html = gzip.decompress((FIXTURES / folder / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return html, str(record["url"]), str(gold)


@cache
def _teasers(exclude: str) -> tuple[T.Teaser, ...]:
    """Other fixture pages as teaser material: first words as headline, gold paragraphs as text."""
    teasers = []
    for path in sorted([*(FIXTURES / "html").glob("*.json"), *(FIXTURES / "pages").glob("*.json")]):
        record = json.loads(path.read_text(encoding="utf-8"))
        gold = record.get("gold_body") or (record.get("gold") or {}).get("body")
        if path.stem == exclude or not isinstance(gold, str) or not gold.strip():
            continue
        paragraphs = tuple(p.strip() for p in gold.split("\n\n") if p.strip())
        title = (record.get("gold") or {}).get("title") or " ".join(paragraphs[0].split()[:10])
        teasers.append(T.Teaser(headline=title, paragraphs=paragraphs, url=str(record.get("url") or "")))
    return tuple(teasers)


@cache
def _clean(folder: str, name: str, transform: str) -> str:
    html, url, gold = _page(folder, name)
    if transform:
        html = T.TRANSFORMS[transform](html, T.Material(anchor=gold, teasers=_teasers(name), seed=17))
    return newsclean.clean(html, url=url, input_format="html").text


@pytest.mark.parametrize("transform", ["most-read", "no-metadata", "footer-first", "read-next"])
@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_body_survives_transformation(folder: str, name: str, transform: str) -> None:
    base = _clean(folder, name, "")
    assert base.strip()
    assert body_f1(_clean(folder, name, transform), base) >= TOLERANCE
