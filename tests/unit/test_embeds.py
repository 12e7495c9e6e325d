from __future__ import annotations

from newsclean.text.embeds import cut_embeds


def test_tweet_signature_and_text_are_cut() -> None:
    text = (
        "The minister spoke at length about the reform and its consequences for everyone involved. "
        "🔥 Big news today #Reform @Gov pic.twitter.com/AbC123 — Some Agency (@agency) March 3, 2024 × "
        "The debate continued in parliament."
    )
    cleaned, spans = cut_embeds(text)
    assert "#Reform" not in cleaned and "@agency" not in cleaned
    assert "everyone involved." in cleaned and "The debate continued" in cleaned
    [span] = spans
    assert span.embed.handle == "@agency" and span.embed.url == "pic.twitter.com/AbC123"
    assert span.embed.date == "2024-03-03" and span.embed.author == "Some Agency"


def test_text_without_signature_is_untouched() -> None:
    text = "Officials (@ the ministry) met on March 3, 2024 — no post here."
    assert cut_embeds(text) == (text, [])
