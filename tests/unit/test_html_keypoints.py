"""The key-points list between the headline and the body: kept as the story's summary, never a menu or a tag list."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from lxml import html

import newsclean
from newsclean.html.keypoints import lead_with_key_points
from tests.stories import COUNCIL_BODY, COUNCIL_TITLE
from tests.stories import council_page as _page

_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
_TITLE = COUNCIL_TITLE
_POINTS = [
    "The city council has put off its decision on the central library until the autumn session",
    "Supporters say the library would serve thirty thousand readers a year.",
    "Opponents point to the rising cost of materials and the city's debt.",
]
_BODY = COUNCIL_BODY


def _list(items: list[str], link: bool = False) -> str:
    wrap = (lambda t: f"<a href='/other/{len(t)}'>{t}</a>") if link else (lambda t: t)
    return "<ul>" + "".join(f"<li>{wrap(t)}</li>" for t in items) + "</ul>"


def _lead(between: str) -> list[str]:
    return lead_with_key_points(list(_BODY), html.fromstring(_page(between)), [_TITLE])


def test_the_summary_list_leads_the_body() -> None:
    # The body as trafilatura leaves it, without the header block the list sits in.
    assert _lead(f"<div><span>Key points</span>{_list(_POINTS)}</div>") == [*_POINTS, *_BODY]


def test_a_page_whose_extractor_drops_the_summary_gets_it_back() -> None:
    # CNBC_0 (fe): three key points under the headline, beside the byline and above the photo.
    record = json.loads((_PAGES / "CNBC_0.json").read_text(encoding="utf-8"))
    page = gzip.decompress((_PAGES / "CNBC_0.html.gz").read_bytes()).decode("utf-8")
    art = newsclean.clean(page, url=record["url"], input_format="html")
    gold = [line.strip("[]") for line in record["gold_body"].split("\n\n")]
    assert (art.text or "").split("\n\n")[:3] == gold[:3]


def test_points_the_story_repeats_word_for_word_are_still_the_summary() -> None:
    repeated = [*_POINTS[:2], _BODY[2]]
    assert _lead(_list(repeated)) == [*repeated, *_BODY]


def test_a_list_the_body_already_holds_is_not_repeated() -> None:
    body = [*_POINTS, *_BODY]
    assert lead_with_key_points(list(body), html.fromstring(_page(_list(_POINTS))), [_TITLE]) == body


def test_headline_lists_tag_lists_and_menus_are_no_summary() -> None:
    assert _lead(_list(_POINTS, link=True)) == _BODY
    assert _lead(_list(["Local politics", "Libraries", "City council budget"])) == _BODY
    assert _lead(f"<nav>{_list(_POINTS)}</nav>") == _BODY
    assert _lead(f"<aside>{_list(_POINTS)}</aside>") == _BODY


def test_a_single_item_or_a_long_list_is_no_summary() -> None:
    assert _lead(_list(_POINTS[:1])) == _BODY
    assert _lead(_list(_POINTS * 3)) == _BODY
