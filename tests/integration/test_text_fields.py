"""Headline, date and authors read from plain-text dumps of real pages (fp-dev, both renders).

Each fixture is one dev page's two renders (BeautifulSoup's ``get_text`` and
inscriptis) with its URL and gold fields. The pages show the shapes of a
dump's header the text path has to read as one structure:

- OttawaCitizen: share rows, a paywall notice and menus push the header
  (headline, "By ...", "Published ...") about 45 lines above the first
  paragraph, and the headline is printed four times on the page;
- WashingtonPost, iNews, ZDF: the standfirst under the headline retells the
  first paragraph and outscores the headline on shared words; the byline is
  a bare name under "By" / "von";
- Aftonbladet: the byline is a bare name beside an update-time line, and no
  line holds the day: it is only found by searching the whole text
  (htmldate).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.explain import explain
from tests.header_pages import key as _key
from tests.header_pages import load

FIELDS = Path(__file__).resolve().parents[1] / "fixtures" / "text_fields"
NAMES = sorted(p.name[: -len(".json")] for p in FIELDS.glob("*.json"))


def _load(name: str, render: str) -> tuple[dict[str, object], str]:
    return load(name, render, FIELDS)


def test_fixture_set_is_present() -> None:
    assert len(NAMES) == 5


@pytest.mark.parametrize("render", ["soup", "inscriptis"])
@pytest.mark.parametrize("name", NAMES)
def test_header_fields_from_the_dump(name: str, render: str) -> None:
    meta, text = _load(name, render)
    gold = meta["gold"]
    assert isinstance(gold, dict)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key(gold["title"])
    assert article.published is not None and article.published[:10] == gold["date"]
    assert {_key(a) for a in article.authors} == {_key(a) for a in gold["authors"]}
    # The header's lines leave the body: the headline is not its first paragraph.
    assert not article.text.startswith(str(gold["title"]))


def test_explain_names_the_lines_that_gave_each_field() -> None:
    meta, text = _load("OttawaCitizen", "soup")
    explanation = explain(text, input_format="text", url=str(meta["url"]))
    sources = {found.name: found.sources for found in explanation.fields}
    assert sources == {
        "title": ('"IRCC gave up office space in January. Now, it can\'t accommodate RTO-4"',),
        "published": ('"Published May 25, 2026"',),
        "authors": ('"By Ben Andrews"',),
    }
    assert explanation.fields[0].value == explanation.article.title


def test_explain_says_when_the_date_came_from_a_search_of_the_text() -> None:
    meta, text = _load("Aftonbladet", "soup")
    explanation = explain(text, input_format="text", url=str(meta["url"]))
    sources = {found.name: found.sources for found in explanation.fields}
    assert sources["published"] == ("htmldate",)
    assert sources["authors"] == ('"Amanda Hällsten"',)


def test_a_dump_without_url_still_reads_its_header() -> None:
    """The slug is evidence, not a requirement: without it the header's shape still finds the fields."""
    _, text = _load("OttawaCitizen", "soup")
    article = newsclean.clean(text, input_format="text")
    assert article.title == "IRCC gave up office space in January. Now, it can't accommodate RTO-4"
    assert article.published == "2026-05-25"
    assert article.authors == ["Ben Andrews"]


_SWAPPED_DUMP = """Home
World
Politics
Ministers agree on new budget rules after a long night in Brussels
By Jane Roe
06/01/2026 13:55
Finance ministers of the member states agreed on Tuesday on a set of new budget rules, ending months of talks \
that had split the north and the south of the union over how quickly debt must come down.
The rules give governments more time to reduce their deficits if they invest in defence and energy, a \
demand pressed by the southern members, while the northern members won a minimum yearly cut.
The agreement still needs the approval of the parliament, which is expected to vote on it in the spring \
before the rules take effect for next year's budgets.
"""


def test_a_numeric_date_read_in_the_wrong_order_follows_the_url() -> None:
    """06/01/2026 reads as June 1 in an English dump; the address says January 6, and the time stays."""
    url = "https://news.example.com/2026/01/06/ministers-agree-budget-rules-brussels/"
    article = newsclean.clean(_SWAPPED_DUMP, url=url, input_format="text")
    assert article.title == "Ministers agree on new budget rules after a long night in Brussels"
    assert article.published is not None and article.published.startswith("2026-01-06T13:55")
    assert article.authors == ["Jane Roe"]
    without_url = newsclean.clean(_SWAPPED_DUMP, input_format="text")
    assert without_url.published is not None and without_url.published.startswith("2026-06-01T13:55")
