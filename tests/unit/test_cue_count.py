"""The cue counts' shortcuts give the patterns' own answers (``findall`` on the same text)."""

from __future__ import annotations

import pytest

from newsclean.text.cue_count import WholeWordCounter
from newsclean.text.extract import TextResources

# Short whole-word cues ("u", "du", "je") inside longer words, next to every kind of boundary
# (punctuation, apostrophes, underscores, digits, non-ASCII letters and marks, line ends).
TEXTS = [
    "Thank you. Would u like to subscribe? Our house, your house; U-turn",
    "u u u, u.u (u) 'u' u'u u_u u1 1u _u u_ \u2019u\u2019 u\u2019s",
    "Je pense que tu as raison, jij en u. Du bist du, DU! Nieuws voor u: uw krant",
    "Ты и вы: ВЫ, вас, ваш. Ni hao, ni. Siz, sen. Cię kocham, ty.",
    "Σύ σὺ ΣΥ \u03b9 \u0345 \u1fbe u\u0301 \u00fc u\u00e9 \u00e9u du\u00df \u212a u\u00a0u\u2009du",
    "Your support matters: if you value our work, please give what you can. Join us, donate!",
    "Menu \u2013 Kontakt \u2013 Abonnieren Sie unseren Newsletter \u2013 Jetzt Mitglied werden",
    "",
    "   ",
    "u",
]


@pytest.mark.parametrize("text", TEXTS)
def test_appeal_score_counts_what_the_patterns_find(text: str) -> None:
    evidence = TextResources.load().evidence
    hits = len(evidence.appeal.findall(text)) + len(evidence.second_person.findall(text))
    assert evidence.appeal_score(text) == (hits, hits / max(1, len(text.split())))
    assert evidence._second_person_hits(text) == len(evidence.second_person.findall(text))


def test_whole_word_counter_needs_words_without_spaces() -> None:
    with pytest.raises(ValueError):
        WholeWordCounter(["log in"], str.lower)
    assert WholeWordCounter([], str.lower).count("u", "u") == 0


def test_page_wide_cue_counts_equal_each_text_counted_alone() -> None:
    """One pass over a page's texts counts what a pass over each text alone counts.

    The texts are set side by side so that cue words touch the seams: a text
    ending in "you" before one starting with "u", a curly apostrophe at a
    text's start, a cue word cut in two by the seam ("sub" / "scribe").
    """
    evidence = TextResources.load().evidence
    texts = [*TEXTS, "Please sub", "scribe now, you", "u\u2019re right", "\u2019you\u2019", "donate", "you"]
    tokens = [len(text.split()) for text in texts]
    assert evidence.appeal_scores(texts, tokens) == [evidence.appeal_score(text) for text in texts]
    assert sum(hits for hits, _ in evidence.appeal_scores(texts, tokens)) > 20
    # Cut across the seam, "sub" + "scribe" would be a cue: each text alone holds none.
    assert evidence.appeal_scores(["Please sub", "scribe now"], [2, 2]) == [(0, 0.0), (0, 0.0)]
    assert evidence.appeal_scores([], []) == []


def test_page_wide_second_person_count_attributes_each_match_to_its_text() -> None:
    counter = WholeWordCounter(["u", "du"], str.lower)
    assert counter.count_each(["du u", "", "x", "U. du", "udu"]) == [2, 0, 0, 2, 0]
    # A text holding a line break of its own is counted on its own, with the same answer.
    assert counter.count_each(["du\nu", "u"]) == [2, 1]
    assert WholeWordCounter([], str.lower).count_each(["u"]) == [0]
