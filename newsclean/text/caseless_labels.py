"""Label evidence for words of scripts without letter case (Devanagari, Bengali, Arabic, Hebrew, Georgian, Korean...).

:mod:`~newsclean.text.label_runs` tells a menu glued before a sentence from
the sentence by letter case: labels are capitalised, prose is lower-case.
In a script without case that evidence is absent, and before this module a
single such word switched the label search off for its sentence: a Hindi
page's menu, its trending-topics row and its headline stayed glued to the
article's first sentence. Here the evidence is the sentence's function
words instead:

- running prose in any language is a third or more function words (jusText
  calls a paragraph with 0.32 of them "high"); a menu, a tag row or a
  trending-topics list names things and holds almost none;
- the function words are those of the jusText stoplist (a dependency
  already) that covers most of the dump's caseless words: the dump's own
  language, chosen once a dump from its words (:func:`caseless_words`), so
  no language detection runs before the lines are restored. Those lists
  were built from encyclopedia text and hold content words too, so a word
  counts only when the dump repeats it or it is short;
- a run of labels also needs widget tokens of another script (Latin menu
  items, separators, clock times) or a menu's length, and no comma but a
  date's (:func:`is_label_run`);
- a dump whose caseless words no stoplist covers (Thai, Amharic: jusText
  has no list) gets no evidence: its sentences keep today's behaviour and
  are never cut;
- a few caseless words on a page written in a cased script (a language
  switcher, a name in its own script) weigh as widget tokens do (numbers,
  symbols): they neither start nor stop a label run on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..normalize.scripts import UNSPACED_CHAR
from ..normalize.stopword_vote import shared_vote

#: The weight of a caseless content word: half a capitalised token's (:mod:`label_runs`
#: counts one for a label), so six of them in a row without a function word make the
#: shortest label run (``MIN_LABEL_RUN`` = 3). Prose runs that many too (names with
#: their titles), which :func:`is_label_run` tells from a menu.
CONTENT_WEIGHT = 0.5
#: A caseless function word: prose, as a lower-case word is in a cased script.
FUNCTION_WEIGHT = -1.0
#: Fewer caseless words than this in a dump: too few to choose a stoplist; they
#: are foreign words on a page of a cased script (:data:`FOREIGN_SHARE`).
MIN_CASELESS_WORDS = 40
#: The leading stoplist must hold at least this share of the dump's caseless words.
#: The dev pages flattened measure 0.33 (Bengali), 0.42 (Hindi, Korean) and a written
#: Arabic page 0.56, menus and teasers included; below this the list does not cover
#: the page's language (a related language, or a script jusText has no list for).
MIN_FUNCTION_SHARE = 0.15
#: A stoplist word the dump prints fewer times than this is not taken for a function word.
MIN_FUNCTION_REPEATS = 2
#: ... unless it is this short: particles and prepositions ("ও", "করা", "إن", "के") a short page prints once.
SHORT_FUNCTION_CHARS = 3
#: Caseless words below this share of a dump's words are foreign words on a page of a cased script.
FOREIGN_SHARE = 0.05
#: Sentence prose: at least this many prose tokens (function words, lower-case
#: words) among :data:`PROSE_WINDOW` tokens in a row.
PROSE_TOKENS = 2
PROSE_WINDOW = 3
#: Function words a label run may hold, as a share of its tokens: a menu item can be a
#: phrase ("जीवन मंत्र", "Terms & Conditions") but a run of them is not a sentence.
MAX_RUN_FUNCTION_SHARE = 0.1
#: A run of caseless words alone is labels from this length on: a menu, not a sentence's subject.
MIN_BARE_RUN = 12
#: With this many tokens of another script that read as labels (Latin names, numbers,
#: separators) in the run, it may hold up to this share of function words.
MIN_WIDGET_TOKENS = 2
MAX_WIDGET_RUN_FUNCTION_SHARE = 0.25
_COMMAS = (",", "،", "、")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},.:;!?।॥۔؟،"
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


def is_caseless(token: str) -> bool:
    """Whether ``token`` opens with a letter of a script without case, spaced (not Chinese or Japanese)."""
    letter = next((c for c in token if c.isalpha()), "")
    return bool(letter) and not letter.isupper() and not letter.islower() and not UNSPACED_CHAR.search(token)


def _key(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION).lower()


@dataclass(frozen=True)
class CaselessWords:
    """A dump's evidence for its caseless words: the function words of its language that it prints.

    Empty on a page of a cased script that prints a few caseless words:
    those weigh as widget tokens (:data:`CONTENT_WEIGHT`).
    """

    function_words: frozenset[str]

    def weight(self, token: str) -> float:
        """How much a caseless ``token`` reads as a label (positive) or as prose (negative)."""
        return FUNCTION_WEIGHT if _key(token) in self.function_words else CONTENT_WEIGHT


def caseless_words(text: str) -> CaselessWords | None:
    """The evidence for ``text``'s caseless words; ``None`` when there is none to judge them by.

    The function words are the words of the stoplist that holds most of the
    dump's caseless words which the dump prints :data:`MIN_FUNCTION_REPEATS`
    times or more, or which are :data:`SHORT_FUNCTION_CHARS` characters long
    at most. jusText's lists for these scripts were built from
    encyclopedia text and hold content words too ("الرئيسية", "أخبار",
    "वीडियो"); a menu prints each of its items once, while prose repeats its
    function words sentence after sentence.
    ``None`` keeps :mod:`~newsclean.text.label_runs` as it was for sentences
    with a caseless word: no label cut.
    """
    words = _WORD.findall(text)
    caseless = [_key(w) for w in words if is_caseless(w)]
    if not caseless:
        return None
    if len(caseless) < FOREIGN_SHARE * len(words):
        return CaselessWords(frozenset())
    if len(caseless) < MIN_CASELESS_WORDS:
        return None
    vote = shared_vote()
    counts = Counter(caseless)
    per_list: Counter[int] = Counter()
    for word, count in counts.items():
        mask = vote.lists_of(word)
        while mask:
            low = mask & -mask
            per_list[low] += count
            mask ^= low
    if not per_list:
        return None
    stoplist, hits = per_list.most_common(1)[0]
    if hits < MIN_FUNCTION_SHARE * len(caseless):
        return None
    return CaselessWords(
        frozenset(
            w
            for w, n in counts.items()
            if (n >= MIN_FUNCTION_REPEATS or len(w) <= SHORT_FUNCTION_CHARS) and vote.lists_of(w) & stoplist
        )
    )


def prose_start(weights: list[float], prose: frozenset[float], max_tokens: int) -> int:
    """Index where a sentence with caseless words starts its running prose (``len(weights)`` when none).

    Caseless prose has content words between its function words, so prose is
    :data:`PROSE_TOKENS` prose tokens within :data:`PROSE_WINDOW`, not a run
    of them; the prose must reach within ``max_tokens`` of the unit's end,
    as a sentence does.
    """
    for index, weight in enumerate(weights):
        if weight not in prose or len(weights) - index > max_tokens:
            continue
        window = weights[index:index + PROSE_WINDOW]
        if sum(1 for w in window if w in prose) >= PROSE_TOKENS:
            return index
    return len(weights)


def is_label_run(tokens: list[str], weights: list[float]) -> bool:
    """Whether a run of tokens that outweighs prose is a run of labels, not a sentence's opening words.

    A sentence opens with content words in these scripts as in any other
    ("وقال المتحدث باسم الوزارة إن هذا ...": the function words a short page
    prints once are not known as such), and names people and offices in
    runs of eight or nine of them ("... अपर थाना अध्यक्ष प्रीति कुमारी, दरोगा
    राम अवधेश सिंह आदि ..."). A run of labels holds no comma but a date's,
    and either widget tokens of another script (a separator, a clock time,
    a network's name, :data:`MIN_WIDGET_TOKENS`) with at most
    :data:`MAX_WIDGET_RUN_FUNCTION_SHARE` function words (a headline and
    its date line read a few), or no such tokens but :data:`MIN_BARE_RUN`
    words or more with at most :data:`MAX_RUN_FUNCTION_SHARE` function
    words: a menu's length.
    """
    for index, token in enumerate(tokens):
        # A date's commas ("শনিবার, আগস্ট ২৯, ২০২০") have digits right after them.
        if token.endswith(_COMMAS) and not any(_DIGIT.search(t) for t in tokens[index + 1:index + 3]):
            return False
    function = sum(1 for t, w in zip(tokens, weights, strict=True) if w == FUNCTION_WEIGHT and is_caseless(t))
    widgets = sum(1 for t, w in zip(tokens, weights, strict=True) if w > 0 and not is_caseless(t))
    if widgets >= MIN_WIDGET_TOKENS:
        return function <= MAX_WIDGET_RUN_FUNCTION_SHARE * len(tokens)
    return len(tokens) >= MIN_BARE_RUN and function <= MAX_RUN_FUNCTION_SHARE * len(tokens)
