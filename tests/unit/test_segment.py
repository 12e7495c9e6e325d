from __future__ import annotations

from newsclean.text.segment import iter_blocks, split_close_glyphs, split_sentences


def test_wrapped_banner_lines_merge_into_sentences() -> None:
    text = "We use\ncookies\nWe use cookies to make\nyour experience on this\nwebsite better.\nAccept"
    assert [b.text for b in iter_blocks(text)] == [
        "We use cookies",
        "We use cookies to make your experience on this website better.",
        "Accept",
    ]


def test_single_word_list_items_stay_apart() -> None:
    assert [b.text for b in iter_blocks("Share\nfacebook\ntelegram")] == ["Share", "facebook", "telegram"]


def test_byline_label_joins_the_name_line() -> None:
    assert [b.text for b in iter_blocks("By\nTHE ASSOCIATED PRESS\n\nText.")] == ["By THE ASSOCIATED PRESS", "Text."]


def test_close_glyph_splits_but_multiplication_does_not() -> None:
    assert split_close_glyphs("Watch | Where did it happen? × Many leaders met 3 × 4 times.") == [
        "Watch | Where did it happen?",
        "Many leaders met 3 × 4 times.",
    ]


def test_sentences_respect_abbreviations_and_split_caps_promos() -> None:
    text = "He met Dr. Smith in St. Petersburg. WATCH LIVE HERE You can join us. Done!"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He met Dr. Smith in St. Petersburg.",
        "WATCH LIVE HERE",
        "You can join us.",
        "Done!",
    ]
