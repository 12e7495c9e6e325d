"""Item runs: lists glued into one unpunctuated run of words are cut at their repeated separators.

The real case is a dev page rendered flat (every whitespace run collapsed
to one space): a teaser list that gives each headline its date. The
article must come out whole and the list items must go. The short strings below pin the shapes
in several languages, and the prose that must stay whole.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import newsclean
from benchmarks.flatten import flatten
from newsclean.record import Reason
from newsclean.text.item_runs import DATED, NUMBERED, item_cuts
from newsclean.text.unflatten import restore_items, restore_line


def _items(text: str) -> list[str]:
    cuts = item_cuts(text)
    return [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _flat_record(fixtures_dir: Path, name: str) -> tuple[str, str]:
    """A fixture page's gold body and the body newsclean keeps from its soup render flattened to one line."""
    page = json.loads((fixtures_dir / "flat" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / f"{name}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        soup = fh.read()
    return page["gold"]["body"], newsclean.clean(flatten(soup), url=page["url"], input_format="text").text


def _one_space(text: str) -> str:
    return " ".join(text.split())


def test_teasers_with_dates_are_cut_after_each_date() -> None:
    text = (
        "Business Another winning week for Wall Street ends with more records March 1, 2024 "
        "Science CVS and Walgreens plan to start dispensing the pill soon March 1, 2024 "
        "Business Elon Musk sues OpenAI and its chief executive Feb. 29, 2024 "
        "California teens can now use their own Uber accounts"
    )
    items = _items(text)
    assert "March 1, 2024" in items
    assert "Science CVS and Walgreens plan to start dispensing the pill soon" in items
    assert items[-1] == "California teens can now use their own Uber accounts"


def test_numeric_dates_and_clock_times_in_other_languages() -> None:
    german = (
        "Vermögensaufbau 17 Tipps für mehr Geld am Ende des Monats 07.04.2023 "
        "Künstliche Intelligenz Wie ChatGPT Ihnen beim Traumjob hilft 11.02.2023 "
        "Vergleichsportale Welche Versicherung sich lohnt 03.02.2023 Mehr zum Thema"
    )
    assert "Künstliche Intelligenz Wie ChatGPT Ihnen beim Traumjob hilft" in _items(german)
    french = "10h42 Le Sénat vote le budget 11h05 Grève à la SNCF 11h30 Météo Orages sur le sud Le reste"
    assert "Grève à la SNCF" in _items(french)


def test_numbered_list_is_cut_before_each_counter() -> None:
    text = (
        "Lo más leído 1. Un juez investiga a una maestra en Córdoba 2. La representación de las defensas "
        "abre una brecha 3. Escrache al restaurante de Montilla"
    )
    assert _items(text)[1:] == [
        "1. Un juez investiga a una maestra en Córdoba",
        "2. La representación de las defensas abre una brecha",
        "3. Escrache al restaurante de Montilla",
    ]


def test_glued_headlines_are_cut_where_a_capitalised_article_follows_a_word() -> None:
    text = (
        "READ MORE The UK is stepping up lawmakers' security as tensions flare over the war "
        "The Latest | Families of hostages held in Gaza launch a march to demand their freedom "
        "A quarter of the population is one step from famine, UN says The first post had been deleted."
    )
    items = _items(text)
    assert items[0] == "READ MORE"
    assert "A quarter of the population is one step from famine, UN says" in items


def test_prose_with_times_dates_and_titles_stays_whole() -> None:
    for sentence in (
        "The polls open at 7:00 and close at 20:00 and counting begins at 21:00 in every district.",
        "On March 1, 2024, the council met; on March 4, 2024, it voted; on March 8, 2024, it adjourned.",
        "She told The Associated Press that the deal was done and told reporters later that it was not.",
        "Prices rose 3.25 percent in May, 2.10 percent in June and 1.75 percent in July, the office said.",
    ):
        assert item_cuts(sentence) == []
        assert restore_line(sentence, items=True) == [sentence]


def test_flat_teaser_list_with_dates_leaves_the_article(fixtures_dir: Path) -> None:
    gold, body = _flat_record(fixtures_dir, "fe_LATimes_3")
    kept = _one_space(body)
    # The article's first and last sentences stay ...
    assert "Consumer Watchdog" in kept
    assert _one_space(gold.split("\n")[-1])[:80] in kept
    # ... and the related-stories list, each headline with its date, goes.
    for headline in (
        "Another winning week for Wall Street ends with more records",
        "CVS and Walgreens plan to start dispensing abortion pill mifepristone soon",
        "Disney’s heirs snub activist investors and throw their support behind Bob Iger",
    ):
        assert headline not in kept


def test_flat_teaser_items_are_removed_as_teasers(fixtures_dir: Path) -> None:
    """The items cut from the dated list travel to the judge and are named teasers, not left as labels."""
    page = json.loads((fixtures_dir / "flat" / "fe_LATimes_3.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / "fe_LATimes_3.soup.txt.gz", "rt", encoding="utf-8") as fh:
        article = newsclean.clean(flatten(fh.read()), url=page["url"], input_format="text")
    teasers = {_one_space(r.text) for r in article.removed if r.reason == Reason.TEASER}
    for headline in (
        "Business Another winning week for Wall Street ends with more records",
        "Company Town Disney’s heirs snub activist investors and throw their support behind Bob Iger",
        "California teens can now use their own Uber accounts",
    ):
        assert headline in teasers
    kept = _one_space(article.text)
    assert "Consumer Watchdog" in kept
    assert _one_space(page["gold"]["body"].split("\n")[-1])[:80] in kept


def test_items_between_separators_are_reported_with_their_kind() -> None:
    """Only the pieces between a chain's first and last separator are items for sure: what precedes
    the first may be a label, what follows the last the article's next sentence."""
    text = (
        "Lo más leído 1. Un juez investiga a una maestra en Córdoba 2. La representación de las defensas "
        "abre una brecha 3. Escrache al restaurante de Montilla"
    )
    restored = restore_items(text, items=True)
    assert restored.items.get("2. La representación de las defensas abre una brecha") == NUMBERED
    assert "Lo más leído" not in restored.items
    sentence = "The polls open at 7:00 and close at 20:00 and counting begins at 21:00 in every district."
    assert restore_items(sentence, items=True).items == {}


def test_relative_ages_separate_items_and_periods_vouch_for_no_list() -> None:
    """A "latest" box stamps each item with its age; a table of seasons stamps rows with periods."""
    latest = (
        "Latest Minister resigns over the budget row 23 mins ago Floods hit the north again 5 h ago "
        "Vote on the new law set for Sunday an hour ago Schools reopen after the strike 2 hours ago More"
    )
    assert "Floods hit the north again" in _items(latest)
    assert restore_items(latest, items=True).items.get("Floods hit the north again") == DATED
    seasons = (
        "Preise 04.04.2020 - 25.04.2020 Saison Hochsaison Mindestaufenthalt 5 Nächte "
        "25.04.2020 - 21.06.2020 Saison Zwischensaison Mindestaufenthalt 4 Nächte "
        "21.06.2020 - 31.08.2020 Saison Hochsaison Mindestaufenthalt 7 Nächte 31.08.2020 - 01.11.2020 Ende"
    )
    assert restore_items(seasons, items=True).items == {}
