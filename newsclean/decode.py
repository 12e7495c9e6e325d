"""Bytes to text: gzip, binary sniffing, charset detection, size limits.

Scraped files arrive as bytes of unknown encoding, sometimes compressed,
sometimes not text at all. This module turns them into ``str`` or raises an
:class:`~newsclean.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
import zlib

from .errors import BinaryInputError, LimitExceededError

_GZIP_MAGIC = b"\x1f\x8b"

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

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing output larger than ``limit`` bytes.

    Decompression is incremental so a small bomb cannot allocate gigabytes
    before the limit is noticed.
    """
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    chunk = data
    while chunk:
        out += decomp.decompress(chunk, limit + 1 - len(out))
        if len(out) > limit:
            raise LimitExceededError(f"gzip output exceeds max_decompressed_bytes={limit}")
        chunk = decomp.unconsumed_tail
        if decomp.eof:
            break
    return bytes(out)


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
    """The charset an HTML or XML document declares in its first bytes."""
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            name = match.group(1).decode("ascii", "ignore").lower()
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def decode_bytes(data: bytes, *, max_bytes: int, max_decompressed: int) -> tuple[str, list[str]]:
    """Decode raw input into text, returning the text and any warnings.

    Order: size limit, gzip, binary sniffing, BOM, declared charset (used only
    when the bytes really decode with it), strict UTF-8, then statistical
    detection with charset-normalizer.
    """
    warnings: list[str] = []
    if len(data) > max_bytes:
        raise LimitExceededError(f"input exceeds max_input_bytes={max_bytes}")
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gunzip(data, max_decompressed)
        except zlib.error as exc:
            raise BinaryInputError(f"corrupt gzip data: {exc}") from exc
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"binary input ({kind}), not a page")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), warnings
    declared = declared_charset(data)
    for codec in (c for c in (declared, "utf-8") if c is not None):
        try:
            return data.decode(codec), warnings
        except (UnicodeDecodeError, LookupError):
            if codec == declared:
                warnings.append(f"charset: declared {declared} does not decode the bytes")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        warnings.append(f"charset: detected {best.encoding}")
        return data.decode(best.encoding, errors="replace"), warnings
    warnings.append("charset: undetectable, decoded as UTF-8 with replacements")
    return data.decode("utf-8", errors="replace"), warnings
