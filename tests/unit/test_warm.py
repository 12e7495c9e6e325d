"""The warm-up a forking pool runs in its parent: it cleans its own pages, and workers forked after it
clean real pages exactly as a cold process does."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsclean import Options, clean
from newsclean.io.readers import InputItem
from newsclean.pipeline import clean_item_traced, iter_outcomes
from newsclean.warm import _DUMP, _PAGE, BOTH, paths_for, warm_up

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


def test_a_batch_known_to_be_text_warms_the_text_path_only() -> None:
    """A dump batch need not load the HTML path; anything whose format is not stated warms both."""
    auto, text = Options(), Options(input_format="text")
    dump = InputItem(source="a.txt", kind="page", data=_DUMP, input_format="text")
    assert paths_for(dump, auto) == ("text",)
    assert paths_for({"text": _DUMP.decode(), "url": "https://example.org/a"}, auto) == ("text",)
    assert paths_for("pages/a.html", text) == ("text",)
    # A record may carry both (its HTML wins), a path's or bytes' format is sniffed, an HTML batch uses both paths.
    assert paths_for({"text": "x", "html": "<p>x</p>"}, auto) == BOTH
    assert paths_for("pages/a.txt", auto) == BOTH
    assert paths_for(_DUMP, auto) == BOTH
    assert paths_for(InputItem(source="a.jsonl", kind="jsonl", data="{}"), auto) == BOTH
    assert paths_for(dump, Options(input_format="html")) == BOTH


def test_text_records_through_a_pool_warmed_for_text_give_the_records_of_this_process() -> None:
    """The pool warms its parent for the first item's format; every record is still the one clean() gives."""
    records = [
        {"id": "dump", "text": _DUMP.decode()},
        {"id": "page", "html": _PAGE.decode()},  # an HTML page later in the batch: its worker loads that path itself
    ]
    here = [clean_item_traced(r, Options())[0].to_dict() for r in records]
    pooled = [o.article.to_dict() for o in iter_outcomes(records, Options(), jobs=1, timeout=60.0)]
    assert pooled == here
    assert "new bridge across the river" in pooled[0]["text"] and "new bridge across the river" in pooled[1]["text"]
