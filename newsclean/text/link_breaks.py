"""Sentences a renderer broke at its inline links, put back together.

Some renderers end every DOM text node with a line break, so one sentence
with links comes out as "It comes just hours after" / "US" / "allowed" /
"Ukraine to use its weapons" / "to strike inside Russia.". Line by line,
each fragment would start a block of its own (a name, a single word) and
be judged a label; read as a run, the lines are one sentence. A menu, a
byline over a paragraph or a comment's header are runs of short lines too:
the tests here say what only a broken sentence shows.
"""

from __future__ import annotations

from itertools import pairwise

from .line_ends import (
    DANGLING,
    GLUE_START,
    KICKER_WORDS,
    PARAGRAPH_WORDS,
    QUOTED_LINK,
    RUN_ON_END,
    URL_LINE,
    ends_sentence,
    is_bulleted,
)


def broken_sentences(lines: list[str], *, stretches: bool = True) -> set[int]:
    """Numbers of the lines that continue one sentence a renderer broke at every inline link.

    A renderer that ends each DOM text node with a line break prints "It
    comes just hours after" / "US" / "allowed" / "Ukraine to use its
    weapons" / "to strike inside Russia." with no blank line between:
    fragments that end the sentence only on their last line. Line by line,
    a single word or a capitalised name would start a new block; the run as
    a whole is one sentence. A bare address after it ("Infos unter" /
    "http://...") is the link the sentence ends on. With ``stretches``, the
    stretches of a longer run between its sentence stops are read the same
    way (see :func:`_sentence_parts`).
    """
    joined: set[int] = set()
    run: list[int] = []
    for number, raw in enumerate([*lines, ""]):
        line = raw.strip()
        if line:
            run.append(number)
            continue
        parts = _sentence_parts(run, lines) if stretches else [run]
        for part in parts:
            texts = [lines[i].strip() for i in part]
            if len(parts) > 1:
                start = _linked_start(texts)
                part, texts = part[start:], texts[start:]
                if not _lower_fragment(texts):
                    continue
            if len(part) >= 3 and _one_sentence(texts):
                joined.update(part[1:])
        run = []
    return joined


def _sentence_parts(run: list[int], lines: list[str]) -> list[list[int]]:
    """The run cut after each line that ends a sentence: the stretches one sentence may span.

    A header prints the breadcrumb, the headline and the standfirst with no
    blank line between ("ATP" / "Diese Ymers! Zwei Überraschungen ..." /
    "Elias" / "und" / "Mikael Ymer" / "haben ... gesorgt."): the run as a
    whole is no sentence, but the lines after the headline's stop are one
    the renderer broke at its links. A quoted link title ("„Faktor 112“")
    does not end the sentence around it.
    """
    parts: list[list[int]] = [[]]
    for number in run:
        parts[-1].append(number)
        text = lines[number].strip()
        if ends_sentence(text) and not QUOTED_LINK.match(text):
            parts.append([])
    return [part for part in parts if part]


#: Closing quotation marks of the German styles („...“, »...«): glued to the quoted link before them.
_CLOSING_QUOTES = "“«"


def _linked(prev: str, line: str) -> bool:
    """``line`` reads on from ``prev``: it opens in lower case or on glued punctuation, or ``prev`` cannot stop."""
    return (line[0].islower() or line[0] in _CLOSING_QUOTES or _runs_on(prev, line)
            or prev.split()[-1].casefold() in DANGLING)


def _in_words(text: str) -> bool:
    """Whether ``text`` is running words rather than a label: two or more, one of them in lower case.

    "Advertisement", "Keep Reading" or "Photograph: Getty Images" are labels
    whose words are all capitalised, and a single word is no evidence either way.
    """
    words = text.split()
    return len(words) >= 2 and any(word[0].islower() for word in words)


def _opens_sentence(text: str) -> bool:
    """Whether ``text``, the first line of a stretch, opens a sentence: a capital, then running words.

    "When questioning" goes on with a name; a timestamp ("2 minutes ago")
    over the story's first line does not.
    """
    return text[0].isupper() and _in_words(text)


def _linked_start(texts: list[str]) -> int:
    """Where the sentence that ends ``texts`` starts: after the last break no sentence has.

    A stretch cut out of a longer run may open on what the page prints above
    the sentence (a photo's credit, a comment's header of "antworten" /
    "melden" / a name / a date): a line break there is not one a link made.
    A link's text (a name, "Aslan Karatsev") need not read on from the
    sentence under way before it, but the line after it reads on from it
    ("und ..."). The sentence under way is a paragraph's length, or the
    stretch's opening (see :func:`_opens_sentence`): after a short line
    inside the stretch, itself a link that ended a sentence without a stop
    ("Read our" / "privacy notice" / "RAYE" / "is undoubtedly ..."), or
    under a short label ("Advertisement"), the sentence starts anew. A name
    with punctuation glued after it ("on the whereabouts" / "Slytherin's
    Locket" / ", Harry ...") sits inside a clause, never at a sentence's start.
    """
    start = 0
    for index, (prev, line) in enumerate(pairwise(texts)):
        if _linked(prev, line):
            continue
        after = texts[index + 2] if index + 2 < len(texts) else ""
        if not after or len(line.split()) > KICKER_WORDS or not (after[0].islower() or after[0] in GLUE_START):
            start = index + 1
            continue
        glued = after[0] in GLUE_START
        if (len(prev.split()) >= PARAGRAPH_WORDS or (index == start and _opens_sentence(prev))
                or (glued and _in_words(prev))):
            continue
        start = index + 1
    return start


def _lower_fragment(texts: list[str]) -> bool:
    """Whether a line after the first opens in lower case and holds words: a sentence's middle, never a label."""
    return any(t[0].islower() and len(t.split()) >= 2 for t in texts[1:])


def _one_sentence(texts: list[str]) -> bool:
    """Whether the lines ``texts`` read as one sentence broken at its links.

    Only the last line ends a sentence (a quoted link title, "„Faktor 112“",
    does not end one), and something shows the lines run on: a fragment in
    lower case, one opening with punctuation glued to the link before it
    (". Vor ein paar Tagen"), or one ending where a sentence cannot stop
    (an article, a preposition, a comma or a dash). A menu has none of these.
    """
    if not (ends_sentence(texts[-1]) or URL_LINE.match(texts[-1])):
        return False
    if any((ends_sentence(t) and not QUOTED_LINK.match(t)) or is_bulleted(t) for t in texts[:-1]):
        return False
    if sum(_menu_pair(a, b) for a, b in pairwise(texts)) >= 2:
        return False
    if any(a == b for a, b in pairwise(texts)):
        return False  # a line printed twice in a row (a visible and a screen reader's copy): two printings
    if _lower_fragment(texts):
        return True
    # Glued punctuation alone also joins "Details" / "[" / "edit" / "]" or a rating ("3 von 5" / "," /
    # "(" / "1 Bewertung)"): a sentence has words.
    words = sum(1 for t in texts for w in t.split() if any(c.isalpha() for c in w))
    return words >= PARAGRAPH_WORDS and any(_runs_on(a, b) for a, b in pairwise(texts))


def _runs_on(prev: str, line: str) -> bool:
    """``prev`` breaks off mid-sentence before ``line``: glued punctuation, or an ending that cannot close."""
    if line[0] in GLUE_START:
        return True
    words = prev.rsplit(None, 1)
    return len(words) == 2 and (words[-1].casefold() in DANGLING or prev[-1] in RUN_ON_END)


def _menu_pair(prev: str, line: str) -> bool:
    """Two capitalised lines in a row ("Privacy" / "Donate") read as list items.

    Inside a sentence, links are joined by lower-case text, unless the first
    fragment ends in a word that cannot end it ("hours after" / "US"); a
    name may follow its title ("Agriculture Secretary" / "Tom Vilsack") once,
    a menu has such pairs throughout.
    """
    return line[0].isupper() and prev[0].isupper() and prev.split()[-1].casefold() not in DANGLING
