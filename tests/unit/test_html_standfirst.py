"""The standfirst between the headline and the body: kept when it is running prose, never a caption or date line."""
from __future__ import annotations

from lxml import html

import newsclean
from newsclean.html.standfirst import lead_with_standfirst
from tests.stories import COUNCIL_BODY, COUNCIL_TITLE
from tests.stories import council_page as _page

_TITLE = COUNCIL_TITLE
_STANDFIRST = ("After two hours of argument about rising costs, the city council has put off its decision "
               "on the central library until the autumn session.")
_BODY = COUNCIL_BODY


def _lead(between: str) -> list[str]:
    return lead_with_standfirst(list(_BODY), html.fromstring(_page(between)), [_TITLE])


def test_a_teaser_marked_standfirst_leads_the_cleaned_body() -> None:
    # trafilatura drops blocks marked as a teaser; the summary under the headline is the article's.
    art = newsclean.clean(_page(f"<div class='article-teaser'><p>{_STANDFIRST}</p></div>"), input_format="html")
    paragraphs = (art.text or "").split("\n\n")
    assert paragraphs[0] == _STANDFIRST
    assert paragraphs[1:] == _BODY


def test_a_standfirst_already_in_the_body_is_not_repeated() -> None:
    assert _lead(f"<p>{_BODY[0]}</p>")[0] == _BODY[0]
    assert _lead(f"<p>{_BODY[0]}</p>").count(_BODY[0]) == 1


def test_a_photo_caption_under_the_headline_is_no_standfirst() -> None:
    caption = ("Members of the city council listen to the architects during the long debate on Monday "
               "evening in the town hall. (Photo: Jane Doe)")
    assert _lead(f"<div class='pic'><img src='a.jpg'><div>{caption}</div></div>") == _BODY
    assert _lead(f"<p><img src='a.jpg'> {caption}</p>") == _BODY


def test_a_date_line_or_a_kicker_is_no_standfirst() -> None:
    dated = ("By Jane Doe, published <time datetime='2024-05-01'>1 May 2024</time>, updated later that "
             "evening after the council had finished its long meeting.")
    assert _lead(f"<p>{dated}</p>") == _BODY
    assert _lead("<p>Local politics</p>") == _BODY


def test_prose_in_a_menu_or_aside_is_no_standfirst() -> None:
    assert _lead(f"<aside><p>{_STANDFIRST}</p></aside>") == _BODY
    assert _lead(f"<nav><ul><li>{_STANDFIRST}</li></ul></nav>") == _BODY


def test_without_a_matching_headline_nothing_is_added() -> None:
    tree = html.fromstring(_page(f"<p>{_STANDFIRST}</p>"))
    assert lead_with_standfirst(list(_BODY), tree, ["Another story altogether"]) == _BODY
    assert lead_with_standfirst(list(_BODY), tree, [_TITLE]) == [_STANDFIRST, *_BODY]


def test_nothing_is_slipped_below_a_summary_the_body_already_leads_with() -> None:
    # The body opens with the page's summary (no full stop, so not read as a sentence); a
    # registration prompt printed under it is between the headline and the first sentence,
    # but it comes after body text, so it is no standfirst.
    summary = "The council put off its decision on the central library until the autumn session of the year"
    prompt = ("You can save this article to read later by registering for free here, or sign in if you "
              "already have an account with us.")
    page = _page(f"<p>{summary}</p><p>{prompt}</p>")
    lines = [summary, *_BODY]
    assert lead_with_standfirst(lines, html.fromstring(page), [_TITLE]) == lines


def test_a_standfirst_without_a_full_stop_right_under_the_headline() -> None:
    # TheGuardian_4 (fe): a review's label, then the standfirst with no full stop, then a drop cap
    # (<span>A</span>fter) that splits the body's first word in the page's text.
    standfirst = "Recorded in an old schoolhouse on the coast, the musician's first solo outing has a quiet simplicity"
    first = _BODY[0]
    dropcap = f"<p><span class='drop'>{first[0]}</span>{first[1:]}</p>"
    paras = dropcap + "".join(f"<p>{p}</p>" for p in _BODY[1:])
    page = (f"<html><body><article><h1>{_TITLE}</h1><p>(Outside Records)</p><p>{standfirst}</p>"
            f"<div>Jane Doe</div>{paras}</article></body></html>")
    assert lead_with_standfirst(list(_BODY), html.fromstring(page), [_TITLE]) == [standfirst, *_BODY]


def test_a_title_cased_line_without_a_full_stop_is_no_standfirst() -> None:
    label = "Read More About The City Council, The Library Budget And The Autumn Session Of The Year"
    assert _lead(f"<p>{label}</p>") == _BODY


def test_a_share_row_or_the_headline_again_is_no_standfirst() -> None:
    # fp-dev pages: a row of share buttons and a kicker with the headline, under the <h1>, unpunctuated.
    row = "Share this story via email Share this story via Facebook Share this story via the other network"
    again = f"Local politics in the city {_TITLE.lower()}"
    assert _lead(f"<p>{row}</p>") == _BODY
    assert _lead(f"<p>{again}</p>") == _BODY
    # te-dev: a series name and a date as spans of one meta row.
    series = "#Briefly on the laws of the city and the country around it"
    assert _lead(f"<div><span><span>{series}</span><span>22 April 2021</span></span></div>") == _BODY
