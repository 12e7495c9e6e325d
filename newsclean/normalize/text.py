"""Text normalisation shared by every path: Unicode, entities, whitespace.

The cleaner compares and de-duplicates strings, so both sides must be
normalised the same way; this module is the one place that defines how.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

import ftfy
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES, WIDTH_MAP

from .badness import is_bad
from .scripts import CJK_CHAR

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_RUN = re.compile(r"\n\s*\n+")
_WORDS = re.compile(r"\w+")
#: ASCII bytes as :data:`_WORDS` reads them: a word character (``[A-Za-z0-9_]``) kept, any other a space.
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + b" " * 128

#: How ``normalize_text`` calls ftfy: the one place newsclean configures it.
#: Full-width forms stay: folding "１３日" to "13日" would change the text of
#: CJK pages, which print them on purpose (normalisation is NFC, not NFKC).
FTFY_CONFIG = ftfy.TextFixerConfig(
    normalization="NFC", uncurl_quotes=False, fix_line_breaks=True, fix_character_width=False, explain=False
)
#: :data:`FTFY_CONFIG` with only its encoding repairs on, for the decoder
#: (:func:`newsclean.decode.repair_text`): it undoes double-encoded UTF-8
#: before a page is parsed, when entities, control characters, ligatures,
#: line breaks and Unicode form must still be as the page wrote them.
MOJIBAKE_ONLY_CONFIG = FTFY_CONFIG._replace(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_line_breaks=False,
    remove_control_chars=False, normalization=None,
)


def _ftfy_triggers() -> re.Pattern[str]:
    """Characters and sequences that some ftfy step other than mojibake repair would change.

    Built from ftfy's own tables: control characters it strips, ligatures and
    full-width forms it rewrites, line breaks it converts (and the rest of
    C0/C1, escape sequences and surrogates), HTML entities it decodes.
    Characters that ftfy's mojibake check anchors at a segment start (``Ã``,
    ``Â``) are included so a whole-text check stands for every segment.
    """
    codes = set(CONTROL_CHARS) | set(LIGATURES) | set(WIDTH_MAP)
    codes |= set(range(0x00, 0x09)) | set(range(0x0B, 0x20)) | set(range(0x7F, 0xA0))
    codes |= {0x2028, 0x2029, ord("Ã"), ord("Â")}
    chars = "".join(f"\\U{c:08x}" for c in sorted(codes))
    return re.compile(f"[{chars}\\ud800-\\udfff]|{HTML_ENTITY_RE.pattern}")


_FTFY_TRIGGERS = _ftfy_triggers()


def _ftfy_leaves_alone(text: str) -> bool:
    """Whether ``ftfy.fix_text`` with :data:`FTFY_CONFIG` returns ``text`` unchanged.

    ftfy fixes a text line by line, each line through a dozen steps written
    in Python; on clean text every step is a no-op, and that per-line cost
    was a fifth of the text path. Every step is a no-op on a line when no
    trigger of :func:`_ftfy_triggers` occurs in it, the mojibake check
    (``is_bad``, which ftfy also skips for ASCII) finds nothing and the line
    is already NFC. The checks hold for the whole text exactly when they
    hold for each line: no pattern involved looks across a line end, and
    NFC does not compose across a newline.
    """
    if len(text) >= FTFY_CONFIG.max_decode_length or _FTFY_TRIGGERS.search(text):
        return False
    if text.isascii():
        return True
    return not is_bad(text) and unicodedata.is_normalized("NFC", text)


def _fix_mojibake(text: str) -> str:
    """``ftfy.fix_text(text, config)``, skipping the lines it would leave as they are.

    Mirrors ftfy's own segmenting (one line at a time, HTML unescaping
    switched off for good once a line holds ``<``), so the result is the
    same string ftfy returns; only lines that fail
    :func:`_ftfy_leaves_alone` pay for the full repair.
    """
    if len(text) >= FTFY_CONFIG.max_decode_length:
        return ftfy.fix_text(text, FTFY_CONFIG)  # ftfy also splits over-long lines; leave that to it
    if _ftfy_leaves_alone(text):
        return text
    config = FTFY_CONFIG
    out: list[str] = []
    for segment in _segments(text):
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        out.append(segment if _ftfy_leaves_alone(segment) else ftfy.fix_and_explain(segment, config).text)
    return "".join(out)


def _segments(text: str) -> list[str]:
    """Lines with their ``\\n`` kept, split as ftfy splits a text."""
    lines = text.split("\n")
    segments = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        segments.append(lines[-1])
    return segments


def normalize_text(text: str, *, fix_mojibake: bool = True) -> str:
    """Repair and tidy one string without changing its words.

    Mojibake repair (ftfy) runs first because entity and width fixes would
    otherwise hide the byte patterns it recognises.
    """
    text = _fix_mojibake(text) if fix_mojibake else unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text)


def normalize_inline(text: str) -> str:
    """Normalise a one-line field (title, name): entities, NFC, one space."""
    text = normalize_text(html.unescape(text))
    return " ".join(text.split())


#: Between the cells of a table row in the body (``newsclean.html.tables``).
TABLE_CELL_SEPARATOR = " | "


def is_table_block(paragraph: str) -> bool:
    """Whether a paragraph is a table: two or more lines, most of them rows of several cells.

    (A row with one cell, a spanning label, has no separator.)
    """
    rows = [row for row in paragraph.split("\n") if row.strip()]
    return len(rows) >= 2 and 2 * sum(TABLE_CELL_SEPARATOR in row for row in rows) >= len(rows)


def join_paragraphs(paragraphs: list[str]) -> str:
    """The record's body form: paragraphs separated by exactly one blank line.

    A table keeps its rows together as one paragraph, one row a line: the
    only single line breaks the body holds.
    """
    cleaned = [_tidy_table(p) if "\n" in p and is_table_block(p) else " ".join(p.split()) for p in paragraphs]
    return "\n\n".join(p for p in cleaned if p)


def _tidy_table(paragraph: str) -> str:
    return "\n".join(" ".join(row.split()) for row in paragraph.split("\n") if row.strip())


def word_count(text: str) -> int:
    """Words of ``text``; CJK scripts without spaces count one per character."""
    tokens = text.split()
    # Without a CJK character every token is one word: one C scan spares a Python loop over the
    # tokens of a long non-ASCII body (measured on 300 soup dumps: 0.28 ms a page down to 0.15).
    if text.isascii() or CJK_CHAR.search(text) is None:
        return len(tokens)
    count = 0
    for token in tokens:
        # An ASCII token has no CJK character: one word (the common case, checked in C).
        cjk = 0 if token.isascii() else len(CJK_CHAR.findall(token))
        count += cjk + (1 if cjk < len(token) else 0)
    return count


def collapse_blank_lines(text: str) -> str:
    return _BLANK_RUN.sub("\n\n", text).strip()


def joined_lines(texts: Sequence[str]) -> tuple[str, list[int]]:
    """``texts`` joined by line breaks, and the offset where each starts in the join.

    One search over the join (a substring or pattern walk) then stands for
    one search per text: a match's text is the last start at or before it.
    """
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return "\n".join(texts), starts


def comparison_key(text: str) -> str:
    """A key under which two renderings of the same line compare equal."""
    if text.isascii():
        # NFKC leaves ASCII alone, casefold is lower there, and no curly quote can occur. The words are
        # what is left between non-word bytes blanked by one byte translation (a third cheaper than findall).
        return " ".join(text.lower().encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split())
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(_WORDS.findall(text))


def collapse_doubled(text: str, min_words: int = 1) -> str:
    """Text printed twice in a row ("Anna Muster Anna Muster") once.

    Renderers join a visible and a screen-reader copy of a name or a
    headline; ``min_words`` is the shortest half that counts as a copy.
    """
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= min_words and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text
