"""A "Read also: <headline>" line between an article's paragraphs.

Sites link another story inside the article as a cue, a colon and that
story's headline on one line ("Les også: ...", "Le puede interesar: ...",
"Mehr lesen: ..."). The cue alone is a teaser label the lexicon knows (its
line patterns, any language); with the headline after it the line is
longer than a label and reads as a sentence, so the whole-line match
misses it. The line is a teaser when its cue is one and what follows is a
headline's length and ends without a full stop: a sentence of the article
that opens with such words ("Watch: the council voted...") ends with one.
:mod:`.inline_cues` does the same inside a flattened dump's paragraphs.
"""

from __future__ import annotations

import re

from .inline_cues import MAX_CUE_TOKENS, MAX_HEADLINE_TOKENS
from .lexicon import Lexicon

#: ``<cue>: <headline>``; a list bullet may open the line (inscriptis prints "* ").
_CUE_LINE = re.compile(r"^(?:[*•·–-]\s+)?(?P<cue>[^\W\d_][^:]{1,60}?)\s*:\s+(?P<headline>\S.*)$")
#: A headline ends without a sentence's stop (a question or exclamation may be the headline's own).
_SENTENCE_END = (".", ";", ",")


def is_cue_line(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` is a teaser cue with another story's headline after it.

    The cue is capitalised, at most :data:`MAX_CUE_TOKENS` words, and a
    one-word cue only in capitals ("RELATED: ..."), as a word of prose may
    open a list ("More: ...", "Next: ...").
    """
    found = _CUE_LINE.match(text.strip())
    if found is None:
        return False
    cue, headline = found.group("cue"), found.group("headline").rstrip()
    cue_words = cue.split()
    if not cue[0].isupper() or len(cue_words) > MAX_CUE_TOKENS or (len(cue_words) == 1 and not cue.isupper()):
        return False
    if len(headline.split()) > MAX_HEADLINE_TOKENS or headline.endswith(_SENTENCE_END):
        return False
    return lexicon.match_line(cue) == "teaser"
