"""Discovery: feeds (RSS, Atom, JSON Feed), sitemaps (index, news, gzip, text), URL canonical form and filters."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsclean.fetch.errors import FetchError, RefusedURL
from newsclean.fetch.feeds import parse_feed
from newsclean.fetch.sitemaps import parse_sitemap
from newsclean.fetch.urls import canonical_url, non_article_reason

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
BASE = "https://news.example.org"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", BASE).encode("utf-8")


def test_rss_entries_give_links_in_order_with_their_metadata() -> None:
    links = parse_feed(_fixture("feed.xml"), f"{BASE}/feed.xml")
    assert [link.url for link in links] == [
        f"{BASE}/news/TheIntercept_0.html",
        f"{BASE}/news/ca_GlobalNews_2026_05_24.html?utm_source=rss&utm_medium=feed",
        f"{BASE}/bare.html",
        f"{BASE}/private/secret.html",
        f"{BASE}/tag/world/",
        f"{BASE}/news/TheIntercept_0.html#comments",
        f"{BASE}/moved/globalnews",
    ]
    bare = links[2].hints
    assert bare is not None and bare.origin == "feed"
    assert bare.title == "Harbour towns rethink their tidal defences"
    assert bare.published == "Tue, 05 Mar 2024 09:30:00 +0100"
    assert bare.authors == ("Mara Lindqvist",)  # "desk@example.org (Mara Lindqvist)"
    assert links[1].hints is not None and links[1].hints.authors == ("Samya Kullab",)  # dc:creator


def test_atom_takes_the_alternate_link_and_published_not_updated() -> None:
    links = parse_feed(_fixture("atom.xml"), f"{BASE}/atom.xml")
    assert [link.url for link in links] == [f"{BASE}/bare.html", f"{BASE}/news/TheIntercept_0.html"]
    first, second = (link.hints for link in links)
    assert first is not None and second is not None
    assert first.title == "Harbour towns rethink their tidal defences"  # escaped <em> reduced to its text
    assert first.published == "2024-03-05T09:30:00+01:00"
    assert first.authors == ("Mara Lindqvist", "Tom Okafor")
    assert second.published is None  # only <updated>: when the entry changed, not when it appeared


def test_json_feed_items_with_url_or_external_url() -> None:
    links = parse_feed(_fixture("feed.json"), f"{BASE}/feed.json")
    assert [link.url for link in links] == [f"{BASE}/bare.html", f"{BASE}/news/TheIntercept_0.html"]
    assert links[0].hints is not None and links[0].hints.published == "2024-03-05T09:30:00+01:00"
    assert links[1].hints is not None and links[1].hints.authors == ("Prem Thakker",)  # JSON Feed 1.0 "author"


@pytest.mark.parametrize("body", [b"", b"<html><body>not a feed</body></html>", b"{not json", b"\x89PNG\r\n"])
def test_non_feeds_give_no_links(body: bytes) -> None:
    assert parse_feed(body, BASE) == []


def test_feed_xml_entities_are_not_resolved() -> None:
    """XXE: an external entity naming a local file must stay unexpanded."""
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<rss><channel><item><title>&xxe;&lol2;</title><link>https://news.example.org/a</link>"
        b"</item></channel></rss>"
    )
    links = parse_feed(evil, BASE)
    assert [link.url for link in links] == ["https://news.example.org/a"]
    title = (links[0].hints.title if links[0].hints else None) or ""
    assert "root:" not in title and "lollol" not in title


def test_sitemap_index_lists_child_sitemaps() -> None:
    sitemap = parse_sitemap(_fixture("sitemap_index.xml"), f"{BASE}/sitemap_index.xml", max_bytes=1 << 20)
    assert sitemap.pages == []
    assert sitemap.sitemaps == [f"{BASE}/sitemap-news.xml", f"{BASE}/sitemap-seeds.xml.gz", f"{BASE}/sitemap_index.xml"]


def test_news_sitemap_gives_publication_dates_and_titles_not_lastmod() -> None:
    sitemap = parse_sitemap(_fixture("sitemap-news.xml"), f"{BASE}/sitemap-news.xml", max_bytes=1 << 20)
    urls = [link.url for link in sitemap.pages]
    assert urls == [f"{BASE}/news/at_SalzburgerNachrichten_2026_01_06.html", f"{BASE}/bare.html",
                    f"{BASE}/category/europe/"]
    bare = sitemap.pages[1].hints
    assert bare is not None and bare.origin == "sitemap"
    assert bare.published == "2024-03-05T09:30:00+01:00"  # news:publication_date, not the later lastmod
    assert bare.title == "Harbour towns rethink their tidal defences"
    assert sitemap.pages[2].hints is None


def test_gzipped_and_plain_text_sitemaps() -> None:
    packed = gzip.compress(_fixture("sitemap-seeds.xml"))
    sitemap = parse_sitemap(packed, f"{BASE}/sitemap-seeds.xml.gz", max_bytes=1 << 20)
    assert [link.url for link in sitemap.pages][:2] == [
        f"{BASE}/seeds/000_52889d1c0e5aca07.txt", f"{BASE}/seeds/001_f2c2a30e7610bf0b.txt"]
    text = parse_sitemap(b"https://a.example.org/one\n\n# comment\nhttps://a.example.org/two\n", BASE, max_bytes=99)
    assert [link.url for link in text.pages] == ["https://a.example.org/one", "https://a.example.org/two"]


def test_gzipped_sitemap_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000 + b"</urlset>")
    with pytest.raises(FetchError, match="max_decompressed_bytes"):
        parse_sitemap(bomb, BASE, max_bytes=1_000_000)


def test_canonical_urls_drop_fragments_tracking_and_default_ports() -> None:
    assert canonical_url("HTTPS://News.Example.org:443/a/b.html?utm_source=rss&id=7#top") == (
        "https://news.example.org/a/b.html?id=7")
    assert canonical_url("http://127.0.0.1:8080/x.html#c") == "http://127.0.0.1:8080/x.html"
    with pytest.raises(RefusedURL):
        canonical_url("javascript:alert(1)")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example.org/2024/03/05/harbour-towns-rethink/", True),
        ("https://news.example.org/news/story-123.html", True),
        ("https://news.example.org/tag/world/", False),
        ("https://news.example.org/category/europe/", False),
        ("https://news.example.org/author/mara/", False),
        ("https://news.example.org/page/2", False),
        ("https://news.example.org/feed", False),
        ("https://news.example.org/files/report.pdf", False),
        ("https://news.example.org/photo.jpg", False),
        ("https://news.example.org/login", False),
    ],
)
def test_non_article_links_are_named(url: str, kept: bool) -> None:
    assert (non_article_reason(url) is None) is kept



@pytest.mark.parametrize(
    "body",
    [
        b"<rss><channel><item><link>http://[::1</link></item><item><link>/ok</link></item></channel></rss>",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://[::1"/></entry>'
        b'<entry><link href="/ok"/></entry></feed>',
        b'{"items": [{"url": "http://[::1"}, {"url": "/ok"}]}',
    ],
)
def test_a_malformed_feed_link_costs_only_itself(body: bytes) -> None:
    # Before: urljoin's ValueError on "http://[::1" ended discovery, and with it the whole fetch run.
    links = parse_feed(body, f"{BASE}/feed")
    assert [link.url for link in links] == ["http://[::1", f"{BASE}/ok"]  # the crawl refuses the first
    with pytest.raises(RefusedURL, match="malformed URL"):
        canonical_url(links[0].url)


def test_a_malformed_sitemap_entry_costs_only_itself() -> None:
    urlset = b"<urlset><url><loc>http://[::1</loc></url><url><loc>/ok</loc></url></urlset>"
    assert [link.url for link in parse_sitemap(urlset, f"{BASE}/s.xml", max_bytes=10_000).pages] == [
        "http://[::1", f"{BASE}/ok"
    ]
    index = b"<sitemapindex><sitemap><loc>http://[::1</loc></sitemap><sitemap><loc>/b.xml</loc></sitemap></sitemapindex>"
    assert parse_sitemap(index, f"{BASE}/s.xml", max_bytes=10_000).sitemaps == ["http://[::1", f"{BASE}/b.xml"]


def test_a_json_feed_nested_past_the_recursion_limit_is_a_fetch_error() -> None:
    deep = b'{"items": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    with pytest.raises(FetchError, match="nested too deeply"):
        parse_feed(deep, f"{BASE}/feed.json")
