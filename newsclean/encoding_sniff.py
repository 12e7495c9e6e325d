"""Which encoding a page's bytes are in, decided in the HTML standard's order.

The HTML standard ("determining the character encoding") settles a page's
encoding in a fixed order: a byte-order mark, then the transport's charset,
then the ``<meta>`` prescan (which reads a declared UTF-16 as UTF-8, since a
page whose ``<meta>`` can be read as ASCII is not UTF-16), then a guess.
Scraped files break the standard's assumptions in known ways (a page that
declares windows-1251 yet was saved as UTF-8; a UTF-8 BOM pasted in front of
cp1252 bytes; UTF-16 saved without its BOM), so this module follows that order
with three changes, each made because a real class of dumps needs it:

- bytes that are valid UTF-8 with non-ASCII content are read as UTF-8 even
  when the page declares another encoding: legacy bytes form valid UTF-8
  sequences only by accident, so the bytes outweigh the declaration;
- a BOM whose encoding does not decode the bytes is ignored, not trusted;
- a guess prefers the common single-byte encodings of the text's language
  over rare code pages that read the bytes just as plausibly (cp1252, not
  the Baltic DOS page cp775, for French).

Every guess and every replaced character is reported as a warning, so a
record never hides that its text may be wrong. The statistics are
charset-normalizer's, the declaration prescan Beautiful Soup's; this module
only orders their answers.
"""

from __future__ import annotations

import codecs

from .errors import BinaryInputError

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
#: Bytes the byte-level sniffers read (UTF-16 without a BOM, wide encodings,
#: binary formats): the NUL pattern of UTF-16 and the control bytes of a
#: binary file show within a page's first 4 KiB, and a fixed sample keeps
#: the sniffing cost independent of the page's size.
SNIFF_WINDOW = 4096
#: Byte-order marks, longest first (the UTF-32-LE mark starts with UTF-16-LE's).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings by their share of web pages (W3Techs), commonest first. When
#: the detector finds several decodings equally plausible (French Latin-1
#: reads as well in Baltic cp1257), the commoner encoding is the better bet;
#: an encoding not listed here is a rare code page (cp775, cp850, hp_roman8).
_PREVALENCE: tuple[str, ...] = (
    "utf_8", "cp1252", "latin_1", "cp1251", "cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "euc_kr",
    "cp949", "big5", "cp1250", "iso8859_2", "cp1256", "cp1254", "cp1253", "cp1255", "cp874", "koi8_r",
    "cp1257", "iso8859_15", "iso8859_7", "iso8859_9", "koi8_u", "cp1258",
)
#: How much more "chaos" (charset-normalizer's mess score) a commoner
#: encoding may show than the best one and still be preferred.
_CHAOS_TOLERANCE = 0.06
#: How much less "coherence" (charset-normalizer's language fit) a common
#: encoding may show than the best common one and still win on prevalence.
_COHERENCE_TOLERANCE = 0.05
#: A guess of UTF-16 or UTF-32 without a BOM is trusted up to this chaos.
_WIDE_CHAOS = 0.1

#: Labels the HTML standard's encoding table maps elsewhere than Python does:
#: browsers read "iso-8859-1" and "ascii" pages as windows-1252, so bytes
#: 0x80-0x9F are curly quotes and dashes, not C1 controls. A declared UTF-16
#: or UTF-32 in a ``<meta>`` is read as UTF-8 (the prescan's UTF-16 rule).
_STANDARD_LABELS = {
    "latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252",
    "utf_16": "utf-8", "utf_16_le": "utf-8", "utf_16_be": "utf-8",
    "utf_32": "utf-8", "utf_32_le": "utf-8", "utf_32_be": "utf-8",
}


def codec_key(name: str) -> str:
    """Python's canonical name of an encoding, with underscores (``cp1252``, ``utf_8``)."""
    return codecs.lookup(name).name.replace("-", "_")


def _rank(encoding: str) -> int:
    try:
        name = codec_key(encoding)
    except LookupError:
        return len(_PREVALENCE)
    return _PREVALENCE.index(name) if name in _PREVALENCE else len(_PREVALENCE)


def sniff_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for mostly-Latin UTF-16 text without a byte-order mark, else ``None``.

    Mostly-Latin UTF-16 has a NUL in every other byte: without this test it
    would be refused as binary, or decoded into text full of NULs. UTF-16 in
    other scripts has fewer NULs; :func:`detect_wide` asks the detector.
    """
    sample = data[:SNIFF_WINDOW]
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


def detect_wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, as charset-normalizer judges it, else ``None``.

    Cyrillic, Greek or CJK UTF-16 holds NULs only where an ASCII space or
    digit sits, too few for :func:`sniff_utf16` and enough for the binary
    test to refuse it. Only inputs holding NUL bytes are asked about:
    single-byte and UTF-8 text never holds them.
    """
    sample = data[:SNIFF_WINDOW]
    if b"\x00" not in sample or len(sample) % 2:
        return None
    from charset_normalizer import from_bytes

    for match in from_bytes(data[:200_000]):
        if match.encoding.startswith(("utf_16", "utf_32")) and match.chaos <= _WIDE_CHAOS:
            return match.encoding.replace("_", "-")
    return None


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or ``None`` when it may be text."""
    head = data[:16]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return name
    sample = data[:SNIFF_WINDOW]
    if not sample:
        return None
    # Text, even badly encoded, has few control bytes; a high share of
    # them means a format we do not know.
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls / len(sample) > 0.10:
        return "binary data"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, as Python names it.

    Beautiful Soup's ``EncodingDetector`` reads the declaration (``<?xml
    encoding>``, ``<meta charset>``, ``<meta http-equiv content="...;
    charset=">``) the way browsers' prescan does; only the first
    :data:`DECLARATION_WINDOW` bytes are searched, as the HTML standard's
    prescan looks at the first 1024 and real pages put long heads first.
    The label is returned as declared; :func:`standard_charset` applies the
    standard's reading of it.
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


def standard_charset(declared: str, data: bytes) -> str:
    """The encoding the HTML standard reads a declared label as (see :data:`_STANDARD_LABELS`).

    windows-1252 leaves five bytes undefined that Latin-1 maps; a page
    holding them keeps its Latin-1 reading rather than failing to decode.
    """
    mapped = _STANDARD_LABELS.get(codec_key(declared), declared)
    if mapped == "cp1252" and not decodes(data, "cp1252"):
        return declared
    return mapped


def decodes(data: bytes, codec: str) -> bool:
    """Whether ``data`` decodes strictly as ``codec`` (an unknown codec does not)."""
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode_strict(data: bytes, codec: str, *, cut: bool) -> str:
    """Decode strictly; a cut input may end inside a character, which is dropped."""
    if not cut:
        return data.decode(codec)
    return codecs.getincrementaldecoder(codec)().decode(data, final=False)


def decode_lossy(data: bytes, codec: str, *, cut: bool) -> tuple[str, list[str]]:
    """Decode with replacement characters where the bytes do not fit, and a warning counting them."""
    try:
        return decode_strict(data, codec, cut=cut), []
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    return text, [f"charset: {replaced} byte sequence{'s' if replaced != 1 else ''} not valid in {codec} "
                  "replaced with U+FFFD"]


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


def detect_charset(data: bytes) -> str | None:
    """The likeliest encoding of ``data`` by charset-normalizer, common encodings preferred.

    charset-normalizer ranks decodings by "chaos" (how messy the text looks)
    and then "coherence" (how well its letters fit a language). A rare code
    page can fit a language a little better by accident (cp775 reads
    French "é" as the Latvian "ķ"), so among the decodings about as clean as
    the best, the common encodings are compared among themselves: the one
    fitting the language best wins, and on a near tie the commonest.
    """
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        return None
    best = results[0]
    clean = [m for m in results if m.encoding and m.chaos <= best.chaos + _CHAOS_TOLERANCE]
    common = [m for m in clean if min(_rank(c) for c in m.could_be_from_charset or [m.encoding]) < len(_PREVALENCE)]
    if not common:
        return best.encoding or None
    fit = max(m.coherence for m in common)
    close = [m for m in common if m.coherence >= fit - _COHERENCE_TOLERANCE]
    # A match stands for every encoding that decodes the bytes identically
    # (cp1250 and cp1252 agree on "é"): name the commonest of them.
    # min() keeps the detector's order among equally common encodings.
    names = [min(m.could_be_from_charset or [m.encoding], key=_rank) for m in close]
    return min(names, key=_rank) or None


def decode_page(data: bytes, *, cut: bool) -> tuple[str, list[str]]:
    """Bytes known not to be gzip into text, with the warnings of how (see the module docstring).

    The steps run in order and the first that decodes the bytes wins; each
    adds the warnings a reader of the record needs (a mark or declaration
    overruled, characters replaced).

    Raises:
        BinaryInputError: the bytes are an image, archive or other non-text format.
    """
    warnings: list[str] = []
    # 1. A byte-order mark, when its encoding decodes the bytes.
    text, data = _by_byte_order_mark(data, cut=cut, warnings=warnings)
    # 2. UTF-16 or UTF-32 without a byte-order mark; anything else with control bytes is not text.
    if text is None:
        text = _by_width(data, cut=cut, warnings=warnings)
    # 3.-6. The page's own declaration, weighed against valid UTF-8.
    if text is None:
        text = _by_declaration(data, cut=cut, warnings=warnings)
    # 7. A guess.
    if text is None:
        text = _by_detection(data, cut=cut, warnings=warnings)
    return text, warnings


def _by_byte_order_mark(data: bytes, *, cut: bool, warnings: list[str]) -> tuple[str | None, bytes]:
    """The text a byte-order mark's encoding gives, or ``None`` and the bytes without a mark that lied."""
    for bom, marked in BOMS:
        if data.startswith(bom):
            try:
                return decode_strict(data, marked, cut=cut), data
            except UnicodeDecodeError:
                name = marked.replace("-sig", "")
                warnings.append(f"charset: {name} byte-order mark on bytes that are not {name}; ignored")
                return None, data[len(bom):]
    return None, data


def _by_width(data: bytes, *, cut: bool, warnings: list[str]) -> str | None:
    """UTF-16 or UTF-32 text without a mark; control bytes that are no wide text make the input binary."""
    wide = sniff_utf16(data)
    if wide is None and sniff_binary(data):
        wide = detect_wide(data)
    if wide:
        text, lost = decode_lossy(data, wide, cut=cut)
        warnings += [f"charset: {wide} without byte-order mark", *lost]
        return text
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"binary input ({kind}), not a page")
    return None


def _by_declaration(data: bytes, *, cut: bool, warnings: list[str]) -> str | None:
    """The ``<meta>`` prescan's encoding, valid UTF-8 or UTF-8 with stray legacy bytes, else ``None``."""
    # 3. The <meta> prescan, read as the standard reads its labels.
    declared = declared_charset(data)
    codec = standard_charset(declared, data) if declared else None
    legacy = codec if codec is not None and codec_key(codec) != "utf_8" else None
    # 4. Valid UTF-8 outweighs a legacy declaration (ASCII decodes the same either way).
    try:
        text = decode_strict(data, "utf-8", cut=cut)
    except UnicodeDecodeError:
        pass
    else:
        if legacy and not text.isascii():
            warnings.append(f"charset: declared {declared}, but the bytes are valid UTF-8; read as UTF-8")
        return text
    # 5. The declaration, when the bytes really decode with it.
    if legacy:
        try:
            return decode_strict(data, legacy, cut=cut)
        except (UnicodeDecodeError, LookupError):
            pass
    if declared:
        warnings.append(f"charset: declared {declared} does not decode the bytes")
    # 6. UTF-8 with a few stray legacy bytes (not where a legacy encoding was declared).
    return None if legacy else _by_mixed_utf8(data, warnings=warnings)


def _by_mixed_utf8(data: bytes, *, warnings: list[str]) -> str | None:
    """UTF-8 whose few stray bytes read as cp1252 (see :func:`decode_mixed_utf8`), else ``None``."""
    mixed = decode_mixed_utf8(data)
    if mixed is None:
        return None
    text, stray = mixed
    warnings.append(f"charset: mixed encodings; {stray} byte{'s' if stray > 1 else ''} that are not UTF-8 "
                    "read as cp1252")
    return text


def _by_detection(data: bytes, *, cut: bool, warnings: list[str]) -> str:
    """charset-normalizer's guess; UTF-8 with replacement characters when it has none."""
    encoding = detect_charset(data)
    if encoding:
        text, lost = decode_lossy(data, encoding, cut=cut)
        warnings += [f"charset: detected {encoding}", *lost]
        return text
    warnings.append("charset: undetectable, decoded as UTF-8 with replacements")
    return data.decode("utf-8", errors="replace")
