"""Consent, subscription, comment-form and licence wording is noise in many phrasings.

Sentences from the dev renders' footers (each phrase is seen on two
unrelated sites: see lexicons/provenance), beside news prose that talks
about the same things and must stay content.
"""

from __future__ import annotations

import pytest

from newsclean.text.lexicon import Lexicon

LEXICON = Lexicon.load()


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("These cookies will be stored in your browser only with your consent.", "cookie"),
        ("But opting out of some of these cookies may have an effect on your browsing experience.", "cookie"),
        ("This category only includes cookies that ensures basic functionalities of the website.", "cookie"),
        ("Wenn du die Website weiterhin nutzt, stimmst du der Verwendung von Cookies zu.", "cookie"),
        ("Mit der Nutzung unserer Dienste sind Sie einverstanden, dass wir Cookies verwenden.", "cookie"),
        ("Używamy informacji zapisanych za pomocą cookies i podobnych technologii.", "cookie"),
        ("Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und Benachrichtigungen zu erhalten.", "newsletter"),
        ("Your email address will not be published.", "comments"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comments"),
        ("Benachrichtige mich über nachfolgende Kommentare via E-Mail.", "comments"),
        ("Boing Boing is published under a Creative Commons license except where otherwise noted.", "legal"),
    ],
)
def test_footer_wording_is_noise(sentence: str, category: str) -> None:
    assert LEXICON.match_phrase(sentence) == category


@pytest.mark.parametrize(
    "sentence",
    [
        "Regulators fined the firm because its cookies were stored on users' devices without consent.",
        "The bakery said the cookies are stored in a cool, dry room before delivery.",
        "Die Behörde lehnt Creative-Commons-Lizenzen in der Verwaltung bis heute ab.",
        "The reporter said her email address was published in a leaked list.",
    ],
)
def test_prose_about_the_same_things_is_content(sentence: str) -> None:
    assert LEXICON.match_phrase(sentence) is None
