from __future__ import annotations

from newsclean.text.line_ends import is_bulleted
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


def test_japanese_sentence_broken_at_links_is_rejoined_without_spaces() -> None:
    # Inline links (an agency, two prefectures) put on their own lines by a renderer.
    text = (
        "速報\n気象庁\nは13日、地震があったと発表した。この地震で、気象庁は\n"
        "高知県\nと\n宮崎県\nに注意報を出した。\n各地の震度は次のとおり。"
    )
    blocks = iter_blocks(text)
    assert [b.text for b in blocks] == [
        "速報",
        "気象庁は13日、地震があったと発表した。この地震で、気象庁は高知県と宮崎県に注意報を出した。",
        "各地の震度は次のとおり。",
    ]


def test_japanese_menu_lines_stay_apart() -> None:
    blocks = iter_blocks("北海道\n青森\n秋田\n岩手")
    assert [b.text for b in blocks] == ["北海道", "青森", "秋田", "岩手"]


def test_japanese_subheading_ending_in_a_particle_stays_a_heading() -> None:
    blocks = iter_blocks("停電や道路寸断、課題解決へ\n警察では、警察無線だけではなく回線も確保している。")
    assert len(blocks) == 2


def test_sentence_broken_at_every_link_is_one_block() -> None:
    text = (
        "Sweden\nand\nFinland\nhave told millions of citizens how to be prepared.\n\n"
        "It comes just hours after\nUS\nallowed\nUkraine to use its long-range weapons\nto strike inside Russia.\n\n"
        "Terms of use\nPrivacy\nDonate\nBecome\na member\nThe mayor said the plan was a success."
    )
    assert [b.text for b in iter_blocks(text)] == [
        "Sweden and Finland have told millions of citizens how to be prepared.",
        "It comes just hours after US allowed Ukraine to use its long-range weapons to strike inside Russia.",
        "Terms of use",
        "Privacy",
        "Donate",
        "Become",
        "a member",
        "The mayor said the plan was a success.",
    ]


def test_list_items_are_told_from_text() -> None:
    assert is_bulleted("* Home") and is_bulleted("- News") and is_bulleted("o Sport")
    assert not is_bulleted("Home") and not is_bulleted("-5 degrees tonight") and not is_bulleted("on Monday")


def test_line_ending_in_an_opening_bracket_goes_on() -> None:
    text = (
        "Police officers on duty can also commit the offence (\nArt. 90 para. 3 RTA\n) when they race through "
        "a town at night.\n\nCourt rulings (\n2024\n)\n\nReading list:\nBooks"
    )
    assert [b.text for b in iter_blocks(text)] == [
        "Police officers on duty can also commit the offence ( Art. 90 para. 3 RTA ) when they race through "
        "a town at night.",
        "Court rulings ( 2024 )",
        "Reading list:",
        "Books",
    ]


def test_a_lone_quote_mark_or_a_smiley_does_not_join_the_next_line() -> None:
    assert [b.text for b in iter_blocks("„\nJane Doe, minister\n\nWhat a pity m(\nReply")] == [
        "„",
        "Jane Doe, minister",
        "What a pity m(",
        "Reply",
    ]


def test_sentence_broken_at_links_without_lower_case_fragment_is_one_block() -> None:
    # Written after two dev pages (an Austrian blog, a family blog): the fragments start in upper case or with
    # the punctuation glued to a link, and a line ends where a sentence cannot ("die", a dash).
    text = (
        "Die “Krone” zitiert heute meinen\nTweet\n“Wien ist zu blöd. Muss man so hinnehmen.” (Hier die\n"
        "Online-Version\n.)\n\n"
        "Es ist schon einige Zeit her, als Henry auf die Welt kam –\nNummer eins\n. Vor ein paar Tagen kam Leo.\n\n"
        "Details\n[\nedit\n]"
    )
    assert [b.text for b in iter_blocks(text)] == [
        "Die “Krone” zitiert heute meinen Tweet “Wien ist zu blöd. Muss man so hinnehmen.” (Hier die Online-Version .)",
        "Es ist schon einige Zeit her, als Henry auf die Welt kam – Nummer eins . Vor ein paar Tagen kam Leo.",
        "Details",
        "[",
        "edit ]",
    ]


def test_sentence_ending_on_a_bare_address_and_quoted_link_title_is_one_block() -> None:
    text = (
        "Die Tagung findet online statt; das Projekt\n„Faktor 112“\nwird daran teilnehmen. Infos unter\n"
        "http://www.example.org/\n\nBeitrag teilen:"
    )
    assert [b.text for b in iter_blocks(text)] == [
        "Die Tagung findet online statt; das Projekt „Faktor 112“ wird daran teilnehmen. Infos unter http://www.example.org/",
        "Beitrag teilen:",
    ]
