"""The character conditions read from a lexicon pattern: what they admit, and that they never hide a match."""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources
from pathlib import Path

from newsclean.text.lexicon import _strip_line
from newsclean.text.match_bounds import match_bounds


def test_first_character_and_digit_conditions() -> None:
    numbers = match_bounds(r"(\d{1,3}\s*){2,10}")
    assert numbers.first is not None and numbers.first.match("7") and not numbers.first.match("P")
    assert numbers.needs_digit
    separators = match_bounds(r"[|/·•›»\-\s]{0,12}")  # may be empty, yet a whole non-empty match starts in the set
    assert separators.first is not None and separators.first.match("|") and not separators.first.match("x")
    assert not separators.needs_digit
    date = match_bounds(r"(\w+day,? )?\w+\.? \d{1,2}(st|nd|rd|th)?,? \d{4}")
    assert date.needs_digit and date.first is not None and date.first.match("M") and not date.first.match("(")
    # Case-insensitive as the pattern is: a capital opens what a lower-case literal does.
    assert (bound := match_bounds("share").first) is not None and bound.match("S")
    assert match_bounds(r"(?:page )?\d+|next").needs_digit is False  # one branch holds no digit
    # What the reader does not know gives no condition.
    assert match_bounds(r"(?-i:Share)").first is None
    assert match_bounds(r".{1,60} via getty").first is None
    assert match_bounds(r"(a)\1").first is not None  # the back reference comes after the first character


def _line_patterns() -> list[str]:
    folder = resources.files("newsclean.text").joinpath("lexicons")
    found: list[str] = []
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text("utf-8"))
            for kind in ("line", "phrase"):
                found.extend(p for patterns in data.get(kind, {}).values() for p in patterns)
    return found


def test_a_condition_never_hides_a_match() -> None:
    """Every lexicon pattern against short lines of the fixture dumps: a rejected line is never matched."""
    from newsclean.text.prepare import read_lines
    from newsclean.text.segment import iter_blocks

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    lines: set[str] = set()
    for path in sorted(folder.glob("*.txt.gz"))[:12]:
        dump = gzip.decompress(path.read_bytes()).decode("utf-8")
        lines.update(_strip_line(b.text) for b in iter_blocks(read_lines(dump).text) if b.words <= 15)
    texts = sorted(t for t in lines if t)
    assert len(texts) > 300
    rejected = 0
    for source in _line_patterns():
        bounds, pattern = match_bounds(source), re.compile(source, re.IGNORECASE)
        for text in texts:
            if bounds.first is not None and not bounds.first.match(text[0]):
                rejected += 1
                assert pattern.fullmatch(text) is None, (source, text)
            if bounds.needs_digit and not re.search(r"\d", text):
                rejected += 1
                assert pattern.search(text) is None, (source, text)  # nowhere in the text, whole or in part
    assert rejected > 10_000  # the conditions do settle lines
