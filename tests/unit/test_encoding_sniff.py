"""The encoding decisions in the HTML standard's order (issue 18, item 17), one test per reported case."""

from __future__ import annotations

import codecs

import pytest

from newsclean.decode import decode_bytes
from newsclean.encoding_sniff import detect_charset

LIMITS = {"max_bytes": 10_000_000, "max_decompressed": 10_000_000}

#: French in a text dump, as a cp1252 file holds it: charset-normalizer's best
#: match for these bytes is the Baltic DOS page cp775 ("Cafķ na’ve").
FRENCH_DUMP = "Title: Café naïve\nBy Jane Doe\n\nA café in the city centre has closed. The naïve plan failed.\n"
GREEK = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία και την ανάπτυξη της χώρας."
RUSSIAN = "Правительство объявило сегодня новые меры для экономики и развития страны. "


@pytest.mark.parametrize(
    "dump", [FRENCH_DUMP, "Café naïve — “quoted” text ‘single’ … end", "Café naïve\n" + "Plain English. " * 20]
)
def test_a_cp1252_dump_is_read_as_cp1252_not_a_rare_code_page(dump: str) -> None:
    text, warnings = decode_bytes(dump.encode("cp1252"), **LIMITS)
    assert text == dump
    assert warnings == ["charset: detected cp1252"]  # a guess is always reported


def test_the_language_still_decides_between_common_encodings() -> None:
    assert detect_charset((RUSSIAN * 3).encode("cp1251")) == "cp1251"
    text, _ = decode_bytes(("Prägnant: Grüße aus Köln, schöne Straße. " * 4).encode("cp1252"), **LIMITS)
    assert "Grüße aus Köln" in text


@pytest.mark.parametrize("pad", [b"", b" "])  # the bug showed on even byte lengths only
@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be"])
def test_a_meta_declaring_utf16_on_an_ascii_page_is_read_as_utf8(label: str, pad: bytes) -> None:
    page = f'<html><head><meta charset="{label}"><title>Plain</title></head><body><p>ASCII page.</p></body></html>'
    text, warnings = decode_bytes(page.encode("ascii") + pad, **LIMITS)
    assert text.rstrip() == page
    assert warnings == []  # the standard's own reading: nothing was guessed


def test_a_utf8_bom_before_cp1252_bytes_is_ignored_not_trusted() -> None:
    page = "<html><head><title>Café</title></head><body><p>Le café est très bon à Paris, où les élèves étudient.</p>"
    text, warnings = decode_bytes(codecs.BOM_UTF8 + page.encode("cp1252"), **LIMITS)
    assert text == page and "\ufffd" not in text
    assert warnings[0] == "charset: utf-8 byte-order mark on bytes that are not utf-8; ignored"
    assert "charset: detected cp1252" in warnings


def test_a_utf8_bom_before_utf8_is_still_read_silently() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Grüße".encode(), **LIMITS) == ("Grüße", [])


def test_valid_utf8_greek_declared_windows_1251_is_read_as_utf8() -> None:
    page = f'<html><head><meta charset="windows-1251"><title>Νέα</title></head><body><p>{GREEK}</p></body></html>'
    text, warnings = decode_bytes(page.encode("utf-8"), **LIMITS)
    assert text == page
    assert warnings == ["charset: declared cp1251, but the bytes are valid UTF-8; read as UTF-8"]


def test_a_true_windows_1251_declaration_is_still_followed() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    assert decode_bytes(page.encode("cp1251"), **LIMITS) == (page, [])


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-16-le"])
def test_cyrillic_utf16_without_bom_is_decoded_not_refused_as_binary(codec: str) -> None:
    dump = RUSSIAN * 5
    text, warnings = decode_bytes(dump.encode(codec), **LIMITS)
    assert text == dump
    assert warnings == [f"charset: {codec} without byte-order mark"]


def test_a_latin1_label_is_read_as_windows_1252_as_browsers_do() -> None:
    page = '<meta charset="iso-8859-1"><p>\x93Quoted\x94 \x96 dash, café</p>'.encode("latin-1")
    text, warnings = decode_bytes(page, **LIMITS)
    assert "“Quoted” – dash, café" in text and warnings == []


def test_replaced_characters_are_always_reported() -> None:
    # UTF-16-LE text with one unpaired surrogate: decodable only with a replacement.
    data = ("Plain words in a UTF-16 dump without a byte-order mark. " * 4).encode("utf-16-le") + b"\x00\xd8A\x00"
    text, warnings = decode_bytes(data, **LIMITS)
    assert "\ufffd" in text
    assert any("replaced with U+FFFD" in w for w in warnings), warnings


def test_binary_data_with_nuls_is_still_refused() -> None:
    from newsclean.errors import BinaryInputError

    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(256)) * 16, **LIMITS)
