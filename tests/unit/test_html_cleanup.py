"""Body cleanup with page evidence: headline repeats, link teasers, tables, bios."""
from __future__ import annotations

from lxml import html

from newsclean.html.cleanup import drop_author_bio, drop_headline, drop_links_and_tables, link_texts
from newsclean.record import Removed


def test_leading_headline_dropped_once() -> None:
    removed: list[Removed] = []
    lines = ["Mayor Opens Bridge", "The mayor opened the bridge.", "Mayor opens bridge"]
    assert drop_headline(lines, ["Mayor opens bridge"], removed) == lines[1:]
    assert removed == [Removed("title", "Mayor Opens Bridge")]


def test_link_teasers_and_tables() -> None:
    tree = html.fromstring(
        '<html><body><a href="/other">Another story about the bridge budget</a>'
        '<a href="#part2">The bridge budget in detail</a><a href="/x">More</a></body></html>'
    )
    links = link_texts(tree)
    removed: list[Removed] = []
    lines = ["Another story about the bridge budget", "The bridge budget in detail", "| a | b |", "Prose."]
    assert drop_links_and_tables(lines, links, removed) == ["The bridge budget in detail", "Prose."]
    assert [r.reason for r in removed] == ["teaser", "table"]


def test_author_bio_at_the_end() -> None:
    removed: list[Removed] = []
    paragraphs = ["One.", "Two.", "Three.", "Lois Lane is a reporter covering the city."]
    assert drop_author_bio(paragraphs, ["Lois Lane"], removed) == paragraphs[:3]
    assert removed[0].reason == "bio"
    # Agency credits sign notes that belong to the story.
    kept = ["One.", "Two.", "The Associated Press created this story with automation."]
    assert drop_author_bio(kept, ["The Associated Press"], []) == kept
