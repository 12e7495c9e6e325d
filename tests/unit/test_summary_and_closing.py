"""Lines the text path lost at the region's edges: a summary under the headline, the article's last
paragraph above its closing credit, and a label whose colon announces a share row or a menu.

Each case is built from blocks and verdicts as the classifier leaves them, so the rule's own
evidence is what the test varies.
"""

from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.closing_caption import take_closing_paragraph
from newsclean.text.dangling_labels import drop_dangling_labels
from newsclean.text.segment import Block
from newsclean.text.standfirst import find_standfirst

PARAGRAPH = (
    "Der Stadtrat hat am Dienstag nach langer Debatte beschlossen, die alte Brücke über den Fluss "
    "bis zum Herbst zu sanieren, und dafür zwei Millionen Euro aus dem Haushalt freigegeben."
)
SECOND = (
    "Die Arbeiten sollen im Mai beginnen und den Verkehr in der Innenstadt nur an wenigen Wochenenden "
    "behindern, wie die Verwaltung am Abend in einer Mitteilung an die Presse erklärte."
)


def _blocks(texts: list[str]) -> list[Block]:
    return [Block(i, text, i, True) for i, text in enumerate(texts)]


def _prose() -> Verdict:
    return Verdict(None, True, 2.0)


def _line(category: str | None = None) -> Verdict:
    return Verdict(category, False, -1.0)


# -- a summary under the headline, short of running prose ----------------------------------------------


def _header_page(summary: str, between: list[str] | None = None) -> tuple[list[Block], list[Verdict], dict[int, str]]:
    texts = ["Startseite", "Brücke wird saniert", *(between or []), summary, "12.05.2022", PARAGRAPH, SECOND]
    verdicts = [_line("navigation"), _line(), *[_line() for _ in between or []], _line(), _line("meta"),
                _prose(), _prose()]
    return _blocks(texts), verdicts, {1: "title", len(texts) - 3: "dateline"}


def test_summary_cut_off_with_an_ellipsis_is_the_standfirst() -> None:
    summary = "Der Traum vieler Pendler: endlich eine neue Brücke! Tipps und Termine für die Bauzeit im Überblick ..."
    blocks, verdicts, roles = _header_page(summary, ["Brücke wird saniert und bleibt offen"])
    assert find_standfirst(blocks, verdicts, roles, 5) == 3


def test_summary_of_two_short_sentences_is_the_standfirst() -> None:
    summary = "Die Stadt saniert die alte Brücke über den Fluss. Autofahrer müssen sich auf Umleitungen einstellen."
    blocks, verdicts, roles = _header_page(summary)
    assert find_standfirst(blocks, verdicts, roles, 4) == 2


def test_short_or_unfinished_line_under_the_headline_is_no_summary() -> None:
    # A kicker-length line, and two sentences whose second is neither finished nor cut off (a link row).
    for line in ("Alles zur Brücke. Jetzt lesen!",
                 "Die Stadt saniert die Brücke. Mehr dazu und zu den Umleitungen in der Innenstadt gibt es hier"):
        blocks, verdicts, roles = _header_page(line)
        assert find_standfirst(blocks, verdicts, roles, 4) is None, line


def test_subtitle_above_a_caption_with_its_own_credit_is_kept() -> None:
    # The caption under the subtitle closes on its own credit: the subtitle is not that photo's caption.
    texts = ["Brücke wird saniert", "Seit Jahren gesperrte Brücke wird bis zum Herbst für zwei Millionen Euro saniert",
             "Die alte Brücke über den Fluss ist seit dem Frühjahr für Lastwagen gesperrt worden.", "© Max Muster",
             PARAGRAPH, SECOND]
    verdicts = [_line(), _line(), _line("image_credit"), _line("image_credit"), _prose(), _prose()]
    assert find_standfirst(_blocks(texts), verdicts, {0: "title"}, 4) == 1


def test_subtitle_with_a_credit_right_under_it_is_a_caption() -> None:
    texts = ["Brücke wird saniert", "Seit Jahren gesperrte Brücke wird bis zum Herbst für zwei Millionen Euro saniert",
             "© Max Muster", PARAGRAPH, SECOND]
    verdicts = [_line(), _line(), _line("image_credit"), _prose(), _prose()]
    assert find_standfirst(_blocks(texts), verdicts, {0: "title"}, 3) is None


# -- the last paragraph above the article's closing credit --------------------------------------------------

LAST = ("Die Feuerwehr konnte mehrere Menschen aus dem Haus retten. "
        "Die Ermittler suchen noch nach der Ursache des Brandes.")


def _closing(after: list[tuple[str, Verdict]]) -> tuple[list[Block], list[Verdict]]:
    texts = [PARAGRAPH, SECOND, LAST, "Fotos: Agentur", *(t for t, _ in after)]
    verdicts = [_prose(), _prose(), _line("image_credit"), _line("image_credit"), *(v for _, v in after)]
    return _blocks(texts), verdicts


def test_last_paragraph_above_the_closing_credit_joins_the_body() -> None:
    blocks, verdicts = _closing([("Mehr zum Thema", _line("teaser"))])
    assert take_closing_paragraph(blocks, verdicts, {}, 0, 2) == 3
    assert verdicts[2].category is None and verdicts[2].prose


def test_caption_in_the_middle_of_the_article_stays_a_caption() -> None:
    # Prose goes on below the credit: the photo sits inside the article.
    blocks, verdicts = _closing([(SECOND, _prose())])
    assert take_closing_paragraph(blocks, verdicts, {}, 0, 2) == 2
    assert verdicts[2].category == "image_credit"


def test_gallery_caption_stays_a_caption() -> None:
    caption = "Ein zweites Bild der Brücke bei Nacht, vom Ufer aus gesehen."
    blocks, verdicts = _closing([(caption, _line("image_credit"))])
    assert take_closing_paragraph(blocks, verdicts, {}, 0, 2) == 2


def test_short_caption_stays_a_caption() -> None:
    blocks, verdicts = _closing([("Mehr zum Thema", _line("teaser"))])
    blocks[2] = Block(2, "Die Brücke bei Nacht.", 2, True)
    assert take_closing_paragraph(blocks, verdicts, {}, 0, 2) == 2


# -- a label announcing furniture -------------------------------------------------------------------------


def test_label_over_a_share_row_goes_with_it() -> None:
    blocks = _blocks([PARAGRAPH, "Teilen Sie dies mit:", "Twitter", "Facebook"])
    verdicts = [_prose(), _line(), _line("share"), _line("share")]
    reasons: list[str | None] = [None, None, "share", "share"]
    drop_dangling_labels(blocks, verdicts, reasons, 0, 2)
    assert reasons[1] == "share"


def test_label_over_kept_text_or_an_ad_slot_stays() -> None:
    blocks = _blocks([PARAGRAPH, "Für Besucher:", "Werbung", SECOND, "Zutaten:", "[", "true"])
    verdicts = [_prose(), _line(), _line("advertisement"), _prose(), _line(), _line("navigation"), _line()]
    reasons: list[str | None] = [None, None, "advertisement", None, None, "navigation", "duplicate"]
    drop_dangling_labels(blocks, verdicts, reasons, 0, 7)
    # An ad slot sits anywhere; a code listing's lone bracket is no menu.
    assert reasons[1] is None and reasons[4] is None


def test_sentence_with_a_colon_is_no_label() -> None:
    blocks = _blocks([PARAGRAPH, "Er sagte es so. Dann:", "Twitter"])
    verdicts = [_prose(), _line(), _line("share")]
    reasons: list[str | None] = [None, None, "share"]
    drop_dangling_labels(blocks, verdicts, reasons, 0, 3)
    assert reasons[1] is None


def test_one_word_ending_a_broken_phrase_is_no_label() -> None:
    # A flattened render breaks "Primary Funding Source:" at its links; the last word is no label.
    blocks = _blocks([PARAGRAPH, "Primary", "Funding", "Source:", "National"])
    verdicts = [_prose(), _line(), _line(), _line(), _line("navigation")]
    reasons: list[str | None] = [None, None, None, None, "navigation"]
    drop_dangling_labels(blocks, verdicts, reasons, 0, 4)
    assert reasons[3] is None
