"""A line ending in a dangling word joins the next line only when that line goes on with it.

German headlines end in verb particles ("setzen Dax zu"), English
timestamps in "am"; across a blank line, a capitalised label or paragraph
that stands alone is a block of its own. A link the renderer broke out of
a sentence still joins it. Texts reproduce dev renders (te-dev, fp-dev).
"""

from __future__ import annotations

from newsclean.text.segment import iter_blocks


def _texts(dump: str) -> list[str]:
    return [block.text for block in iter_blocks(dump)]


def test_headline_ending_in_a_particle_does_not_take_the_kicker_below() -> None:
    dump = (
        "Steigende US-Zinsen setzen Dax zu\n\nFinanzmärkte\n\nSteigende US-Zinsen setzen Dax zu\n\n"
        "Index gibt leicht nach – Satz für zehnjährige Treasuries auf Dreimonatshoch\n"
    )
    assert _texts(dump)[:2] == ["Steigende US-Zinsen setzen Dax zu", "Finanzmärkte"]


def test_headline_ending_in_a_particle_does_not_take_its_standfirst() -> None:
    dump = (
        "Gemeinde räumt Versäumnisse nach Feuer ein\n\n"
        "Die Gemeinde hat nach dem Brand schwere Versäumnisse eingeräumt. Die Kontrolle fand zuletzt 2019 statt.\n"
    )
    assert _texts(dump)[0] == "Gemeinde räumt Versäumnisse nach Feuer ein"


def test_timestamp_ending_in_am_does_not_take_the_comment() -> None:
    dump = "23/04/2020 at 9:00 am\n\nYes it is fantastic, our favourite bread for years!\n\nReply\n"
    assert _texts(dump)[:2] == ["23/04/2020 at 9:00 am", "Yes it is fantastic, our favourite bread for years!"]


def test_link_broken_out_of_a_sentence_still_joins_it() -> None:
    dump = (
        "Booking insider Tessa Bishop, Head of Sales and Customer Services at\n\nOcean Florida\n\n"
        ", shared the best times to book.\n"
    )
    assert _texts(dump) == [
        "Booking insider Tessa Bishop, Head of Sales and Customer Services at Ocean Florida ,"
        " shared the best times to book."
    ]
    dump = "Aktuell umfasst die\n\nStar-Wars-Themenwelt\n99 verschiedene Sets.\n"
    assert _texts(dump)[0].startswith("Aktuell umfasst die Star-Wars-Themenwelt")


def test_link_that_closes_the_sentence_joins_it() -> None:
    dump = "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des\n\nJournalismus.\n\nTeilen\n"
    assert _texts(dump)[0] == "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus."


def test_word_counts_of_the_line_above_decide_as_before() -> None:
    # The line above is read for its last word and whether it has two, three or four words
    # (segment._continues splits off no more than that): each boundary keeps its answer.
    assert _texts("Share\nfacebook\n") == ["Share", "facebook"]
    assert _texts("Read more\nfrom our archive\n") == ["Read more from our archive"]
    after_gap = "\n\nThe council met on Tuesday and agreed to fund the new bridge across the river.\n\nMore\n"
    # Three words ending in "at": the paragraph below continues them, standing alone or not.
    assert _texts("Services based at" + after_gap)[0].startswith("Services based at The council")
    # Four words or more: a paragraph that stands alone is a block of its own.
    assert _texts("Customer Services based at" + after_gap)[0] == "Customer Services based at"


def test_dangling_word_at_the_end_of_a_long_joined_block() -> None:
    # A block grown over many wrapped lines is judged by its last words, as a short one is.
    wrapped = "".join(f"line {n} of a paragraph the renderer wrapped\n" for n in range(40))
    dump = f"Start of the story\n{wrapped}and it ends with the help of\n\nNational Guard\n, who arrived late.\n"
    blocks = _texts(dump)
    assert len(blocks) == 1 and blocks[0].endswith("with the help of National Guard , who arrived late.")


def test_headline_ending_in_a_particle_keeps_apart_from_a_standfirst_without_a_gap() -> None:
    # fp-dev soup render of a Swiss paper: headline, standfirst and date line with no blank line between.
    dump = (
        "Chiesa ruft zum «politischen Widerstand» gegen die Schweizer Asylpolitik auf\n"
        "Die SVP-Delegierten haben in Küssnacht am Rigi eine neue Einwanderungs-Initiative lanciert.\n"
        "Publiziert: 01.07.2023, 11:16\n"
    )
    assert _texts(dump)[:2] == [
        "Chiesa ruft zum «politischen Widerstand» gegen die Schweizer Asylpolitik auf",
        "Die SVP-Delegierten haben in Küssnacht am Rigi eine neue Einwanderungs-Initiative lanciert.",
    ]


def test_headline_ending_in_a_particle_keeps_apart_from_its_kicker_printed_again() -> None:
    dump = ("SVP-Parteitag zur Migration: Chiesa ruft zum Widerstand gegen die Asylpolitik auf\n"
            "SVP-Parteitag zur Migration\n")
    assert _texts(dump) == ["SVP-Parteitag zur Migration: Chiesa ruft zum Widerstand gegen die Asylpolitik auf",
                            "SVP-Parteitag zur Migration"]


def test_a_link_broken_out_without_a_gap_still_joins_its_sentence() -> None:
    # A short link text, or a long one without its full stop, goes on with the sentence above.
    assert _texts("Das Treffen fand statt auf\nDem Platz der Republik\n, sagte sie.\n") == [
        "Das Treffen fand statt auf Dem Platz der Republik , sagte sie."]
    founded = _texts("The company was founded in 1998 by\nLarry Page and Sergey Brin\n")
    assert founded == ["The company was founded in 1998 by Larry Page and Sergey Brin"]


def test_a_link_naming_a_place_goes_on_with_its_sentence() -> None:
    # fp-dev soup render of a Polish paper: the link's name starts the rest of the sentence.
    dump = ("Stany Zjednoczone podczas pierwszej rundy negocjacji w\n"
            "Pakistanie reprezentowali m.in. wiceprezydent i specjalny wysłannik.\n")
    assert len(_texts(dump)) == 1


def test_a_caption_printed_twice_keeps_apart_from_what_follows_each_printing() -> None:
    # A lead photo's caption ending on a particle, over its credit, then again over the share row: a unit
    # of its own each time, not a sentence a link broke (inscriptis render of an Austrian paper).
    caption = "Der Bürgermeister von Crans Montana räumte öffentlich Versäumnisse ein"
    dump = (f"{caption}\nFoto: Bild: APA/KEYSTONE\n\n{caption}\n\n"
            "zu den Kommentaren teilen über facebook teilen per Mail teilen\nWeb Share\n")
    assert _texts(dump) == [caption, "Foto: Bild: APA/KEYSTONE", caption,
                            "zu den Kommentaren teilen über facebook teilen per Mail teilen", "Web Share"]


def test_a_sentence_broken_twice_at_the_same_word_still_joins() -> None:
    # The same quote printed in the lead and again in the text, broken at the same link both times: the
    # continuation opens on the same word (punctuation aside), so each printing joins its rest.
    opening = "«Nous avons pratiquement fait échouer toute leur campagne pour"
    dump = f"{opening}\n2025», a affirmé le ministre.\n\n{opening}\n2025» , a dit le ministre hier.\n"
    assert _texts(dump) == [f"{opening} 2025», a affirmé le ministre.", f"{opening} 2025» , a dit le ministre hier."]


def test_sentences_opening_alike_and_going_on_in_lower_case_still_join() -> None:
    # The same words open several sentences, each broken after them: lower-case starts go on with them.
    dump = "".join(f"The council met for the\n{n} time on Tuesday.\n" for n in ("first", "second"))
    assert _texts(dump) == ["The council met for the first time on Tuesday.",
                            "The council met for the second time on Tuesday."]
