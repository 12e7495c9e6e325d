"""``paywalled`` is judged on evidence: a gate where the article stops, or a declared gate (issue 16, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.text.lexicon import Lexicon
from newsclean.text.paywall import judge_paywall

ROOT = Path(__file__).resolve().parents[2]
GATED = ROOT / "tests" / "fixtures" / "paywall"
LEXICON = Lexicon.load().for_language("en")
STORY = "The council approved the plan on Tuesday after a long debate among members of the board. " * 3
GATE = "Subscribe to continue reading this article."


@pytest.mark.parametrize("name", ["000", "001", "002"])
def test_seeds_are_not_paywalled(name: str) -> None:
    [path] = (ROOT / "seeds").glob(f"{name}_*.txt")
    assert not newsclean.clean_file(path).paywalled


def test_an_appeal_after_a_complete_article_is_listed_but_not_a_paywall() -> None:
    [path] = (ROOT / "seeds").glob("002_*.txt")
    article = newsclean.clean_file(path)
    assert not article.paywalled
    assert any(r.reason == "paywall" and "Already a member" in r.text for r in article.removed)


@pytest.mark.parametrize("name", ["gated_teaser.html", "gated_teaser.txt"])
def test_a_gated_teaser_is_paywalled(name: str) -> None:
    article = newsclean.clean_file(GATED / name)
    assert article.paywalled
    assert article.text.startswith("The harbour council voted")
    assert GATE not in article.text


def test_a_gated_teaser_kept_with_keep_paywall_is_still_paywalled() -> None:
    assert newsclean.clean_file(GATED / "gated_teaser.txt", keep=("paywall", "appeal")).paywalled


def test_short_body_then_gate() -> None:
    assert judge_paywall([(STORY, None), (GATE, "paywall")], LEXICON)


def test_long_complete_body_then_gate_is_not_paywalled() -> None:
    assert not judge_paywall([(STORY * 5, None), (GATE, "paywall")], LEXICON)


def test_long_body_cut_mid_sentence_then_gate() -> None:
    assert judge_paywall([(STORY * 5, None), ("And then the mayor said that the", None), (GATE, "paywall")], LEXICON)


def test_minor_spans_between_body_and_gate_do_not_separate_them() -> None:
    assert judge_paywall([(STORY, None), ("Advertisement", "advertisement"), (GATE, "paywall")], LEXICON)


def test_an_appeal_between_body_and_gate_means_no_paywall() -> None:
    appeal = "Your support is essential to continue our work and keep our journalism free for everyone."
    assert not judge_paywall([(STORY, None), (appeal, "appeal"), (GATE, "paywall")], LEXICON)


def test_account_links_are_not_gates() -> None:
    assert not judge_paywall([("Sign in", "paywall"), (STORY, None), ("My account", "paywall"),
                              ("Register", "paywall")], LEXICON)


def test_no_body_is_not_paywalled_on_phrases_alone() -> None:
    assert not judge_paywall([(GATE, "paywall")], LEXICON)


def test_declared_gate_needs_a_gate_phrase_on_the_page() -> None:
    long_complete = [(STORY * 5, None), (GATE, "paywall")]
    assert judge_paywall(long_complete, LEXICON, accessible_for_free=False)
    assert not judge_paywall([(STORY * 5, None)], LEXICON, accessible_for_free=False)
    assert not judge_paywall(long_complete, LEXICON, accessible_for_free=True)


def test_html_json_ld_declaration_reaches_the_judgement() -> None:
    page = (GATED / "gated_teaser.html").read_text(encoding="utf-8")
    body = "<p>" + STORY * 5 + "</p>"
    complete = page.replace('<p>Supporters say', body + '<p>Supporters say').replace(
        "along the quay will</p>", "along the quay will hurt trade.</p>")
    assert not newsclean.clean(complete).paywalled
    declared = complete.replace(
        "</head>",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Harbour council approves new flood barrier plan", "isAccessibleForFree": "False", '
        '"hasPart": {"@type": "WebPageElement", "isAccessibleForFree": false, "cssSelector": ".paywall"}}'
        "</script></head>",
    )
    assert newsclean.clean(declared).paywalled
