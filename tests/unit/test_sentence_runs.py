"""A flattened dump read one sentence a line: runs of sentences keep the weight and identity of a paragraph.

The unit cases build blocks and verdicts as the classifier leaves them; the
page cases clean the seeds and a written page flattened to one line, as
``get_text(" ")`` or a CSV export leaves them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.ends import cut_next_article
from newsclean.text.sentence_runs import paragraph_verdicts, repeated_runs, run_words
from newsclean.text.unflatten import restore_lines
from tests.region_rows import scored_page

_page = scored_page


ARTICLE = [
    "The council agreed on Tuesday to rebuild the old bridge over the river.",
    "Work will start in spring and last about two years.",
    "He declined.",
    "Residents have asked for a safer crossing since the floods of last winter.",
]
SIDEBAR = ["About me", "I write about cities, bridges and the people who cross them every day of the week."]


def test_a_run_of_sentences_weighs_as_its_paragraph() -> None:
    blocks, verdicts = _page([*ARTICLE, *SIDEBAR])
    weighted = paragraph_verdicts(blocks, verdicts)
    article_words = sum(block.words for block in blocks[:4])
    # The four sentences (38 words) weigh as a 38-word paragraph at full weight, the short one by its words.
    assert sum(v.score for v in weighted[:4]) == article_words
    assert weighted[2].score == 2
    # One sentence alone weighs what it did; the label keeps its cost; the verdicts are not changed.
    assert weighted[5].score == verdicts[5].score
    assert weighted[4].score == verdicts[4].score < 0
    assert verdicts[2].score == 0
    # Sentence by sentence the article weighed about a third of that.
    assert sum(v.score for v in verdicts[:4]) < article_words / 2


def test_short_sentences_alone_are_not_a_paragraph() -> None:
    blocks, verdicts = _page(["Home", "He left.", "It rained.", "Contact"])
    assert [v.score for v in paragraph_verdicts(blocks, verdicts)] == [v.score for v in verdicts]


def test_a_lead_sentence_printed_again_in_a_teaser_stays_with_its_paragraph() -> None:
    lead = ARTICLE[0]
    blocks, verdicts = _page([*ARTICLE, "Read next", lead, "More news"])
    # Compared sentence by sentence, the lead and its copy in the teaser are both repeated.
    repeated = {0, 5}
    assert repeated_runs(blocks, verdicts, repeated) == {5}


def test_a_paragraph_printed_twice_as_a_whole_stays_repeated() -> None:
    blocks, verdicts = _page([*ARTICLE[:2], "Related", *ARTICLE[:2]])
    assert repeated_runs(blocks, verdicts, {0, 1, 3, 4}) == {0, 1, 3, 4}


def test_run_words_gives_each_sentence_its_paragraph_length() -> None:
    blocks, verdicts = _page([*ARTICLE, *SIDEBAR])
    lengths = run_words(blocks, verdicts)
    assert lengths[:4] == [38] * 4
    assert lengths[4:] == [2, 16]


def test_flattened_dump_comes_back_one_sentence_a_line() -> None:
    text = "Home News Sport Weather " + " ".join(ARTICLE * 12)
    lines = restore_lines(text).split("\n")
    assert lines[:4] == ["Home", "News", "Sport", "Weather"]
    assert lines[4:8] == ARTICLE


def test_flattened_seed_keeps_its_last_sentence_before_a_photo_credit(seeds_dir: Path) -> None:
    """Seed 001 ends its article with a sentence the page's photo credit ("AFP") follows.

    One sentence a line, that sentence alone was short enough to read as the
    photo's caption and was removed; the caption is the paragraph the credit
    closes, and this one is eleven sentences long.
    """
    [path] = seeds_dir.glob("001_*.txt")
    article = newsclean.clean(flatten(path.read_text("utf-8")), input_format="text")
    assert article.text.endswith(
        "Wagner fighters were offered the option to join the regular forces, return to civilian life, "
        "or leave with their leader to Belarus."
    )
    assert "image_credit" not in {r.reason.value for r in article.removed if "Belarus" in r.text}


def test_flattened_page_in_a_script_without_case_keeps_its_article(fixtures_dir: Path) -> None:
    """A Bengali news page (te-dev) flattened: no capitals tell its menus from its sentences.

    Read as one block, the page was judged a teaser list and the body came
    out empty. One sentence a line (at the danda), the article's sentences
    form the region and the sidebar's teasers stay out.
    """
    page = json.loads((fixtures_dir / "flat" / "te-dev_8365aba0a8fa5555.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / "te-dev_8365aba0a8fa5555.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    article = newsclean.clean(flatten(soup), url=page["url"], input_format="text")
    kept = " ".join(article.text.split())
    assert [s for s in page["gold"]["with"] if " ".join(s.split()) not in kept] == []
    for teaser in page["gold"]["without"][:2]:
        assert teaser not in kept, teaser


def test_headline_cut_one_word_a_line_before_a_date_is_not_a_next_article() -> None:
    """A flattened page's photo caption: a headline in capitals (cut one token a line), a date, the story going on.

    Counted line by line, ten one-word labels around a date read as the
    header of a second story and the article lost its last paragraphs; on
    a flattened dump they are one label.
    """
    prose = [f"The officers said on Thursday that the search for suspect {n} went on all night." for n in range(12)]
    caps = ["MAN", "ALLEGEDLY", "BEAT", "WOMAN", "TO", "DEATH", "USING", "TOILET", "TANK", "LID"]
    blocks, verdicts = _page([*prose, *caps, "Feb. 29, 2024.", *prose])
    end = len(blocks)
    assert cut_next_article(blocks, verdicts, 0, end)[0] < end
    assert cut_next_article(blocks, verdicts, 0, end, flattened=True)[0] == end
