from __future__ import annotations

import gzip

import pytest

from newsclean.decode import decode_bytes, gunzip, sniff_binary
from newsclean.errors import BinaryInputError, LimitExceededError

LIMITS = {"max_bytes": 10_000_000, "max_decompressed": 10_000_000}


def test_gzip_is_opened_transparently() -> None:
    text, warnings = decode_bytes(gzip.compress("Grüße aus Köln".encode()), **LIMITS)
    assert text == "Grüße aus Köln"
    assert warnings == []


def test_declared_charset_is_used_when_it_decodes() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Привет мир</body></html>'
    text, _ = decode_bytes(page.encode("cp1251"), **LIMITS)
    assert "Привет мир" in text


def test_wrong_declared_charset_falls_back_with_warning() -> None:
    page = '<meta charset="ascii"><p>Café crème</p>'.encode()
    text, warnings = decode_bytes(page, **LIMITS)
    assert "Café crème" in text
    assert any("ascii" in w for w in warnings)


def test_latin1_without_declaration_is_detected() -> None:
    body = ("Le gouvernement français a annoncé une réforme très attendue des retraites. " * 5).encode("latin-1")
    text, warnings = decode_bytes(body, **LIMITS)
    assert "français" in text and "réforme" in text
    assert warnings


@pytest.mark.parametrize(
    "data,kind",
    [(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"), (b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04rest", "ZIP")],
)
def test_binary_files_are_refused(data: bytes, kind: str) -> None:
    assert kind in (sniff_binary(data) or "")
    with pytest.raises(BinaryInputError, match=kind):
        decode_bytes(data, **LIMITS)


def test_size_limits() -> None:
    with pytest.raises(LimitExceededError, match="max_input_bytes"):
        decode_bytes(b"a" * 101, max_bytes=100, max_decompressed=1000)
    bomb = gzip.compress(b"a" * 1_000_000)
    with pytest.raises(LimitExceededError, match="max_decompressed_bytes"):
        gunzip(bomb, 10_000)
