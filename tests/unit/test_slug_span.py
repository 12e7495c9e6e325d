"""The headline of a dump that lost its line breaks, read from the run of words its address spells."""

from __future__ import annotations

import newsclean
from newsclean.text.slug_span import stream_headline
from newsclean.text.slugs import slug_sequence

_MENU = "Home News Sport Weather Politics Opinion Culture Subscribe Log in"
_LEAD = (
    "The council said on Monday that it had missed warnings about the hall's exits, "
    "and the mayor promised an inquiry. Residents gathered outside the town hall in the evening."
)


def test_slug_sequence_keeps_the_story_segment_in_order_without_ids() -> None:
    url = "https://example.org/panorama/international/council-admits-failings-after-fire-c4d3321d.html"
    assert slug_sequence(url) == ["council", "admits", "failings", "after", "fire"]


def test_stream_headline_is_the_run_the_slug_spells_between_menu_and_byline() -> None:
    url = "https://example.org/world/council-admits-failings-after-fire-in-the-town-hall"
    stream = (f"{_MENU} World Council admits failings after fire in the town hall "
              f"By Jane Roe 4 March 2024 {_LEAD}")
    assert stream_headline(stream, url)[0] == "Council admits failings after fire in the town hall"  # type: ignore[index]


def test_a_folded_slug_finds_the_accented_headline() -> None:
    url = "https://example.at/panorama/gemeinde-raeumt-versaeumnisse-nach-feuer-ein-art-1234"
    stream = ("Startseite Panorama Teilen Gemeinde räumt Versäumnisse nach Feuer ein "
              "Die Gemeinde hat nach dem Brand in der Nacht Fehler eingeräumt. "
              "Der Bürgermeister sprach von Versäumnissen.")
    assert stream_headline(stream, url)[0] == "Gemeinde räumt Versäumnisse nach Feuer ein"  # type: ignore[index]


def test_a_sentence_of_the_lead_retelling_the_slug_is_no_headline() -> None:
    url = "https://example.org/news/police-investigate-leaks-to-violent-gangs"
    stream = (f"{_MENU} Officers said police investigate leaks to violent gangs, after reports this week. {_LEAD}")
    assert stream_headline(stream, url) is None


def test_an_address_without_a_wordy_slug_gives_nothing() -> None:
    assert stream_headline(f"{_MENU} Council admits failings {_LEAD}", "https://example.org/article/628452") is None
    assert stream_headline(f"{_MENU} {_LEAD}", None) is None


def test_a_flattened_dump_gets_its_headline_as_the_title() -> None:
    url = "https://example.org/world/council-admits-failings-after-fire-in-the-town-hall"
    paragraphs = " ".join([_LEAD] * 8)
    dump = f"{_MENU} World Council admits failings after fire in the town hall By Jane Roe 4 March 2024 {paragraphs}"
    record = newsclean.clean(dump, url=url, input_format="text")
    assert record.title == "Council admits failings after fire in the town hall"
