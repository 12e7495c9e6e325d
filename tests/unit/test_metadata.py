from __future__ import annotations

from lxml import html

from newsclean.html.metadata import read_metadata

PAGE = """<html lang="de-AT"><head><title>Headline | Site</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsMediaOrganization", "name": "Site"},
 {"@type": "NewsArticle", "headline": "Headline", "datePublished": "2024-05-01T08:00:00+02:00",
  "author": [{"@type": "Person", "name": "Anna Muster"}, {"name": "dpa"}], "keywords": "a, b",
  "articleSection": "Politik", "image": {"url": "https://x.org/i.jpg"}}]}</script>
<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2024-05-01">
<meta name="description" content="Summary."><script type="application/ld+json">{broken</script>
</head><body><time datetime="2024-04-30">x</time></body></html>"""


def test_candidates_by_source_and_precedence() -> None:
    meta = read_metadata(html.fromstring(PAGE))
    assert meta.pick("title") == "Headline"
    assert meta.pick("title", ("meta",)) == "OG headline"
    assert meta.pick("published") == "2024-05-01T08:00:00+02:00"
    assert meta.pick("authors") == ["Anna Muster", "dpa"]
    assert meta.pick("tags") == ["a", "b"]
    assert meta.pick("section") == "Politik"
    assert meta.pick("top_image") == "https://x.org/i.jpg"
    assert meta.pick("site_name", ("jsonld-org",)) == "Site"
    assert meta.pick("language") == "de-AT"
    assert meta.pick("description") == "Summary."
    assert meta.pick("published", ("time",)) == "2024-04-30"
