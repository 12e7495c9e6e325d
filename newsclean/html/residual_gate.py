"""Which paragraphs of an extracted body the residual filter needs to judge in full.

The residual filter (:mod:`newsclean.text.residual`) runs the text engine's
classifier over every paragraph trafilatura kept. Noise sits at a body's
edges (share rows, appeals, teasers) or in short blocks between paragraphs
(captions, "Read more" links, embed notices); a long paragraph of finished
sentences between two other prose paragraphs is the article itself, and
measured on 300 dev pages it was a quarter of the blocks and two fifths of
the classifier's time. Such a paragraph gets a cheap gate instead: if no
phrase pattern of the lexicon can occur in it (the pattern index's one
automaton pass) and its closing sentence cannot be a credit line, it has no
sentence a lexicon names, so it is prose with no noise sentence; if a
pattern's words do occur, only its sentences are looked at (as the
classifier looks at them), not its appeal cues, menu shape or stopwords.
Everything the gate is unsure of goes to the full classifier.

The residual filter reads a verdict's category, prose flag and noise spans
only (its edge trim sees the whole body, so no neighbour outside it leans on
an edge), so the gate and the classifier give those three the same values:
``tests/unit/test_residual_gate.py`` checks that on every fixture page. The
stopword density, which only the text path's region search reads, is not
measured for any block here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize.scripts import HAN_KANA_CHAR
from ..text.classify import CREDIT_WORDS, Verdict, classify_blocks, reads_as_prose, sentence_noise
from ..text.evidence import Evidence
from ..text.lexicon import Lexicon
from ..text.scores import prose_score
from ..text.segment import Block, count_words

#: A paragraph this long (words) is prose whatever its end (classify's ``_PROSE_WORDS``, c7895e8).
GATED_WORDS = 25
#: Full stops, optionally followed by closing quotes or brackets: the paragraph ends a sentence.
_STOPS = ".!?…。！？"
_CLOSERS = "\"'”’»)]"
#: Characters that make a line a menu or a caption credit ("A | B | C", "© Agency"): judged in full.
_MENU_OR_CREDIT = frozenset("|｜•·©")


def _ends_lowercase_sentence(text: str) -> bool:
    """Whether the paragraph's last two words hold a lower-case letter (a-z).

    A closing sentence set in capitals ("PMID 20175497.") reads as a promo
    to the classifier; one with a lower-case Latin letter among its last
    words cannot. Other scripts go to the full classifier.
    """
    return any("a" <= ch <= "z" for ch in " ".join(text.split()[-2:]))


def _last_sentence(text: str) -> str:
    """The text after the paragraph's last sentence stop but its final one (all of it without one)."""
    body = text.rstrip().rstrip(_CLOSERS).rstrip(_STOPS)
    cut = max(body.rfind(stop + " ") for stop in _STOPS)
    return text[cut + 2:] if cut >= 0 else text


def _cheap_prose(text: str, words: int) -> bool:
    """Long, ending a sentence, no menu bar or credit mark, no capitals tail, no CJK run."""
    stripped = text.rstrip()
    if words < GATED_WORDS or not stripped.rstrip(_CLOSERS).endswith(tuple(_STOPS)) or stripped.endswith(("...", "…")):
        return False
    if not _MENU_OR_CREDIT.isdisjoint(text) or not _ends_lowercase_sentence(stripped):
        return False
    return HAN_KANA_CHAR.search(text) is None


def gated(text: str, words: int, lexicon: Lexicon, evidence: Evidence) -> bool:
    """Whether a long paragraph between prose is prose with no noise sentence, on cheap evidence.

    :func:`_cheap_prose` first; then, when no lexicon phrase pattern's words
    occur in it (one automaton pass) and its closing sentence is too long or
    too plain to be a credit line, that settles it without splitting the
    paragraph into sentences. Otherwise its sentences are looked at as the
    classifier looks at them, and it passes only with no noise sentence.
    """
    if not _cheap_prose(text, words):
        return False
    last = _last_sentence(text.rstrip())
    if not lexicon.may_match_phrase(text) and (count_words(last) > CREDIT_WORDS or lexicon.match(last) is None):
        return True
    return not sentence_noise(text, lexicon, evidence)


def judge_body(blocks: Sequence[Block], lexicon: Lexicon, evidence: Evidence) -> list[Verdict]:
    """A verdict per block: the gate for long prose between prose, the full classifier for the rest.

    Edges (the first and last block) and short blocks are always judged in full.
    A gated paragraph's score leaves out appeal cues, which were not counted:
    the residual filter does not read scores.
    """
    chosen: dict[int, Verdict] = {}
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if (
            reads_as_prose(blocks[index - 1].text)
            and reads_as_prose(blocks[index + 1].text)
            and gated(block.text, block.words, lexicon, evidence)
        ):
            chosen[index] = Verdict(None, True, prose_score(block.words, 0, 0.0))
    rest = [block for index, block in enumerate(blocks) if index not in chosen]
    # The rest get the full classifier (which measures no stopword density: only text/fragments asks for it).
    judged = iter(classify_blocks(rest, lexicon, evidence))
    return [chosen[index] if index in chosen else next(judged) for index in range(len(blocks))]

