"""The library API: clean, clean_file, clean_many, clean_record."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import pytest

import newsclean
from newsclean import Article, BinaryInputError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = SEEDS / "001_f2c2a30e7610bf0b.txt"


def test_str_bytes_and_gzip_give_the_same_record() -> None:
    text = SEED.read_text(encoding="utf-8")
    a = newsclean.clean(text)
    b = newsclean.clean(SEED.read_bytes())
    c = newsclean.clean(gzip.compress(SEED.read_bytes()))
    assert a.to_dict() == b.to_dict() == c.to_dict()


def test_id_is_stable_and_derived_from_url() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert newsclean.clean(text).id == newsclean.clean(text).id
    with_url = newsclean.clean(text, url="https://example.org/a")
    assert with_url.id == newsclean.clean("other text", url="https://example.org/a").id
    assert with_url.id != newsclean.clean(text).id


def test_forced_formats() -> None:
    body = "Real words in a sentence. " * 20
    html = f"<html><body><article><h1>Title here now</h1><p>{body}</p></article></body></html>"
    assert newsclean.clean(html).input_format == "html"
    assert newsclean.clean(html, input_format="text").input_format == "text"


def test_json_record_input_carries_url_and_crawl_time() -> None:
    record = {"id": "r1", "url": "https://example.org/x", "crawl_date": "2023-07-24T10:00:00",
              "text": SEED.read_text(encoding="utf-8")}
    article = newsclean.clean(json.dumps(record))
    assert (article.id, article.url, article.fetched_at) == ("r1", "https://example.org/x", "2023-07-24T10:00:00")
    assert article.title.startswith("Putin and Lukashenko")


def test_clean_record_is_pure_and_picklable() -> None:
    record = {"id": "r1", "text": SEED.read_text(encoding="utf-8")}
    func = pickle.loads(pickle.dumps(newsclean.clean_record))
    first = func(record)
    assert first == newsclean.clean_record(record)
    assert Article.from_dict(first).title.startswith("Putin")
    assert record == {"id": "r1", "text": SEED.read_text(encoding="utf-8")}
    broken = newsclean.clean_record({"id": "x"})
    assert broken["error"] and broken["id"] == "x"


def test_clean_many_yields_in_order_and_turns_failures_into_error_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x7fELF" + bytes(range(200)))
    items = [*sorted(SEEDS.glob("*.txt")), bad, {"text": "Just one short line."}]
    for jobs in (1, 2):
        records = list(newsclean.clean_many(items, jobs=jobs))
        assert [r.source for r in records[:4]] == [str(p) for p in items[:4]]
        assert records[3].error and "ELF" in records[3].error
        assert records[0].text.startswith("In a dramatic turn") and records[4].error is None


def test_binary_input_raises_a_typed_error() -> None:
    with pytest.raises(BinaryInputError):
        newsclean.clean(b"%PDF-1.4\n" + bytes(range(256)))


def test_empty_input_gives_a_record_with_a_warning() -> None:
    article = newsclean.clean("   \n\n ")
    assert article.text == "" and article.warnings == ["input: empty or whitespace only"]


def test_default_timezone_and_reference_date_reach_the_dump_dates() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert newsclean.clean(text, default_timezone="Asia/Beirut").published == "2023-07-23T06:12+03:00"
    relative = text.replace("2023-07-23 | 06:12", "3 hours ago")
    unresolved = newsclean.clean(relative)
    assert unresolved.published is None
    assert any("relative date" in w for w in unresolved.warnings)
    resolved = newsclean.clean(relative, reference_date="2023-07-23T12:00:00")
    assert resolved.published is not None and resolved.published.startswith("2023-07-23T09:00")


def test_html_body_gets_the_text_paths_normalisation() -> None:
    import newsclean

    page = (
        "<html><body><article><h1>Heliport plans</h1>"
        "<p>The Helikopter\u00adlandeplatz was built in 2023 after a long debate among the local council members.</p>"
        "<p>Zero\u200bwidth marks and caf\u00c3\u00a9 mojibake are both repaired by the cleaner on this page.</p>"
        "</article></body></html>"
    )
    text = newsclean.clean(page).text
    assert "Helikopterlandeplatz" in text and "Zerowidth" in text and "café" in text
    assert "\u00ad" not in text and "\u200b" not in text and "\u00c3" not in text
