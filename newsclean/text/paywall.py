"""Whether an article is paywalled: its text cut off or gated, judged on evidence.

A gate phrase alone proves little: membership appeals close complete
articles with "Already a member? Sign in", and account links ("Sign in",
"Register") sit in every header. A record is ``paywalled`` when the page says
the article is gated, or when a gate stands where the article stops:

1. the page declares it: schema.org ``isAccessibleForFree: false`` in its
   JSON-LD (the markup search engines ask gated pages to carry; HTML only),
   and a gate sentence (below) is among the removed text: publishers also
   declare metered and registration walls that this copy of the page never
   shows, over complete text;
2. else a gate sentence (the paywall lexicon's *phrase* patterns:
   "Subscribe to continue reading", "This article is for subscribers", an
   article-limit meter) is the first substantial text after the body, and
   the body is short (a teaser) or its last paragraph stops mid-sentence.

An appeal beside a complete article is an appeal: it stays in ``removed``
under its reason and does not make the record paywalled. Both paths call
:func:`judge_paywall` with the same view of the page: its spans in reading
order, each with the reason it was removed (``None`` for body text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import SENTENCE_ENDS
from .lexicon import Lexicon
from .segment import count_words

#: A gated body shorter than this is a teaser: gates show the first one to
#: three paragraphs (the gated-teaser fixture has 46 words), while complete
#: stories a membership appeal follows run longer (the appeal seed has 177).
SHORT_BODY_WORDS = 150
#: Removed spans this short between the body and a gate ("Advertisement",
#: "Share", a lone "Sign in") do not separate them.
MINOR_SPAN_WORDS = 4

_ENDS_SENTENCE = re.compile("[" + re.escape(SENTENCE_ENDS) + r"]\W{0,2}$")
_ELLIPSIS = ("...", "…")

#: One span of the page in reading order: its text and why it was removed (``None``: body).
Span = tuple[str, "str | None"]


def is_gate(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` states a gate (a paywall *phrase*), not just an account link."""
    return lexicon.match_phrase(text) == "paywall"


def ends_mid_sentence(text: str) -> bool:
    """Whether a paragraph stops before its sentence does (cut off, or closed with an ellipsis)."""
    stripped = text.rstrip()
    return stripped.endswith(_ELLIPSIS) or not _ENDS_SENTENCE.search(stripped)


def judge_paywall(spans: Sequence[Span], lexicon: Lexicon, *, accessible_for_free: bool | None = None) -> bool:
    """Whether the article is cut off or gated (see the module docstring for the rules).

    ``spans`` are judged with their reasons before any ``keep`` option put
    noise back into the text, so keeping paywall lines does not hide a gate.
    A page without body text is not called paywalled on phrases alone: an
    empty extraction is likelier a failure than a wall.
    """
    if accessible_for_free is False:
        # Publishers also declare metered or registration walls a reader
        # never meets on this copy; the declaration counts with a gate in it.
        return any(reason is not None and is_gate(text, lexicon) for text, reason in spans)
    body = [index for index, (_, reason) in enumerate(spans) if reason is None]
    if not body:
        return False
    last = body[-1]
    following = (text for text, reason in spans[last + 1:] if reason is not None)
    after = next((text for text in following if count_words(text) > MINOR_SPAN_WORDS or is_gate(text, lexicon)), None)
    if after is None or not is_gate(after, lexicon):
        return False
    words = sum(count_words(spans[index][0]) for index in body)
    return words < SHORT_BODY_WORDS or ends_mid_sentence(spans[last][0])
