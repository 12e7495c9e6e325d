"""A year alone is no publication date (issue 18, item 15).

htmldate's extensive search guesses a year from any four-digit number in the
text and returns 1 January of it: "The bridge carries 1995 cars a day" used
to give ``published: 1995-01-01``. A date needs a month and a day from the
page or its URL.
"""

from __future__ import annotations

import pytest

import newsclean

_SENTENCES = (
    "The bridge carries 1995 cars a day. It was opened long ago and needs repair, officials said on a visit.",
    "Room 2019 was closed. The council will meet again to discuss the repair works and their cost for the town.",
)


def _page(extra: str = "") -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in _SENTENCES)
    head = "<html><head><title>Bridge</title></head>"
    return f"{head}<body>{extra}<article><h1>Bridge news</h1>{paragraphs}</article></body></html>"


@pytest.mark.parametrize("url", ["https://example.org/news/bridge", "https://example.org/2019/bridge"])
def test_numbers_in_the_text_give_no_date(url: str) -> None:
    record = newsclean.clean(_page(), url=url)
    assert record.published is None
    assert "cars a day" in record.text


def test_a_copyright_year_gives_no_date() -> None:
    record = newsclean.clean(_page("<footer>© 2015 Example Press</footer>"), url="https://example.org/news/bridge")
    assert record.published is None


def test_the_url_day_still_dates_such_a_page() -> None:
    record = newsclean.clean(_page(), url="https://example.org/2019/05/14/bridge")
    assert record.published is not None and record.published.startswith("2019-05-14")


def test_a_text_dump_with_bare_years_has_no_date() -> None:
    record = newsclean.clean("Bridge news\n\n" + "\n\n".join(_SENTENCES), url="https://example.org/x")
    assert record.published is None
