"""Ranked boxes: a "most read" box numbered with bare figures, glued into one run, is cut into its headlines.

The case comes from flat renders (every whitespace run collapsed to one
space) of news pages whose "Most Popular" / "Meistgesehen" box printed
"1 Headline 2 Headline 3 ...": kept as one 300-word unit with the article.
The strings below reproduce that shape; prose that names small numbers,
an article's numbered steps and a menu of numbered channels must not be
named as a box.
"""

from __future__ import annotations

from newsclean.text.item_runs import RANKED, item_cuts
from newsclean.text.ranked_items import headline_items, ranked_chains
from newsclean.text.unflatten import restore_items

_BOX = (
    "Most Popular 1 Coast guard expels foreign vessels from home waters 2 Military declines to fire "
    "new anti-ship missile 3 Navy on alert over carrier group 4 Most willing to defend the island: survey "
    "5 Main station renovations to begin"
)
_GERMAN_BOX = (
    "Meistgesehen 1 Böen bis zu 120 km/h: Kräftiger Schneesturm rast auf Deutschland zu 2 Orbán sagt, "
    "die Union werde von selbst zerfallen 3 Neue Studie: Bürgerrechte sind bedroht 4 Irreführende "
    "Behauptungen nach Brandkatastrophe"
)


def _items(text: str) -> list[str]:
    cuts = item_cuts(text)
    return [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def test_bare_counters_counting_up_from_one_make_a_chain() -> None:
    tokens = _BOX.split()
    chains = list(ranked_chains(tokens))
    assert [[tokens[i] for i in chain] for chain in chains] == [["1", "2", "3", "4", "5"]]
    assert headline_items(tokens, chains[0])


def test_a_ranked_box_is_cut_before_each_counter_in_any_language() -> None:
    assert _items(_BOX)[:3] == [
        "Most Popular",
        "1 Coast guard expels foreign vessels from home waters",
        "2 Military declines to fire new anti-ship missile",
    ]
    assert _items(_GERMAN_BOX)[2] == "2 Orbán sagt, die Union werde von selbst zerfallen"


def test_the_box_headlines_are_named_teasers_but_not_its_last_open_item() -> None:
    kinds = restore_items(_BOX, items=True).items
    assert kinds.get("3 Navy on alert over carrier group") == RANKED
    assert kinds.get("1 Coast guard expels foreign vessels from home waters") == RANKED
    # The last item has no known end: the article may go on after it.
    assert not any(line.startswith("5 ") for line in kinds)


def test_numbered_steps_written_as_prose_are_cut_but_not_named() -> None:
    steps = (
        "Here is how to apply. 1 Fill in the form on the council's website and keep a copy. "
        "2 Send it with two proofs of address before the end of March. "
        "3 Wait for the letter that confirms your place on the list."
    )
    tokens = steps.split()
    chain = next(ranked_chains(tokens))
    assert not headline_items(tokens, chain)
    assert restore_items(steps, items=True).items == {}


def test_a_menu_of_numbered_channels_is_no_box() -> None:
    menu = "Radio Radio 1 Radio Live 2 Kultur Radio 3 Radio 4 News Radio Musik"
    tokens = menu.split()
    chains = list(ranked_chains(tokens))
    assert chains and not any(headline_items(tokens, chain) for chain in chains)
    assert RANKED not in restore_items(menu, items=True).items.values()


def test_prose_naming_small_numbers_makes_no_chain() -> None:
    prose = (
        "The club won 2 of its first 3 games and lost 1 at home, then 2 Britons and 3 French riders "
        "joined the squad in 4 weeks of training before the season opened in March."
    )
    assert list(ranked_chains(prose.split())) == []
    # Counters that do not start at one are no box's top either.
    late = "Ranked 3 Alpha beta gamma 4 Delta epsilon zeta 5 Eta theta iota"
    assert list(ranked_chains(late.split())) == []


def test_steps_labelled_before_their_counter_are_prose_not_a_box() -> None:
    # The label of the next step ("Stage") closes each item, so the sentence's stop sits inside it.
    steps = (
        "Stage 1 All text posts are checked against a blocklist and flagged posts are blocked. Stage "
        "2 Visual and text posts are checked by the users themselves through downvotes. Stage "
        "3 All posts flagged by users are reviewed by moderators within two minutes."
    )
    tokens = steps.split()
    chain = next(ranked_chains(tokens))
    assert not headline_items(tokens, chain)
    assert restore_items(steps, items=True).items == {}
