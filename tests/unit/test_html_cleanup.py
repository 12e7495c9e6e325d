"""Body cleanup with page evidence: headline repeats, link teasers, bios (tables: test_html_tables)."""
from __future__ import annotations

from lxml import html

from newsclean.html.cleanup import (
    drop_author_bio,
    drop_headline,
    drop_other_articles,
    drop_teasers,
    link_texts,
)
from newsclean.html.page_index import PageIndex
from newsclean.record import Removed


def test_leading_headline_dropped_once() -> None:
    removed: list[Removed] = []
    lines = ["Mayor Opens Bridge", "The mayor opened the bridge.", "Mayor opens bridge"]
    assert drop_headline(lines, ["Mayor opens bridge"], removed) == lines[1:]
    assert removed == [Removed("title", "Mayor Opens Bridge")]


def test_link_teasers() -> None:
    tree = html.fromstring(
        '<html><body><a href="/other">Another story about the bridge budget</a>'
        '<a href="#part2">The bridge budget in detail</a><a href="/x">More</a></body></html>'
    )
    links = link_texts(tree)
    removed: list[Removed] = []
    lines = ["Another story about the bridge budget", "The bridge budget in detail", "Prose."]
    assert drop_teasers(lines, links, removed) == ["The bridge budget in detail", "Prose."]
    assert [r.reason for r in removed] == ["teaser"]


def test_a_link_of_several_parts_is_known_joined_with_and_without_a_space() -> None:
    tree = html.fromstring(
        '<html><body><a href="/a"><span>Opinion</span>Why rents rise in every city</a>'
        '<a href="/b">A plain link of one text node</a></body></html>'
    )
    page = PageIndex(tree)
    assert link_texts(tree, page) == link_texts(tree) == {
        "opinion why rents rise in every city", "opinionwhy rents rise in every city",
        "a plain link of one text node",
    }


def test_author_bio_at_the_end() -> None:
    removed: list[Removed] = []
    paragraphs = ["One.", "Two.", "Three.", "Lois Lane is a reporter covering the city."]
    assert drop_author_bio(paragraphs, ["Lois Lane"], removed) == paragraphs[:3]
    assert removed[0].reason == "bio"
    # Agency credits sign notes that belong to the story.
    kept = ["One.", "Two.", "The Associated Press created this story with automation."]
    assert drop_author_bio(kept, ["The Associated Press"], []) == kept


def test_author_bio_with_a_short_form_of_the_bylines_name() -> None:
    # OccupyDemocrats_0 (fe): byline "Stephanie Bazzle", bio "Steph Bazzle is a news writer ...".
    paragraphs = ["One.", "Two.", "Three.", "Lou Lane is a reporter covering the city."]
    assert drop_author_bio(paragraphs, ["Louise Lane"], []) == paragraphs[:3]
    assert drop_author_bio(paragraphs, ["Lou M. Lane"], []) == paragraphs[:3]
    # CNBC_3 (fe): the outlet leads the bio, possessive.
    outlet = ["One.", "Two.", "Three.", "The Daily's Louise Lane is the author of a book on city halls."]
    assert drop_author_bio(outlet, ["Louise Lane"], []) == outlet[:3]
    # Another person of the same surname, or only the initial, is not the writer.
    assert drop_author_bio(paragraphs, ["Martha Lane"], []) == paragraphs
    initial = ["One.", "Two.", "Three.", "L. Lane said the city would appeal."]
    assert drop_author_bio(initial, ["Louise Lane"], []) == initial


def _story(headline: str, topic: str, n: int) -> tuple[str, list[str]]:
    text = "gives the council's reasons and what the residents said in reply."
    paragraphs = [f"Paragraph {i} about {topic} {text}" for i in range(n)]
    markup = f"<article><h1>{headline}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    return markup, paragraphs


def test_second_story_loaded_below_is_dropped() -> None:
    first, first_lines = _story("Bridge approved", "the bridge", 10)
    second, second_lines = _story("Coach returns", "the coach", 14)
    tree = html.fromstring(f"<html><body>{first}{second}</body></html>")
    removed: list[Removed] = []
    kept = drop_other_articles(first_lines + second_lines, tree, ["Bridge approved"], removed)
    assert kept == first_lines
    assert [r.reason for r in removed] == ["teaser"] * len(second_lines)
    # The headline decides which story is the page's, not the order.
    kept = drop_other_articles(first_lines + second_lines, tree, ["Coach returns"], [])
    assert kept == second_lines


def test_one_story_with_short_article_boxes_is_kept_whole() -> None:
    first, first_lines = _story("Bridge approved", "the bridge", 10)
    box, box_lines = _story("Related", "a related story", 2)
    tree = html.fromstring(f"<html><body>{first}{box}</body></html>")
    lines = first_lines + box_lines
    assert drop_other_articles(lines, tree, ["Bridge approved"], []) == lines


def test_cut_off_summaries_closing_a_body_are_teasers() -> None:
    from newsclean.options import Options
    from newsclean.text.extract import TextResources
    from newsclean.text.residual import filter_paragraphs

    article = [
        "The council approved the new bridge on Tuesday after a long debate about its cost and its route.",
        "Residents who had campaigned against the route said they would keep going until the works start.",
    ]
    teasers = [
        "RESILIENCE: Once the system is operational, there would be no need to worry about the risks posed by "
        "disasters to communication systems, an official said, adding that coverage would reach the nation by the end",
        "REACTION: A former official said the speech was a step toward stability and the question was how the other "
        "side would respond, while the minister warned against taking any",
    ]
    resources, options = TextResources.load(), Options()
    result = filter_paragraphs(article + teasers, "en", resources, options)
    assert result.paragraphs == article
    # One paragraph that ends without a full stop is not a box.
    result = filter_paragraphs(article + teasers[:1], "en", resources, options)
    assert len(result.paragraphs) == 3
