"""A photo credit closes the caption above it, unless the credit line holds a caption of its own
or the text above it answers a question.

Real renders of dev pages (tests/fixtures/region/README.md) and written blocks: the paragraph
above a photo printed with its own caption ("Stau © A / B", "Seminars start in March. (Source:
X)") is the article's, and was dropped as that photo's caption.
"""

from __future__ import annotations

import pytest

from newsclean.text.classify import Verdict, carries_caption, classify_block
from newsclean.text.extract import TextResources
from newsclean.text.marks import mark_captions
from newsclean.text.segment import Block
from tests.region_pages import assert_gold, clean_page


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


@pytest.mark.parametrize("name", ["te-dev_63272fbe39e370fa", "te-dev_fbc916aa18b4d9ea", "te-dev_c9f0c3c5ab9d41b2"])
def test_paragraph_above_a_captioned_photo_is_kept(name: str) -> None:
    body, gold = clean_page(name)
    assert_gold(body, gold)


@pytest.mark.parametrize(
    ("text", "captioned"),
    [
        ("Stau © aremac / Clipdealer", True),
        ("Neue Seminare starten im März. (Quelle: Hume/Unsplash)", True),
        ("Union Station, Chicago, 1960. Photo: Bettmann Archive/Getty", True),
        # Bare credits: one sentence, a credit's label before the ©, a credit in two sentences.
        ("Foto: Jane Doe / dpa", False),
        ("Bild © Johannes Gregor/hr", False),
        ("(Foto: © Ingo Lammert)", False),
        ("Photo: John Smith. Reuters", False),
    ],
)
def test_credit_line_holding_a_caption(resources: TextResources, text: str, captioned: bool) -> None:
    assert carries_caption(text, resources.lexicon) is captioned


def _judged(resources: TextResources, texts: list[str]) -> tuple[list[Block], list[Verdict]]:
    blocks = [Block(i, t, i, True) for i, t in enumerate(texts)]
    return blocks, [classify_block(b, resources.lexicon, resources.evidence) for b in blocks]


def test_prose_above_a_captioned_photo_is_not_its_caption(resources: TextResources) -> None:
    texts = [
        "The council approved the new bridge on Tuesday. Work on it starts next spring, officials said.",
        "Traffic on the old bridge © Jane Doe",
        "Workers on the site of the new bridge.",
        "Photo: Jane Doe / dpa",
    ]
    blocks, verdicts = _judged(resources, texts)
    assert verdicts[0].prose and verdicts[1].category == "image_credit"
    # The first paragraph stays; the caption a bare credit closes goes.
    assert mark_captions(blocks, verdicts, resources.lexicon) == {2}
    assert verdicts[0].category is None


def test_gallery_caption_holding_its_credit_stays_a_caption(resources: TextResources) -> None:
    # Each caption of a gallery carries its own credit: the one above the next is still a caption.
    texts = [
        "Offshore wind farm during the installation of its substation in the summer © Jane Doe, 31.05.2014",
        "The substation's topside being set © John Roe",
    ]
    blocks, verdicts = _judged(resources, texts)
    assert 0 in mark_captions(blocks, verdicts, resources.lexicon)


def test_answer_under_a_question_is_not_a_caption(resources: TextResources) -> None:
    texts = [
        "When do you go fishing?",
        "All year round. Every season has its charm, spring and autumn most of all.",
        "© Jane Doe",
        "The new bridge at dusk.",
        "Photo: Jane Doe / dpa",
    ]
    blocks, verdicts = _judged(resources, texts)
    # The answer stays; the caption under a plain line goes.
    assert mark_captions(blocks, verdicts, resources.lexicon) == {3}
    assert verdicts[1].category is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Jana Beispiel, Foto: Stadtarchiv", True),
        ("Le maire Jean Exemple, photo: Archives de la ville", True),
        # A sentence of prose that mentions a photo is not a caption.
        ("The mayor, who had the photo: a print of the old harbour, showed it.", False),
        ("Sie zeigte das Bild, Foto: nein, das war ein Gemälde, sagte sie.", False),
    ],
)
def test_caption_naming_its_subject_then_its_credit(resources: TextResources, text: str, credit: bool) -> None:
    # "Name, photo: Source" under a portrait: the subject's name and the credit, in one line.
    found = resources.lexicon.match(text) == "image_credit"
    assert found is credit
