"""The residual filter's cheap gate for long prose between prose (newsclean.html.residual_gate).

The gate must leave every verdict the residual filter reads (category, prose
flag, noise spans) as the full classifier gives it: checked on every block
of the fixture dumps, each dump read as one extracted body.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import newsclean
from newsclean.html.residual_gate import gated, judge_body
from newsclean.text.classify import classify_blocks, reads_as_prose
from newsclean.text.extract import TextResources
from newsclean.text.prepare import read_lines
from newsclean.text.segment import Block, iter_blocks

_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@pytest.fixture(scope="module")
def bodies() -> list[list[Block]]:
    """The blocks of each fixture dump, renumbered as one body."""
    found = []
    for path in sorted(_PAGES.glob("*.txt.gz")):
        dump = gzip.decompress(path.read_bytes()).decode("utf-8")
        texts = [block.text for block in iter_blocks(read_lines(dump).text)]
        found.append([Block(i, text, i, True) for i, text in enumerate(texts)])
    return found


def _read(verdicts: list, blocks: list[Block]) -> list[tuple[object, ...]]:
    return [(v.category, v.prose, [(n.start, n.end, n.category) for n in v.sentence_noise]) for v in verdicts]


def test_gate_gives_the_classifier_s_verdicts(bodies: list[list[Block]]) -> None:
    resources = TextResources.load()
    gated_blocks = 0
    for language in ("en", "de"):
        lexicon = resources.lexicon.for_language(language)
        for blocks in bodies:
            full = classify_blocks(blocks, lexicon, resources.evidence)
            cheap = judge_body(blocks, lexicon, resources.evidence)
            assert _read(cheap, blocks) == _read(full, blocks)
            gated_blocks += sum(
                reads_as_prose(blocks[i - 1].text) and reads_as_prose(blocks[i + 1].text)
                and gated(blocks[i].text, blocks[i].words, lexicon, resources.evidence)
                for i in range(1, len(blocks) - 1)
            )
    assert gated_blocks > 100  # the gate does settle paragraphs


def test_gate_sends_noise_and_edges_to_the_classifier() -> None:
    lexicon = TextResources.load().lexicon.for_language("en")
    prose = ("The council met on Tuesday evening to discuss the budget for next year, and members argued "
             "for more than three hours about the cost of repairing the old bridge across the river.")
    assert gated(prose, len(prose.split()), lexicon, TextResources.load().evidence)
    with_appeal = prose + " Sign up for our newsletter to get the latest news delivered to your inbox."
    assert not gated(with_appeal, len(with_appeal.split()), lexicon, TextResources.load().evidence)
    caps_tail = prose + " PMID 20175497."
    assert not gated(caps_tail, len(caps_tail.split()), lexicon, TextResources.load().evidence)
    menu = "Home | News | Sport | " + prose
    assert not gated(menu, len(menu.split()), lexicon, TextResources.load().evidence)
    short = "The council met on Tuesday."
    assert not gated(short, len(short.split()), lexicon, TextResources.load().evidence)


def test_html_body_keeps_cutting_a_noise_sentence_inside_long_prose() -> None:
    """A page written to reproduce the case: the middle paragraph ends in a newsletter appeal."""
    sentences = [
        "The regional council met on Tuesday evening to discuss the budget for the coming year.",
        "Members argued for more than three hours about the cost of repairing the old stone bridge.",
        "Several residents spoke during the public session and asked for a timetable for the works.",
    ]
    paragraphs = [" ".join(sentences[i:] + sentences[:i]) for i in range(3)] * 2
    paragraphs[2] += " Sign up for our newsletter to get the latest news delivered to your inbox every morning."
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><head><title>Council argues over bridge</title></head><body><article>"
            f"<h1>Council argues over bridge</h1>{body}</article></body></html>")
    record = newsclean.clean_record({"id": "gate", "html": html})
    assert record["text"].count("The regional council met") == 6
    assert "newsletter" not in record["text"]
