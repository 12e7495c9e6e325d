"""Headlines glued to the sentence after them in a flattened dump (:mod:`newsclean.text.lead_ins`).

A box of other stories flattened reads "Headline The summary sentence."
over and over; the headline must come back on a line of its own so the
teaser-run cut sees its shape. A capitalised article inside one sentence
("told The Times") or a lone lead-in must not be cut.
"""

from __future__ import annotations

import newsclean
from newsclean.text.lead_ins import lead_in_end, lead_in_ends
from newsclean.text.unflatten import restore_line, split_units

_TEASERS_EN = (
    "Minister quits after budget row The finance minister resigned on Monday after a long row over the budget. "
    "Floods hit northern towns Heavy rain flooded three towns in the north overnight, officials said on Tuesday. "
    "Rail strike called off after talks The unions called off the planned strike after late talks on pay."
)
_TEASERS_DE = (
    "Koalition streitet über den Haushalt Die Koalition hat sich am Montag erneut über den Haushalt gestritten. "
    "Neue Brücke über den Rhein eröffnet Die neue Brücke wurde am Sonntag nach drei Jahren Bauzeit eröffnet. "
    "Zugstrecke bleibt bis Juni gesperrt Die Bahn hat die Sperrung der Strecke bis in den Juni verlängert."
)


def _restored(text: str) -> list[str]:
    return restore_line(text, credits=True, sentences=True, subjects=True, items=True)


def test_sentence_case_teasers_get_their_headlines_back_on_lines_of_their_own() -> None:
    assert _restored(_TEASERS_EN) == [
        "Minister quits after budget row",
        "The finance minister resigned on Monday after a long row over the budget.",
        "Floods hit northern towns Heavy rain flooded three towns in the north overnight, officials said on Tuesday.",
        "Rail strike called off after talks",
        "The unions called off the planned strike after late talks on pay.",
    ]


def test_noun_capitalised_teasers_are_cut_at_the_capitalised_article() -> None:
    assert _restored(_TEASERS_DE) == [
        "Koalition streitet über den Haushalt",
        "Die Koalition hat sich am Montag erneut über den Haushalt gestritten.",
        "Neue Brücke über den Rhein eröffnet",
        "Die neue Brücke wurde am Sonntag nach drei Jahren Bauzeit eröffnet.",
        "Zugstrecke bleibt bis Juni gesperrt",
        "Die Bahn hat die Sperrung der Strecke bis in den Juni verlängert.",
    ]


def test_a_lone_lead_in_stays_with_its_sentence() -> None:
    text = (
        "Minister quits after budget row The finance minister resigned on Monday after a long row over the budget. "
        "He had been in the post for three years and was expected to stay until the election next spring. "
        "His deputy will take over the ministry until a successor is named by the prime minister."
    )
    units = split_units(text)
    assert lead_in_end(text[units[0][0]:units[0][1]].split()) == 5
    assert lead_in_ends(text, units) == [0, 0, 0]
    assert _restored(text)[0].startswith("Minister quits after budget row The finance minister")


def _words(text: str) -> list[str]:
    return text.split()


def test_a_title_inside_a_sentence_is_no_seam() -> None:
    # After a function word or a comma, a capitalised article opens a name, not a sentence.
    assert lead_in_end(_words("The minister told reporters at The Times on Monday that he would not resign.")) == 0
    assert lead_in_end(_words("In her memoir, The Truths of Power, she wrote that she had been twelve years old.")) == 0
    # What follows the capitalised article must read as a sentence: long enough, closed by a stop.
    assert lead_in_end(_words("Harbour wall plans approved The council agreed.")) == 0
    assert lead_in_end(_words("Harbour wall plans approved The council agreed to rebuild the wall")) == 0
    assert lead_in_end(_words("Harbour wall plans approved The council agreed to rebuild the wall.")) == 4


_ARTICLE = (
    "The town council voted on Monday to rebuild the harbour wall after the winter storms destroyed the old pier. "
    "Engineers warned that the damaged stones could give way during the next spring tide without urgent repairs. "
    "Fishermen have moored their boats in the neighbouring bay since January, losing weeks of income to the delay. "
    "The harbour master said the new wall would be two metres higher and built from reinforced concrete blocks. "
    "Work on the foundations is expected to begin in April, once the contractor has finished surveying the seabed. "
    "Residents living along the quay welcomed the decision but asked the council to keep the footpath open. "
    "The project will be paid for by a regional grant and a loan that the council expects to repay over twenty years. "
    "Councillors agreed to publish monthly reports on the harbour works so that residents can follow the progress."
)


def test_teaser_box_after_a_flattened_article_is_cut() -> None:
    menu = "Home News Sport Weather Culture Contact Newsletter Login Search Archive Podcasts Events Jobs Shop"
    page = f"{menu} Harbour wall to be rebuilt after storms {_ARTICLE} {_TEASERS_EN} {_TEASERS_DE}"
    assert len(page) > 1000
    body = newsclean.clean(page, input_format="text").text
    assert "The town council voted on Monday" in body
    assert "so that residents can follow the progress." in body
    assert "unions called off" not in body and "Die Bahn hat" not in body
