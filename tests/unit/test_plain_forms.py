"""The plain forms lines are compared and matched in: ASCII comparison keys and unquoted text."""

from __future__ import annotations

import re

from newsclean.normalize.text import comparison_key
from newsclean.text.lexicon import _unquote

_WORDS = re.compile(r"\w+")


def test_an_ascii_key_is_its_lower_case_word_runs_joined_by_spaces() -> None:
    every_char = "".join(chr(c) for c in range(128))
    for text in (every_char, "Read MORE >> here_now!", "  \t", "", "a\x1fb\x0bc", "Top 10: U.S. & E.U.-deal"):
        assert comparison_key(text) == " ".join(_WORDS.findall(text.lower()))
    assert comparison_key("Top 10: U.S. & E.U.-deal") == "top 10 u s e u deal"
    assert comparison_key("snake_case\tWords") == "snake_case words"


def test_typographic_quotes_and_no_break_spaces_are_made_plain() -> None:
    assert _unquote("Don\u2019t miss \u2018this\u2019:\u00a0\u201cnews\u201d") == "Don't miss 'this': \"news\""
    assert _unquote("caf\u00e9 \u00bbnews\u00ab") == "caf\u00e9 \u00bbnews\u00ab"  # other marks stay
    plain = "plain ASCII text"
    assert _unquote(plain) is plain
