"""The flattened-dump safety net: when the region is widened, and when it is left alone."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.classify import Verdict
from newsclean.text.flat_guard import longest_prose_run, widen_region
from newsclean.text.flat_tail import cohesion, cut_label_run
from newsclean.text.headline import slug_relevance
from newsclean.text.segment import Block

PROSE = "The council voted on Tuesday to keep the library open for another year, its members said. " * 3
LABEL = "Home"
DATE = "12.04.2024"
NOISE = "Cookie settings and privacy choices for this site " * 12


def _page(kinds: str) -> tuple[list[Block], list[Verdict]]:
    """``p`` prose, ``l`` a short label nobody flagged, ``n`` a line a lexicon flagged as noise,
    ``d`` a date line the lexicons name."""
    blocks, verdicts = [], []
    for index, kind in enumerate(kinds):
        text = {"p": PROSE, "l": LABEL, "n": NOISE, "d": DATE}[kind]
        blocks.append(Block(index=index, text=text, line=index, gap_before=False))
        category = {"n": "legal", "d": "meta"}.get(kind)
        verdicts.append(Verdict(category=category, prose=kind == "p", score=0.0))
    return blocks, verdicts


def test_labels_between_paragraphs_do_not_end_a_prose_run() -> None:
    blocks, verdicts = _page("nnplplppnnnp")
    assert longest_prose_run(blocks, verdicts)[:2] == (2, 8)


def test_region_holding_little_prose_is_widened_and_its_edge_cuts_undone() -> None:
    blocks, verdicts = _page("lllpplpppnnnp")
    trimmed = {7: "teaser"}
    assert widen_region(blocks, verdicts, (12, 13), trimmed) == (3, 13)
    assert trimmed == {}


def test_region_holding_most_prose_is_left_alone() -> None:
    blocks, verdicts = _page("lppppnnp")
    trimmed: dict[int, str] = {}
    assert widen_region(blocks, verdicts, (1, 5), trimmed) is None


def test_prose_outside_between_named_noise_does_not_widen_the_region() -> None:
    # Teaser summaries, each after a date line the lexicons name: short prose broken by noise.
    blocks, verdicts = _page("ppppdpdpdpdpdp")
    assert widen_region(blocks, verdicts, (0, 4), {}) is None
    # The same prose in a row after an unnamed line (a caption) is the rest of the article.
    blocks, verdicts = _page("pplppppppp")
    assert widen_region(blocks, verdicts, (0, 2), {}) == (0, 10)


def test_guard_does_not_look_past_a_barrier_that_ended_the_region() -> None:
    # A share row (a barrier) ended the article; the footer's blurbs after it are prose too.
    blocks, verdicts = _page("pppnpppp")
    trimmed = {i: "share" for i in range(3, 8)}
    # Counted against the whole page, the region would look lost and take in the footer ...
    assert widen_region(blocks, verdicts, (0, 3), dict(trimmed)) == (0, 8)
    # ... before the barrier, it holds all of the page's prose.
    assert widen_region(blocks, verdicts, (0, 3), trimmed, barrier=3) is None


def test_flat_page_ends_at_its_share_row_not_in_the_footer(fixtures_dir: Path) -> None:
    # A review page rendered flat: after the article's last sentences come a "Follow ... on
    # Google News" row, the author's bio, a comment form and "Latest in AI" teasers.
    page = json.loads((fixtures_dir / "flat" / "fp-dev_uk_TechRadar_2026_05_21.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / "fp-dev_uk_TechRadar_2026_05_21.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    body = " ".join(newsclean.clean(flatten(soup), url=page["url"], input_format="text").text.split())
    assert "The jury's still out." in body
    assert "AI Overviews" in body
    assert "A 38-year industry veteran" not in body
    assert "You must confirm your public display name" not in body
    assert "Lance Ulanoff makes frequent appearances" not in body


def _clean_flat(fixtures_dir: Path, name: str) -> str:
    page = json.loads((fixtures_dir / "flat" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / f"{name}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    return " ".join(newsclean.clean(flatten(soup), url=page["url"], input_format="text").text.split())


def test_flat_page_ends_at_the_tag_list_before_the_next_stories(fixtures_dir: Path) -> None:
    # After the article's last sentence: its tag list (a run of labels once flattened), then
    # "most read" headlines with their authors and summaries that read as prose.
    body = _clean_flat(fixtures_dir, "fp-dev_es_ElDiario_2025_05_29")
    assert "la de transporte de mercancías Lufthansa Cargo." in body
    assert "Los rebeldes hutíes de Yemen reivindicaron" in body
    assert "El primer filtro de seguridad del PSOE" not in body
    assert "Un apagón deja sin electricidad al sureste de Francia" not in body


def test_flat_article_goes_on_after_a_run_of_labels_inside_it(fixtures_dir: Path) -> None:
    # A list article: each place's name, county and trail dates come back as a run of labels,
    # and its paragraphs (several sentences in a row) follow: the article goes on.
    body = _clean_flat(fixtures_dir, "fe_iNews_1")
    assert "Heritage Site is a unique place" in body
    assert "challenge each other to some Easter games." in body


def test_label_run_ends_the_region_only_before_short_prose() -> None:
    # ``p`` a finished sentence, ``l`` a label line: ten labels after the article, then teaser summaries.
    blocks, verdicts = _page("pppppp" + "l" * 10 + "plpl")
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == 6
    # Fewer labels: a caption and its credit, a subheading inside the article.
    blocks, verdicts = _page("pppppp" + "l" * 4 + "plpl")
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == len(blocks)
    # Three sentences in a row after the run: a paragraph, the article goes on.
    blocks, verdicts = _page("pppppp" + "l" * 10 + "ppp")
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == len(blocks)


def test_label_run_ends_the_region_before_the_next_stories_summaries() -> None:
    # After the tag list and the next stories' headlines, their summaries read as a paragraph
    # (three sentences in a row) but name none of the article's people, places or subject.
    blocks, verdicts = _page("pppppp" + "l" * 10 + "ppp")
    others = (
        "Storms flooded coastal roads overnight, forecasters warned.",
        "A striker signed a two-year contract with the champions.",
        "Shares in carmakers slid after tariffs were announced.",
    )
    for offset, text in enumerate(others):
        blocks[16 + offset] = Block(index=16 + offset, text=text, line=16 + offset, gap_before=False)
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == 6
    # The article going on after a box: its sentences name its council and library again.
    going_on = "The library council said members would meet again after the vote, the council said."
    for offset in range(3):
        blocks[16 + offset] = Block(index=16 + offset, text=going_on, line=16 + offset, gap_before=False)
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == len(blocks)


def test_cohesion_is_unmeasured_in_scripts_written_without_spaces() -> None:
    blocks = [Block(index=0, text="市议会周二投票决定图书馆继续开放一年。", line=0, gap_before=False),
              Block(index=1, text="暴雨淹没了沿海道路预报员发出警告。", line=1, gap_before=False)]
    assert cohesion(blocks, (0, 1), (1, 2)) == 1.0
    assert cohesion(_page("pp")[0], (0, 1), (1, 2)) == 1.0


def test_a_short_last_sentence_is_not_a_label_of_the_run() -> None:
    # The article's last sentence is short ("There were five arrests."): the cut comes after it.
    blocks, verdicts = _page("pppppp" + "l" * 11 + "plpl")
    blocks[6] = Block(index=6, text="There were five arrests.", line=6, gap_before=False)
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == 7


def test_a_sentence_broken_at_its_nouns_is_not_a_run_of_labels() -> None:
    # German capitalises nouns: the unflattener may print one sentence as ten short lines,
    # half of them holding lower-case words. The article goes on after it.
    blocks, verdicts = _page("pppppp" + "l" * 10 + "plpl")
    for index in range(6, 16, 2):
        blocks[index] = Block(index=index, text="Gründen aktuell kein", line=index, gap_before=False)
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == len(blocks)


def test_label_run_is_kept_when_what_follows_names_the_address() -> None:
    # The region began in the page's menus: the short story after them holds the slug's words.
    blocks, verdicts = _page("pppppp" + "l" * 10 + "plpl")
    story = "Privatisations serve private interests, the union said."
    blocks[16] = Block(index=16, text=story, line=16, gap_before=False)
    relevance = slug_relevance("https://example.org/article/privatisations-serve-private-interests", blocks)
    assert cut_label_run(blocks, verdicts, 0, len(blocks), relevance)[0] == len(blocks)
    assert cut_label_run(blocks, verdicts, 0, len(blocks))[0] == 6


def test_a_run_apart_from_the_region_is_taken_in_only_when_it_names_the_address_as_much() -> None:
    # A one-paragraph wire story under its headline, then the site's links, then the footer's product blurbs.
    blocks, verdicts = _page("lp" + "n" * 12 + "pppp")
    story = "Ghana bill could derail IMF support, the ministry said. " * 3
    blocks[1] = Block(index=1, text=story, line=1, gap_before=False)
    relevance = slug_relevance("https://example.com/world/ghana-bill-could-derail-imf-support-2024-03-04/", blocks)
    assert relevance is not None
    assert widen_region(blocks, verdicts, (1, 2), {}, relevance=relevance) is None
    # Without the address the guard cannot tell the story from the footer, and keeps the larger prose.
    assert widen_region(blocks, verdicts, (1, 2), {}) == (1, 18)
    # A region that settled on a blurb apart from the story, which names the address: the story is taken in.
    relevance = slug_relevance("https://example.com/local/council-keeps-library-open-another-year/", blocks)
    assert widen_region(blocks, verdicts, (1, 2), {}, relevance=relevance) == (1, 18)
