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

from .errors import BinaryInputError, LimitExceededError
from .limits import cut_bytes, limit_warning

_GZIP_MAGIC = b"\x1f\x8b"
#: Inflate at most this much per step, so memory stays near the limit.
_INFLATE_STEP = 1 << 20

#: Magic numbers of binary formats that end up in scraped folders.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

#: Bytes searched for a declared charset (HTML's prescan reads 1024; heads
#: with long inline scripts put the declaration later, so a little more).
DECLARATION_WINDOW = 4096
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings by their share of web pages (W3Techs), commonest first. When
#: the detector finds several decodings equally plausible (French Latin-1
#: reads as well in Baltic cp1257), the commoner encoding is the better bet.
_PREVALENCE: tuple[str, ...] = (
    "utf_8", "cp1252", "latin_1", "cp1251", "cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "euc_kr",
    "cp949", "big5", "cp1250", "iso8859_2", "cp1256", "cp1254", "cp1253", "cp1255", "cp874", "koi8_r",
)
#: How much more "chaos" (charset-normalizer's mess score) a commoner
#: encoding may show than the best one and still be preferred.
_CHAOS_TOLERANCE = 0.06

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


def sniff_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text without a byte-order mark, else ``None``.

    Mostly-Latin UTF-16 has a NUL in every other byte: without this test it
    would be refused as binary, or decoded into text full of NULs.
    """
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even = sample[0 : 2 * half : 2].count(0) / half
    odd = sample[1 : 2 * half : 2].count(0) / half
    if odd > 0.4 and even < 0.02:
        return "utf-16-le"
    if even > 0.4 and odd < 0.02:
        return "utf-16-be"
    return None


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or ``None`` when it may be text."""
    head = data[:16]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return name
    sample = data[:4096]
    if not sample:
        return None
    # Text, even badly encoded, has few control bytes; a high share of
    # them means a format we do not know.
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls / len(sample) > 0.10:
        return "binary data"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes.

    Beautiful Soup's ``EncodingDetector`` reads the declaration (``<?xml
    encoding>``, ``<meta charset>``, ``<meta http-equiv content="...;
    charset=">``) the way browsers' prescan does; only the first
    :data:`DECLARATION_WINDOW` bytes are searched, as the HTML standard's
    prescan looks at the first 1024 and real pages put long heads first.
    """
    from bs4.dammit import EncodingDetector

    name = EncodingDetector.find_declared_encoding(
        data[:DECLARATION_WINDOW], is_html=True, search_entire_document=True
    )
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def header_charset(data: bytes, charset: str | None) -> str | None:
    """The HTTP header's charset when the page itself leaves the encoding open, else ``None``.

    The cleaner reads a BOM, then the page's own declaration, then tries
    UTF-8, then guesses statistically; the header is better evidence than a
    guess, so it is used exactly where the guess would be, and nowhere else:
    a page whose bytes settle the question is decoded as the cleaner would
    decode the same bytes from disk. The fetcher and the WARC reader both ask
    this, so a page re-read from a WARC decodes as it did when fetched.
    """
    if not charset or data.startswith(_GZIP_MAGIC) or data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    try:
        charset = codecs.lookup(charset).name
    except LookupError:
        return None
    declared = declared_charset(data)
    if declared and _decodes(data, declared):
        return None
    if _decodes(data, "utf-8") or not _decodes(data, charset):
        return None
    return charset


def _decode_strict(data: bytes, codec: str, *, cut: bool) -> str:
    """Decode strictly; a cut input may end inside a character, which is dropped."""
    if not cut:
        return data.decode(codec)
    return codecs.getincrementaldecoder(codec)().decode(data, final=False)


def decode_mixed_utf8(data: bytes, max_stray: int = 256) -> tuple[str, int] | None:
    """Decode UTF-8 with a few stray legacy bytes (cp1252), or ``None`` when it is not that.

    Pages pasted together from UTF-8 and Latin-1 sources are common: decoded
    as one legacy charset, their UTF-8 part turns to mojibake. When the
    valid multi-byte UTF-8 is more than a legacy page holds by accident, each
    run of stray bytes is read as cp1252 (the web's commonest legacy
    encoding, and the WHATWG fallback) and the rest as UTF-8. Too many stray
    bytes (``max_stray``) mean a legacy page, left to charset detection.
    """
    pieces: list[str] = []
    stray = 0
    pos = 0
    while pos < len(data):
        try:
            pieces.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            pieces.append(data[pos : pos + exc.start].decode("utf-8"))
            bad = data[pos + exc.start : pos + exc.end]
            pieces.append(bad.decode("cp1252", errors="replace"))
            stray += len(bad)
            pos += exc.end
            if stray > max_stray:
                return None
    text = "".join(pieces)
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - stray
    # A legacy page holds valid UTF-8 sequences only by accident (a few at most).
    return (text, stray) if stray and multibyte >= max(3, stray // 2) else None


def _rank(encoding: str) -> int:
    try:
        name = codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return len(_PREVALENCE)
    return _PREVALENCE.index(name) if name in _PREVALENCE else len(_PREVALENCE)


def detect_charset(data: bytes) -> str | None:
    """The likeliest encoding of ``data`` by charset-normalizer, commoner ones preferred on near ties."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        return None
    best = results[0]
    close = [
        m for m in results
        if m.encoding and m.chaos <= best.chaos + _CHAOS_TOLERANCE and m.coherence >= best.coherence
    ]
    # A match stands for every encoding that decodes the bytes identically
    # (cp1250 and cp1252 agree on "é"): name the commonest of them.
    # min() keeps the detector's order among equally common encodings.
    names = [min(m.could_be_from_charset or [m.encoding], key=_rank) for m in close or [best]]
    return min(names, key=_rank) or None


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
        import ftfy

        config = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
            fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False,
            normalization=None, explain=False,
        )
        fixed = ftfy.fix_text(text, config)
        if fixed != text:
            text = fixed
            warnings.append("charset: repaired double-encoded UTF-8 (mojibake)")
    return text, warnings


def decode_bytes(data: bytes, *, max_bytes: int, max_decompressed: int) -> tuple[str, list[str]]:
    """Decode raw input into text, returning the text and any warnings.

    Order: size limit (the input is cut, not refused), gzip (its output cut
    at ``max_decompressed``), UTF-16 without BOM, binary sniffing, BOM,
    declared charset (used only when the bytes really decode with it), strict
    UTF-8, then statistical detection; finally NULs and mojibake are repaired.

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
    text, found = _decode(data, cut=cut)
    repaired, fixes = repair_text(text)
    return repaired, warnings + found + fixes


def _decode(data: bytes, *, cut: bool) -> tuple[str, list[str]]:
    """Bytes known not to be gzip into text, with the warnings of how."""
    utf16 = sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), [f"charset: {utf16} without byte-order mark"]
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"binary input ({kind}), not a page")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), []
    warnings: list[str] = []
    declared = declared_charset(data)
    for codec in dict.fromkeys(c for c in (declared, "utf-8") if c is not None):
        try:
            return _decode_strict(data, codec, cut=cut), warnings
        except (UnicodeDecodeError, LookupError):
            if codec == declared:
                warnings.append(f"charset: declared {declared} does not decode the bytes")
    if declared in (None, "utf-8"):
        mixed = decode_mixed_utf8(data)
        if mixed is not None:
            text, stray = mixed
            warnings.append(f"charset: mixed encodings; {stray} byte{'s' if stray > 1 else ''} that are not UTF-8 "
                            "read as cp1252")
            return text, warnings
    encoding = detect_charset(data)
    if encoding:
        warnings.append(f"charset: detected {encoding}")
        return data.decode(encoding, errors="replace"), warnings
    warnings.append("charset: undetectable, decoded as UTF-8 with replacements")
    return data.decode("utf-8", errors="replace"), warnings
