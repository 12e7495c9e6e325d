"""The HTML path's metadata reader: every declared candidate, tagged with its source."""
from __future__ import annotations

from lxml import html

from newsclean.html.metadata import read_metadata

PAGE = """<html lang="de-AT"><head><title>Headline | Site</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Site"},
 {"@type": "Person", "@id": "#anna", "name": "Anna Muster"},
 {"@type": "NewsArticle", "headline": "Headline", "datePublished": "2024-05-01T08:00:00+02:00",
  "author": [{"@id": "#anna"}, {"name": "dpa"}], "keywords": "a, b", "publisher": {"@id": "#org"},
  "articleSection": "Politik", "image": [{"@type": "ImageObject", "url": "https://x.org/i.jpg"}],
  "inLanguage": "de", "articleBody": "Der ganze Text."}]}</script>
<meta property="og:title" content="OG headline"><meta name="twitter:title" content="Card headline">
<meta property="article:published_time" content="2024-05-01"><meta name="DC.creator" content="Anna Muster">
<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Anna Muster">
<meta name="author" content="anna@example.org">
<meta name="description" content="Summary."><script type="application/ld+json">{broken</script>
</head><body><time datetime="2024-04-29">teaser</time><h1>Kicker <span>Headline</span></h1>
<time itemprop="datePublished" datetime="2024-04-30">x</time><a rel="author" href="/a">Anna Muster</a>
</body></html>"""


def test_candidates_by_source_and_precedence() -> None:
    meta = read_metadata(html.fromstring(PAGE))
    assert meta.pick("title") == "Headline"
    assert meta.pick("title", ("og",)) == "OG headline"
    assert meta.pick("title", ("twitter",)) == "Card headline"
    assert meta.pick("title", ("h1",)) == "Kicker Headline"
    assert meta.pick("published") == "2024-05-01T08:00:00+02:00"
    assert meta.pick("tags") == ["a", "b"]
    assert meta.pick("section") == "Politik"
    assert meta.pick("top_image") == "https://x.org/i.jpg"
    assert meta.pick("site_name", ("jsonld-org",)) == "Site"
    assert meta.pick("site_name", ("jsonld",)) == "Site"
    assert meta.pick("language") == "de"
    assert meta.pick("language", ("html",)) == "de-AT"
    assert meta.pick("description") == "Summary."
    assert meta.pick("body") == "Der ganze Text."


def test_authors_resolve_references_and_skip_addresses() -> None:
    meta = read_metadata(html.fromstring(PAGE))
    # {"@id": "#anna"} resolves to the Person node of the graph.
    assert meta.pick("authors") == ["Anna Muster", "dpa"]
    # The e-mail address in <meta name="author"> is not a name; the card label is.
    assert meta.pick("authors", ("meta",)) == ["Anna Muster"]
    assert meta.pick("authors", ("dc",)) == ["Anna Muster"]
    assert meta.pick("authors", ("byline",)) == ["Anna Muster"]


def test_marked_time_beats_the_first_one() -> None:
    meta = read_metadata(html.fromstring(PAGE))
    assert meta.pick("published", ("time",)) == "2024-04-30"


def test_page_without_declarations() -> None:
    meta = read_metadata(html.fromstring("<html><body><p>Just text.</p></body></html>"))
    assert meta.pick("title") is None
    assert meta.all("authors") == []
