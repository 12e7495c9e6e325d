"""Headlines glued to the sentence after them in a dump printed without line breaks.

A box of other stories prints each as a headline and a sentence of
summary; a subheading stands above its section's first sentence; a
caption or a "Credit" label stands above the paragraph it illustrates. A
line-structured render prints each on a line of its own. Flattened, the
headline has no stop of its own and becomes the start of the sentence
after it ("Minister quits after budget row The finance minister resigned
on Monday."), so the headline shape the teaser-run cut
(:mod:`~newsclean.text.teaser_pairs`) and the classifiers look for is gone.

The evidence for the seam is the sentence's shape, not the headline's
casing (English headlines are often in sentence case; German capitalises
its nouns anywhere): inside a sentence an article or a preposition is
written in lower case, so a capitalised function word ("The", "Die",
"La") right after a word that is neither a function word nor closed by a
comma or colon starts a new sentence (:func:`~newsclean.text.item_runs.opens_headline`).
The lead-in before it must read as a headline (a few words, opening with a
capital or a number, no sentence end) and what follows as a sentence
(several words, mostly in lower case, closed by a stop).

A box holds several stories, so a lead-in is cut only when another stands
within :data:`RUN_REACH` sentences of it: a sentence of the article that
quotes a title ("the film The Godfather") seldom meets all of this twice
in a row, and a subheading glued to its section's first sentence stays as
the dump has it. The cut only separates; it drops nothing. Unrestricted,
the cut (correct on most pages: live-blog entries, subheadings, captions)
moved other evidence on the page (a next article's header, a date) and
lost 0.30 of body F1 on two fp-dev flat pages; within runs, no dev page
of any set is worse (fe flat 0.8872 -> 0.8887, fp-dev flat 0.8721 ->
0.8743, te-dev flat strings 0.8062 -> 0.8064).
"""

from __future__ import annotations

import re

from .item_runs import opens_headline

#: Words a lead-in holds at least (fewer are a label's: "Credit", "Foto") ...
MIN_LEAD_WORDS = 3
#: ... and at most (a longer run of words before the opener is a sentence's clause).
MAX_LEAD_WORDS = 20
#: Words the sentence after the lead-in holds at least.
MIN_SENTENCE_WORDS = 6
#: Share of the sentence's words that start in lower case, at least (German prose has about a third capitalised).
MIN_LOWER_SHARE = 0.4
#: A token that closes a sentence (a stop, optionally inside a closing quote or bracket).
_STOP = re.compile(r"[.!?…][\"'”’»)\]]*$")
#: What may open a headline before its first letter or digit.
_OPENERS = "\"'“‘«„‹([¿¡"
#: A clause left open: a comma, a colon, a semicolon or a dash ends the token before a sentence's next words.
_OPEN_CLAUSE = re.compile(r"[,;:–—-]$")
#: Sentences either side of a lead-in within which another must stand: a box of teasers holds several.
RUN_REACH = 2


def _starts_capital(token: str) -> bool:
    first = token.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def lead_in_end(tokens: list[str]) -> int:
    """How many leading ``tokens`` are a headline glued to the sentence after them (0 when none).

    The seam is the first capitalised function word after :data:`MIN_LEAD_WORDS`
    words; a stop before it means the unit opens with a sentence, not a
    headline. One letter is no opener here: "I" opens English clauses
    anywhere. After a comma or colon the word goes on the clause. What
    follows must read as a sentence; if it does not, the unit has no lead-in.
    """
    if not tokens or not _starts_capital(tokens[0]):
        return 0
    for index in range(MIN_LEAD_WORDS, min(MAX_LEAD_WORDS, len(tokens) - MIN_SENTENCE_WORDS) + 1):
        before = tokens[index - 1]
        if _STOP.search(before):
            return 0
        if not opens_headline(tokens[index], before) or len(tokens[index]) < 2 or _OPEN_CLAUSE.search(before):
            continue
        rest = tokens[index:]
        lower = sum(1 for token in rest if token[:1].islower())
        if _STOP.search(rest[-1]) and lower >= MIN_LOWER_SHARE * len(rest):
            return index
        return 0
    return 0



def lead_in_ends(line: str, units: list[tuple[int, int]]) -> list[int]:
    """For each unit (a sentence's span in ``line``), how many leading words are a headline glued to it (0 when
    none): :func:`lead_in_end`, kept only where another unit within :data:`RUN_REACH` has one too."""
    ends = [lead_in_end(line[start:end].split()) for start, end in units]
    kept: list[int] = []
    for index, cut in enumerate(ends):
        near = ends[max(0, index - RUN_REACH):index] + ends[index + 1:index + RUN_REACH + 1]
        kept.append(cut if cut and any(near) else 0)
    return kept
