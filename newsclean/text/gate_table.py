"""What the lexicon's patterns need, read once from their sources and shipped with the package.

Each lexicon pattern is gated by the words one of which every match holds,
the widths a match can span and the class of its first character
(:mod:`.gates`, :mod:`.match_bounds`). Finding them means parsing the
pattern with ``re``'s own parser and walking the parse, which costs more
than matching: about 0.17 s of CPU in every process (the English,
language-independent and one other language's patterns), before its
first dump. They depend only on the pattern's source, the Python version
(``re``'s parser and case tables), its Unicode data and the code that reads
them, so they are computed once (:func:`write_table`) into
``data/gate_table.json`` and looked up by source.

The table is used only when its key (Python version, Unicode version and a
digest of ``gates.py`` and ``match_bounds.py``) is this interpreter's and
this code's; a pattern it lacks (a lexicon edited since) is read as before.
So a stale table costs time, never a verdict;
``tests/unit/test_gate_table.py`` fails when it is stale, and
``python -m tests.regenerate_tables`` rewrites it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .gates import CaseFold, parse_pattern, pattern_width, required_words
from .match_bounds import MatchBounds, match_bounds

#: The table's file, inside the package.
TABLE_NAME = "gate_table.json"
#: The modules whose code decides the facts (their text is part of the key).
_DECIDERS = ("gates.py", "match_bounds.py")


@dataclass(frozen=True)
class PatternFacts:
    """What matching needs to know of one pattern: gate words, match widths, match bounds."""

    words: frozenset[str] | None
    width: tuple[int, int] | None
    bounds: MatchBounds


def read_facts(source: str, fold: CaseFold | None) -> PatternFacts:
    """The facts of ``source`` (IGNORECASE), read from its parse."""
    parsed = parse_pattern(source)
    words = required_words(source, fold, parsed)
    width, bounds = pattern_width(source, parsed), match_bounds(source, parsed)
    return PatternFacts(frozenset(words) if words else None, width, bounds)


def table_key() -> dict[str, str]:
    """What the facts depend on besides a pattern's source: Python, Unicode and the deciding code."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _DECIDERS:
        digest.update(name.encode() + b"\n" + (here / name).read_bytes())
    return {
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "unicode": unicodedata.unidata_version,
        "code": digest.hexdigest(),
    }


def _encode(facts: PatternFacts) -> list[Any]:
    first = facts.bounds.first
    return [
        sorted(facts.words) if facts.words is not None else None,
        list(facts.width) if facts.width is not None else None,
        [first.pattern, first.flags] if first is not None else None,
        facts.bounds.needs_digit,
    ]


def _decode(row: list[Any]) -> PatternFacts:
    words, width, first, needs_digit = row
    return PatternFacts(
        frozenset(words) if words is not None else None,
        (int(width[0]), int(width[1])) if width is not None else None,
        MatchBounds(re.compile(first[0], first[1]) if first is not None else None, bool(needs_digit)),
    )


def default_table() -> Path:
    """Where the shipped table lives."""
    return Path(str(resources.files(__package__).joinpath("data").joinpath(TABLE_NAME)))


def write_table(sources: Iterable[str], fold: CaseFold | None, path: Path) -> None:
    """Write the facts of every pattern in ``sources`` (deterministic: sorted, one line a pattern)."""
    rows = {source: _encode(read_facts(source, fold)) for source in sorted(set(sources))}
    lines = [json.dumps(source, ensure_ascii=False) + ": " + json.dumps(row, ensure_ascii=False)
             for source, row in rows.items()]
    body = ",\n".join(lines)
    text = '{"key": ' + json.dumps(table_key(), sort_keys=True) + ',\n"patterns": {\n' + body + "\n}}\n"
    path.write_text(text, encoding="utf-8")


def load_table(path: Path | None = None) -> Mapping[str, list[Any]]:
    """The shipped rows by pattern source, or none when the table is missing, unreadable or for another key.

    Rows are decoded one by one as patterns ask (:func:`facts_of`): a
    process needs a few languages' patterns, not all of them.
    """
    try:
        data = json.loads((path or default_table()).read_text("utf-8"))
        if data.get("key") != table_key():
            return {}
        patterns: dict[str, list[Any]] = data["patterns"]
        return patterns
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def facts_of(source: str, fold: CaseFold | None, table: Mapping[str, list[Any]]) -> PatternFacts:
    """The facts of ``source``: from the table when it holds them (and gates are on), else read."""
    row = table.get(source) if fold is not None else None
    if row is not None:
        try:
            return _decode(row)
        except (ValueError, TypeError, IndexError, re.error):
            pass
    return read_facts(source, fold)


def lexicon_sources(root: Any = None) -> list[str]:
    """Every line and phrase pattern of the shipped lexicons (or of ``root``'s category files)."""
    root = root or resources.files(__package__).joinpath("lexicons")
    found: list[str] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text("utf-8"))
            for kind in ("line", "phrase"):
                for patterns in data.get(kind, {}).values():
                    found.extend(patterns)
    return found
