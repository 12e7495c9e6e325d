from __future__ import annotations

from newsclean.text.markdown import is_markdown, unmark


def test_links_images_headings_and_emphasis_become_plain_text() -> None:
    text = (
        "  * [ Television ](https://example.org/hub/television)\n"
        "## Big **news** today\n\n"
        "* * [![Nach einer \\(l.\\) Zeit.](https://img.example.org/a.jpg)Risiko-Frage](https://example.org/y)\n"
        "Some _text_ with a [link](http://a.example/c \"title\") and 1\\. escaped \\- dash.\n"
        "* * *\n"
        "> quoted *word* here\n"
        "[Share](whatsapp://send?text=Two words here) ![alt text](img.png)"
    )
    result = unmark(text)
    assert result.text.split("\n") == [
        "  * Television",
        "Big news today",
        "",
        "* Risiko-Frage",
        "Some text with a link and 1. escaped - dash.",
        "",
        "quoted word here",
        "Share ",
    ]
    assert result.images == ["Nach einer \\(l.\\) Zeit.", "alt text"]


def test_plain_text_passes_through() -> None:
    text = "He cited [1] and [2] in the report (see page 4).\n* A list item with *stars* kept as is"
    assert not is_markdown(text)
    assert unmark(text).text == text
