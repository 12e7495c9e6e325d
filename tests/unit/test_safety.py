"""Record-field safety applied at assembly (issue 18, item 19)."""

from __future__ import annotations

import pytest

from newsclean.normalize.safety import FIELD_CHARS, LIST_ITEMS, safe_url, secure_fields
from newsclean.record import Article

BIDI = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c\u200e\u200f"


def test_bidi_controls_leave_every_text_field() -> None:
    article = Article(id="x", title="Title \u202eevil\u202c \u2066iso\u2069 \u061cx", description=f"D{BIDI}",
                      site_name="S\u202e", section="\u2067Sec", authors=["Jane \u202eDoe", BIDI], tags=["t\u2066"],
                      text="Body \u202eevil\u202c text")
    secure_fields(article)
    assert article.title == "Title evil iso x"
    assert (article.description, article.site_name, article.section) == ("D", "S", "Sec")
    assert article.authors == ["Jane Doe"] and article.tags == ["t"]  # a name of controls only is no name
    assert article.text == "Body evil text"
    assert article.warnings == []  # removing them is silent, as for the body


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:image/png;base64,AAAA",
    "file:///etc/passwd", "vbscript:msgbox", "ftp://example.org/x.jpg", "http://" + "a" * 9000,
])
def test_only_http_urls_are_kept(url: str) -> None:
    article = Article(id="x", url=url, top_image=url)
    secure_fields(article)
    assert article.url is None and article.top_image is None
    assert [w.split(" (")[0] for w in article.warnings] == [
        "record: url dropped, not an http(s) URL", "record: top_image dropped, not an http(s) URL"]
    assert all(len(w) < 120 for w in article.warnings)  # a data: payload is never copied whole


def test_http_urls_stay_and_a_relative_image_resolves_against_the_page() -> None:
    article = Article(id="x", url="https://news.example.org/a/story.html", top_image="/img/photo.jpg")
    secure_fields(article)
    assert article.url == "https://news.example.org/a/story.html"
    assert article.top_image == "https://news.example.org/img/photo.jpg"
    assert safe_url("HTTP://Example.org/x", None) == "HTTP://Example.org/x"
    assert safe_url("/img.jpg", None) is None  # relative to nothing: no URL


def test_huge_fields_are_capped_with_a_warning() -> None:
    article = Article(id="x", title="Headline " * 120_000, authors=[f"Author {i}" for i in range(10_000)],
                      tags=["tag"] * 1000, description="word " * 5000)
    secure_fields(article)
    assert article.title is not None and 0 < len(article.title) <= FIELD_CHARS["title"]
    assert article.title.endswith("Headline")  # cut at a word boundary: no half word invented
    assert article.authors == [f"Author {i}" for i in range(LIST_ITEMS["authors"])]
    assert len(article.tags) == LIST_ITEMS["tags"]
    assert article.description is not None and article.description.endswith(" word")
    assert len(article.description) <= FIELD_CHARS["description"]
    assert "record: title of 1,080,000 characters cut to its first 998" in article.warnings
    assert "record: 10000 authors; only the first 200 kept" in article.warnings
    assert "record: 1000 tags; only the first 500 kept" in article.warnings


def test_titles_and_names_are_normalised_like_text() -> None:
    article = Article(id="x", title="Zero\u200bwidth\x07 and  Cafe\u0301", authors=["Jane\u00adDoe\x00"], section="")
    secure_fields(article)
    assert article.title == "Zerowidth and Café" and article.authors == ["JaneDoe"]
    assert article.section == ""  # an empty value keeps its form


def test_real_sized_fields_pass_untouched() -> None:
    fields = {"title": "A real headline – with “quotes” and ünïcödé", "description": "One sentence. " * 100,
              "authors": ["Jane Doe", "محمد علي"], "url": "https://example.org/x", "top_image": "http://example.org/i.jpg"}
    article = Article(id="x", **fields)  # type: ignore[arg-type]  # the dict's values are each field's type
    secure_fields(article)
    assert {name: getattr(article, name) for name in fields} == fields and article.warnings == []


def test_text_without_bidi_controls_is_returned_as_it_is() -> None:
    from newsclean.normalize.safety import without_bidi

    clean = "Die Bundesregierung hat am Mittwoch beschlossen, dass die Förderung weitergeht. " * 50
    assert without_bidi(clean) is clean  # not copied through str.translate
    for control in BIDI:
        dirty = clean[:100] + control + clean[100:]
        assert without_bidi(dirty) == clean
    assert without_bidi("ASCII only") == "ASCII only"
