"""Lines shaped like a headline that say of themselves they are none: a media teaser's running time, a credit
the byline repeats, the site's own name; and a headline printed twice in a row stays two lines.

Dumps written to reproduce fp-dev pages (soup render): a news site's audio teaser ("... (1 Min)") right above
the headline outscored it as the headline's standfirst-like neighbour; a newspaper's photo credit ("The Yomiuri
Shimbun") right above the lead shared the byline's and the lead's words; a magazine's sign-up line ("New to" /
"The Nation ?") beat a headline whose visible and screen-reader copies a dangling "Like" had glued to the
standfirst.
"""

from __future__ import annotations

import newsclean
from newsclean.text.headline import candidate_scores
from newsclean.text.headline_shape import echoes_furniture, states_running_time
from newsclean.text.segment import iter_blocks
from newsclean.text.slugs import spells_host
from tests.header_pages import PROSE_LEAD as _LEAD
from tests.header_pages import PROSE_SECOND as _SECOND


def _menu() -> str:
    return "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Radio", "Podcasts", "Region"])


def test_running_time_closes_a_media_teaser_not_a_headline() -> None:
    assert states_running_time("Seltenes Ereignis: Meteoriten-Einschlag in Elmshorn (1 Min)")
    assert states_running_time("DIVE DEEPER (7 MIN)")
    assert states_running_time("Kurzclip auf Youtube (4 Min.)")
    assert states_running_time("Two lightning talks (30 mins)")
    assert states_running_time("Interview with the minister (2:45)")
    assert not states_running_time("Córdoba logra un punto vital ante Noia (3-3)")
    assert not states_running_time("It Was 100 Percent Stolen (VIDEO)")
    assert not states_running_time("Minutes of the meeting (Min. 3)")


def test_an_audio_teaser_above_the_headline_is_not_taken_for_it() -> None:
    dump = "\n\n".join([
        _menu(),
        "AUDIO:",
        "Rare event: meteorite hits Elmshorn (1 Min)",
        "Impact in Elmshorn: it really was a meteorite",
        "Updated: 28.04.2023 16:11",
        _LEAD,
        _SECOND,
    ])
    record = newsclean.clean(dump, url="https://news.example.org/region/impact-elmshorn-meteorite,meteor146.html",
                             input_format="text")
    assert record.title == "Impact in Elmshorn: it really was a meteorite"


def test_a_credit_the_byline_prints_and_the_sites_name_are_no_candidates() -> None:
    lines = ["Prime Minister Dodges Criticism During Leaders Debate", "The Northern Chronicle", "The Nation ?",
             "By Takeo Maeda / Northern Chronicle Staff Writers", _LEAD, _SECOND]
    blocks = iter_blocks("\n\n".join(lines))
    scores = candidate_scores(blocks, [False] * len(blocks), 4, 6, "https://www.thenation.com/politics/20241013-2164/",
                              anchors={3})
    assert 0 in scores
    assert 1 not in scores  # every naming word stands in the byline below
    assert 2 not in scores  # the address spells it


def test_echo_needs_every_naming_word_in_a_short_furniture_line_that_does_not_reprint_it() -> None:
    blocks = iter_blocks("The Northern Daily Chronicle\n\nBy A. Writer / Northern Daily Chronicle Staff\n\n"
                         "Northern Lights Return\n\nBy A. Writer / Northern Daily Chronicle Staff\n\n"
                         "Annual Climate Report 2021\n\n21.01.2022 Annual Climate Report 2021 Climate")
    assert echoes_furniture(blocks, 0, {1}, 3)
    assert not echoes_furniture(blocks, 2, {3}, 3)  # "Lights", "Return" are not the byline's
    assert not echoes_furniture(blocks, 0, set(), 3)  # no furniture below: nothing to echo
    assert not echoes_furniture(blocks, 4, {5}, 3)  # a date line a glued dump joined to the headline reprints it


def test_spells_host() -> None:
    assert spells_host("The Nation ?", "https://www.thenation.com/article/x/")
    assert spells_host("regards.fr", "https://regards.fr/story")
    assert not spells_host("The Nation and its people", "https://www.thenation.com/article/x/")
    assert not spells_host("?", "https://www.thenation.com/")
    assert not spells_host("The Nation", None)


def test_a_headline_printed_twice_in_a_row_is_two_printings() -> None:
    title = "Inside a Rebellion: This Is What Union Democracy Looks Like"
    blocks = iter_blocks(f"{title}\n{title}\nIn the city, the union is preparing for what could be the largest "
                         "strike in its history.\n")
    assert blocks[0].text == title
    assert blocks[1].text.startswith(title)
