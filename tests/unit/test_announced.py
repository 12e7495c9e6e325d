from __future__ import annotations

from newsclean.text.announced import announced_list
from tests.unit.test_region import _ARTICLE, _blocks

_INTRO = ("See the full list of this year's winners for the awards below:", None, True)
_ITEMS = [("Song of the Year", None, False), ("Calvin Harris, “Miracle”", None, False),
          ("Central Cee, “Let Go”", None, False), ("Dua Lipa, “Dance the Night Away”", None, False)]
_MORE = [("Artist of the Year", None, False), ("Arlo Parks", None, False), ("RAYE – WINNER", None, False)]


def test_photo_credit_between_items_does_not_end_the_list() -> None:
    photo = [("Arlo Parks on stage at the ceremony last year", None, False), ("(Getty Images)", "image_credit", False)]
    rows = [*_ARTICLE, _INTRO, *_ITEMS, *photo, *_MORE, ("Most read", "teaser", False)]
    blocks, verdicts = _blocks(rows)
    found = announced_list(blocks, verdicts, 0, len(_ARTICLE))
    assert found == (len(_ARTICLE), len(_ARTICLE) + 1, len(rows) - 1)


def test_a_sentence_after_the_last_photo_is_not_an_item() -> None:
    credit = ("© Publisher", "image_credit", False)
    note = ("The book is published by the house for 14.90 euros.", None, True)
    rows = [*_ARTICLE, _INTRO, *_ITEMS, credit, note, *_MORE]
    blocks, verdicts = _blocks(rows)
    found = announced_list(blocks, verdicts, 0, len(_ARTICLE))
    assert found is not None and found[2] == len(_ARTICLE) + 1 + len(_ITEMS)


def test_a_glued_render_joins_the_first_heading_to_the_announcement() -> None:
    glued = ("See the full list of winners for the 2024 awards below: Song of the Year", None, True)
    items = [("Calvin Harris, “Miracle” Central Cee, “Let Go”", None, True), *_ITEMS[2:]]
    rows = [*_ARTICLE, glued, *items, *_MORE, ("Most read", "teaser", False)]
    blocks, verdicts = _blocks(rows)
    # The region took the announcement and the list's first lines; the rest is read on.
    end = len(_ARTICLE) + 1 + len(items)
    assert announced_list(blocks, verdicts, 0, end) == (len(_ARTICLE), len(_ARTICLE) + 1, len(rows) - 1)
    # A bare colon with its items already in the region: the region found its list.
    rows = [*_ARTICLE, _INTRO, *_ITEMS, *_MORE]
    blocks, verdicts = _blocks(rows)
    assert announced_list(blocks, verdicts, 0, len(_ARTICLE) + 3) is None


def test_a_subheading_between_the_prose_and_the_announcement_is_read_over() -> None:
    heading = ("The ten rules of the method", None, False)
    broken = ("In her handbook", None, False)
    intro = ("the author sums up the method in ten short rules:", None, True)
    rules = [("Take time to dream", None, False), ("Stay active", None, False), ("Practise gratitude", None, False)]
    rows = [*_ARTICLE, heading, broken, intro, *rules, ("Most read", "teaser", False)]
    blocks, verdicts = _blocks(rows)
    found = announced_list(blocks, verdicts, 0, len(_ARTICLE))
    assert found == (len(_ARTICLE), len(_ARTICLE) + 3, len(rows) - 1)
    # A finished sentence there is the article's own last line: what follows it is not the list it announces.
    rows = [*_ARTICLE, ("That is all there is to it.", None, True), broken, intro, *rules]
    blocks, verdicts = _blocks(rows)
    assert announced_list(blocks, verdicts, 0, len(_ARTICLE)) is None


def test_a_share_row_that_ends_on_a_colon_announces_nothing() -> None:
    share = [("Click to email this to a friend (opens in a new window)", None, True),
             ("Click to print this post (opens in a new window) Like this:", None, True)]
    rows = [*_ARTICLE, *share, ("Like Loading …", None, False), ("Related posts", None, False)]
    blocks, verdicts = _blocks(rows)
    assert announced_list(blocks, verdicts, 0, len(_ARTICLE)) is None
