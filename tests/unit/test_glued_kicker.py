"""A kicker a renderer glued to its headline with a space, split where the page prints the headline alone.

Shape from the fp-dev inscriptis renders: a breadcrumb ends on the headline
("4. Kühltürme ... gesprengt") and the header's heading prints kicker and
headline as one line ("Rückbau von Atomkraftwerk Kühltürme ... gesprengt").
"""

from __future__ import annotations

import newsclean
from newsclean.normalize.text import comparison_key
from newsclean.text.glued_kicker import split_glued_kicker
from newsclean.text.segment import Block

BODY = (
    "Die beiden Kühltürme des stillgelegten Kraftwerks sind am Samstagmittag kontrolliert gesprengt worden. "
    "Tausende Schaulustige verfolgten den Abbruch aus sicherer Entfernung am Ufer der Donau.\n\n"
    "Der Rückbau der Anlage soll noch bis zum Ende des kommenden Jahrzehnts dauern, teilte der Betreiber mit. "
    "Die Türme waren seit Jahrzehnten ein Wahrzeichen der Region und weithin sichtbar.\n\n"
    "Für die Sprengung wurden die umliegenden Strassen gesperrt, Anwohner mussten ihre Häuser nicht verlassen. "
    "Nach Angaben der Polizei verlief der Einsatz ohne Zwischenfälle."
)
URL = "https://www.example.de/inhalt.rueckbau-von-atomkraftwerk-kuehltuerme-gesprengt.html"
HEADLINE = "Kühltürme von AKW Gundremmingen gesprengt"


def _clean(crumb: str, heading: str) -> newsclean.Article:
    page = (f"1. Startseite\n\n2. Politik\n\n{crumb}\n\n{heading}\n\n25.10.2025 - 15:26 Uhr\n\n{BODY}\n")
    return newsclean.clean(page, url=URL, input_format="text")


def test_a_glued_kicker_is_set_off_where_the_page_prints_the_headline_alone() -> None:
    title = _clean(f"3. {HEADLINE}", f"Rückbau von Atomkraftwerk {HEADLINE}").title
    assert title == f"Rückbau von Atomkraftwerk: {HEADLINE}"


def test_without_a_printing_of_the_headline_alone_the_line_stays_as_printed() -> None:
    title = _clean("3. Atomkraft", f"Rückbau von Atomkraftwerk {HEADLINE}").title
    assert title == f"Rückbau von Atomkraftwerk {HEADLINE}"


def _blocks(*texts: str) -> list[Block]:
    return [Block(index=i, text=t, line=2 * i, gap_before=True) for i, t in enumerate(texts)]


def _split(line: str, printing: str = f"4. {HEADLINE}") -> str | None:
    blocks = _blocks(printing, line)
    return split_glued_kicker(line, blocks, [comparison_key(b.text) for b in blocks], 1)


def test_words_ending_on_a_full_stop_are_no_kicker() -> None:
    assert _split(f"Zum Thema. {HEADLINE}") is None
    blocks = _blocks(HEADLINE, f"Zum Thema {HEADLINE}")
    keys = [comparison_key(b.text) for b in blocks]
    assert split_glued_kicker(blocks[1].text, blocks, keys, 1) is None  # a printing that is no list item


def test_one_word_and_punctuated_lines_are_not_split() -> None:
    # One word before the printing is as often the headline's own first word ("Das Potenzial ...").
    assert _split(f"Atomkraft {HEADLINE}") is None
    assert _split(f"Rückbau: Ein Atomkraftwerk {HEADLINE}") is None
    assert _split(f"Rückbau Atomkraftwerk {HEADLINE}") == f"Rückbau Atomkraftwerk: {HEADLINE}"
    # A line printing the headline twice (a renderer's visible and screen-reader copy) holds no kicker.
    assert _split("Kinder und Arbeit Kinder und Arbeit", "* Kinder und Arbeit") is None


def test_a_long_kicker_stays_and_a_bulleted_printing_marks_the_headline() -> None:
    blocks = _blocks(HEADLINE, f"Der lange Rückbau von einem alten Atomkraftwerk {HEADLINE}")
    keys = [comparison_key(b.text) for b in blocks]
    assert split_glued_kicker(blocks[1].text, blocks, keys, 1) is None
    blocks = _blocks(f"* {HEADLINE}", f"Rückbau von Atomkraftwerk {HEADLINE}")
    keys = [comparison_key(b.text) for b in blocks]
    assert split_glued_kicker(blocks[1].text, blocks, keys, 1) == f"Rückbau von Atomkraftwerk: {HEADLINE}"


def test_a_kicker_closing_on_a_function_word_is_the_headline_s_own_first_word() -> None:
    # "Mehr Transparenz ..." printed again as "Transparenz ...": the cut would fall one word late.
    stopwords = frozenset({"mehr", "von", "bei"})
    line = "Thema Verbraucherschutz Mehr Transparenz bei Preisanpassungen"
    blocks = _blocks("4. Transparenz bei Preisanpassungen", line)
    keys = [comparison_key(b.text) for b in blocks]
    assert split_glued_kicker(line, blocks, keys, 1) == "Thema Verbraucherschutz Mehr: Transparenz bei Preisanpassungen"
    assert split_glued_kicker(line, blocks, keys, 1, stopwords) is None
    assert _split(f"Rückbau von Atomkraftwerk {HEADLINE}") == f"Rückbau von Atomkraftwerk: {HEADLINE}"
