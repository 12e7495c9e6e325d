"""Flattened Chinese and Japanese dumps: the spaces between a page's elements go back to line breaks.

The real case is a Japanese dev page's soup render flattened (every
whitespace run collapsed to one space): before, its menus, headlines and
teaser lists had no terminal punctuation to be cut at, so a run of teaser
headlines thousands of characters long was kept and the article lost.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.unflatten import restore_lines
from newsclean.text.unspaced import element_breaks, is_unspaced

PAGE = "fp-dev_jp_AsahiShimbun_2025_01_13"


def _no_space(text: str) -> str:
    return "".join(text.split())


def _page(fixtures_dir: Path) -> tuple[dict[str, object], str]:
    page = json.loads((fixtures_dir / "flat" / f"{PAGE}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / f"{PAGE}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        return page, fh.read()


def test_flattened_japanese_page_keeps_its_article(fixtures_dir: Path) -> None:
    page, soup = _page(fixtures_dir)
    gold = str(page["gold"]["body"])  # type: ignore[index]
    flat = newsclean.clean(flatten(soup), url=str(page["url"]), input_format="text")
    kept = _no_space(flat.text)
    # Every sentence of the article and every line of its list of places, in the page's words.
    pieces = [p for line in gold.split("\n") for p in re.split(r"(?<=。)", _no_space(line)) if p]
    assert len(pieces) > 10
    assert [p for p in pieces if p not in kept] == []


def test_flattened_japanese_page_drops_its_teaser_lists(fixtures_dir: Path) -> None:
    page, soup = _page(fixtures_dir)
    flat = newsclean.clean(flatten(soup), url=str(page["url"]), input_format="text")
    kept = _no_space(flat.text)
    # Related-news headlines and the section menu printed around the article.
    for teaser in ("停電・断水・避難…授乳どうする？", "ロス山火事13万人避難指示", "サイトマップ", "フィギュアスケート"):
        assert teaser not in kept, teaser
    assert len(kept) < 2 * len(_no_space(str(page["gold"]["body"])))  # type: ignore[index]


def test_flattened_page_breaks_between_elements() -> None:
    line = "速報 朝刊 記事一覧 気象庁 は13日、地震があったと発表した。 震源の深さは約30キロ。 関連ニュース"
    assert element_breaks(line) == [
        "速報", "朝刊", "記事一覧", "気象庁",
        "は13日、地震があったと発表した。", "震源の深さは約30キロ。", "関連ニュース",
    ]


def test_dates_ellipses_and_notes_are_elements() -> None:
    line = "巨大地震、基準達せず 2025年1月14日 01時28分 想定震源域... この記事は会員限定です。 ※紙の新聞とは"
    assert element_breaks(line) == [
        "巨大地震、基準達せず", "2025年1月14日", "01時28分",
        "想定震源域...", "この記事は会員限定です。", "※紙の新聞とは",
    ]


def test_bullet_opens_the_element_after_it() -> None:
    line = "母乳とミルクに分けて解説 10:01 * * 極秘の捜査会議"
    assert element_breaks(line) == ["母乳とミルクに分けて解説 10:01", "* * 極秘の捜査会議"]


def test_words_set_apart_on_purpose_keep_their_spaces() -> None:
    # A Latin word or a number between spaces is spaced by its writer.
    for line in ("苹果公司 CEO 库克表示，新款手机将于下月上市。", "活动共有 30 人参加。"):
        assert element_breaks(line) == [line]


def test_spaced_scripts_are_left_alone() -> None:
    korean = "이재명 더불어민주당 대선 후보가 15일 전남 순천시 李 여수 유세에서 연설하고 있다."
    lyrics = "Zhi Neng Xiang Nian Ni 只能想念你 Ai shi qu de ai 逝去的爱 讨不回来 Wo hai you hua xiang dui ni shuo"
    for line in (korean, lyrics):
        assert not is_unspaced(line)
        assert element_breaks(line) == [line]


def test_line_structured_japanese_dump_is_unchanged(fixtures_dir: Path) -> None:
    _, soup = _page(fixtures_dir)
    assert restore_lines(soup) == soup
