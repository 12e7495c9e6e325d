"""Inputs: globs, JSON lines, WARC records and stdin become items with their provenance."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsclean.io.readers import count_inputs, iter_inputs, iter_paths, iter_stdin

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"


def fixture_html(name: str) -> bytes:
    return gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """A WARC with a robots.txt response and one HTML response per page.

    Lengths are given so warcio does not spool payloads to temporary files.
    """
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with path.open("wb") as stream:
        writer = warcio.WARCWriter(stream, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warc_record(
            "https://example.org/robots.txt", "response", payload=io.BytesIO(b"User-agent: *"), length=13,
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1"),
        ))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), length=len(html), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-03T10:00:00Z"},
            ))


def test_include_and_exclude_globs_narrow_directory_walks(tmp_path: Path) -> None:
    for name in ("a.html", "b.txt", "drafts/c.html", "sub/d.html.gz", "e.jsonl", "f.warc.gz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    def walk(include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[str]:
        return [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path], include, exclude)]
    assert walk() == ["a.html", "b.txt", "e.jsonl", "f.warc.gz", "drafts/c.html", "sub/d.html.gz"]
    assert walk(include=("*.html", "*.html.gz")) == ["a.html", "drafts/c.html", "sub/d.html.gz"]
    assert walk(include=("*.html",), exclude=("drafts/*",)) == ["a.html"]
    assert count_inputs([tmp_path], ("*.html",)) == 2 and count_inputs([tmp_path]) is None


def test_jsonl_lines_become_items_named_by_line(tmp_path: Path) -> None:
    seed = (SEEDS / "001_f2c2a30e7610bf0b.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": seed, "url": "https://x.org/a", "crawl_date": "2023-07-24"}), "",
             json.dumps({"id": "b", "html": "<p>x</p>"})]
    plain, packed = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, packed):
        items = list(iter_inputs([path]))
        assert [i.source for i in items] == [f"{path}:1", f"{path}:3"]
        assert all(i.kind == "jsonl" for i in items) and json.loads(items[0].data)["id"] == "a"


def test_warc_html_responses_carry_url_and_crawl_time(tmp_path: Path) -> None:
    html = fixture_html("TheIntercept_0")
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://theintercept.com/a", html), ("https://theintercept.com/b", html)])
    items = list(iter_inputs([tmp_path]))
    assert [i.url for i in items] == ["https://theintercept.com/a", "https://theintercept.com/b"]
    assert items[0].data == html and items[0].input_format == "html"
    assert items[0].fetched_at == "2024-03-03T10:00:00Z"
    assert items[0].source.startswith(f"{warc}@") and items[0].source != items[1].source


def test_stdin_is_one_page_or_json_lines() -> None:
    seed = (SEEDS / "000_52889d1c0e5aca07.txt").read_bytes()
    [page] = list(iter_stdin(io.BytesIO(seed)))
    assert page.source == "-" and page.data == seed and page.kind == "page"
    lines = b'{"text": "one"}\n{"html": "<p>two</p>"}\n'
    assert [i.source for i in iter_stdin(io.BytesIO(lines))] == ["-:1", "-:2"]
    # A JSON-looking first line without html/text is a page, not a record stream.
    assert [i.kind for i in iter_stdin(io.BytesIO(b'{"a": 1}\nmore'))] == ["page"]
