"""Glued dumps: some line breaks kept, labels glued to the article's paragraphs.

The real cases are the fixture pages' renders glued as the renderers
benchmark glues them (each line joined to the next with probability one
half, seeded by the page): the glued long lines are split and the article
comes out closer to the hand-made body than when they are kept whole. The
same pages' line-structured renders, the seeds and Markdown dumps must come
out byte-identical.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
import newsclean.text.glued as glued_module
import newsclean.text.unspaced as unspaced_module
from benchmarks import metrics
from benchmarks.flatten import glue
from newsclean.normalize.text import normalize_text
from newsclean.text.glued import bullet_lines, is_glued, noise_lines, restore_dump
from newsclean.text.lexicon import Lexicon
from newsclean.text.unflatten import restore_items
from newsclean.text.unspaced import element_lines, may_hold_elements


def _page(fixtures_dir: Path, name: str, mode: str) -> tuple[dict[str, object], str]:
    page = json.loads((fixtures_dir / "pages" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "pages" / f"{name}.{mode}.txt.gz", "rt", encoding="utf-8") as fh:
        return page, fh.read()


def _body_f1(page: dict[str, object], text: str) -> float:
    gold = page["gold"]
    assert isinstance(gold, dict)
    return metrics.page_f1(metrics.shingle_counts(gold["body"], text))


def test_line_structured_renders_are_unchanged(fixtures_dir: Path, seeds_dir: Path) -> None:
    dumps = [path.read_text("utf-8") for path in seeds_dir.glob("*.txt")]
    for path in sorted((fixtures_dir / "pages").glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            dumps.append(fh.read())
    assert len(dumps) > 20
    for dump in dumps:
        text = normalize_text(dump)
        assert not is_glued(text)
        assert restore_dump(text) == text


def test_markdown_dumps_are_unchanged(fixtures_dir: Path) -> None:
    for path in sorted((fixtures_dir / "markdown").glob("*.md.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = normalize_text(fh.read())
        assert restore_dump(text) == text, path.name


@pytest.mark.parametrize(
    ("name", "mode", "floor"),
    [
        ("TheIntercept_0", "inscriptis", 0.95),
        ("no_Dagbladet_2026_01_06", "inscriptis", 0.7),
        # Half its lines are short, but a third of its long lines end in the next block's labels.
        ("de_FreiePresse_2024_04_30", "soup", 0.8),
        # Few short lines and no label run in front of a sentence, but a third of its long lines
        # run past their last full stop into the next block (a caption, "Read more").
        ("TheIntercept_0", "soup", 0.95),
    ],
)
def test_glued_render_is_split_and_scores_better(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: str, floor: float
) -> None:
    page, render = _page(fixtures_dir, name, mode)
    dump = glue(render, str(page["id"]))
    assert is_glued(normalize_text(dump))
    split = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    monkeypatch.setattr(glued_module, "is_glued", lambda text: False)
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert _body_f1(page, split.text) >= floor
    assert _body_f1(page, split.text) > _body_f1(page, whole.text)
    # What the split cut off is recorded, as for any dump.
    assert len(split.removed) > len(whole.removed)


def test_short_lines_mean_line_structure() -> None:
    """A dump whose lines are mostly labels kept its line structure, whatever its long lines hold."""
    paragraph = (
        "Home News Sport The council met on Tuesday and agreed to spend more on the new bridge across the river."
    )
    labels = "\n".join(["Home", "News", "Sport", "Weather"])
    assert is_glued("\n".join([paragraph] * 12))
    assert not is_glued("\n".join([paragraph + "\n" + labels] * 12))


def test_open_ended_long_lines_mark_a_glued_dump_with_many_short_lines() -> None:
    """Half the lines short, but the long ones end in the next block's labels: glued.

    The same dump with its paragraphs closed by their full stop has no such
    evidence and keeps its lines.
    """
    paragraph = (
        "Home News Sport The council met on Tuesday and agreed to spend more on the new bridge across the river."
    )
    glued = "\n".join([paragraph + " Share Facebook Twitter\nWeather"] * 12)
    closed = "\n".join([paragraph + "\nWeather"] * 12)
    assert is_glued(glued)
    assert not is_glued(closed)


def test_open_ended_long_lines_alone_mark_a_glued_dump_with_few_short_lines() -> None:
    """Labels in sentence case glued after the paragraphs leave no label run, but the lines run on: glued.

    With more short lines the open ends are not enough without label runs,
    and paragraphs closed by their stop, in any script, are no evidence.
    """
    paragraph = "The council met on Tuesday. It agreed to spend more on the new bridge across the river"
    teaser = "\nWeather today and tomorrow in the town"
    assert is_glued("\n".join([paragraph + " read more about it" + teaser] * 12))
    assert not is_glued("\n".join([paragraph + " read more about it\nWeather\nSport" + teaser] * 12))
    assert not is_glued("\n".join([paragraph + "." + teaser] * 12))
    hindi = "परिषद ने मंगलवार को बैठक की। उसने नदी पर बने नए पुल पर और अधिक खर्च करने पर सहमति जताई और काम जल्द शुरू होगा।"
    assert not is_glued("\n".join([hindi + "\nआज और कल शहर में मौसम कैसा रहेगा"] * 12))


def test_lines_that_run_on_past_their_sentences_mark_a_glued_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    """Medium lines that go on past a full stop into a label, few short lines in short runs: glued.

    The long paragraphs are closed and hold no label run, so only the run-on
    test finds it; a menu printed one item a line, or the same lines closed
    by their stop, keep the dump line-structured.
    """
    paragraph = "The council met on Tuesday and agreed to spend more money on the new bridge across the river."
    first = "The mayor spoke on Monday. Work on the bridge starts soon Sport"
    second = "Readers wrote in at once. Most of them liked the plan Weather Home"
    menu = "Home\nNews\nSport\nWeather\nCulture"
    assert is_glued("\n".join([paragraph, first, "Local news", second] * 8))
    assert not is_glued("\n".join([paragraph, first, menu, second] * 8))
    closed = [paragraph, "The mayor spoke on Monday. Work on the bridge starts soon.", "Local news",
              "Readers wrote in at once. Most of them liked the plan."]
    assert not is_glued("\n".join(closed * 8))
    monkeypatch.setattr(glued_module, "RUN_ON_MAX_SHORT_SHARE", 0.0)
    assert not is_glued("\n".join([paragraph, first, "Local news", second] * 8))


def test_glued_lines_keep_the_words_of_their_sentences() -> None:
    """Capitalised words the sentence goes on after, listed with commas, or a whole sentence stay in the line.

    A menu glued before a sentence that opens in capitals is still cut off.
    """
    kept = [
        "Von ihren 30 Jahren im Amt war Anna Berger 25 Jahre in leitenden Funktionen tätig. Dann ging sie.",
        "La guerre dure depuis des mois. Asie, Europe, Proche Orient… la Chine est en train de nouer des alliances.",
        "Sie lesen die Zeitung! Mehr Komfort mit der Neuen Stadt App! Das Fest beginnt am Freitag.",
    ]
    for line in kept:
        assert len(restore_items(line, items=True).lines) > 1
        assert restore_items(line, items=True, prose_lines=True).lines == [line]
    menu = "Home News Sport Weather The council met on Tuesday and agreed to spend more on the new bridge."
    assert restore_items(menu, items=True, prose_lines=True).lines[:4] == ["Home", "News", "Sport", "Weather"]
    # A tag row spaced with separators, and names with titles before a capitalised word, are still cut.
    tags = "By Anna Berger, in News, Europe, Business · 31 Jan 2025, 20:02 · 0 Comments the bridge opens next spring."
    assert len(restore_items(tags, items=True, prose_lines=True).lines) > 1
    credits = "Anna Berger, MD, PhD, Deputy Editor, reports that she has no ties to the company."
    assert len(restore_items(credits, items=True, prose_lines=True).lines) > 1


def test_a_short_dump_gives_no_evidence_of_run_on_lines() -> None:
    """Fewer than :data:`RUN_ON_MIN_WORDED_LINES` long lines: the run-on test leaves the dump line-structured."""
    paragraph = "The council met on Tuesday and agreed to spend more money on the new bridge across the river."
    first = "The mayor spoke on Monday. Work on the bridge starts soon Sport"
    second = "Readers wrote in at once. Most of them liked the plan Weather Home"
    assert is_glued("\n".join([paragraph, first, "Local news", second] * 7))
    assert not is_glued("\n".join([paragraph, first, "Local news", second] * 6))


@pytest.mark.parametrize("mode", ["soup", "inscriptis"])
def test_glued_japanese_render_keeps_its_article(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Teaser headlines glued into lines of hundreds of characters outweighed the article.

    Cut at the spaces between their elements, they are short lines again and
    the article's sentences win the region search; kept whole, the article
    was lost.
    """
    page, render = _page(fixtures_dir, "jp_AsahiShimbun_2025_01_13", mode)
    dump = glue(render, str(page["id"]))
    kept = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert "気象庁は13日、午後9時19分ごろ、日向灘" in kept.text
    assert "天理、香芝、榛原が関西大会へ" not in kept.text
    assert _body_f1(page, kept.text) >= 0.85
    monkeypatch.setattr(unspaced_module, "UNSPACED_LONG_CHARS", 10**9)
    # The inscriptis render's teaser runs are bulleted too: the bullet cut alone also rescues the article.
    monkeypatch.setattr(glued_module, "bullet_lines", lambda line: [line])
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert _body_f1(page, whole.text) < 0.1


def test_element_lines_cut_headline_runs_not_sentences_or_tables() -> None:
    pieces = [
        "米、AI半導体に新輸出規制", "同盟国に優先供給", "「密輸」防ぐ狙いも", "1時間前", "天理、香芝、榛原が関西大会へ",
        "奈良県アンサンブルコンテスト",
    ]
    assert element_lines(" ".join(pieces)) == pieces
    sentence = (
        "经常在饭店或pub演出，就此展开她的音乐生涯，经常翻唱如Sheryl Crow、Alanis Morrissette、"
        "Tori Amos等创作女歌手的歌曲。"
    )
    assert element_lines(sentence) == [sentence]
    table = "中文名 蔡健雅 外文名 Tanya Chua 国 籍 新加坡 民 族 汉族 星 座 水瓶座 血 型 B型 身 高 160CM 出生地 新加坡"
    assert element_lines(table) == [table]
    # A headline, whose parts a space separates, stays one line.
    assert element_lines("宮崎県で震度5弱 高知と宮崎に津波注意報") == ["宮崎県で震度5弱 高知と宮崎に津波注意報"]


def test_noise_sentences_glued_to_a_paragraph_get_lines_of_their_own() -> None:
    """A cue, a banner sentence or a "read also" run glued after a paragraph is cut off it, in any language."""
    lexicon = Lexicon.load()
    paragraph = "The council met on Tuesday and agreed to spend more on the new bridge across the river."
    cue = "READ MORE: Bridge closed after crash READ MORE: Flood warning for the valley"
    assert noise_lines(f"{paragraph} Work will start in the spring. {cue}", lexicon) == [
        f"{paragraph} Work will start in the spring.", cue,
    ]
    cookie = "We use cookies to improve your experience on our site."
    terms = "By continuing you agree to our terms."
    assert noise_lines(f"{paragraph} {cookie} {terms}", lexicon) == [paragraph, cookie, terms]
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, mehr Geld für die neue Brücke über den Fluss auszugeben. "
        "Die Arbeiten beginnen im Frühjahr."
    )
    assert noise_lines(f"{german} Lesen Sie auch: Brücke nach Unfall gesperrt", lexicon) == [
        german, "Lesen Sie auch: Brücke nach Unfall gesperrt",
    ]


def test_dates_and_plain_paragraphs_stay_whole() -> None:
    """A date opening a paragraph is the article's, not a block beside it; a line without noise is not cut."""
    lexicon = Lexicon.load()
    dated = (
        "July 8, 1972: The Trojans defeated the visitors 23-7 in front of a crowd of many thousands at the "
        "stadium. Attendance: 12,836."
    )
    assert noise_lines(dated, lexicon) == [dated]
    plain = "The council met on Tuesday. It agreed to spend more on the new bridge across the river this year."
    assert noise_lines(plain, lexicon) == [plain]
    assert noise_lines("Read more: the council", lexicon) == ["Read more: the council"]


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        # A legal notice and the next stories' summaries glued to the article's last paragraphs.
        ("no_Dagbladet_2026_01_06", "inscriptis"),
        ("uk_DailyStar_2024_04_23", "inscriptis"),
        ("TheIntercept_0", "soup"),
    ],
)
def test_glued_noise_cut_scores_better(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: str
) -> None:
    page, render = _page(fixtures_dir, name, mode)
    dump = glue(render, str(page["id"]))
    # The noise cut alone: on the Dagbladet render the short-tail cut (:mod:`newsclean.text.open_tails`)
    # reaches the same body without it, so with both in place the two runs score the same.
    monkeypatch.setattr(glued_module, "open_tails", lambda pieces, last_ends_block: pieces)
    cut = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    monkeypatch.setattr(glued_module, "noise_lines", lambda line, lexicon: [line])
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert _body_f1(page, cut.text) > _body_f1(page, whole.text)


@pytest.mark.parametrize("mode", ["soup", "inscriptis"])
def test_glued_noise_cut_keeps_dated_sections(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """A page of dated sections ("July 8, 1972: ...") keeps them all: dates are not cut out as noise."""
    page, render = _page(fixtures_dir, "us_LATimes_2023_06_26", mode)
    dump = glue(render, str(page["id"]))
    gold = page["gold"]
    assert isinstance(gold, dict)
    cut = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    monkeypatch.setattr(glued_module, "noise_lines", lambda line, lexicon: [line])
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    recall = [metrics.recall_score(*metrics.shingle_counts(gold["body"], out.text)) for out in (cut, whole)]
    assert recall[0] >= recall[1] - 1e-9  # equal recall can differ in the last bit
    assert "Attendance: 12,836." in cut.text


def test_bullet_lines_cut_glued_headline_lists_not_summaries() -> None:
    """A glued run of bulleted headlines is cut into its items; bulleted sentences, lower-case
    clauses (a product's features), a single bullet and arithmetic stay whole."""
    headlines = [
        "The council met on Tuesday and agreed to spend more on the new bridge across the river.",
        "* Flood warning for the valley as rain continues",
        "* Bridge closed after crash on the ring road",
        "* Schools reopen after the summer holidays",
    ]
    assert bullet_lines(" ".join(headlines)) == headlines
    german = ["Die Stadt plant neue Radwege", "• Hochwasser: Pegel steigt weiter", "• Schulen öffnen wieder"]
    assert bullet_lines(" ".join(german)) == german
    summary = (
        "In Kürze * Ein Großbrand führte dazu, dass Schulen auf Notbetrieb umgestellt wurden. "
        "* Viele Kinder blieben zu Hause. * In Pflegeheimen wurde ein Notfallplan aktiviert."
    )
    assert bullet_lines(summary) == [summary]
    features = (
        "Der Stall hat zwei Etagen und eine Rampe. * aus lasiertem Kiefernholz "
        "* stabiles Metallgitter, pulverbeschichtet * inklusive Rückzugsmöglichkeit"
    )
    assert bullet_lines(features) == [features]
    single = "Weitere Highlights sind die verstärkte Ferse und das Obermaterial aus Strick * Neue Modelle im Test"
    assert bullet_lines(single) == [single]
    sums = "The grid is 5 * 3 cells wide and the next one is 4 * 4 cells, which the team found hard to explain"
    assert bullet_lines(sums) == [sums]


def test_glued_bullet_list_cut_scores_better(fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next stories' bulleted headlines glued to the article's last paragraph leave the body."""
    page, render = _page(fixtures_dir, "TheIntercept_0", "inscriptis")
    dump = glue(render, str(page["id"]))
    cut = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    monkeypatch.setattr(glued_module, "bullet_lines", lambda line: [line])
    whole = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert _body_f1(page, cut.text) >= _body_f1(page, whole.text)


def test_dump_shape_given_restores_as_the_shape_read_there(fixtures_dir: Path) -> None:
    """A dump's shape read once (flattened, Markdown, glued) restores its lines as reading it again does."""
    from benchmarks.flatten import flatten
    from newsclean.text.glued import dump_shape, restore_dump_items
    from newsclean.text.markdown import is_markdown
    from newsclean.text.unflatten import is_flattened

    lexicon = Lexicon.load()
    shapes = set()
    for path in sorted((fixtures_dir / "pages").glob("*.txt.gz"))[:12]:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            dump = normalize_text(fh.read())
        for text in (dump, glue(dump, path.name), flatten(dump)):
            shape = dump_shape(text)
            shapes.add((shape.flattened, shape.markdown, shape.glued))
            assert shape.flattened == is_flattened(text)
            assert shape.streamed == (is_flattened(text) or (not is_markdown(text) and is_glued(text)))
            assert restore_dump_items(text, lexicon, shape) == restore_dump_items(text, lexicon)
    # The fixtures' renders, glued and flattened, reach each branch but Markdown's.
    assert {(True, False, False), (False, False, True), (False, False, False)} <= shapes


def test_dump_shape_of_markdown_skips_the_glued_test() -> None:
    from newsclean.text.glued import dump_shape

    dump = "# Headline\n\n" + "\n".join(f"* [Story {n}](https://example.org/{n})" for n in range(12))
    shape = dump_shape(dump)
    assert shape.markdown and not shape.flattened and not shape.glued and not shape.streamed


def test_only_a_dump_with_ideographs_or_kana_may_hold_element_lines() -> None:
    japanese = "速報 東京都は13日、新しい計画を発表した。 関連記事 大阪の天気 " * 3
    assert may_hold_elements(japanese)
    assert len(element_lines(japanese)) > 1
    assert not may_hold_elements("Der Stadtrat hat am Dienstag die Fährpreise erhöht. Anwohner protestierten.")
    assert not may_hold_elements("The council raised the ferry fares.")
