"""Classes of header a plain-text dump prints, each reproduced by a real page (fp-dev, both renders).

- MitteldeutscheZeitung: the address's folders name the section
  ("/deutschland-und-welt/politik/"), and the menu prints it as a label
  that matched them as well as the headline matches the story slug; the
  kicker ("Bei Protesten 2022") sits on its own line above the headline
  (soup) or on the headline's line with a space (inscriptis), and the page
  prints the title joined with a colon in its breadcrumb.
- Tagesschau: kicker and headline on two lines over the article; the page
  prints "Kicker: Headline" once, far above, as its title bar.
- BerlinerMorgenpost: a section folder in the address ("/ratgeber-wissen/")
  made the menu's section label outscore the headline.
- TheProvince: the headline is printed again over a video next to the
  text; the byline ("Author of the article:" and a name) is under its
  first printing, far above the article.

Bylines:

- SRF: a label line ("Autor:") over a line naming two writers and a place
  ("Monika Bolliger und Anna Trechsel, Sweidah"), too long for one name.
- RheinischePost (soup): the region starts at the lead photo's caption;
  "Von Sina Zehrfeld" follows the photo credit, inside the region's first blocks.
- IsolezweLesiXhosa (soup): a bare name, then a separator line ("|"), then
  "Published" / "1 day ago".
- NetzpolitikOrg (inscriptis): the label inside a part of the date line
  ("Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr - 12 Ergänzungen").
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.explain import explain
from tests.header_pages import gold as _gold
from tests.header_pages import key as _key
from tests.header_pages import load as _load


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("MitteldeutscheZeitung", "soup"),
        ("MitteldeutscheZeitung", "inscriptis"),
        ("Tagesschau", "soup"),
        ("Tagesschau", "inscriptis"),
        ("BerlinerMorgenpost", "soup"),
    ],
)
def test_title_is_the_headline_with_its_kicker_as_the_page_prints_it(name: str, render: str) -> None:
    meta, text = _load(name, render)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key(str(_gold(meta)["title"]))


@pytest.mark.parametrize("render", ["soup", "inscriptis"])
def test_byline_under_the_first_printing_of_the_headline(render: str) -> None:
    meta, text = _load("TheProvince", render)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    gold = _gold(meta)
    assert [_key(a) for a in article.authors] == [_key(str(a)) for a in gold["authors"]]  # type: ignore[attr-defined]
    assert article.published is not None and article.published[:10] == gold["date"]


def test_a_kicker_without_a_joined_printing_stays_out_of_the_title() -> None:
    # The same page with its breadcrumb's joined printing removed: the
    # label above the headline might be a section name, so it is left out.
    meta, text = _load("MitteldeutscheZeitung", "soup")
    joined = str(_gold(meta)["title"])
    stripped = "\n".join(line for line in text.splitlines() if line.strip() != joined)
    article = newsclean.clean(stripped, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key(joined.split(": ", 1)[1])


def test_explain_names_both_lines_of_a_joined_title() -> None:
    meta, text = _load("Tagesschau", "soup")
    explanation = explain(text, input_format="text", url=str(meta["url"]))
    sources = {found.name: found.sources for found in explanation.fields}
    assert sources["title"] == ('"Ausschuss zur Ahrtal-Flut"', '"Zwei Rücktritte - und viele offene Fragen"')


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("SRF", "soup"),
        ("SRF", "inscriptis"),
        ("RheinischePost", "soup"),
        ("IsolezweLesiXhosa", "soup"),
        ("NetzpolitikOrg", "inscriptis"),
    ],
)
def test_byline_shapes(name: str, render: str) -> None:
    meta, text = _load(name, render)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    gold = _gold(meta)["authors"]
    assert isinstance(gold, list)
    assert [_key(a) for a in article.authors] == [_key(str(a)) for a in gold]
