"""Follow-up stories: a second ``<article>`` loaded below the page's own story leaves the body."""
from __future__ import annotations

from lxml import html

import newsclean
from newsclean.html.followups import find_follow_ups
from tests.stories import COUNCIL_BODY, COUNCIL_TITLE

_TITLE = COUNCIL_TITLE
_FIRST = COUNCIL_BODY
_SECOND_HEADLINE = "Storm warning issued for the coast as heavy rain moves in"
_SECOND = [
    "Forecasters issued a storm warning for the whole coast on Tuesday as a band of heavy rain moved "
    "in from the sea, and residents were told to stay away from rivers and low bridges overnight.",
]


def _page(follow_ups: int = 1, main_in_article: bool = False) -> str:
    paras = "".join(f"<p>{p}</p>" for p in _FIRST)
    main = f"<h1>{_TITLE}</h1><div class='story'>{paras}</div>"
    if main_in_article:
        main = f"<article>{main}</article>"
    second = "".join(
        f"<article><h2><a href='/next{i}'>{_SECOND_HEADLINE} {i}</a></h2>"
        + "".join(f"<p>{p}</p>" for p in _SECOND)
        + "</article>"
        for i in range(follow_ups)
    )
    return (f"<html><head><title>{_TITLE} - The Daily</title>"
            f"<meta property='og:title' content='{_TITLE}'></head>"
            f"<body>{main}<section><h2>Read next</h2>{second}</section></body></html>")


def test_lone_article_after_the_story_is_not_taken_for_it() -> None:
    # The page's story sits in no <article>; an extractor trusting the first <article> took the second.
    text = newsclean.clean(_page(), input_format="html").text
    assert "city council met on Monday" in text
    assert "Forecasters" not in text


def test_follow_up_after_an_article_is_cut() -> None:
    article = newsclean.clean(_page(main_in_article=True), input_format="html")
    assert "mayor told reporters" in article.text
    assert "Forecasters" not in article.text
    assert any(r.reason == "teaser" and r.text.startswith(_SECOND_HEADLINE) for r in article.removed)


def test_the_story_named_by_the_title_is_never_a_follow_up() -> None:
    page = html.fromstring(_page(main_in_article=True))
    assert len(find_follow_ups(page, [_SECOND_HEADLINE + " 0"])) == 0


def test_many_headed_articles_are_entries_not_follow_ups() -> None:
    # FAQ answers and live-blog posts: a run of <article>s, each with its heading.
    page = html.fromstring(_page(follow_ups=3))
    assert find_follow_ups(page, [_TITLE]) == []


def test_follow_up_is_found_in_the_page() -> None:
    page = html.fromstring(_page())
    found = find_follow_ups(page, [_TITLE])
    assert len(found) == 1
    assert (found[0].findtext(".//a") or "").startswith(_SECOND_HEADLINE)
