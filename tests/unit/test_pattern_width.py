"""The length bound of a line pattern never turns away a line the pattern matches.

:class:`~newsclean.text.pattern_index.PatternIndex` tries a pattern on a
whole line only when the line's length lies within the pattern's match
width; these tests check the widths on edge cases of case folding and on
every line pattern of two lexicon views against lines built from their own
gate words.
"""

from __future__ import annotations

import re

from newsclean.text.extract import TextResources
from newsclean.text.gates import pattern_width


def test_width_bounds_a_case_insensitive_match() -> None:
    assert pattern_width("share(?: on)? facebook") == (14, 17)
    assert pattern_width(r"photo:\s*\S+") is not None
    # IGNORECASE pairs characters one to one: the long s and the Kelvin sign are one character each.
    low, high = pattern_width("sk") or (0, 0)
    for text in ("SK", "\u017fk", "s\u212a"):
        assert re.fullmatch("sk", text, re.IGNORECASE) and low <= len(text) <= high


def test_a_length_filtered_line_gets_the_unfiltered_answer() -> None:
    lexicon = TextResources.load().lexicon
    for language in ("en", "de"):
        view = lexicon.for_language(language)
        index = view._compiled.get().line
        lines = ["Advertisement", "Share on Facebook", "Foto: dpa", "Read more", "Jetzt abonnieren",
                 "Share on Facebook and read more of our coverage of the budget"]
        for line in lines:
            found = index.candidates(line)
            assert index._first(line, found, whole=True) == index.first_category(line, whole=True)
