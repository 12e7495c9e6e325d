"""Bytes to text: gzip, binary sniffing, charset detection, size limits, repairs.

Scraped files arrive as bytes of unknown encoding, sometimes compressed,
sometimes cut off, sometimes not text at all. This module turns them into
``str`` plus warnings, or raises an :class:`~newsclean.errors.InputError`
with a one-line reason when the input is not a page (a PNG saved as
``.html``). Size limits cut the input instead of refusing it, with a warning
naming the limit (see :mod:`newsclean.limits`), so a huge page still yields
its beginning.
"""

from __future__ import annotations

import codecs
import re
import zlib

import ftfy

from .encoding_sniff import (
    BOMS,
    declared_charset,
    decode_mixed_utf8,
    decode_page,
    decodes,
    detect_charset,
    sniff_binary,
    sniff_utf16,
)
from .errors import BinaryInputError, LimitExceededError
from .limits import cut_bytes, limit_warning
from .normalize.text import MOJIBAKE_ONLY_CONFIG

# Re-exported: the decoder is where callers and tests look for the charset helpers.
__all__ = [
    "declared_charset", "decode_bytes", "decode_mixed_utf8", "detect_charset", "gunzip", "header_charset",
    "repair_text", "sniff_binary", "sniff_utf16",
]

_GZIP_MAGIC = b"\x1f\x8b"
#: Inflate at most this much per step, so memory stays near the limit.
_INFLATE_STEP = 1 << 20

#: Sequences UTF-8 text takes on when its bytes are read as Latin-1 or
#: cp1252 ("Ã©" for "é", "â€™" for "’"): a cheap test before running ftfy.
_MOJIBAKE_HINT = re.compile(
    "[ÂÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    "|â€|[ÐÑ][\u0080-\u00bf\u2018-\u203a]"
)


#: The characters a :data:`_MOJIBAKE_HINT` match starts with. ``str.find`` for
#: each is far cheaper than the regular expression's scan of a clean page
#: (a character-class alternation gets no literal-prefix speed-up), so the
#: expression only runs from the first of them.
_MOJIBAKE_LEADS = ("Â", "Ã", "â", "Ð", "Ñ")

_NUL_RUN = re.compile("\x00+")


def _has_mojibake_hint(text: str) -> bool:
    """``_MOJIBAKE_HINT.search(text)``, started at the first possible match."""
    starts = [at for at in (text.find(lead) for lead in _MOJIBAKE_LEADS) if at >= 0]
    return bool(starts) and _MOJIBAKE_HINT.search(text, min(starts)) is not None


def _inflate(data: bytes, limit: int) -> tuple[bytes, bool, bool]:
    """Inflate gzip data up to ``limit`` bytes: ``(output, cut, complete)``.

    Output is produced in bounded steps, so a bomb (a small file that
    inflates to gigabytes) costs no more memory than the limit. A stream
    that ends early (a truncated download) yields what it held; concatenated
    gzip members are all read, as ``gzip`` does.
    """
    out = bytearray()
    pending = data
    while pending:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        chunk = pending
        while True:
            room = min(_INFLATE_STEP, limit + 1 - len(out))
            try:
                piece = decomp.decompress(chunk, room)
            except zlib.error as exc:
                vars(exc)["partial"] = bytes(out)  # what inflated before the damage: decode_bytes keeps it
                raise
            out += piece
            if len(out) > limit:
                return bytes(out[:limit]), True, False
            chunk = decomp.unconsumed_tail
            if decomp.eof or (not chunk and len(piece) < room):
                break
        if not decomp.eof:
            return bytes(out), False, False
        pending = decomp.unused_data
        if not pending.startswith(_GZIP_MAGIC):
            break  # trailing padding after the last member, as gzip tolerates
    return bytes(out), False, True


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing output larger than ``limit`` bytes.

    For callers that must have the whole document or nothing (a sitemap);
    pages go through :func:`decode_bytes`, which keeps the beginning instead.
    """
    out, cut, _ = _inflate(data, limit)
    if cut:
        raise LimitExceededError(f"gzip output exceeds max_decompressed_bytes={limit}")
    return out


def header_charset(data: bytes, charset: str | None) -> str | None:
    """The HTTP header's charset when the page itself leaves the encoding open, else ``None``.

    The cleaner reads a BOM, then the page's own declaration, then tries
    UTF-8, then guesses statistically; the header is better evidence than a
    guess, so it is used exactly where the guess would be, and nowhere else:
    a page whose bytes settle the question is decoded as the cleaner would
    decode the same bytes from disk. The fetcher and the WARC reader both ask
    this, so a page re-read from a WARC decodes as it did when fetched.
    """
    if not charset or data.startswith(_GZIP_MAGIC) or data.startswith(tuple(bom for bom, _ in BOMS)):
        return None
    try:
        charset = codecs.lookup(charset).name
    except LookupError:
        return None
    declared = declared_charset(data)
    if declared and decodes(data, declared):
        return None
    if decodes(data, "utf-8") or not decodes(data, charset):
        return None
    return charset


def repair_text(text: str) -> tuple[str, list[str]]:
    """Replace NUL characters and undo double-encoded UTF-8 (mojibake), with a warning for each.

    Both are damage done before newsclean saw the page: NULs are padding or
    binary debris that no parser keeps consistently, and "Ã©" for "é" is
    UTF-8 read as Latin-1 and saved again. Only ftfy's encoding repairs run,
    and only when the text shows mojibake's byte patterns, so clean text
    (the common case) costs one regular-expression scan.
    """
    warnings: list[str] = []
    nuls = text.count("\x00")
    if nuls:
        # A line break, not nothing: NUL often separates fields, and joining
        # "headline\x00Body" into "headlineBody" would invent a word.
        text = _NUL_RUN.sub("\n", text)
        warnings.append(f"input: replaced {nuls} NUL character{'s' if nuls > 1 else ''} with line breaks")
    if _has_mojibake_hint(text):
        fixed = ftfy.fix_text(text, MOJIBAKE_ONLY_CONFIG)
        if fixed != text:
            text = fixed
            warnings.append("charset: repaired double-encoded UTF-8 (mojibake)")
    return text, warnings


def decode_bytes(data: bytes, *, max_bytes: int, max_decompressed: int) -> tuple[str, list[str]]:
    """Decode raw input into text, returning the text and any warnings.

    Order: size limit (the input is cut, not refused), gzip (its output cut
    at ``max_decompressed``), then the encoding in the HTML standard's order
    (:func:`~newsclean.encoding_sniff.decode_page`: BOM, UTF-16 without BOM,
    binary sniffing, declared charset, UTF-8, detection); finally NULs and
    mojibake are repaired.

    Raises:
        BinaryInputError: the bytes are an image, archive or other non-text
            format, or corrupt gzip.
    """
    warnings: list[str] = []
    data, cut_warning = cut_bytes(data, max_bytes)
    cut = cut_warning is not None
    if cut_warning:
        warnings.append(cut_warning)
    if data.startswith(_GZIP_MAGIC):
        try:
            data, inflated_cut, complete = _inflate(data, max_decompressed)
        except zlib.error as exc:
            data = getattr(exc, "partial", b"")
            if not data:
                raise BinaryInputError(f"corrupt gzip data: {exc}") from exc
            inflated_cut, complete, cut = False, True, True  # a good member, then a broken one
            warnings.append(f"input: gzip data corrupt after {len(data)} bytes ({exc}); cleaned what inflated")
        if inflated_cut:
            cut = True
            warnings.append(limit_warning(
                "max_decompressed_bytes", max_decompressed,
                f"gzip input inflates past the limit; only its first {max_decompressed} bytes were cleaned",
            ))
        elif not complete and not cut:
            warnings.append("input: gzip stream ends early (truncated file); cleaned what it held")
        cut = cut or not complete
    text, found = decode_page(data, cut=cut)
    repaired, fixes = repair_text(text)
    return repaired, warnings + found + fixes
