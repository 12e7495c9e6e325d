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


def test_each_output_line_keeps_its_link_share_bullet_heading_and_urls() -> None:
    text = (
        "# [Council votes to rebuild the wall](https://news.example.org/wall)\n"
        "  * [Home](https://news.example.org/) and more\n"
        "The council met on [Tuesday](https://news.example.org/tuesday) to vote on the wall.\n"
        "## [Another story](https://news.example.org/other \"title\")\n"
        "1\\. Not a list item, and [a link](https://x.example/a)"
    )
    result = unmark(text)
    assert len(result.lines) == len(result.text.split("\n")) == 5
    headline, menu, prose, teaser, escaped = result.lines
    assert headline.heading == 1 and headline.link_share == 1.0
    assert menu.bullet and menu.urls == ("https://news.example.org/",) and menu.link_chars == 4 and menu.chars == 11
    assert not prose.bullet and prose.heading == 0 and prose.link_share < 0.2
    assert teaser.heading == 2 and teaser.urls == ("https://news.example.org/other",)
    assert not escaped.bullet and escaped.urls == ("https://x.example/a",)


def test_a_label_of_punctuation_or_markers_reads_as_before() -> None:
    # "[# Heading words](url)" still reads as a heading, "[___](url)" as a rule: the marks wrap words only.
    text = "[# Jėzus Kristus](https://a.example/x)\n\n[____](https://a.example/y)\n\n" + "[a](b) " * 3
    result = unmark(text)
    assert result.text.split("\n")[:3] == ["Jėzus Kristus", "", ""]
    assert result.lines[0].heading == 1 and result.lines[0].link_share == 1.0
    assert result.lines[2].link_chars == 0


def test_plain_text_has_no_line_marks() -> None:
    assert unmark("A plain dump.\nWith two lines.").lines == []


def test_a_heading_inside_a_list_item_loses_its_hashes_and_stays_an_item() -> None:
    # html2text prints an <h1> inside a breadcrumb's last <li> as "3.   4. #  Headline" and a teaser
    # list's <h2> as "* ## Teaser": the "#"s must not reach the text (they became part of a headline).
    text = (
        "  1. [Home](https://a.example/)\n"
        "  3.   4. #  Cooling towers of the old plant demolished \n"
        "* ## [Another story](https://a.example/other)\n"
        "The towers fell on [Saturday](https://a.example/sat)."
    )
    result = unmark(text)
    assert result.text.split("\n") == [
        "  1. Home",
        "  3.   4. Cooling towers of the old plant demolished",
        "* Another story",
        "The towers fell on Saturday.",
    ]
    assert result.lines[1].bullet and result.lines[1].heading == 0
    assert result.lines[2].bullet and result.lines[2].urls == ("https://a.example/other",)
