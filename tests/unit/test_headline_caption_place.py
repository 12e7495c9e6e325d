"""Lines a header prints near its headline that are none: a caption closing on its credit, a dateline's places,
and the lines that are: a dash-led quote the address spells, a printing of the headline far above a late region.

Dumps written to reproduce fp-dev renders: a Korean paper's lead photo caption ("... 있다. 뉴시스") outscored
the headline; a Spanish paper's place line ("Sevilla, Los Gallardos") above its date line won; a Norwegian
paper's quoted headline ("- Angsten vil øke") read as a list item; a Canadian paper's paywall box put the
region's start far under the header, whose headline the page prints again over its video.
"""

from __future__ import annotations

import newsclean
from newsclean.text.headline import find_headline
from newsclean.text.headline_shape import closes_on_credit, names_places, quotes_story, reads_as_title
from newsclean.text.segment import iter_blocks
from newsclean.text.story_words import fold
from tests.header_pages import PROSE_LEAD as _LEAD
from tests.header_pages import PROSE_SECOND as _SECOND


def test_a_caption_closing_on_its_credit_in_any_script() -> None:
    assert closes_on_credit("12일 서울 여의도 국회의원회관에서 열린 회의에서 당대표 후보들이 자리하고 있다. 뉴시스")
    assert closes_on_credit("Protesters march through the city centre of the capital on Sunday. Reuters")
    assert closes_on_credit("Firefighters work on the hillside above the village on Thursday. Jane Doe")
    # A headline's second sentence, an abbreviation's point, a short first clause: no caption.
    assert not closes_on_credit("The world needs more spaceports. Oman wants to help")
    assert not closes_on_credit("An Insider’s View of the Montana Legislature’s Attacks on Trans Rep. Zooey Zephyr")
    assert not closes_on_credit("So lief die Auktion der Schätzchen von St. Johannes")
    assert not closes_on_credit("Japan Prime Minister Takes Cautious Stance on Revising Japan-U.S. Pact")
    assert not closes_on_credit("Markets fall. Stocks slide")
    assert not closes_on_credit("Protesters march through the city centre of the capital on Sunday. and more")


def test_place_names_between_commas() -> None:
    assert names_places("Sevilla, Los Gallardos")
    assert names_places("Kyiv, Ukraine")
    assert names_places("Berlin, Hamburg, München")
    assert not names_places("Hamas, Israel Agree Truce Deal")  # a headline says what happened
    assert not names_places("Sevilla, los incendios")
    assert not names_places("Al menos 12 fallecidos en el incendio")


def test_a_dash_led_quote_the_slug_spells() -> None:
    slug = frozenset({"angsten", "vil", "oke"})
    assert quotes_story("- Angsten vil øke", slug)
    assert quotes_story("– Angsten vil øke", slug)
    assert not quotes_story("- Innenriks", slug)  # one word: a menu's item
    assert not quotes_story("- Angsten vil øke mye", slug)  # a word the slug does not spell
    assert not quotes_story("Angsten vil øke", slug)  # no dash: the main reader's candidate


def test_slugs_drop_the_stroke_of_a_letter() -> None:
    assert "oke" in fold("øke")
    assert "walesa" in fold("wałęsa")


def test_place_line_above_the_date_line_is_no_headline() -> None:
    dump = "\n\n".join([
        "Home", "News", "Regions",
        "Twelve dead in the forest fire of Los Gallardos as hundreds flee their homes",
        "Chus del Pino, Martí Abad",
        "Sevilla, Los Gallardos",
        "10/07/2026 00:50",
        "The forest fire of Los Gallardos has left twelve dead and hundreds of residents have fled their homes "
        "overnight, the regional government said on Friday morning after a meeting in Sevilla.",
        _SECOND,
    ])
    record = newsclean.clean(dump, url="https://news.example.org/local/20260710/mueren-incendio-forestal-gallardos.html",
                             input_format="text")
    assert record.title == "Twelve dead in the forest fire of Los Gallardos as hundreds flee their homes"


def test_caption_with_credit_under_the_headline_is_not_taken() -> None:
    caption = "The meteorite pierced the house roof in the town on Tuesday. Jane Doe"
    dump = "\n\n".join(["Home", "News", "Science",
                        "Stone from the sky: family finds a hole in the roof",
                        "Updated: 28.04.2023 16:11", caption, _LEAD, _SECOND])
    record = newsclean.clean(dump, url="https://news.example.org/science/meteorite-pierces-house-roof-town",
                             input_format="text")
    assert record.title == "Stone from the sky: family finds a hole in the roof"
    without = newsclean.clean(dump.replace(" Jane Doe", ""), url="https://news.example.org/x/meteorite-pierces-house-roof-town",
                              input_format="text")
    assert without.title == record.title  # a caption closing on its full stop was never a candidate


def test_dash_led_quote_next_to_the_header_is_the_headline() -> None:
    dump = "\n\n".join([
        "* Innenriks", "* Utenriks", "* Politikk",
        "- Angsten vil øke",
        "USAs angrep skaper spenning i regionen, mener ekspert, men tror et liknende angrep er usannsynlig.",
        "Publisert 06.01.2026 - 17:29",
        "Nord-Korea fordømte angrepet der presidenten ble tatt til fange, og en ekspert mener angsten i regimet "
        "vil øke etter angrepet, skriver det anerkjente nyhetsnettstedet i Seoul mandag kveld.",
        "Ekspert mener angrepet vil øke fokuset på atomvåpen for overlevelse, og at forhandlinger blir vanskeligere "
        "i årene som kommer, sier han til nettstedet etter konferansen i Seoul.",
    ])
    record = newsclean.clean(dump, url="https://www.example.no/nyheter/angsten-vil-oke/84057530", input_format="text")
    assert record.title == "- Angsten vil øke"


def test_a_printing_of_the_headline_far_above_a_late_region_is_read_on_a_second_look() -> None:
    headline = "Meteorite pierces family house roof in small town"
    notices = [f"Subscriber notice number {n}" for n in range(30)]
    blocks = iter_blocks("\n\n".join(["Share this story", headline, "Copy link", *notices, headline,
                                      "Back to video", *notices, _LEAD, _SECOND]))
    start = len(blocks) - 2
    noise = [b.text.startswith(("Subscriber", "Share", "Copy", "Back")) for b in blocks]
    url = "https://news.example.org/science/meteorite-house-roof"
    assert find_headline(blocks, noise, start, len(blocks), url) is None
    found = find_headline(blocks, noise, start, len(blocks), url, reprinted=True)
    assert found is not None and blocks[found].text == headline and found > 5  # the printing nearest the text


def test_a_far_printing_must_read_as_one_title() -> None:
    assert reads_as_title("India fires missiles into Pakistani-controlled territory, killing at least 26")
    assert reads_as_title("Why now?")
    assert not reads_as_title("Ryan Grim speaks to Stuart Reid about his new book, “The Lumumba Plot.”")
    assert not reads_as_title("Ambrosia stammt aus Nordamerika. Dennoch breiten sich einige Arten aus")
    # A paragraph the page prints twice, far above a late region, is not taken on the second look.
    quote = "Ambrosia stammt aus Nordamerika. Dennoch breiten sich einige Arten aus"
    notices = [f"Subscriber notice number {n}" for n in range(30)]
    blocks = iter_blocks("\n\n".join([quote, *notices, quote, *notices, _LEAD, _SECOND]))
    noise = [b.text.startswith("Subscriber") for b in blocks]
    url = "https://news.example.org/ambrosia-nordamerika-arten-breiten"
    assert find_headline(blocks, noise, len(blocks) - 2, len(blocks), url, reprinted=True) is None
