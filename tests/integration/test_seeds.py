"""The foundation's acceptance on the three canonical seed dumps."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed() -> dict[str, Article]:
    return {p.name[:3]: newsclean.clean_file(p) for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_000_body_date_and_embed(seed: dict[str, Article]) -> None:
    article = seed["000"]
    assert article.published == "2023-06-24"
    assert article.text.startswith("In a dramatic turn of events")
    assert article.text.endswith("the country's military leadership.")
    for noise in ("⚡️", "#Belarus", "pic.twitter.com", "@BelarusMFA", "Y.Prigozhin accepted the proposal",
                  "Watch |", "WATCH WION LIVE HERE", "You can now write for",
                  "Share your stories and opinions with us here.", "×", "date 2023-06-24"):
        assert noise not in article.text, noise
    # The sentences around the removed embed and teaser stay whole.
    assert "Lukashenko’s press service said, as per media reports." in article.text
    assert "Before Wagner chief's decision to turn back his forces" in article.text
    assert "Many world leaders were also keeping a close eye" in article.text
    [tweet] = article.embeds
    assert tweet.kind == "tweet"
    assert tweet.handle == "@BelarusMFA"
    assert tweet.url == "pic.twitter.com/Kpf2SW7RNu"
    assert tweet.date == "2023-06-24"
    assert "Y.Prigozhin accepted the proposal" in tweet.text


def test_seed_001_header_tags_and_body(seed: dict[str, Article]) -> None:
    article = seed["001"]
    assert article.title == "Putin and Lukashenko meet for the first time since the Wagner Movement"
    assert article.published == "2023-07-23T06:12"
    assert article.tags == ["Putin", "Lukashenko", "Meet", "Wagner", "Movement", "Russia"]
    assert article.section == "World News"
    assert "AFP" in article.authors
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("Russian President Vladimir Putin met with his close ally")
    assert paragraphs[-1].endswith("or leave with their leader to Belarus.")
    assert article.title not in article.text
    for noise in ("Whatsapp", "facebook", "High views", "3min", "AFP", "Next", "Previous", "Download now",
                  "Google Play", "cookies", "Accept", "Learn More", "World News"):
        assert noise not in article.text, noise


def test_seed_002_membership_appeal_removed(seed: dict[str, Article]) -> None:
    article = seed["002"]
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Belarus strongman Alexander Lukashenko says")
    assert article.text.endswith("near-fatal poisoning of politician Alexei Navalny.")
    assert "It's not (only) about you." not in article.text
    assert article.published is None
    # A complete article followed by a membership appeal is not paywalled
    # (issue 16, item 10); the appeal and its sign-in line stay in ``removed``.
    assert not article.paywalled
    reasons = {r.reason for r in article.removed}
    assert {"appeal", "paywall"} <= reasons


@pytest.mark.parametrize("name", ["000", "001", "002"])
def test_seed_language_and_removed_reasons(seed: dict[str, Article], name: str) -> None:
    article = seed[name]
    assert article.language == "en"
    assert article.input_format == "text"
    assert article.removed, "every removed span is listed"
    assert all(r.reason in newsclean.record.REMOVAL_REASONS for r in article.removed)
    # Nothing is lost silently: each removed span is absent from the body.
    for removed in article.removed:
        if len(removed.text) > 40:
            assert removed.text not in article.text


def test_seed_removed_reasons_name_the_noise(seed: dict[str, Article]) -> None:
    reasons = {r.text: r.reason for r in seed["001"].removed}
    assert reasons["Whatsapp"] == "share"
    assert reasons["We use cookies to make your experience on this website better."] == "cookie"
    assert reasons["Google Play"] == "app_prompt"
    assert reasons["Putin"] == "tags"
    assert {r.reason for r in seed["000"].removed} >= {"embed", "teaser", "dateline"}
    assert {r.reason for r in seed["002"].removed} >= {"appeal", "paywall"}


def test_cleaning_is_deterministic(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        first = newsclean.clean_file(path).to_json()
        assert newsclean.clean_file(path).to_json() == first
