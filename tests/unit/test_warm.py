"""The warm-up a forking pool runs in its parent: it cleans its own pages, and workers forked after it
clean real pages exactly as a cold process does."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsclean import Options, clean
from newsclean.io.readers import InputItem
from newsclean.pipeline import clean_item_traced, iter_outcomes
from newsclean.warm import _DUMP, _PAGE, warm_up

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def test_the_warm_up_pages_exercise_both_paths() -> None:
    """The pages load what a first page needs: a body, a language, a date on each path."""
    for article in (clean(_PAGE.decode(), input_format="html"), clean(_DUMP.decode(), input_format="text")):
        assert article.error is None
        assert article.language == "en"
        assert article.published and article.published.startswith("2024-03-05")
        assert "new bridge across the river" in article.text
    warm_up()
    warm_up()  # once per process: the second call does nothing


def test_workers_forked_after_the_warm_up_give_the_records_of_this_process() -> None:
    pages = sorted(FIXTURES.glob("*.html.gz"))[:4]
    items = [
        InputItem(source=p.name, kind="page", data=gzip.decompress(p.read_bytes()),
                  url=json.loads(p.with_name(p.name[: -len(".html.gz")] + ".json").read_text())["url"])
        for p in pages
    ]
    options = Options()
    here = [clean_item_traced(item, options)[0].to_dict() for item in items]
    pooled = [o.article.to_dict() for o in iter_outcomes(items, options, jobs=2)]
    assert pooled == here
