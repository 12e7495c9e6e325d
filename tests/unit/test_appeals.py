"""Membership appeals after a story are found by their voice, not their wording (issue 17).

The pages below are written for these tests: a story followed by a
publisher's appeal run (call-to-action labels, the organisation speaking to
the reader, a wall line, a sign-off), and a story that reports on a
newspaper's appeal and quotes it. The first loses its appeal and keeps its
story; the second keeps every paragraph.
"""

from __future__ import annotations

from pathlib import Path

import newsclean
from newsclean.text.appeals import mark_appeal_runs
from newsclean.text.classify import classify_blocks
from newsclean.text.evidence import Evidence
from newsclean.text.lexicon import Lexicon
from newsclean.text.segment import iter_blocks

ROOT = Path(__file__).resolve().parents[2]

STORY = [
    "The regional water board approved a new treatment plant on Monday after a debate that lasted most of the "
    "afternoon and drew residents from three neighbouring towns.",
    "Engineers told the board that the plant would replace two ageing facilities built in the 1960s, and that "
    "construction could begin next spring if the state grants the remaining permits.",
    "Several residents raised concerns about the cost, which the board estimates at 48 million, and asked "
    "whether rates would rise. Officials said an increase of about four percent was likely over five years.",
    "The board will publish the full engineering report next month and hold a second public hearing in June.",
]

APPEAL = [
    "Support independent local reporting",
    "We are glad you have read so many of our stories this year.",
    "Your support keeps our reporters at council meetings, courthouses and school boards across the region.",
    "Join our members today",
    "Already a subscriber? Sign in",
    "Thank you,",
    "Jane Example, Editor",
    "Support our newsroom",
]

QUOTING = [
    "The city's oldest newspaper launched a fundraising drive on Friday as advertising revenue kept falling.",
    "In a letter to readers, the editor wrote: \"We are asking you to support our newsroom so that we can "
    "keep reporting on your council.\"",
    "The paper said it hopes to sign up two thousand members by the end of the year, and that donations "
    "would pay for two new reporters.",
    "Media analysts said similar appeals had worked for other regional titles, though few had reached their targets.",
    "The publisher declined to say how many subscribers the paper had lost since 2020.",
]


def _clean(paragraphs: list[str]) -> newsclean.Article:
    return newsclean.clean("\n\n".join(paragraphs) + "\n", input_format="text")


def test_an_appeal_run_after_a_story_goes_and_the_story_stays() -> None:
    article = _clean(STORY + APPEAL)
    for paragraph in STORY:
        assert paragraph in article.text
    for line in APPEAL:
        assert line not in article.text
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Support independent local reporting"] == "appeal"
    assert reasons["We are glad you have read so many of our stories this year."] == "appeal"


def test_a_story_that_quotes_an_appeal_keeps_every_paragraph() -> None:
    """The quoted appeal sits between the story's paragraphs, in the reporter's voice.

    The quoted letter itself is cut by an appeal phrase of the lexicon, as it
    was before this rule (left for the lexicon's owners); the run rule adds
    nothing to that: every other paragraph stays.
    """
    paragraphs = ["Water board backs new plant", *STORY[:2], *QUOTING, *STORY[2:]]
    article = _clean(paragraphs)
    for paragraph in paragraphs[1:]:
        assert paragraph == QUOTING[1] or paragraph in article.text


def test_labels_and_the_organisations_voice_are_marked_only_inside_an_appeal_run() -> None:
    evidence = Evidence.load()
    lexicon = Lexicon.load().for_language("en")
    for paragraphs, expected in ((STORY + APPEAL, True), (QUOTING, False), (STORY, False)):
        blocks = iter_blocks("\n\n".join(paragraphs))
        verdicts = classify_blocks(blocks, lexicon, evidence)
        marked = mark_appeal_runs(blocks, verdicts, evidence)
        assert bool(marked) is expected
        assert all(blocks[i].text not in STORY for i in marked)


def test_the_seed_membership_appeal_is_found_without_its_wordings() -> None:
    """Seed 002: the "Join ... Community" labels and the "you've read N articles" line are marked by voice."""
    [path] = (ROOT / "seeds").glob("002_*.txt")
    article = newsclean.clean_file(path)
    appeals = [r.text for r in article.removed if r.reason == "appeal"]
    assert "Join Our Community" in appeals
    assert any("read X Times of Israel articles" in text for text in appeals)
    assert "Thank you," in appeals
    assert "Community" not in article.text
