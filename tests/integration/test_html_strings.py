"""Dev pages scored as trafilatura's evaluation scores them: strings the body must and must not hold.

te-dev has no gold body, only per-page strings (``with``, ``without``); each
fixture in ``tests/fixtures/html/strings`` is one such page and the case it
pins (``case``). The assertions are the gold strings themselves, whitespace
normalised as the benchmark compares them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "strings"
NAMES = sorted(p.name[: -len(".json")] for p in PAGES.glob("*.json"))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def test_fixture_set_is_present() -> None:
    assert len(NAMES) >= 3


@pytest.mark.parametrize("name", NAMES)
def test_page_holds_its_strings(name: str) -> None:
    record = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    page = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()).decode("utf-8")
    text = _squeeze(newsclean.clean(page, url=record["url"], input_format="html").text or "")
    missing = [s for s in record["with"] if _squeeze(s) not in text]
    noise = [s for s in record["without"] if _squeeze(s) in text]
    assert not missing, f"{record['case']}: body lacks {missing}"
    assert not noise, f"{record['case']}: body holds {noise}"
