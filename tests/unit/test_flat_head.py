"""A menu glued to the headline at the top of a flattened dump: cut; a standfirst with no stop: kept."""

from __future__ import annotations

from collections.abc import Callable

from newsclean.text.classify import Verdict
from newsclean.text.evidence import Evidence
from newsclean.text.flat_head import glued_menu_head, is_glued_menu
from newsclean.text.segment import Block

_EVIDENCE = Evidence.load()

MENU = (
    "Home News Politics Business Money Markets Sport Football Cricket Culture Film Music Travel "
    "Health Science Opinion Puzzles Newsletters Podcasts Council Votes to Keep the Library Open"
)
MENU_DE = (
    "Startseite Politik Wirtschaft Sport Fußball Kultur Reise Gesundheit Wissen Meinung Panorama "
    "Podcasts Newsletter Abo Anmelden Gemeinderat stimmt für die Bibliothek"
)
STANDFIRST = (
    "The council voted on Tuesday to keep the library open for another year after residents "
    "packed the hall and asked members to find the money elsewhere in the budget"
)
RESULTS = (
    "Miller, Anna 1994 Harbour Athletics 12,40 m Jones, Kate 1995 River Club 11,92 m "
    "Brown, Lucy 1994 Harbour Athletics 11,80 m Smith, Jane 1996 Valley Runners 11,65 m"
)
HALF_CAPITALISED = (
    "Home News Politics Business Money Markets Sport Football Cricket Culture Film Music Travel Health "
    "council votes keep library funding amid budget row residents protest cuts"
)
FOOTER_ROW = (
    "Careers Advertise Contact Accessibility Statement Cookie Settings Terms of Use Privacy Policy "
    "Newsletters Podcasts Corrections Archive Sitemap Copyright 2024 The Harbour Times Media Group."
)
CAPTION_NAMES = (
    "Vorstand (von links): Anna Berger, Paula Vogt, Peter Maurer, Clara Roth, Sofia Huber, Maria Kofler, "
    "Esther Lang, Doris Gruber, Simon Egger Die Gesellschaft für Allgemeinmedizin feierte in Brixen."
)
PROSE = "The library has been open since 1911, and its members say it serves the whole town every week. " * 3


def _density(language: str) -> Callable[[str], float | None]:
    return lambda text: _EVIDENCE.stopword_density(text, language)


def _region(*texts: str) -> tuple[list[Block], list[Verdict]]:
    blocks = [Block(index=i, text=t, line=i, gap_before=False) for i, t in enumerate(texts)]
    verdicts = [Verdict(category=None, prose=True, score=1.0) for _ in texts]
    return blocks, verdicts


def test_a_menu_glued_to_the_headline_is_a_menu_in_two_languages() -> None:
    assert is_glued_menu(MENU, _density("en"))
    assert is_glued_menu(MENU_DE, _density("de"))


def test_a_standfirst_without_a_stop_and_a_results_row_are_not_menus() -> None:
    assert not is_glued_menu(STANDFIRST, _density("en"))
    assert not is_glued_menu(RESULTS, _density("en"))
    # Finished and only half capitalised, or short: a sentence or a headline, not a menu.
    assert not is_glued_menu(HALF_CAPITALISED + ".", _density("en"))
    assert is_glued_menu(HALF_CAPITALISED, _density("en"))
    assert not is_glued_menu("Home News Politics Business Sport", _density("en"))


def test_a_footer_row_ending_in_its_copyright_notice_is_a_menu() -> None:
    # Nearly every word capitalised: the row's last item ends in a stop, no sentence reads like this.
    assert is_glued_menu(FOOTER_ROW, _density("en"))
    blocks, verdicts = _region(FOOTER_ROW, STANDFIRST, PROSE, PROSE)
    assert glued_menu_head(blocks, verdicts, 0, 4, {}, _density("en")) == {0: "navigation"}


def test_the_menu_line_at_the_region_top_is_cut_and_the_standfirst_kept() -> None:
    blocks, verdicts = _region(MENU, STANDFIRST, PROSE, PROSE)
    assert glued_menu_head(blocks, verdicts, 0, 4, {}, _density("en")) == {0: "navigation"}
    # A caption naming the people in a photo, glued to the first sentence: as capitalised, but it has commas.
    assert not is_glued_menu(CAPTION_NAMES, _density("de"))


def test_a_menu_line_below_the_first_three_body_lines_is_left_alone() -> None:
    blocks, verdicts = _region(STANDFIRST, PROSE, PROSE, MENU, PROSE)
    assert glued_menu_head(blocks, verdicts, 0, 5, {}, _density("en")) == {}


def test_nothing_is_cut_when_too_little_prose_would_remain() -> None:
    blocks, verdicts = _region(MENU, "A short line of prose follows here.")
    assert glued_menu_head(blocks, verdicts, 0, 2, {}, _density("en")) == {}
