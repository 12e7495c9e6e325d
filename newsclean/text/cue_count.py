"""Counting cue words at word starts without running their alternation over every position.

The appeal cues are one case-insensitive pattern, ``(?<![\\w'’])(?:w1|w2|...)``:
a listed word (longest first) where no word character or apostrophe comes
before it. ``findall`` tries that look-behind and then the alternatives at
each position of the text, which cost more than the rest of the cue count.
:class:`PrefixCounter` finds every occurrence of every word in one
Aho-Corasick pass over the case-folded text and replays ``findall``'s
left-to-right scan over those occurrences only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ahocorasick

#: What the cue pattern's look-behind refuses before a word, compiled as that pattern is (IGNORECASE).
_RUN_CHAR = re.compile(r"[\w'’]", re.IGNORECASE)


class PrefixCounter:
    """``len(pattern.findall(text))`` for ``pattern = (?<![\\w'’])(?:words)`` with IGNORECASE, from the folded text.

    ``words`` are folded as :class:`~newsclean.text.gates.CaseFold` folds,
    which maps each character to one that ``re.IGNORECASE`` treats as equal
    and keeps positions, so a word matches at a position exactly when its
    folded form occurs there in the folded text.
    """

    def __init__(self, folded_words: Iterable[str]) -> None:
        automaton = ahocorasick.Automaton()
        for word in set(folded_words):
            if word:
                automaton.add_word(word, len(word))
        automaton.make_automaton()
        self._automaton = automaton

    def count(self, text: str, folded: str) -> int:
        """Matches of the pattern in ``text`` (``folded`` is ``text`` case-folded)."""
        longest: dict[int, int] = {}
        for end, length in self._automaton.iter(folded):
            start = end - length + 1
            if longest.get(start, 0) < length:
                longest[start] = length
        return _replay(text, longest, 0) if longest else 0

    def count_each(self, joined: str, folded: str, starts: Sequence[int]) -> list[int]:
        """:meth:`count` of each text of a page, from one pass over them all.

        ``joined`` is the texts joined by a character no word holds (a line
        break), ``folded`` its case-folded copy and ``starts`` each text's
        offset in it. A word occurs in a text exactly when one of its
        occurrences in the whole lies inside the text's stretch, and the
        look-behind reads no further back than the text's start, so each
        count is the one its own pass would give; the automaton's walk is
        made once a page instead of once a block, and nearly every block has
        no cue word for the replay to look at.
        """
        longest: list[dict[int, int]] = [{} for _ in starts]
        for end, length in self._automaton.iter(folded):
            start = end - length + 1
            index = bisect_right(starts, start) - 1
            # A word running past its text's end would hold the separator: no word does.
            if index + 1 < len(starts) and end >= starts[index + 1] - 1:
                continue
            own = longest[index]
            if own.get(start, 0) < length:
                own[start] = length
        return [_replay(joined, own, starts[i]) if own else 0 for i, own in enumerate(longest)]


def _replay(text: str, longest: dict[int, int], first: int) -> int:
    """``findall``'s count from the longest word at each start, for the text that begins at ``first``.

    At each position from the left, the look-behind (which reads nothing
    before the text's first character), then the longest word there (the
    alternatives run longest first); the next try starts after a match.
    """
    hits = 0
    position = first
    for start in sorted(longest):
        if start < position or (start > first and _RUN_CHAR.match(text, start - 1) is not None):
            continue
        hits += 1
        position = start + longest[start]
    return hits


#: What the cue patterns do not count as part of a word (``[\w'’]``): each stretch of it becomes one space.
_NON_RUN = re.compile(r"[^\w'’]+")
#: ``_NON_RUN`` below 128 as a byte table: run characters (``[A-Za-z0-9_']``) kept, every other one a space.
_ASCII_SPACING = bytes(c if chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(128)) + b" " * 128
#: The texts of a page are joined by " \\n ": spacing keeps the line break, which marks where each text ends.
_JOIN = " \n "
#: UTF-8 bytes: an ASCII character that is no run character (the line break apart) a space, every other byte kept.
#: Bytes from 128 up only ever make up non-ASCII characters, which this leaves whole.
_UTF8_SPACING = _ASCII_SPACING[:10] + b"\n" + _ASCII_SPACING[11:128] + bytes(range(128, 256))
#: The non-ASCII characters that are no run characters (curly quotes, no-break spaces, dashes): few in any text.
_NON_ASCII_NON_RUN = re.compile(r"[^\x00-\x7f\w’]+")


class WholeWordCounter:
    """``len(pattern.findall(text))`` for ``pattern = (?<![\\w'’])(?:words)(?![\\w'’])`` with IGNORECASE.

    Each match is a whole run of word characters and apostrophes whose
    folded form is a listed word. The text's runs are set apart by single
    spaces (every stretch between them replaced by one, the whole padded
    with one) and folded; a listed word ``w`` is then a run exactly where
    `` w `` occurs, and one Aho-Corasick pass counts those occurrences
    (overlapping ones share their space and are all reported). This
    replaced a substring gate whose words included the Dutch "u", which
    occurs inside most English words: it sent half of all blocks on to a
    count that found a cue in 4% of them. An ASCII text folds to its lower
    case, and its spacing is a byte translation; another text's runs are
    found in the text itself and folded after (folding turns a Greek iota
    into a combining mark, which is no word character).
    """

    def __init__(self, folded_words: Iterable[str], fold: Callable[[str], str]) -> None:
        words = {word for word in folded_words if word}
        if any(" " in word for word in words):
            raise ValueError("a whole word cannot hold a space")
        self._fold = fold
        self._automaton: Any = None
        if words:
            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(f" {word} ", len(word))
            automaton.make_automaton()
            self._automaton = automaton

    def count(self, text: str, folded: str) -> int:
        """Matches of the pattern in ``text`` (``folded`` is ``text`` case-folded)."""
        if self._automaton is None:
            return 0
        if text.isascii():
            spaced = folded.encode("ascii").translate(_ASCII_SPACING).decode("ascii")
        else:
            spaced = self._fold(_NON_RUN.sub(" ", text))
        return sum(1 for _ in self._automaton.iter(f" {spaced} "))

    def count_each(self, texts: Sequence[str]) -> list[int]:
        """:meth:`count` of each of ``texts`` (a page's blocks), from one spacing and one pass over them all.

        The texts are joined by a line break with a space on either side,
        and spaced as :meth:`count` spaces one text (a stretch between runs
        may become several spaces, which changes no count), except that the
        line break stays: every text's runs then sit between spaces as in its
        own spaced copy, and a match's text is the number of line breaks before
        it. Spacing and walking each block on its own cost a dump's
        classifier half a millisecond, the calls more than the characters. A
        text holding a line break of its own is counted on its own.
        """
        if self._automaton is None or not texts:
            return [0] * len(texts)
        joined = _JOIN.join(texts)
        if joined.count("\n") != len(texts) - 1:
            return [self.count(text, self._fold(text)) for text in texts]
        # Two passes where a pattern for every non-run character cost three times more: ASCII
        # characters by a byte table, then the few non-ASCII ones by a pattern that skips ASCII.
        # The spacing need not be single, only the runs kept and everything between them spaced.
        ascii_spaced = joined.encode("utf-8", "surrogatepass").translate(_UTF8_SPACING)
        spaced = self._fold(_NON_ASCII_NON_RUN.sub(" ", ascii_spaced.decode("utf-8", "surrogatepass")))
        counts = [0] * len(texts)
        index = 0
        position = 0
        # Matches come in order of their end: the line breaks before each are counted on from the last.
        for end, _length in self._automaton.iter(f" {spaced} "):
            index += spaced.count("\n", position, end)
            position = max(position, end)
            counts[index] += 1
        return counts
