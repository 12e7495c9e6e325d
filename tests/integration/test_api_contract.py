"""The public API's input and options contract (issue 16, items 5, 6 and 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import Options, OptionsError
from newsclean.item import error_article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_52889d1c0e5aca07.txt"


# Item 5: a str item is a path, never content.

def test_a_str_item_is_a_path_and_cleans_the_file() -> None:
    [by_str] = newsclean.clean_many([str(SEED)], timeout=None)
    [by_path] = newsclean.clean_many([SEED], timeout=None)
    assert by_str.error is None and by_str.text.startswith("In a dramatic turn")
    assert by_str.to_dict() == by_path.to_dict()


def test_a_missing_file_is_an_error_record_not_content(tmp_path: Path) -> None:
    missing = str(tmp_path / "page.html")
    [article] = newsclean.clean_many([missing], timeout=None)
    assert article.error is not None and "FileNotFoundError" in article.error
    assert article.text == "" and article.source == missing


def test_an_unreadable_path_is_an_error_record(tmp_path: Path) -> None:
    [article] = newsclean.clean_many([str(tmp_path)], timeout=None)  # a directory cannot be read as a page
    assert article.error is not None and article.source == str(tmp_path)


def test_content_passed_as_str_is_refused_with_a_hint() -> None:
    page = "<html><body><p>Some words.</p>\n<p>More words.</p></body></html>"
    [article] = newsclean.clean_many([page], timeout=None)
    assert article.error is not None and "{'html': ...}" in article.error
    assert article.source is None and article.text == ""


def test_content_goes_through_records_or_bytes() -> None:
    text = SEED.read_text(encoding="utf-8")
    as_record, as_bytes = newsclean.clean_many([{"text": text}, SEED.read_bytes()], timeout=None)
    assert as_record.text == as_bytes.text == newsclean.clean(text).text


def test_an_item_of_another_type_is_an_error_record() -> None:
    [article] = newsclean.clean_many([42], timeout=None)  # type: ignore[list-item]  # deliberately wrong
    assert article.error is not None and "not int" in article.error


# Item 6: clean_file's arguments, Options objects, keep_embeds, the language option.

def test_clean_file_takes_url_fetched_at_and_options() -> None:
    article = newsclean.clean_file(SEED, url="https://example.org/story", fetched_at="2023-06-25T10:00:00",
                                   language="en")
    assert article.url == "https://example.org/story" and article.fetched_at == "2023-06-25T10:00:00"
    assert article.id == newsclean.clean("x", url="https://example.org/story").id
    assert article.language_confidence == 1.0


def test_an_options_object_works_everywhere_and_matches_keywords() -> None:
    opts = Options(keep=("embeds",), language="en")
    text = SEED.read_text(encoding="utf-8")
    by_keywords = newsclean.clean(text, keep=("embeds",), language="en").to_dict()
    assert newsclean.clean(text, options=opts).to_dict() == by_keywords
    from_file = newsclean.clean_file(SEED, options=opts).to_dict()
    assert {**from_file, "source": None} == by_keywords
    assert newsclean.clean_record({"text": text}, options=opts) == by_keywords
    [batch] = newsclean.clean_many([{"text": text}], options=opts, timeout=None)
    assert batch.to_dict() == by_keywords


@pytest.mark.parametrize(
    "call",
    [
        lambda o: newsclean.clean("text", options=o, language="en"),
        lambda o: newsclean.clean("text", options=o, input_format="text"),
        lambda o: newsclean.clean_file(SEED, options=o, min_year=2000),
        lambda o: newsclean.clean_record({"text": "x"}, options=o, keep=("comments",)),
        lambda o: newsclean.clean_many([SEED], options=o, favor_recall=True),
    ],
    ids=["clean", "clean-input_format", "clean_file", "clean_record", "clean_many"],
)
def test_options_object_and_keywords_together_is_an_error(call: object) -> None:
    with pytest.raises(OptionsError, match="not both"):
        call(Options())  # type: ignore[operator]


def test_options_must_be_an_options_object() -> None:
    with pytest.raises(OptionsError, match=r"newsclean\.Options"):
        newsclean.clean("text", options={"language": "en"})  # type: ignore[arg-type]  # deliberately wrong


def test_keep_embeds_false_leaves_embeds_empty_and_the_text_unchanged() -> None:
    kept = newsclean.clean_file(SEED)
    dropped = newsclean.clean_file(SEED, keep_embeds=False)
    assert kept.embeds and kept.embeds[0].handle == "@BelarusMFA"
    assert dropped.embeds == []
    assert dropped.text == kept.text and dropped.removed == kept.removed


@pytest.mark.parametrize(("given", "code"), [("EN", "en"), ("en-US", "en"), ("en_GB", "en"), ("De", "de"),
                                             ("pt-BR", "pt"), ("zh-Hant-TW", "zh")])
def test_language_option_is_normalised(given: str, code: str) -> None:
    assert Options(language=given).language == code
    assert newsclean.clean_file(SEED, language=given).language == code


@pytest.mark.parametrize("bad", ["english", "xx", "eng", "e", "", "en-", "12"])
def test_language_option_not_iso_639_1_is_an_error(bad: str) -> None:
    with pytest.raises(OptionsError, match="ISO 639-1"):
        Options(language=bad)


def test_cli_language_is_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean.cli import main

    out = tmp_path / "out.jsonl"
    assert main(["clean", str(SEED), "-o", str(out), "--language", "xx"]) != 0
    assert "ISO 639-1" in capsys.readouterr().err


# Item 9: error ids are stable and distinct.

def test_error_ids_are_stable_across_objects_and_distinct_between_inputs(tmp_path: Path) -> None:
    first = error_article(b"\x7fELF broken", "r")
    again = error_article(b"\x7fELF broken", "r")
    assert first.id == again.id
    assert error_article(b"\x7fELF other", "r").id != first.id
    record_a, record_b = {"html": 5, "note": "a"}, {"html": 5, "note": "b"}
    assert error_article(record_a, "r").id == error_article(dict(reversed(list(record_a.items()))), "r").id
    assert error_article(record_a, "r").id != error_article(record_b, "r").id
    assert error_article({"id": "given", "html": 5}, "r").id == "given"
    assert error_article({"url": "https://example.org/a", "html": 5}, "r").id != \
        error_article({"url": "https://example.org/b", "html": 5}, "r").id
    assert error_article(str(tmp_path / "a.html"), "r").id != error_article(str(tmp_path / "b.html"), "r").id


def test_clean_record_error_ids_depend_on_content_not_key_names() -> None:
    one = newsclean.clean_record({"html": 1, "url": None, "note": "first"})
    two = newsclean.clean_record({"html": 1, "url": None, "note": "second"})
    assert one["error"] and two["error"]
    assert one["id"] != two["id"]
    assert one["id"] == newsclean.clean_record({"note": "first", "url": None, "html": 1})["id"]
    assert newsclean.clean_record({"id": "keep-me", "html": 1})["id"] == "keep-me"


def test_batch_error_ids_repeat_from_run_to_run(tmp_path: Path) -> None:
    items = [str(tmp_path / "missing.html"), {"text": 3}, b"%PDF-1.4\n" + bytes(range(256))]
    first = [a.id for a in newsclean.clean_many(items, timeout=None)]
    second = [a.id for a in newsclean.clean_many(list(items), jobs=2, timeout=None)]
    assert all(a.error for a in newsclean.clean_many(items, timeout=None))
    assert first == second and len(set(first)) == 3
