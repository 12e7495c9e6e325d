from __future__ import annotations

import textwrap

from newsclean.text.unwrap import _overrun, strip_placeholders, unwrap, wrap_width

_PARAGRAPHS = [
    "The city council approved the new budget for the harbour district on Tuesday after a debate that "
    "lasted well into the night, with members of both groups arguing over the cost of the new quay.",
    "The plan includes money for dredging, a new ferry terminal and repairs to the old sea wall, which "
    "engineers said last year was at risk of collapse during winter storms if nothing was done soon.",
    "Opponents said the city could not afford the project while schools and roads also needed money.",
] * 4


def test_wrapped_paragraphs_are_joined_and_list_items_stay_apart() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 78) for p in _PARAGRAPHS) + "\n\n* Home\n* News\n* Sport"
    assert wrap_width(wrapped.split("\n")) in range(70, 79)
    assert unwrap(wrapped) == "\n\n".join(_PARAGRAPHS) + "\n\n* Home\n* News\n* Sport"


def test_unwrapped_dump_is_left_alone() -> None:
    text = "\n\n".join(_PARAGRAPHS)
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text


def test_a_menu_heavy_dump_is_still_seen_as_wrapped() -> None:
    """A text browser's dump of a news page is mostly short menu lines; its long lines still stop at one width."""
    menu = "\n".join(f"Section {n}" for n in range(120))
    wrapped = menu + "\n\n" + "\n\n".join(textwrap.fill(p, 79) for p in _PARAGRAPHS)
    assert wrap_width(wrapped.split("\n")) is not None
    assert unwrap(wrapped).endswith("\n\n".join(_PARAGRAPHS))


def test_a_line_after_a_joined_paragraph_is_judged_on_the_printed_line() -> None:
    """w3m prints a caption and a teaser headline with no blank line between them."""
    caption = textwrap.fill(_PARAGRAPHS[0], 79)
    headline = "Judge rules the harbour plan can go ahead"
    text = "\n\n".join(textwrap.fill(p, 79) for p in _PARAGRAPHS) + f"\n\n{caption}\n{headline}"
    assert unwrap(text).endswith(f"{_PARAGRAPHS[0]}\n{headline}")


def test_short_lines_that_happen_to_be_long_are_not_a_wrap() -> None:
    """A dump whose paragraphs are all short: its longest lines are followed by words that would have fitted."""
    topics = ["the plan", "the new harbour budget", "the ferry", "the sea wall repairs", "roads"]
    lines = []
    for n in range(40):
        lines.append(f"Item {n}: the committee met on Tuesday to review {topics[n % 5]}")
        lines.append("It was approved.")
    text = "\n".join(lines)
    assert wrap_width(text.split("\n")) is None


def test_wide_scripts_are_measured_in_columns_and_joined_without_a_space() -> None:
    """w3m wraps Korean and Japanese at 80 columns, two per character, anywhere in a word."""
    sentence = "더불어민주당 지도부가 전당대회 당대표 선거에 선호투표제를 도입하는 방안을 논의했으나 결론을 못 냈다."
    paragraph = sentence * 3
    printed: list[str] = []
    line = ""
    for char in paragraph:
        if len(line) + len(char) + sum(1 for c in line if c != " ") > 79:
            printed.append(line)
            line = ""
        line += char
    printed.append(line)
    text = "\n\n".join(["\n".join(printed)] * 12)
    assert wrap_width(text.split("\n")) is not None
    assert unwrap(text).split("\n\n")[0].replace(" ", "") == paragraph.replace(" ", "")


def test_text_browser_placeholders_go_and_brackets_of_text_stay() -> None:
    """w3m prints an image's file name in brackets, lynx its buttons as "(BUTTON)" (fp-dev w3m and lynx dumps)."""
    text = (
        "[icon_arrow] Sie lesen gerade auf die zweitbeste Art!\n"
        "[logo-euronews-180x22-gre]ADVERTISEMENT\n"
        "(BUTTON) Cookie Settings\n"
        "He said [sic] that Reuters [1] saw a [COVID-19](https://example.org/covid-19) report ![img_1](a.png)."
    )
    cleaned, removed = strip_placeholders(text)
    assert cleaned == (
        " Sie lesen gerade auf die zweitbeste Art!\nADVERTISEMENT\nCookie Settings\n"
        "He said [sic] that Reuters [1] saw a [COVID-19](https://example.org/covid-19) report ![img_1](a.png)."
    )
    assert removed == ["[icon_arrow]", "[logo-euronews-180x22-gre]", "(BUTTON)"]


def test_wide_scripts_wrapped_by_characters_at_spaces() -> None:
    """lynx counts a Korean line's characters, not its columns, and breaks it at a space."""
    sentence = "더불어민주당 지도부가 전당대회 당대표 선거에 선호투표제를 도입하는 방안을 논의했으나 결론을 못 냈다. "
    paragraph = (sentence * 4).strip()
    text = "\n\n".join([textwrap.fill(paragraph, 74)] * 12)
    assert wrap_width(text.split("\n")) is None  # not wrapped at any width in columns
    assert unwrap(text).split("\n\n")[0] == paragraph


def test_a_dump_of_paragraphs_longer_than_any_wrap_width_is_left_as_it_is() -> None:
    paragraph = "The council voted on Tuesday to raise the harbour ferry fares from spring, " * 3
    lines = [paragraph.strip(), "Short label", ""] * 8
    assert _overrun(lines)
    assert unwrap("\n".join(lines)) == "\n".join(lines)
    # A line past the width that may overflow (a URL) does not count against a wrapped dump.
    assert not _overrun(["https://example.org/" + "a" * 120, *["word " * 14] * 30])
