"""Damaged records, gzip members and symlinks: a field or a file lost, never the batch (issue 18, items 8, 16, 20).

A number as a JSONL ``url`` was an internal error and a malformed
``crawl_date`` lost the page; a gzip file with a good member and then a
corrupt one was refused whole (a ``.jsonl.gz`` even crashed the run); the
directory walk followed a symlink to ``/etc/passwd`` and made it a record.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import newsclean
from newsclean.io.readers import InputItem, WalkReport, iter_inputs, iter_paths
from newsclean.item import clean_item
from newsclean.options import Options

PAGE = "<html><body><article><p>The council approved the bridge on Tuesday after a debate.</p></article></body></html>"


def _line(**fields: object) -> str:
    return json.dumps({"html": PAGE, **fields}) + "\n"


def _clean(items: list[InputItem]) -> list[newsclean.Article]:
    return [clean_item(item, Options()) for item in items]


def test_a_number_as_url_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_line(url=12345))
    [article] = _clean(list(iter_inputs([path])))
    assert article.error is None and article.url is None
    assert "input: url 12345 is not a string; ignored" in article.warnings
    assert "council approved the bridge" in article.text


@pytest.mark.parametrize("value", ["not a date", 17, "2024-13-45"])
def test_a_bad_crawl_date_is_a_warning_not_a_lost_page(tmp_path: Path, value: object) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_line(crawl_date=value))
    [article] = _clean(list(iter_inputs([path])))
    assert article.error is None and "council approved the bridge" in article.text
    assert f"input: crawl_date {value!r} is not ISO 8601; ignored" in article.warnings


def test_a_good_crawl_date_after_a_bad_one_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_line(crawl_date="soon", fetched_at="2024-03-06T10:00:00Z"))
    [article] = _clean(list(iter_inputs([path])))
    assert article.fetched_at == "2024-03-06T10:00:00Z" and len(article.warnings) == 1


def test_a_bad_crawl_time_on_a_page_item_is_a_warning() -> None:
    item = InputItem(source="x.warc@0", kind="page", data=PAGE, fetched_at="yesterday")
    [article] = _clean([item])
    assert article.error is None and article.fetched_at is None
    assert "input: crawl time 'yesterday' is not ISO 8601; ignored" in article.warnings


def test_deep_json_on_a_jsonl_line_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"html": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + _line())
    first, second = _clean(list(iter_inputs([path])))
    assert first.error is not None and first.error.startswith("InputError: JSON line is not valid JSON")
    assert second.error is None


def _good_then_corrupt(data: bytes) -> bytes:
    broken = bytearray(gzip.compress(b"<p>the second member " * 500))
    broken[30:60] = b"\x00" * 30
    return gzip.compress(data) + bytes(broken)


def test_a_jsonl_gz_with_a_corrupt_second_member_keeps_the_first(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(_good_then_corrupt((_line() * 3).encode()))
    items = list(iter_inputs([path]))
    assert [i.kind for i in items] == ["jsonl", "jsonl", "jsonl", "error"]
    assert items[-1].source == str(path) and "reading stopped after 3 items" in str(items[-1].data)


def test_an_html_gz_with_a_corrupt_second_member_keeps_the_first(tmp_path: Path) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(_good_then_corrupt(PAGE.encode()))
    article = newsclean.clean_file(path)
    assert article.error is None and "council approved the bridge" in article.text
    assert any(w.startswith("input: gzip data corrupt after") for w in article.warnings)


def test_a_symlink_out_of_the_tree_is_not_followed_unless_asked(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "page.html").write_text(PAGE)
    (tree / "passwd.txt").symlink_to(outside / "secret.txt")
    (tree / "sub" / "again.html").symlink_to(tree / "page.html")  # inside the tree: taken
    (tree / "linked").symlink_to(outside, target_is_directory=True)
    report = WalkReport(log=False)
    found = [p.relative_to(tree).as_posix() for p in iter_paths([tree], report=report)]
    assert found == ["page.html", "sub/again.html"]
    assert report.notes == [(str(tree / "passwd.txt"),
                             "symbolic link out of the input tree; not followed (--follow-symlinks)")]
    followed = [p.relative_to(tree).as_posix() for p in iter_paths([tree], follow_symlinks=True)]
    assert followed == ["page.html", "passwd.txt", "linked/secret.txt", "sub/again.html"]


def test_a_symlink_loop_is_walked_once_when_following(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text(PAGE)
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path], follow_symlinks=True)]
    assert found == ["a/page.html"]


def test_a_broken_symlink_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    report = WalkReport(log=False)
    assert list(iter_paths([tmp_path], report=report)) == []
    assert report.failed == [(str(tmp_path / "gone.html"), "broken symbolic link")]


def test_a_symlink_named_on_the_command_line_is_taken(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.html"
    target.write_text(PAGE)
    (tmp_path / "tree").mkdir()
    link = tmp_path / "tree" / "named.html"
    link.symlink_to(target)
    assert list(iter_paths([link])) == [link]  # the user named it: no tree to leave
    assert os.path.islink(link)
