"""Lay a record back onto the lines it was cleaned from.

``explain`` does not run the cleaning rules a second time: it reads the
record. The record's ``text`` is aligned word by word with the input's lines
(what matches is kept, everything else was removed), and each removed piece
is then matched against the record's ``removed`` spans to name its reason.
Because the kept side is the record's own text, the view cannot disagree with
``clean``: what it marks kept is, whitespace aside, the record's ``text``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from ..normalize.text import TABLE_CELL_SEPARATOR
from ..record import Article
from .model import Span

_TOKEN = re.compile(r"\S+")
#: Reason of a removed piece the record names no span for (should not happen on the text path).
UNRECORDED = "unrecorded"


@dataclass
class _Piece:
    """A run of removed characters inside one token, waiting for its reason."""

    line: int
    start: int
    end: int
    text: str
    reason: str | None = None


@dataclass(frozen=True)
class Alignment:
    """Per line, its spans; plus record text no line holds, in record order."""

    lines: list[list[Span]]
    unplaced: list[str]


def _removal_entries(article: Article) -> dict[str, list[tuple[list[str], str]]]:
    """The record's removed spans as token lists, indexed by their first token.

    An embed's url, handle and author are printed beside the post in the
    dump ("pic.twitter.com/... — Name (@handle)") and are removed with it.
    """
    entries: list[tuple[list[str], str]] = [(r.text.split(), r.reason) for r in article.removed]
    for embed in article.embeds:
        entries += [(value.split(), "embed") for value in (embed.url, embed.handle, embed.author) if value]
    index: dict[str, list[tuple[list[str], str]]] = {}
    for tokens, reason in entries:
        if tokens:
            index.setdefault(tokens[0], []).append((tokens, reason))
    for candidates in index.values():
        candidates.sort(key=lambda entry: -len(entry[0]))  # the longest match wins
    return index


def _mark_kept(lines: list[str], kept_words: list[str], kept: list[list[bool]]) -> list[str]:
    """Set ``kept`` for every input character the record's text holds; return record text left over.

    Words are aligned first; where words differ (a script without spaces, a
    cut glued to a word) the characters of the differing stretch are aligned.
    """
    tokens = [(i, m.start(), m.end(), m.group()) for i, line in enumerate(lines) for m in _TOKEN.finditer(line)]
    matcher = difflib.SequenceMatcher(None, [t[3] for t in tokens], kept_words, autojunk=False)
    unplaced: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for line, start, end, _ in tokens[i1:i2]:
                kept[line][start:end] = [True] * (end - start)
        elif op in ("replace", "insert"):
            chars = [(line, pos) for line, start, end, _ in tokens[i1:i2] for pos in range(start, end)]
            source = "".join(lines[line][pos] for line, pos in chars)
            target = "".join(kept_words[j1:j2])
            blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()
            covered = 0
            for a, b, size in blocks:
                if b > covered:
                    unplaced.append(target[covered:b])
                for line, pos in chars[a:a + size]:
                    kept[line][pos] = True
                covered = b + size
    return unplaced


def _removed_pieces(lines: list[str], kept: list[list[bool]]) -> list[_Piece]:
    """Maximal runs of removed, non-blank characters, in reading order."""
    pieces: list[_Piece] = []
    for index, line in enumerate(lines):
        for match in _TOKEN.finditer(line):
            start = match.start()
            for pos in range(match.start(), match.end() + 1):
                if pos == match.end() or kept[index][pos]:
                    if pos > start:
                        pieces.append(_Piece(index, start, pos, line[start:pos]))
                    start = pos + 1
    return pieces


def _name_reasons(pieces: list[_Piece], entries: dict[str, list[tuple[list[str], str]]]) -> None:
    """Give each removed piece the reason of the record span it belongs to."""
    texts = [p.text for p in pieces]
    index = 0
    while index < len(pieces):
        match = next(
            (entry for entry in entries.get(texts[index], []) if texts[index:index + len(entry[0])] == entry[0]),
            None,
        )
        if match is None:
            index += 1
            continue
        for piece in pieces[index:index + len(match[0])]:
            piece.reason = match[1]
        index += len(match[0])


def _runs(pieces: list[_Piece], kept: list[list[bool]]) -> list[list[_Piece]]:
    """Pieces grouped into runs within one line with no kept character between them.

    Runs stop at the line's end: on a page, the next block is another
    element, and what it holds was removed on its own account.
    """
    runs: list[list[_Piece]] = []
    for piece in pieces:
        if runs:
            last = runs[-1][-1]
            if last.line == piece.line and not any(kept[piece.line][last.end:piece.start]):
                runs[-1].append(piece)
                continue
        runs.append([piece])
    return runs


def _inherit(runs: list[list[_Piece]], fallback: Callable[[int], str]) -> None:
    """Unnamed pieces take the reason of the named piece before them in their run
    (else the one after), else the fallback.

    A span's edges can differ from the record's copy of it (the author and
    date printed under an embedded post, punctuation a cut left behind);
    they belong to the span they follow.
    """
    for run in runs:
        previous: str | None = None
        for piece in run:
            if piece.reason is None:
                piece.reason = previous
            previous = piece.reason
        following: str | None = None
        for piece in reversed(run):
            if piece.reason is None:
                piece.reason = following or fallback(piece.line)
            following = piece.reason


def _spans(line: str, pieces: list[_Piece]) -> list[Span]:
    """The line cut where its characters change between kept and a removal reason.

    Whitespace goes with the character before it (leading whitespace with
    the first character), so spans read as the line does.
    """
    labels: list[str | None] = [None] * len(line)
    for piece in pieces:
        labels[piece.start:piece.end] = [piece.reason] * (piece.end - piece.start)
    first = next((i for i, ch in enumerate(line) if not ch.isspace()), 0)
    for pos, ch in enumerate(line):
        if ch.isspace():
            labels[pos] = labels[pos - 1] if pos > first else labels[first]
    spans: list[Span] = []
    pos = 0
    for label, group in groupby(labels):
        size = len(list(group))
        spans.append(Span(line[pos:pos + size], label))
        pos += size
    return spans


def align(lines: list[str], article: Article, fallback: Callable[[int], str] | None = None) -> Alignment:
    """Cut each line into kept spans and removed spans with their reasons.

    ``fallback(line_index)`` names the reason of removed text no record span
    covers (the HTML path's: text trafilatura never extracted).
    """
    kept = [[False] * len(line) for line in lines]
    # A data table's cell separators are the record's, not the page's: no block holds them.
    words = [w for w in article.text.split() if w != TABLE_CELL_SEPARATOR.strip()]
    unplaced = _mark_kept(lines, words, kept)
    pieces = _removed_pieces(lines, kept)
    _name_reasons(pieces, _removal_entries(article))
    _inherit(_runs(pieces, kept), fallback or (lambda _: UNRECORDED))
    by_line: dict[int, list[_Piece]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line, []).append(piece)
    spans = [_spans(line, by_line.get(i, [])) for i, line in enumerate(lines)]
    return Alignment(spans, unplaced)
