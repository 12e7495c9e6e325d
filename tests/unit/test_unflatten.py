"""Flattened dumps: a page printed as one run of words gets its line structure back.

The real cases are the seeds and a dev page flattened here (every whitespace
run collapsed to one space, as ``get_text(" ")`` or a CSV export leaves a
page): the article must come out whole, and the menus, share rows and
appeals that were glued to it must still be removed, each recorded.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.flat_guard import WARNING as FLAT_WARNING
from newsclean.text.label_runs import label_lines
from newsclean.text.segment import split_sentences
from newsclean.text.unflatten import (
    is_flattened,
    label_prefix,
    last_unit_start,
    repeat_breaks,
    restore_line,
    restore_lines,
    split_units,
)


def _sentences(text: str) -> list[str]:
    return [" ".join(p[a:b].split()) for p in text.split("\n\n") for a, b in split_sentences(p)]


def _one_space(text: str) -> str:
    return " ".join(text.split())


def _clean_flattened(fixtures_dir: Path, name: str) -> tuple[dict[str, Any], str, newsclean.Article]:
    """A fixture page's gold, its soup render, and the record of that render flattened to one line."""
    page = json.loads((fixtures_dir / "flat" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / f"{name}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    return page, soup, newsclean.clean(flatten(soup), url=page["url"], input_format="text")


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_flattened_seed_keeps_every_sentence(seeds_dir: Path, prefix: str) -> None:
    [path] = seeds_dir.glob(f"{prefix}_*.txt")
    raw = path.read_text("utf-8")
    lines = newsclean.clean(raw, input_format="text")
    flat = newsclean.clean(flatten(raw), input_format="text")
    kept = _one_space(flat.text)
    missing = [s for s in _sentences(lines.text) if s not in kept]
    assert not missing


def test_flattened_seed_drops_share_row_menu_and_app_prompt(seeds_dir: Path) -> None:
    [path] = seeds_dir.glob("001_*.txt")
    article = newsclean.clean(flatten(path.read_text("utf-8")), input_format="text")
    assert article.title == "Putin and Lukashenko meet for the first time since the Wagner Movement"
    assert article.text.startswith("Russian President Vladimir Putin met with his close ally")
    assert article.text.endswith("or leave with their leader to Belarus.")
    for noise in ("Whatsapp", "Messenger", "telegram", "High views", "Download now", "Google Play", "Previous"):
        assert noise not in article.text, noise
    reasons = {r.reason.value for r in article.removed}
    assert {"share", "navigation"} <= reasons


def test_flattened_seed_drops_membership_appeal(seeds_dir: Path) -> None:
    [path] = seeds_dir.glob("002_*.txt")
    article = newsclean.clean(flatten(path.read_text("utf-8")), input_format="text")
    assert "Join the Times of Israel Community" not in article.text
    assert any(r.reason.value == "appeal" for r in article.removed)


def test_flattened_dev_page_keeps_article_and_drops_menu(fixtures_dir: Path) -> None:
    name = "at_SalzburgerNachrichten_2026_01_06"
    page = json.loads((fixtures_dir / "pages" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "pages" / f"{name}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    lines = newsclean.clean(soup, url=page["url"], input_format="text")
    flat = newsclean.clean(flatten(soup), url=page["url"], input_format="text")
    kept = _one_space(flat.text)
    assert [s for s in _sentences(lines.text) if s not in kept] == []
    removed = [(r.reason.value, r.text) for r in flat.removed]
    # The section menu ("Politik", "Wirtschaft", "Chronik", ...) comes out one label a line, as navigation.
    for label in ("Innenpolitik", "Weltpolitik", "Regionalsport"):
        assert ("navigation", label) in removed, label
        assert label not in kept, label


def test_line_structured_dumps_are_unchanged(seeds_dir: Path) -> None:
    for path in seeds_dir.glob("*.txt"):
        text = path.read_text("utf-8")
        assert not is_flattened(text)
        assert restore_lines(text) == text


def test_flattened_is_a_long_dump_with_long_lines() -> None:
    sentence = "The council met on Tuesday and agreed to spend more on the new bridge. "
    assert is_flattened(sentence * 30)
    assert not is_flattened((sentence + "\n") * 30)
    assert not is_flattened(sentence * 3)


def test_units_split_at_sentence_ends_in_several_scripts() -> None:
    line = ("Mr. Smith met J. K. Rowling in the U.S. on Jan. 5 and paid 3.5 million. He left. "
            "気象庁が発表した。震源は浅い。 Sie geht. Dann kam er.")
    units = [line[a:b] for a, b in split_units(line)]
    assert units == [
        "Mr. Smith met J. K. Rowling in the U.S. on Jan. 5 and paid 3.5 million.",
        "He left.",
        "気象庁が発表した。",
        "震源は浅い。",
        "Sie geht.",
        "Dann kam er.",
    ]


def test_units_do_not_split_before_lower_case_or_inside_urls() -> None:
    line = "It costs approx. five euros, see www.example.org/a. Then it ends."
    assert [line[a:b] for a, b in split_units(line)] == [
        "It costs approx. five euros, see www.example.org/a. Then it ends."
    ]


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        # A paragraph with a share row glued after its last stop: the row is the last unit.
        ("The council voted on Monday. Dr. Lee abstained. Share Facebook Twitter", "Share Facebook Twitter"),
        # Trailing space is not a unit; a CJK stop cuts without a space.
        ("Er kam um 5 Uhr. Dann ging er.   ", "Dann ging er.   "),
        ("震源は浅い。津波の心配はない", "津波の心配はない"),
        # One sentence, an abbreviation, a URL, a lower-case word after the stop: a single unit.
        ("Mr. Smith met J. K. Rowling in the U.S. on Monday", None),
        ("See www.example.org/a. Then it ends", None),
        ("It costs approx. five euros. and more", None),
        ("", None),
        # No stop character at all (a label, a menu row): told without the sentence search.
        ("Share Facebook Twitter Home News", None),
        # The danda is a stop too.
        ("पहला वाक्य यहाँ है। दूसरा वाक्य", "दूसरा वाक्य"),
    ],
)
def test_last_unit_start_is_where_split_units_last_span_starts(line: str, tail: str | None) -> None:
    start = last_unit_start(line)
    assert (None if start is None else line[start:]) == tail
    units = split_units(line)
    assert start == (units[-1][0] if len(units) > 1 else None)


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # A menu before a sentence opened by a function word.
        ("Home News Sport Business The minister said on Monday that taxes would rise.", 4),
        # A share row before a sentence opened by a name: the name stays with it.
        ("Share Facebook Twitter WhatsApp Boris Johnson said that he was fine.", 4),
        # A news agency's dateline opens the article's paragraph.
        ("Markets Deals Legal NEW YORK, March 4 (Reuters) - Former Trump Organization Chief Financial "
         "Officer Allen Weisselberg will plead guilty to perjury charges.", 3),
        # Names and titles inside a sentence are not labels.
        ("On Thursday, Minsk announced that Russian Wagner Group fighters, who were forced "
         "to leave their country, are training in Belarus.", 0),
        ("Prime Minister Rishi Sunak said the plan was fair.", 0),
        # A German sentence opened by its article after a photo credit.
        ("Foto: Andreas Seidel/Archiv Das Hutfestival im Herzen von Chemnitz ist eines der großen Feste.", 3),
        # Labels only: the whole unit.
        ("Related Topics Politics Economy World", 5),
    ],
)
def test_label_prefix(sentence: str, labels: int) -> None:
    assert label_prefix(sentence.split()) == labels


def test_dateline_stays_with_its_paragraph() -> None:
    line = ("Skip Navigation Markets Business Politics Video NEW YORK, March 4 (Reuters) - Former Trump "
            "Organization Chief Financial Officer Allen Weisselberg will plead guilty to perjury charges.")
    restored = restore_lines(line * 1 + " " + "The decision came on Monday after a long trial in the city. " * 20)
    assert any(row.startswith("NEW YORK, March 4 (Reuters) - Former Trump") for row in restored.split("\n"))
    assert "Skip" in restored.split("\n")


def test_repeated_headline_is_cut_from_the_sentence_after_it() -> None:
    headline = "Putin and Lukashenko meet for the first time since the Wagner Movement"
    line = f"{headline} Share {headline} Russian President Vladimir Putin met with his close ally on Sunday."
    assert repeat_breaks(line) == [
        headline, "Share", headline, "Russian President Vladimir Putin met with his close ally on Sunday."
    ]


def test_flattened_page_keeps_a_short_article_over_footer_prose(fixtures_dir: Path) -> None:
    """A blog post of three sentences, flattened: the region search alone kept the sidebar's prose.

    Every must-contain string of the page's gold comes out, and a warning says the region was widened.
    """
    name = "te-dev_d1a80d5192bb9922"
    page, soup, flat = _clean_flattened(fixtures_dir, name)
    kept = _one_space(flat.text)
    assert [s for s in page["gold"]["with"] if s not in kept] == []
    assert FLAT_WARNING in flat.warnings
    lines = newsclean.clean(soup, url=page["url"], input_format="text")
    assert FLAT_WARNING not in lines.warnings


def test_caption_credit_in_brackets_ends_the_line() -> None:
    """A caption closed by "(Picture: X)" is glued to the article's next sentence; the line ends after the credit."""
    line = (
        "Officials said the guidance had been updated after the security situation worsened. "
        "The guides advise to stock up on food in case people cannot leave their homes (Picture: Getty Images) "
        "US analysts have warned that the threat of a wider conflict is growing in the region. "
        "A second caption shows the new pamphlet (AP Photo/Jane Roe) The brochure says that citizens must "
        "never surrender."
    )
    assert restore_line(line) == [line]
    assert restore_line(line, credits=True) == [
        "Officials said the guidance had been updated after the security situation worsened. "
        "The guides advise to stock up on food in case people cannot leave their homes (Picture: Getty Images)",
        "US analysts have warned that the threat of a wider conflict is growing in the region. "
        "A second caption shows the new pamphlet (AP Photo/Jane Roe)",
        "The brochure says that citizens must never surrender.",
    ]


@pytest.mark.parametrize(
    "bracketed",
    [
        # Not credits: a job ad's gender note, a court file number, a citation's access date.
        "Richter (w/m/d) Stadtverwaltung Celle sucht Verstärkung für das Team.",
        "Das Urteil (Az. 2 BvR 508/21) Bezug nimmt auf die Airbase.",
        "Zitiert nach der Quelle (abgerufen am: 20.10.2025 ) Kopieren Sie den Link hier.",
        # A credit that a lower-case word follows is inside a sentence.
        "The photo (Picture: Getty Images) shows the ministers at the summit in Brussels.",
    ],
)
def test_brackets_that_are_not_a_closing_credit_do_not_end_the_line(bracketed: str) -> None:
    line = "Ministers met in Brussels on Monday to discuss the new rules for the market. " + bracketed
    assert restore_line(line, credits=True) == restore_line(line)


def test_credit_that_opens_a_sentence_stays_with_the_labels_after_it() -> None:
    """"(Quelle: APA/dpa)" after a paragraph's last sentence is the paragraph's source, not a caption's end."""
    line = (
        "Die Journalisten hätten vor Ort gearbeitet, um die Öffentlichkeit zu informieren, schrieb der Minister. "
        "Schmerz und Trauer dürften keinesfalls Gewalt gegen die Presse rechtfertigen. "
        "(Quelle: APA/dpa) Giorgia Meloni Folgen Zum Folgen bitte anmelden."
    )
    out = restore_line(line, credits=True)
    assert out[0].endswith("Gewalt gegen die Presse rechtfertigen.")
    assert out[0].startswith("Die Journalisten hätten")


def test_flattened_page_drops_captions_and_keeps_the_sentences_after_their_credits(fixtures_dir: Path) -> None:
    """A dev page (fp-dev, Metro) flattened: three captions end in "(Picture: ...)" and run into the article.

    Each caption goes out as an image credit with its credit, and the article sentence glued after it stays
    (before, the caption's block took that sentence out with it).
    """
    name = "fp-dev_uk_Metro_2024_11_29"
    _, _, flat = _clean_flattened(fixtures_dir, name)
    kept = _one_space(flat.text)
    for sentence in (
        "US analysts have",
        "Sweden’s brochure includes exactly that",
        "The brochure says: ‘In cold temperatures",
    ):
        assert sentence in kept, sentence
    credits = [r.text for r in flat.removed if r.reason.value == "image_credit"]
    for caption in (
        "The Swedish and Finnish guides advise to stock up on non-perishable food in case people can’t leave their"
        " homes (Picture: Getty Images)",
        "The English version of Sweden’s new war pamphlet (Picture: MSB)",
    ):
        assert caption in credits, caption
        assert caption not in kept


@pytest.mark.parametrize(
    ("unit", "labels"),
    [
        # Cut before a lower-case word: the subject goes back to its sentence.
        ("Home News Sport Mr Lammy, the MP for Tottenham, posted a photo of the visit.", 3),
        # Cut after a comma: an apposition is sentence syntax, not a menu item.
        ("Home News Caroline Pursey, 63, from Lincolnshire, told reporters she had to pull a tooth.", 2),
        # A German subject opened by its article stays whole after a menu.
        ("Home News Sport Der Internationale Gerichtshof (IGH) hat am Freitag entschieden.", 3),
        # A unit that is one sentence keeps all of it.
        ("Caroline Pursey, 63, from Lincolnshire, told reporters she had to pull a tooth.", 0),
    ],
)
def test_label_cut_does_not_split_a_sentence_subject(unit: str, labels: int) -> None:
    assert label_prefix(unit.split(), subjects=True) == labels


def test_line_dumps_keep_their_label_cuts() -> None:
    """Glued dumps (and the test for them) read label runs as before: only flattened dumps move the cut."""
    unit = "Home News Sport Mr Lammy, the MP for Tottenham, posted a photo of the visit."
    assert label_prefix(unit.split()) == 7
    assert restore_line(unit)[-1] == "for Tottenham, posted a photo of the visit."


def test_flattened_page_keeps_sentence_subjects_after_menus(fixtures_dir: Path) -> None:
    """A page whose flat render glues menus and a share row to sentences that open with names and titles."""
    page, soup, flat = _clean_flattened(fixtures_dir, "fe_WashingtonTimes_3")
    kept = _one_space(flat.text)
    for sentence in (
        "Former President Donald Trump, the Republican frontrunner, has campaigned on imposing steep tariffs",
        "The Biden administration launched an investigation Thursday into internet-connected",
    ):
        assert sentence in kept
    # Against the line render's record: before, the Trump sentence was missing too.
    lines = newsclean.clean(soup, url=page["url"], input_format="text")
    missing = [s for s in _sentences(lines.text) if s not in kept]
    assert len(missing) <= 1, missing
    removed = {r.text for r in flat.removed}
    assert {"Skip to content", "Advertisement", "TRENDING:"} <= removed
    assert "Skip to content" not in kept and "TRENDING:" not in kept


def test_a_headline_in_capitals_between_paragraphs_stays_one_line() -> None:
    # A link to another story set in capitals: one label, which the classifier reads as a whole headline.
    headline = "FED-UP SHOP OWNER LEADS RECALL EFFORT AGAINST COUNCIL MEMBER: 'PEOPLE ARE TIRED'"
    lines = label_lines(headline.split())
    assert lines == [headline]
    # A short heading in capitals, and a menu in title case, are still cut one label a line.
    assert label_lines(["OIL", "PRICES"]) == ["OIL", "PRICES"]
    assert label_lines(["Home", "World", "Business", "Sport"]) == ["Home", "World", "Business", "Sport"]
