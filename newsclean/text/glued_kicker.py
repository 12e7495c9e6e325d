"""A kicker a renderer printed on the headline's line with only a space between.

A layout-aware renderer prints a header's kicker and headline, two spans of
one heading, as one line: "Rückbau von Atomkraftwerk Kühltürme von AKW
Gundremmingen gesprengt". The words alone do not say where the label ends
(German capitalises its nouns, English its title words), but a page prints
its headline again without the label (a breadcrumb's last item, a share
box, a related-stories list): that printing marks the headline's first
word, and the words before it are the kicker. The title is then given as
pages title such a story, "Kicker: Headline".
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize.text import comparison_key
from .headline_moves import KICKER_ENDS, KICKER_MAX_WORDS, NUMBERED
from .kicker import join_kicker
from .line_ends import strip_bullet
from .segment import Block

#: The fewest words of a kicker split off: a single word before the headline's printing is as often the
#: headline's own first word that a teaser's shorter printing leaves off ("Das Potenzial von ...", "Easy
#: Pineapple Upside-Down Cake": te-dev inscriptis, 2 titles lost with one-word kickers).
_MIN_KICKER_WORDS = 2
#: The fewest words the headline after the kicker keeps: a shorter tail is a label or a name the line ends on.
_MIN_HEADLINE_WORDS = 3


def _closes_on_stopword(kicker: str, stopwords: frozenset[str] | None) -> bool:
    """Whether the kicker's last word is a function word ("mehr", "the", "von").

    A label names a topic and ends on a name or a noun; a function word
    before the second printing is the headline's own first word that the
    shorter printing leaves off ("Thema Verbraucherschutz | Mehr Transparenz
    bei ..." printed again as "Transparenz bei ..."), so the cut would fall
    one word late.
    """
    return stopwords is not None and kicker.split()[-1].casefold().strip(".,;:!?") in stopwords


def split_glued_kicker(
    text: str, blocks: Sequence[Block], keys: Sequence[str], index: int, stopwords: frozenset[str] | None = None,
) -> str | None:
    """"Kicker: Headline" for the headline ``text`` (the line at ``index``) opening on a kicker printed without it.

    ``None`` unless another block prints the line's last words alone (its
    list number or bullet aside) and the words before them read as a
    kicker: two to :data:`~.headline.KICKER_MAX_WORDS` words, not closing
    on sentence punctuation nor on one of the language's ``stopwords``. A
    line that already sets its kicker off with a colon needs no split.
    """
    words = text.split()
    key = comparison_key(text)
    if not key or ":" in text:
        return None  # a line that sets a kicker off already, or one whose colon is the headline's own
    for other, other_key in enumerate(keys):
        if other == index or not other_key or len(other_key) >= len(key) or key[-1] != other_key[-1]:
            continue
        item = blocks[other].text.strip()
        listed = strip_bullet(item)
        if listed == item and not NUMBERED.match(item):
            continue  # not a list's item: a breadcrumb's last item prints the headline alone
        printed = comparison_key(NUMBERED.sub("", listed.strip()))
        if not printed or not key.endswith(" " + printed):
            continue
        for cut in range(_MIN_KICKER_WORDS, min(KICKER_MAX_WORDS, len(words) - _MIN_HEADLINE_WORDS) + 1):
            kicker, headline = " ".join(words[:cut]), " ".join(words[cut:])
            if comparison_key(headline) != printed:
                continue
            if (KICKER_ENDS.search(kicker) or not any(c.isalpha() for c in kicker) or not headline[0].isalnum()
                    or comparison_key(kicker) == printed  # a doubled printing ("Kinder und Arbeit Kinder und Arbeit")
                    or _closes_on_stopword(kicker, stopwords)):
                return None
            return join_kicker(kicker, headline)
    return None
