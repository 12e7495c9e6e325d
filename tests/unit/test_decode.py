from __future__ import annotations

import gzip

import pytest

from newsclean.decode import declared_charset, decode_bytes, gunzip, repair_text, sniff_binary
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


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis"),
        (b"<META CONTENT='text/html; charset=euc-kr' HTTP-EQUIV=content-type>", "euc_kr"),
        (b"<meta charset=utf8>", "utf-8"),
        (b'<meta charset="no-such-codec">', None),
        (b"<p>charset=koi8-r is mentioned in prose, not declared</p>", None),
    ],
)
def test_declared_charset_reads_every_declaration_form(head: bytes, expected: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head><body>x</body></html>") == expected


def test_xml_declaration_counts_only_at_the_start() -> None:
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?>\n<html></html>') == "iso8859-2"


def test_declaration_after_a_long_head_is_found_within_the_window() -> None:
    head = b"<html><head><script>" + b"var a = 1;" * 250 + b"</script><meta charset=windows-1250>"
    assert len(head) > 2048
    assert declared_charset(head) == "cp1250"


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


def test_input_over_max_input_bytes_is_cut_with_a_warning_naming_the_limit() -> None:
    text, warnings = decode_bytes(b"a" * 101, max_bytes=100, max_decompressed=1000)
    assert text == "a" * 100
    assert warnings == [
        "limit max_input_bytes=100: input longer than the limit; only its first 100 bytes were cleaned"
    ]


def test_a_cut_inside_a_multibyte_character_drops_only_that_character() -> None:
    data = ("Привет " * 20).encode()  # two bytes per Cyrillic letter
    text, warnings = decode_bytes(data, max_bytes=50, max_decompressed=1000)
    assert text == data[:49].decode()  # byte 50 is half a letter: dropped, not detected as another charset
    assert len(warnings) == 1 and "max_input_bytes=50" in warnings[0]


def test_gzip_bomb_is_cut_at_max_decompressed_bytes() -> None:
    bomb = gzip.compress(b" " * 50_000_000)  # about 50 kB that inflates to 50 MB
    text, warnings = decode_bytes(bomb, max_bytes=10_000_000, max_decompressed=1_000_000)
    assert len(text) == 1_000_000
    assert any(w.startswith("limit max_decompressed_bytes=1000000:") for w in warnings)


def test_gunzip_refuses_oversized_output_for_whole_document_callers() -> None:
    bomb = gzip.compress(b"a" * 1_000_000)
    with pytest.raises(LimitExceededError, match="max_decompressed_bytes"):
        gunzip(bomb, 10_000)
    assert gunzip(bomb, 1_000_000) == b"a" * 1_000_000


def test_truncated_gzip_yields_what_it_held_with_a_warning() -> None:
    packed = gzip.compress(("Ein Satz über Köln. " * 2000).encode())
    text, warnings = decode_bytes(packed[: len(packed) // 2], **LIMITS)
    assert text.startswith("Ein Satz über Köln.") and 0 < len(text) < 40_000
    assert any("truncated" in w for w in warnings)


def test_concatenated_gzip_members_are_all_read() -> None:
    text, _ = decode_bytes(gzip.compress(b"first part, ") + gzip.compress(b"second part"), **LIMITS)
    assert text == "first part, second part"


def test_corrupt_gzip_is_a_binary_input_error() -> None:
    with pytest.raises(BinaryInputError, match="corrupt gzip"):
        decode_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64, **LIMITS)


def test_latin1_declared_as_utf8_keeps_every_accent() -> None:
    page = '<meta charset="utf-8"><p>Très grand budget à Noël pour les écoles, déjà voté; garçon, où êtes-vous?</p>'
    text, warnings = decode_bytes((page * 3).encode("latin-1"), **LIMITS)
    assert "Très grand budget à Noël" in text and "garçon, où êtes-vous" in text
    # One warning for the wrong declaration (not one per attempt), then the detection.
    assert warnings == ["charset: declared utf-8 does not decode the bytes", "charset: detected cp1252"]


def test_utf16_without_bom_is_decoded_not_refused() -> None:
    page = "<html><body><p>Plain words in UTF-16 without a byte-order mark.</p></body></html>"
    for codec in ("utf-16-le", "utf-16-be"):
        text, warnings = decode_bytes(page.encode(codec), **LIMITS)
        assert text == page
        assert warnings == [f"charset: {codec} without byte-order mark"]


def test_nul_bytes_become_line_breaks_with_a_warning() -> None:
    text, warnings = decode_bytes(b"One\x00 two\x00\x00 three, and a sentence of ordinary words.", **LIMITS)
    assert text == "One\n two\n three, and a sentence of ordinary words."
    assert warnings == ["input: replaced 3 NUL characters with line breaks"]


def test_double_encoded_utf8_is_repaired_and_clean_text_untouched() -> None:
    mojibake = "Le ministre a annoncé un budget pour les écoles – mardi".encode().decode("latin-1")
    text, warnings = repair_text(mojibake)
    assert text == "Le ministre a annoncé un budget pour les écoles – mardi"
    assert warnings == ["charset: repaired double-encoded UTF-8 (mojibake)"]
    clean = "Ã is a letter in Portuguese names like São; Ð in Icelandic"
    assert repair_text(clean) == (clean, [])


def test_cp1251_shift_jis_and_gb18030_without_declaration() -> None:
    samples = {
        "cp1251": "Министр объявил новый бюджет для школ во вторник, сообщили чиновники. ",
        "shift_jis": "大臣は火曜日に学校の新しい予算を発表したと当局者が語った。",
        "gb18030": "部长周二宣布了学校的新预算，官员们说。",
    }
    for codec, sentence in samples.items():
        text, warnings = decode_bytes((sentence * 4).encode(codec), **LIMITS)
        assert text == sentence * 4, codec
        assert len(warnings) == 1 and warnings[0].startswith("charset: detected"), codec


def test_utf8_page_with_a_latin1_paragraph_keeps_both() -> None:
    data = "<p>Le conseil a approuvé le pont, déclaré « urgent ».</p>".encode()
    data += "<p>Écrit à la main.</p>".encode("latin-1")
    text, warnings = decode_bytes(data, **LIMITS)
    assert "approuvé le pont, déclaré « urgent »" in text and "Écrit à la main." in text
    assert warnings == ["charset: mixed encodings; 2 bytes that are not UTF-8 read as cp1252"]
