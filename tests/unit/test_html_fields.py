"""Field resolution on the HTML path: precedence, agreement, rejected candidates."""
from __future__ import annotations

from newsclean.html.fields import resolve_authors, resolve_published, resolve_title
from newsclean.html.metadata import PageMetadata
from newsclean.normalize.dates import DateContext
from newsclean.normalize.url_date import date_from_url
from newsclean.options import Options


def _meta(field: str, *pairs: tuple[str, object]) -> PageMetadata:
    meta = PageMetadata()
    for source, value in pairs:
        meta.add(field, source, value)
    return meta


def test_title_prefers_og_over_seo_headline() -> None:
    meta = _meta("title", ("jsonld", "A longer search-engine headline for the story"),
                 ("og", "The display headline"), ("html", "The display headline | Site"))
    assert resolve_title(meta, ["Site"], "https://site.example/x", None) == "The display headline"


def test_title_tail_removed_by_agreement() -> None:
    # The normaliser cannot know "Daily Planet" names the site; the h1 without it says so.
    meta = _meta("title", ("og", "Mayor opens new bridge downtown - Daily Planet"),
                 ("h1", "Mayor opens new bridge downtown"))
    assert resolve_title(meta, [], None, None) == "Mayor opens new bridge downtown"


def test_title_keeps_kicker() -> None:
    meta = _meta("title", ("og", "Elections: Mayor opens new bridge downtown"),
                 ("h1", "Mayor opens new bridge downtown"))
    assert resolve_title(meta, [], None, None) == "Elections: Mayor opens new bridge downtown"


def test_authors_skip_site_name_when_a_person_is_named() -> None:
    meta = _meta("authors", ("jsonld", ["Daily Planet"]), ("meta", ["Lois Lane"]))
    assert resolve_authors(meta, None, ["Daily Planet"], "https://dailyplanet.example/a") == ["Lois Lane"]


def test_authors_keep_newsroom_credit_when_nobody_else_is_named() -> None:
    meta = _meta("authors", ("meta", ["Daily Planet"]))
    assert resolve_authors(meta, None, ["Daily Planet"], None) == ["Daily Planet"]


def test_authors_reject_profile_slugs_and_fall_back_to_trafilatura() -> None:
    meta = _meta("authors", ("jsonld", ["lois-lane"]))
    assert resolve_authors(meta, "Clark Kent", [], None) == ["Clark Kent"]


def test_date_from_url() -> None:
    assert date_from_url("https://x.example/2024/03/02/story/") == "2024-03-02"
    assert date_from_url("https://x.example/news/20240302-story") == "2024-03-02"
    assert date_from_url("https://x.example/story-12345") is None
    assert date_from_url(None) is None


def test_published_order_and_validation() -> None:
    options = Options()
    meta = _meta("published", ("meta", "2024-05-02"), ("jsonld", "2024-05-01T08:00:00+02:00"))
    found = resolve_published(meta, "2020-01-01", None, DateContext.for_page(options, "en", None))
    assert found is not None and found.day == "2024-05-01"
    # An implausible declared date gives way to the next source, down to the URL.
    meta = _meta("published", ("jsonld", "0001-01-01"))
    found = resolve_published(meta, None, "https://x.example/2023/07/09/a", DateContext.for_page(options, "en", None))
    assert found is not None and found.day == "2023-07-09"
