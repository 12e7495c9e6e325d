"""te-dev text renders scored as the benchmark scores them: strings the body must and must not hold.

Each fixture in ``tests/fixtures/text/strings`` is one dev page's plain-text
render (``<id>.<mode>.txt.gz``: BeautifulSoup's or inscriptis's text, as
the dev set holds it) and the case it pins (``<id>.<mode>.json``). The
``with`` strings are the page's gold strings the case is about (or, where
the render lost them, what it kept of the article); ``without`` are its gold
must-not-contain strings. Compared whitespace-normalised, as the benchmark does.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "text" / "strings"
NAMES = sorted(p.name[: -len(".json")] for p in PAGES.glob("*.json"))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def test_fixture_set_is_present() -> None:
    assert len(NAMES) >= 5


@pytest.mark.parametrize("name", NAMES)
def test_render_holds_its_strings(name: str) -> None:
    record = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    dump = gzip.decompress((PAGES / f"{name}.txt.gz").read_bytes()).decode("utf-8")
    text = _squeeze(newsclean.clean(dump, url=record["url"], input_format="text").text or "")
    missing = [s for s in record["with"] if _squeeze(s) not in text]
    noise = [s for s in record["without"] if _squeeze(s) in text]
    assert text, f"{record['case']}: empty body"
    assert not missing, f"{record['case']}: body lacks {missing}"
    assert not noise, f"{record['case']}: body holds {noise}"
