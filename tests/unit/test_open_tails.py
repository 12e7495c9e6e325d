"""Tests for cutting the short unclosed tail after a glued line's last sentence."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
import newsclean.text.glued as glued_module
from benchmarks import metrics
from benchmarks.flatten import glue
from newsclean.text.glued import restore_dump
from newsclean.text.lexicon import Lexicon
from newsclean.text.open_tails import MAX_TAIL_WORDS, open_tail, open_tails


def test_short_tail_after_the_last_sentence_gets_a_line_of_its_own() -> None:
    for head, tail in (
        ("Even if that would not cause him to lose the state, the party fears a lower turnout.", "Advertisement"),
        ("Morgan Rogers has replaced him, with two appearances in the Premier League.", "5:59PM"),
        ("The minister said the plan would be published on Wednesday.", "Article content"),
        ("Raye wins Song of the Year. Five nominations went to her this year.", "Credit: Jane Doe"),
        ("Der Regelbetrieb soll am Dienstag wieder aufgenommen werden.", "Mehr zum Thema"),
    ):
        assert open_tail(f"{head} {tail}") == [head, tail]


def test_lines_that_end_like_a_sentence_or_hold_one_sentence_stay_whole() -> None:
    for line in (
        "The council met on Monday. It voted to share the costs with the county.",  # closed
        'He said: "We will appeal." The court will rule in June?',  # closed by a question mark
        "The council met on Monday and voted to share the costs with the county",  # one sentence, no stop
        "Advertisement",  # a label alone
    ):
        assert open_tail(line) == [line]


def test_an_initial_or_abbreviation_is_no_sentence_end() -> None:
    """"U.S. Rep. John" is one name: the stop inside it does not start a tail."""
    line = "The bill was sent back to the committee by Rep. John Garamendi"
    assert open_tail(line) == [line]


def test_a_long_tail_is_the_article_and_stays() -> None:
    tail_words = ["word"] * (MAX_TAIL_WORDS + 1)
    line = "The storm reached the coast on Monday night. " + " ".join(["Then", *tail_words])
    assert open_tail(line) == [line]
    short = "The storm reached the coast on Monday night. " + " ".join(["Then", *tail_words[: MAX_TAIL_WORDS - 1]])
    assert open_tail(short) == ["The storm reached the coast on Monday night.", short.split(". ", 1)[1]]


def test_a_glued_dump_has_its_tails_cut_and_a_line_structured_one_stays() -> None:
    sentence = (
        "The regional council approved the new budget for the hospital after a long debate on Tuesday evening. "
        "Several members asked for more money for the emergency ward and the children's clinic in the town"
    )
    # Few short lines, and every long line runs on past its last stop: a glued dump. The time
    # stamps are no lexicon phrase, so only the tail cut puts them on lines of their own.
    dump = "\n\n".join(f"{sentence}. 8:17PM" for _ in range(12))
    restored = restore_dump(dump, Lexicon.load()).split("\n")
    assert restored.count("8:17PM") == 12
    assert restored.count(f"{sentence}.") == 12
    # The same paragraphs as a line-preserving renderer prints them: nothing to cut.
    line_dump = "\n\n".join(f"{sentence}.\n8:17PM" for _ in range(12))
    assert restore_dump(line_dump, Lexicon.load()) == line_dump


def test_the_last_tail_stays_when_no_blank_line_ends_the_block() -> None:
    """A render that breaks a paragraph at its links ("... This year," / "Olga Pericet" / "March 15), ...")
    leaves an unclosed tail before one line break: the sentence goes on, no block is glued on."""
    pieces = ["The festival opens on Friday. Share", "Companies from elsewhere join the season. This year,"]
    assert open_tails(pieces, last_ends_block=False) == [
        "The festival opens on Friday.", "Share", "Companies from elsewhere join the season. This year,",
    ]
    assert open_tails(pieces, last_ends_block=True) == [
        "The festival opens on Friday.", "Share", "Companies from elsewhere join the season.", "This year,",
    ]
    sentence = (
        "The regional council approved the new budget for the hospital after a long debate on Tuesday evening. "
        "Several members asked for more money for the emergency ward and the children's clinic in the town"
    )
    dump = "\n".join(f"{sentence}. 8:17PM" for _ in range(12))
    assert restore_dump(dump, Lexicon.load()).split("\n").count("8:17PM") == 1  # only the dump's last line


def _page(fixtures_dir: Path, name: str, mode: str) -> tuple[dict[str, object], str]:
    page = json.loads((fixtures_dir / "pages" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "pages" / f"{name}.{mode}.txt.gz", "rt", encoding="utf-8") as fh:
        return page, fh.read()


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        # A live blog's time stamps and "Credit:" lines glued after its entries.
        ("TheTelegraph_3", "inscriptis"),
        # A caption's photographer credit glued after the paragraph before it.
        ("no_Dagbladet_2026_01_06", "inscriptis"),
    ],
)
def test_glued_tail_cut_scores_better(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: str
) -> None:
    page, render = _page(fixtures_dir, name, mode)
    dump = glue(render, str(page["id"]))
    gold = page["gold"]
    assert isinstance(gold, dict)
    cut = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    monkeypatch.setattr(glued_module, "open_tails", lambda pieces, last_ends_block: pieces)
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    f1 = [metrics.page_f1(metrics.shingle_counts(gold["body"], out.text)) for out in (cut, whole)]
    assert f1[0] > f1[1]
