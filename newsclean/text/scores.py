"""What a block weighs in the region search, and the evidence each weight stands for.

The region stage (:func:`~newsclean.text.region.find_region`) takes the run
of blocks whose scores sum highest, as jusText's paragraphs carry their
``class_type``: prose counts for its words, noise and labels against them.
Each weight is named here with what it weighs. Unless a comment names a
later commit, a weight came with the first text engine (commit c7895e8),
chosen on the fe and fp-dev dev pages as a whole rather than measured alone.
"""

from __future__ import annotations

#: Every noise block costs this much whatever its length: a one-word "Share"
#: between two paragraphs must still part them less than a menu does.
NOISE_BASE = 2.0
#: And this much per word: a long cookie notice weighs like the prose it mimics, negated.
NOISE_PER_WORD = 1.5
#: A label (a headline of another story, a menu item) costs the same base, a third of noise per word.
LABEL_BASE = 2.0
LABEL_PER_WORD = 0.5
#: Prose this long (words) counts at full weight; a shorter blurb counts ``words / FULL_WEIGHT_WORDS`` per word.
FULL_WEIGHT_WORDS = 30
#: Prose with this many appeal or second-person cues at this density per word is an appeal
#: written as prose ("Support our journalism: you can ..."): it counts at ``APPEAL_WEIGHT``.
APPEAL_HITS = 3
APPEAL_DENSITY = 0.12
APPEAL_WEIGHT = 0.5
#: A finished sentence this short that is not prose scores zero: neither article nor noise.
NEUTRAL_SENTENCE_WORDS = 8
#: A caption in a gallery's run of captions: a little against, so a gallery inside an
#: article does not split it (commit d471ef9: fp-dev soup F1 0.929 -> 0.931).
GALLERY_CAPTION_SCORE = -1.0


def noise_score(words: int) -> float:
    """A block the classifier named as noise (or marked a teaser or caption)."""
    return -(NOISE_BASE + NOISE_PER_WORD * words)


def label_score(words: int) -> float:
    """A short unnamed block that is not prose: a label, another story's headline, a menu item."""
    return -(LABEL_BASE + LABEL_PER_WORD * words)


def prose_score(kept_words: int, appeal_hits: int, appeal_density: float) -> float:
    """Prose, by the words its noise sentences leave; short prose and appeal-like prose count less.

    Product blurbs and teaser summaries are prose too, but articles are made
    of longer paragraphs.
    """
    score = kept_words * min(1.0, kept_words / FULL_WEIGHT_WORDS)
    if appeal_hits >= APPEAL_HITS and appeal_density >= APPEAL_DENSITY:
        score *= APPEAL_WEIGHT
    return score
