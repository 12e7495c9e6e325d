"""The rewritten mojibake check answers exactly what ftfy's ``is_bad`` answers.

:mod:`newsclean.normalize.badness` claims a language equivalence (a match
anywhere of ftfy's pattern exists exactly when one of the pivoted pattern
does); these tests hold it to that on every text fixture and seed, on every
line of them, on instances built from each of ftfy's alternatives and on
random strings over the characters ftfy's pattern names.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad

from newsclean.normalize import badness
from newsclean.normalize.badness import _expand_optional, _members, _pivoted, is_bad

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_SEEDS = Path("/work/shared/seeds")
_ASCII_POOL = "aZ .,?!\n\t-1"
_SPACE_POOL = " \t\n\u00a0\u2003"


def _fixture_texts(*, text_only: bool) -> list[str]:
    """Seeds and fixtures, decoded; ``text_only`` keeps the plain-text dumps (the quick set)."""
    texts = []
    roots = [_FIXTURES] + ([_SEEDS] if _SEEDS.is_dir() else [])
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.suffix == ".py" or (text_only and ".txt" not in path.name):
                continue
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            texts.append(data.decode("utf-8", errors="replace"))
    return texts


def _pattern_alphabet() -> str:
    """Every character ftfy's pattern names in a class or literal, plus ASCII and spaces."""
    parsed = badness.sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    codes: set[int] = set()
    for branch in parsed[0][1][1]:
        for sequence in _expand_optional(branch):
            for item in sequence:
                codes |= _members(item) or set()
    return "".join(sorted(map(chr, codes))) + _ASCII_POOL + _SPACE_POOL


def test_fast_check_is_in_use() -> None:
    # The rewrite must build on the installed ftfy, or the speed-up is silently gone.
    assert is_bad is not ftfy_is_bad
    _, pivots = _pivoted(BADNESS_RE)
    assert pivots and min(pivots) > 0x7F


def _check_texts_and_lines(texts: list[str]) -> int:
    """Compare both checks on each text and each of its lines; how many lines ftfy finds bad."""
    verdicts = 0
    for text in texts:
        assert is_bad(text) == ftfy_is_bad(text)
        for line in text.splitlines(keepends=True):
            verdict = ftfy_is_bad(line)
            assert is_bad(line) == verdict, repr(line)
            verdicts += verdict
    return verdicts


def test_agrees_on_text_dumps_and_their_lines() -> None:
    texts = _fixture_texts(text_only=True)
    assert len(texts) > 10
    _check_texts_and_lines(texts)


@pytest.mark.slow
def test_agrees_on_every_fixture_text_and_line() -> None:
    texts = _fixture_texts(text_only=False)
    assert len(texts) > 100
    assert _check_texts_and_lines(texts) > 0  # some mojibake-looking lines: both answers are exercised


def test_agrees_on_instances_of_each_alternative() -> None:
    rng = random.Random(20)
    alphabet = _pattern_alphabet()
    parsed = badness.sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    for branch in parsed[0][1][1]:
        for sequence in _expand_optional(branch):
            for _ in range(40):
                chars = []
                for item in sequence:
                    members = _members(item)
                    if members:
                        chars.append(chr(rng.choice(sorted(members))))
                    elif item[0] is badness.sre.AT:
                        continue
                    else:  # \s, \w, ., a negated class: try spaces, letters and pattern characters
                        chars.append(rng.choice(_SPACE_POOL + "xé" + alphabet))
                core = "".join(chars)
                for text in (core, "ab " + core, core + " cd", rng.choice(alphabet) + core + rng.choice(alphabet)):
                    assert is_bad(text) == ftfy_is_bad(text), repr(text)


def test_agrees_on_random_strings_over_the_pattern_characters() -> None:
    rng = random.Random(21)
    alphabet = _pattern_alphabet()
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        verdict = ftfy_is_bad(text)
        assert is_bad(text) == verdict, repr(text)
        found += verdict
    assert 1000 < found < 29000  # both answers occur often
