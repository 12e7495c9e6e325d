"""The text path's stages run alone, and chained they are ``extract_text``."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsclean.normalize.scripts import CJK_CHAR, HAN_KANA_CHAR, UNSPACED_CHAR
from newsclean.options import Options
from newsclean.record import Reason
from newsclean.text.compose import Composed, compose_block
from newsclean.text.extract import TextResources, extract_text
from newsclean.text.frame import cut_ends, locate_region
from newsclean.text.judge import classify, identify_language, segment
from newsclean.text.prepare import cut_embedded, read_dump
from newsclean.text.stage_values import Prepared

_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "TheIntercept_0.soup.txt.gz"


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


def test_the_stages_chained_give_the_extraction_body(resources: TextResources) -> None:
    dump = gzip.decompress(_PAGE.read_bytes()).decode("utf-8")
    options = Options()
    prepared = cut_embedded(read_dump(dump, options), resources.evidence)
    page = identify_language(segment(prepared), options)
    judged = classify(page, options, resources.lexicon, resources.evidence)
    region = cut_ends(prepared, page, judged, locate_region(page, judged, None), options, resources.evidence)
    found = extract_text(dump, options, resources)
    assert page.language == found.language == "en"
    assert len(judged.verdicts) == len(page.blocks) > 20
    assert 0 <= region.start < region.end <= len(page.blocks)
    # The body is the region's prose: its first kept paragraph is a block inside the region, or the
    # standfirst under the headline above it (this page's one-sentence summary), and then the next one is.
    inside = {b.text for b in page.blocks[region.start: region.end]}
    assert found.paragraphs
    if found.paragraphs[0] not in inside:
        assert found.paragraphs[0] in {b.text for b in page.blocks[:region.start]}
        assert found.paragraphs[0].startswith("Several veterinary staff recently quit")
        assert found.paragraphs[1] in inside
    assert found.title and found.sources["title"]


def test_embeds_stage_reports_what_it_cuts_after_what_reading_cut(resources: TextResources) -> None:
    page = Prepared("Intro line here.\nRead more (opens in new tab) about it ×\nMore text.", ())
    cut = cut_embedded(page, resources.evidence)
    assert "opens in new tab" not in cut.text
    # The close glyph is reported here; segmenting splits it off the line.
    assert [r.reason for r in cut.removed] == [Reason.MARKUP, Reason.NAVIGATION]


def test_a_leading_date_marker_is_the_inputs_date() -> None:
    prepared = read_dump("date: 2024-05-01 Council approves budget\n\nThe council met.", Options())
    assert prepared.marker_date is not None and prepared.marker_date.iso.startswith("2024-05-01")
    assert prepared.text.startswith("Council approves budget")
    assert [r.reason for r in prepared.removed] == [Reason.DATELINE]


def test_compose_block_removes_whole_or_keeps_without_noise() -> None:
    out = Composed()
    compose_block(out, "Share this article", "share", True, [], ())
    compose_block(out, "The council met on Tuesday.", None, True, [], ())
    compose_block(out, "Comments (3)", "comments", False, [], ("comments",))
    assert out.paragraphs == ["The council met on Tuesday.", "Comments (3)"]
    assert [r.text for r in out.removed] == ["Share this article"]
    assert out.spans == [("Share this article", "share"), ("The council met on Tuesday.", None),
                         ("Comments (3)", "comments")]


def test_korean_is_cjk_but_written_with_spaces() -> None:
    assert UNSPACED_CHAR.search("東京") and UNSPACED_CHAR.search("ひらがな")
    assert CJK_CHAR.search("한국어") and not UNSPACED_CHAR.search("한국어")
    assert not CJK_CHAR.search("Zürich")


def test_a_korean_headline_with_a_compatibility_hanja_is_not_a_cjk_menu(resources: TextResources) -> None:
    """A Korean page's surname in a compatibility ideograph (U+F9E1) does not make its headline a menu line."""
    from newsclean.text.classify import classify_block
    from newsclean.text.segment import Block

    headline = "\uf9e1 여수, 순천, 목포 찾아 빗속 유세"
    assert UNSPACED_CHAR.search(headline) and not HAN_KANA_CHAR.search(headline)
    verdict = classify_block(Block(0, headline, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category is None
