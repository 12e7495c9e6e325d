"""Dev pages whose publication date needs the page's statements weighed (tests/fixtures/dates).

Each page is a real one from the dev sets, kept for one kind of disagreement
between its date statements; ``pages.json`` says which, with the day the
page was published. The day is what is pinned: the form (time, offset) may
follow a better statement of the same day.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "dates"
PAGES: dict[str, dict[str, str]] = json.loads((HERE / "pages.json").read_text(encoding="utf-8"))


def test_fixture_set_is_present() -> None:
    assert len(PAGES) >= 5
    assert all((HERE / f"{name}.html.gz").exists() for name in PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_published_day(name: str) -> None:
    page = PAGES[name]
    html = gzip.decompress((HERE / f"{name}.html.gz").read_bytes()).decode("utf-8")
    article = newsclean.clean(html, url=page["url"], input_format="html")
    assert (article.published or "")[:10] == page["published_day"], page["why"]
