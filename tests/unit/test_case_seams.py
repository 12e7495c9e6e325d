"""Case seams: sentence-case headlines glued end to end are cut apart; sentences naming people are not.

The case is a related-stories box printed inside an article by a dump that
lost its line breaks (seen on the flat renders of two unrelated fp-dev sites,
a Canadian broadcaster's and a British tabloid's): the headlines hold no stop,
no title case and no capitalised article, so nothing else cuts them apart.
"""

from __future__ import annotations

import newsclean
from newsclean.text.case_seams import cased_prose, is_seam, seam_chains
from newsclean.text.item_runs import FUNCTION_WORDS, item_cuts, item_runs
from newsclean.text.unflatten import restore_lines_items

_ARTICLE = [
    "The county council voted on Tuesday to close two libraries in the north of the district after a review "
    "of spending.",
    "Councillors said the buildings needed repairs that the authority could not afford this year, and that staff "
    "would move to other branches.",
    "Residents who opposed the plan gathered outside the town hall before the meeting, holding signs and a petition "
    "with four thousand names.",
    "The leader of the council said the decision had been difficult but that the service would be kept in the "
    "remaining branches.",
    "A mobile library will visit the affected villages twice a week from next month, the council said in a statement "
    "after the vote.",
    "Opposition members said they would ask for the decision to be reviewed at the next full meeting of the council "
    "in the spring.",
]
_HEADLINES = [
    "Man charged after crash on busy motorway near the coast",
    "Police appeal for witnesses after fire at empty warehouse",
    "Council approves plans for new housing estate on former airfield",
    "Hospital trust warns of long waits over the winter months",
    "Teenager rescued from river after falling through thin ice",
    "Bus routes cut as operator blames driver shortage and rising costs",
]
_BOX = "Related stories " + " ".join(_HEADLINES)


def _flat_page() -> str:
    """The article with the box glued between its third and fourth paragraphs, all on one line."""
    return " ".join(["Local News Home", *_ARTICLE[:3], _BOX, *_ARTICLE[3:], "© 2024 Example Media Ltd"])


def test_a_seam_is_a_capital_after_a_lower_case_word_with_nothing_between() -> None:
    assert is_seam("coast", "Police", FUNCTION_WORDS)
    assert is_seam("months'", "Teenager", FUNCTION_WORDS)  # a headline closed by a quote
    assert not is_seam("the", "Police", FUNCTION_WORDS)  # a function word: the clause goes on
    assert not is_seam("coast,", "Police", FUNCTION_WORDS)
    assert not is_seam("coast", "POLICE", FUNCTION_WORDS)  # a word in capitals is a label's
    assert not is_seam("Minister", "Keir", FUNCTION_WORDS)  # a name after a title


def test_a_box_of_sentence_case_headlines_is_cut_at_each_seam() -> None:
    tokens = _BOX.split()
    chains = seam_chains(tokens, FUNCTION_WORDS)
    assert len(chains) == 1
    starts = [" ".join(tokens[index:index + 2]) for index in chains[0]]
    assert starts == [
        "Man charged", "Police appeal", "Council approves", "Hospital trust", "Teenager rescued", "Bus routes",
    ]


def test_sentences_naming_people_are_not_cut() -> None:
    names = (
        "The other three are Burbank City Council member Konstantine Anthony, civic technologist and businessman "
        "Marlon Marroquin, and attorney and nonprofit leader Perry Goldberg, who has slammed Barger for trying."
    )
    quotes = (
        "Perhaps Republicans have momentarily forgotten that Joe Biden is 81 years old because Fox’s Earhardt "
        "demands to know how Joe has “million dollar houses,” forgetting that Biden has worked to age 81."
    )
    title = "Britain is urging calm, the Prime Minister Keir Starmer said on Wednesday in London after talks."
    for sentence in (names, quotes, title):
        assert seam_chains(sentence.split(), FUNCTION_WORDS) == []


def test_a_sentence_end_breaks_the_chain() -> None:
    text = "Man charged after crash on the motorway. Police appeal for witnesses after fire Council approves new plans"
    assert seam_chains(text.split(), FUNCTION_WORDS) == []


def test_german_prose_capitalises_nouns_and_gives_no_evidence() -> None:
    german = [
        sentence.split() for sentence in (
            "Die neue Regierung hat am Montag gegen Russland weitere Sanktionen beschlossen und will Druck aufbauen.",
            "Nach palästinensischen Angaben wurden in den ersten sechs Monaten sieben Palästinenser getötet.",
        )
    ]
    english = [sentence.split() for sentence in _ARTICLE]
    assert not cased_prose(german, FUNCTION_WORDS)
    assert cased_prose(english, FUNCTION_WORDS)
    assert not cased_prose([], FUNCTION_WORDS)  # no prose, no evidence


def test_the_cut_is_asked_for_and_names_no_teaser() -> None:
    assert item_cuts(_BOX) == []  # seams are not looked for unless the page's prose vouches for them
    runs = item_runs(_BOX, seams=True)
    assert [_BOX[cut:].split()[0] for cut in runs.cuts] == ["Man", "Police", "Council", "Hospital", "Teenager", "Bus"]
    assert runs.covered == []


def test_a_flat_page_gets_one_line_per_headline() -> None:
    lines = restore_lines_items(_flat_page())[0].split("\n")
    for headline in _HEADLINES[1:-1]:
        assert headline in lines


def test_the_box_goes_and_the_article_stays_whole() -> None:
    text = newsclean.clean(_flat_page(), url="https://example.org/news/libraries", input_format="text").text
    assert text is not None
    for paragraph in _ARTICLE:
        assert paragraph in text
    for headline in _HEADLINES:
        assert headline not in text
