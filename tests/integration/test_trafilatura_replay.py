"""The guard on what the HTML path borrows from trafilatura's internals.

``newsclean.html.extract._Guesses`` replays the steps of trafilatura's
``extract_metadata`` one field at a time (so a page that states its own
fields never pays for the byline or tag searches), importing
``trafilatura.metadata`` and ``trafilatura.settings`` internals. Those can
change in any release; ``pyproject.toml`` pins the range this replay was
tested against, and this test fails when, on the fixture pages, a replayed
field differs from the one trafilatura's own
``bare_extraction(with_metadata=True)`` gives: the sign to re-read
trafilatura's metadata code before widening the pin.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from newsclean.html import extract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: Every fixture page with its HTML: the HTML path's golden pages and the pages of both paths.
PAGES = sorted(
    (folder, path.name[: -len(".json")])
    for folder in ("html", "pages")
    for path in (FIXTURES / folder).glob("*.json")
    if (FIXTURES / folder / f"{path.name[: -len('.json')]}.html.gz").is_file()
)
#: The document fields the HTML path reads from the guesses.
FIELDS = ("title", "author", "url", "date", "sitename", "categories", "tags", "description", "image")


def test_the_replay_runs_stepwise_on_this_trafilatura() -> None:
    """A trafilatura that moved the internals makes the HTML path fall back silently; say so here."""
    assert extract._STEPWISE


def test_every_fixture_page_is_compared() -> None:
    assert len(PAGES) >= 20


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_replayed_metadata_equals_trafilaturas_own(folder: str, name: str) -> None:
    url = json.loads((FIXTURES / folder / f"{name}.json").read_text(encoding="utf-8"))["url"]
    html = gzip.decompress((FIXTURES / folder / f"{name}.html.gz").read_bytes()).decode("utf-8")
    own = bare_extraction(load_html(html), url=url, with_metadata=True, include_tables=True, deduplicate=False,
                          fast=True)
    assert own is not None
    guesses = extract._Guesses(load_html(html), url, own)
    replayed = {field: guesses.get(field) for field in FIELDS}
    assert replayed == {field: getattr(own, field, None) for field in FIELDS}
