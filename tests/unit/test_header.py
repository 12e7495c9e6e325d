from __future__ import annotations

import pytest

from newsclean.text.evidence import Evidence
from newsclean.text.header import find_footer
from newsclean.text.headline import find_headline
from newsclean.text.segment import iter_blocks

KNOWN = "The Senate passed the budget after a fight over taxes."


def test_tag_list_is_cut_before_a_footer_menu() -> None:
    blocks = iter_blocks("Body text.\n\nReuters\n\nPolitics\n\nBudget\n\nSenate\n\nTaxes\n\nAbout us\n\nContact")
    footer = find_footer(blocks, [False] * len(blocks), 1, KNOWN, None, Evidence.load())
    assert footer.agencies == ["Reuters"]
    assert footer.tags == ["Politics", "Budget", "Senate", "Taxes"]


def test_a_menu_after_the_body_is_not_a_tag_list() -> None:
    blocks = iter_blocks("Body text.\n\nPolitics\n\nSports\n\nWeather\n\nAbout us")
    footer = find_footer(blocks, [False] * len(blocks), 1, KNOWN, None, Evidence.load())
    assert footer.tags == []


def test_labelled_tags() -> None:
    blocks = iter_blocks("Body text.\n\nTags:\n\nHousing\n\nRents")
    footer = find_footer(blocks, [False] * len(blocks), 1, "", None, Evidence.load())
    assert footer.tags == ["Housing", "Rents"]


def test_headline_is_scored_on_slug_lead_and_position() -> None:
    text = (
        "Home\n\nNews\n\nPhoto: Jane Roe\n\nCity council approves new budget plan\n\nShare\n\n"
        "The city council approved a new budget plan on Monday after a long debate about taxes and services."
    )
    blocks = iter_blocks(text)
    noise = [b.text in ("Share", "Photo: Jane Roe") for b in blocks]
    assert find_headline(blocks, noise, 5, 6, "https://example.org/city/council-approves-budget-plan") == 3
    # A menu label near the article is not a headline.
    assert find_headline(blocks[:2] + blocks[5:], [False, False, False], 2, 3, None) is None


def test_a_kicker_above_the_headline_is_not_the_headline() -> None:
    """The dev page ch/SRF_2025_01_05 prints its kicker as a line of its own above the headline."""
    text = (
        "Home\n\nInternational\n\nMinderheit in Syrien\n\n"
        "Drusen fordern Teilhabe statt Schutzgarantien von neuer Regierung\n\n"
        "Monika Bolliger und Anna Trechsel, Sweidah\n\n"
        "Angehörige der drusischen Minderheit in Syrien haben beim Sturz von Assad mitgeholfen. "
        "Nun fordern die Drusen Teilhabe an der neuen Regierung in Syrien."
    )
    blocks = iter_blocks(text)
    url = "https://www.srf.ch/news/international/minderheit-in-syrien-drusen-fordern-teilhabe"
    assert find_headline(blocks, [False] * len(blocks), 5, 6, url) == 3
    # Without the longer line below it, the short line is all there is.
    alone = blocks[:3] + blocks[4:]
    assert find_headline(alone, [False] * len(alone), 4, 5, url) == 2


def test_a_numbered_breadcrumb_loses_to_the_same_headline_printed_alone() -> None:
    text = (
        "1. Wirtschaft\n\n2. Unternehmen\n\n3. Wie gefährlich Billigware aus China wirklich ist\n\n"
        "Wie gefährlich Billigware aus China wirklich ist\n\nVon Felix Schwarz\n\n"
        "Produkte von chinesischen Händlern stehen oft in der Kritik. Wie gefährlich ist die Billigware?"
    )
    blocks = iter_blocks(text)
    noise = [b.text.startswith("Von ") for b in blocks]
    assert find_headline(blocks, noise, 6, 7, "https://www.example.de/wirtschaft/billigware-aus-china") == 3


def test_a_line_sharing_only_function_words_with_the_winner_is_no_headline_over_its_standfirst() -> None:
    """The upper line must tell the same story: "des", "the" and "and" are in every other line."""
    from newsclean.text.headline_moves import above_standfirst

    upper = "Moscou salue une avancée des troupes au sud"
    winner = "Deux morts dans une frappe des forces russes sur le nord"
    blocks = iter_blocks(f"{upper}\n\nLes tirs reprennent\n\n{winner}\n\nBody.")
    assert above_standfirst(blocks, {0: 2.0, 2: 4.0}, 2) == 2
    # Sharing the story's words ("frappe", "morts", "nord"), it is the headline over its standfirst.
    named = iter_blocks(f"Une frappe russe fait deux morts dans le nord\n\nLes tirs reprennent\n\n{winner}\n\nBody.")
    assert above_standfirst(named, {0: 2.0, 2: 4.0}, 2) == 0


def test_a_headline_printing_every_slug_word_beats_a_short_line_sharing_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long headline holds all the slug's words among its function words; a photo line right above the
    article holds two, a higher share of its own words, and names the lead's people too."""
    from newsclean.text import headline

    text = (
        "Sociedad\n\nDetenido un alcalde por desviar y ocultar durante años fondos de tres hospitales públicos\n\n"
        "Compartir\n\nEl alcalde detenido junto a su hermano en el juzgado\n\n"
        "La policía detuvo el martes al alcalde y a su hermano, acusados de desviar dinero público "
        "a cuentas en el extranjero durante casi una década."
    )
    blocks = iter_blocks(text)
    noise = [b.text == "Compartir" for b in blocks]
    url = "https://www.example.es/sociedad/detenido-alcalde-desviar-ocultar-fondos-hospitales-20241202-nt.html"
    assert find_headline(blocks, noise, 4, 5, url) == 1
    # Weighed by the share of its own words only, the short line nearer the article wins.
    monkeypatch.setattr(headline, "_COVER_WEIGHT", 0.0)
    assert find_headline(blocks, noise, 4, 5, url) == 3
