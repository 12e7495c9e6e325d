"""The subtitle under a headline (one sentence printed without its stop) joins the body as its standfirst."""

from __future__ import annotations

from newsclean.text.standfirst import find_standfirst
from tests.unit.test_region import _ARTICLE, _blocks

_HEAD = ("Harbour reopens after the winter storm", None, False)
_SUBTITLE = ("Fishermen return to the quays a month after the storm tore away the old breakwater", None, False)
_DATE = ("12 March 2024, 09:40", "meta", False)


def _found(rows: list[tuple[str, str | None, bool]]) -> int | None:
    blocks, verdicts = _blocks(rows)
    start = len(rows) - len(_ARTICLE)
    return find_standfirst(blocks, verdicts, {0: "title"}, start)


def test_subtitle_under_the_headline_is_the_standfirst() -> None:
    assert _found([_HEAD, _SUBTITLE, _DATE, *_ARTICLE]) == 1
    # Behind the date line it is still the headline's.
    assert _found([_HEAD, _DATE, _SUBTITLE, *_ARTICLE]) == 2


def test_short_or_far_lines_are_not_a_subtitle() -> None:
    # A kicker-length line says no story.
    assert _found([_HEAD, ("Ports and shipping news", None, False), _DATE, *_ARTICLE]) is None
    # Far below the headline, behind its furniture, a long line is some box's.
    byline = ("By Jane Doe", "byline", False)
    assert _found([_HEAD, _DATE, byline, _SUBTITLE, *_ARTICLE]) is None
    # A line that announces what follows is not a summary of the story.
    announcing = ("Here is what the fishermen told us about the months without their harbour:", None, False)
    assert _found([_HEAD, announcing, _DATE, *_ARTICLE]) is None
