"""Flattened dumps: "Read more:" teasers cut out of the paragraphs they were glued into.

Written pages in the shape the flat renders of the dev sets show them (a
German, a French, an English and a Norwegian page): the teaser's cue and
headline go out as an item line of their own, the article's sentences
around them stay whole.
"""

from __future__ import annotations

import pytest

from newsclean.text.inline_cues import cue_pieces
from newsclean.text.item_runs import HEADLINES
from newsclean.text.lexicon import Lexicon
from newsclean.text.unflatten import restore_items, split_units

LEXICON = Lexicon.load()


def _pieces(line: str) -> tuple[list[str], list[str]]:
    pieces, kinds = cue_pieces(line, split_units(line), LEXICON)
    return [line[a:b] for a, b in pieces], [line[a:b] for (a, b), kind in kinds.items() if kind == HEADLINES]


@pytest.mark.parametrize(
    ("line", "teaser", "after"),
    [
        (
            "Die Hearings begannen am Montag. Remove ads Read more: Middle East crisis The request came in "
            "response to the ban on the agency.",
            "Read more: Middle East crisis",
            "The request came in response to the ban on the agency.",
        ),
        (
            "Damli var på vei inn i en depresjon. Les også: Selda Ekiz åpner opp om dramatisk fødsel: – Det "
            "knekte meg Det ga selv mening for Damli, minnes hun.",
            "Les også: Selda Ekiz åpner opp om dramatisk fødsel: – Det knekte meg",
            "Det ga selv mening for Damli, minnes hun.",
        ),
        (
            "La réforme est passée en force. Lire aussi : Grève du 6 juin, les syndicats divisés Mme Binet a "
            "répondu mardi aux questions des journalistes.",
            "Lire aussi : Grève du 6 juin, les syndicats divisés",
            "Mme Binet a répondu mardi aux questions des journalistes.",
        ),
    ],
)
def test_teaser_cut_out_of_its_paragraph(line: str, teaser: str, after: str) -> None:
    pieces, teasers = _pieces(line)
    assert teasers == [teaser]
    assert after in pieces
    assert "".join(pieces).replace(" ", "") == line.replace(" ", "")


def test_prose_with_a_colon_is_not_a_teaser() -> None:
    line = "The minister said one thing: More money will go to schools next year, and read more books."
    assert _pieces(line) == ([line], [])


def test_teaser_without_a_headline_end_takes_only_the_cue() -> None:
    # No sentence start within a headline's length: the article's sentence stays.
    line = "Read more: " + "Berlin Paris Rome Madrid Vienna " * 5 + "agreed."
    pieces, teasers = _pieces(line)
    assert teasers == ["Read more:"]
    assert pieces[-1].startswith("Berlin Paris Rome")
    # A short rest with a stop holds a sentence, not a headline.
    assert _pieces("Read more: Berlin Paris Rome agreed.")[1] == ["Read more:"]


def test_flattened_line_names_the_teaser_as_an_item() -> None:
    line = ("Zu dritt kann man da abwechseln.“ Lesen Sie auch: Marie Schreiber gewinnt die Tour in Luxemburg "
            "Einen Kritikpunkt hatte Kirsch dann doch.")
    restored = restore_items(line, sentences=True, lexicon=LEXICON)
    assert "Zu dritt kann man da abwechseln.“" in restored.lines
    assert "Einen Kritikpunkt hatte Kirsch dann doch." in restored.lines
    # The cue reads as a label run before the headline (one label a capital): all of it goes out as items.
    assert set(restored.items.values()) == {HEADLINES}
    assert " ".join(restored.items) == "Lesen Sie auch: Marie Schreiber gewinnt die Tour in Luxemburg"


def test_german_capitals_do_not_end_the_headline() -> None:
    # German capitalises its nouns: "niedrigsten / Schätzung" is inside the article's sentence.
    prose = ("Die Regierung hat am Montag neue Zahlen vorgelegt, nach denen die Zahl der Opfer gestiegen ist. " * 3)
    line = (prose + "Mehr lesen: Proteste in der Hauptstadt gehen weiter Laut der niedrigsten Schätzung kamen "
            "197 Menschen ums Leben.")
    pieces, teasers = _pieces(line)
    # No function word opens the next sentence: only the cue goes, the article's words all stay.
    assert teasers == ["Mehr lesen:"]
    assert pieces[-1].endswith("Laut der niedrigsten Schätzung kamen 197 Menschen ums Leben.")
    opened = line.replace("Laut der niedrigsten", "Die niedrigste")
    pieces, teasers = _pieces(opened)
    assert teasers == ["Mehr lesen: Proteste in der Hauptstadt gehen weiter"]
    assert "Die niedrigste Schätzung kamen 197 Menschen ums Leben." in pieces
