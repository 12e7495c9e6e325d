"""Teaser cards: another story's summary after its headline link goes; the article's own linked sentences stay."""
from __future__ import annotations

from lxml import html

from newsclean.html.cards import card_texts, drop_card_texts
from newsclean.normalize.text import comparison_key
from newsclean.record import Removed
from tests.stories import COUNCIL_BODY, COUNCIL_TITLE

_TITLE = COUNCIL_TITLE
_BODY = COUNCIL_BODY[:3]
_HEADLINE = "Why the old market square keeps flooding every spring"
_DEK = "Engineers say the drains were built for a town a third of the size, and nobody has paid to widen them."


def _card(headline: str = _HEADLINE, dek: str = _DEK, twice: bool = False) -> str:
    shown = f"<span class='sr-only'>{headline}</span>" if twice else ""
    href = "/news/" + "-".join(headline.lower().split()[:3])
    return (f"<div class='card'><a href='{href}'><img src='f.jpg'></a><div>"
            f"<p><a href='/local'>Local</a></p><h3>{shown}<a href='{href}'>{headline}</a></h3>"
            f"<p>{dek}</p><p><a href='/authors/jane'>Jane Doe</a> / <span>12 May</span></p></div></div>")


def _page(inside: str = "", after: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in _BODY[:2]) + inside + f"<p>{_BODY[2]}</p>"
    return (f"<html><head><title>{_TITLE}</title></head><body><article><h1>{_TITLE}</h1>"
            f"<div class='story'>{paras}</div></article><section>{after}</section></body></html>")


def _drop(lines: list[str], page: str) -> list[str]:
    removed: list[Removed] = []
    return drop_card_texts(lines, html.fromstring(page), [_TITLE], "https://example.org/news/library", removed)


def test_a_promo_card_inside_the_story_loses_its_summary() -> None:
    lines = [*_BODY[:2], _DEK, _BODY[2]]
    assert _drop(lines, _page(inside=_card())) == _BODY


def test_related_cards_after_the_story_lose_summary_and_doubled_headline() -> None:
    cards = _card(twice=True) + _card("Three new bus lines open in the northern districts",
                                       "The lines connect the new estates with the station every ten minutes.")
    lines = [*_BODY, f"{_HEADLINE} {_HEADLINE}", _DEK,
             "The lines connect the new estates with the station every ten minutes."]
    assert _drop(lines, _page(after=cards)) == _BODY


def test_a_sentence_with_a_link_in_it_is_the_articles_own() -> None:
    # "Read the report, <a>headline</a>." is prose around a link, not a card's headline.
    linked = f"<p>The council published its report, <a href='/report'>{_HEADLINE}</a>, last week.</p>"
    follow = "<p>Nobody on the council has read it yet, the mayor admitted.</p>"
    page = _page(inside=f"<div>{linked}{follow}</div>")
    keys = card_texts(html.fromstring(page), [_TITLE], None)
    assert comparison_key("Nobody on the council has read it yet, the mayor admitted.") not in keys


def test_list_items_sources_and_sections_are_no_cards() -> None:
    # te-dev pages: a listicle's numbered items, a recipe's ingredient list under a product link.
    numbered = _card(f"3. {_HEADLINE}")
    assert _drop([*_BODY[:2], _DEK, _BODY[2]], _page(inside=numbered)) == [*_BODY[:2], _DEK, _BODY[2]]
    external = _card().replace("href='/news/", "href='https://shop.example.com/news/")
    assert _drop([*_BODY[:2], _DEK, _BODY[2]], _page(inside=external)) == [*_BODY[:2], _DEK, _BODY[2]]
    items = ["Two cups of flour for the dough", "A pinch of salt and some pepper", "Olive oil for the tin",
             "A handful of black olives, halved"]
    section = (f"<div><h3><a href='/shop/flour-and-more'>{_HEADLINE}</a></h3><ul>"
               + "".join(f"<li>{i}</li>" for i in items) + "</ul></div>")
    assert _drop([*_BODY, *items], _page(inside=section)) == [*_BODY, *items]


def test_the_storys_own_headline_link_and_a_page_of_cards_are_kept() -> None:
    # A blog links its headline to the post itself; an index page is nothing but cards.
    own = f"<div><h2><a href='https://example.org/news/library'>{_HEADLINE}</a></h2><p>{_DEK}</p></div>"
    assert _drop([_DEK, *_BODY], _page(inside=own)) == [_DEK, *_BODY]
    only_cards = [f"{_HEADLINE} {_HEADLINE}", _DEK]
    assert _drop(only_cards, _page(after=_card(twice=True))) == only_cards
