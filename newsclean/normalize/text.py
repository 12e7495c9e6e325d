"""Text normalisation shared by every path: Unicode, entities, whitespace.

The cleaner compares and de-duplicates strings, so both sides must be
normalised the same way; this module is the one place that defines how.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_RUN = re.compile(r"\n\s*\n+")


def normalize_text(text: str, *, fix_mojibake: bool = True) -> str:
    """Repair and tidy one string without changing its words.

    Mojibake repair (ftfy) runs first because entity and width fixes would
    otherwise hide the byte patterns it recognises.
    """
    if fix_mojibake:
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    else:
        text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text)


def normalize_inline(text: str) -> str:
    """Normalise a one-line field (title, name): entities, NFC, one space."""
    text = normalize_text(html.unescape(text))
    return " ".join(text.split())


def join_paragraphs(paragraphs: list[str]) -> str:
    """The record's body form: paragraphs separated by exactly one blank line."""
    cleaned = [" ".join(p.split()) for p in paragraphs]
    return "\n\n".join(p for p in cleaned if p)


def word_count(text: str) -> int:
    """Words of ``text``; CJK scripts without spaces count one per character."""
    count = 0
    for token in text.split():
        cjk = sum(1 for ch in token if _is_cjk(ch))
        count += cjk + (1 if cjk < len(token) else 0)
    return count


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3040 <= code <= 0x30FF
        or 0xAC00 <= code <= 0xD7AF
        or 0x3400 <= code <= 0x4DBF
    )


def collapse_blank_lines(text: str) -> str:
    return _BLANK_RUN.sub("\n\n", text).strip()


def comparison_key(text: str) -> str:
    """A key under which two renderings of the same line compare equal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.findall(r"\w+", text))
