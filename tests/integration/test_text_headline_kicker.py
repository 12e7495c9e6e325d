"""A short headline is not passed over for the long line under it: real pages, both renders where it shows.

The headline reader passes from a short winning line (a kicker such as
"Minderheit in Syrien") to the longer headline right under it. A line
longer than a headline under a short one is its standfirst or a caption,
and the short line is the headline (``tests/fixtures/text_header``):

- Dagbladet (fp-dev, soup): "Nordmann dømt til livstid" over a photo
  caption of 15 words ("KNIV: Denne kniven ble ... Foto: ...").
- KatholischAt (te-dev): a four-word headline over a standfirst of 16 words.
- DHB (te-dev): a headline in capitals over an 11-word standfirst.
"""

from __future__ import annotations

import pytest

import newsclean
from tests.header_pages import gold as _gold
from tests.header_pages import key as _key
from tests.header_pages import load as _load


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("Dagbladet", "soup"),
        ("KatholischAt", "soup"),
        ("KatholischAt", "inscriptis"),
        ("DHB", "soup"),
        ("DHB", "inscriptis"),
    ],
)
def test_short_headline_over_its_standfirst_or_caption(name: str, render: str) -> None:
    meta, text = _load(name, render)
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key(str(_gold(meta)["title"]))


def test_a_kicker_over_its_headline_still_joins_the_headline() -> None:
    # The class the step exists for stays: "Minderheit in Syrien" over the headline (SRF soup).
    meta, text = _load("SRF", "soup")
    article = newsclean.clean(text, url=str(meta["url"]), input_format="text")
    assert _key(article.title) == _key("Drusen fordern Teilhabe statt Schutzgarantien von neuer Regierung")
