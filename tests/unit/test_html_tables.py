"""Table judgement on markup evidence: layout tables unwrapped, data rows kept, menus dropped."""
from __future__ import annotations

from lxml import html

from newsclean.html.tables import keep_data_tables, plan_tables
from newsclean.normalize.text import is_table_block, join_paragraphs
from newsclean.record import Removed

_PROSE = ("The council met on Monday to discuss the budget. Members argued for two hours about the "
          "new library. In the end they agreed to postpone the vote until the autumn session.")
_MENU = "".join(f'<tr><td><a href="/s{i}">Section {i}</a></td></tr>' for i in range(6))
_DATA = ("<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>31</td></tr>"
         "<tr><td>United</td><td>28</td></tr></table>")


def _page(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_table_holding_prose_is_unwrapped_in_a_copy() -> None:
    tree = _page(f"<table><tr><td><table>{_MENU}</table></td><td>{_PROSE}</td></tr></table>")
    plan = plan_tables(tree)
    assert plan.layout == 1
    # The page itself is untouched; trafilatura reads the copy.
    assert tree.find(".//td") is not None and plan.tree is not tree
    assert plan.tree.find(".//table") is None
    # The menu beside the prose went, its rows listed as table rows.
    assert [r.reason for r in plan.removed] == ["table"] * 6
    assert "Section" not in plan.tree.text_content()


#: A Japanese report (written for this test): no spaces between words, "。" ends sentences.
_PROSE_JA = ("市議会は月曜日に来年度の予算について議論した。"
             "新しい図書館の建設費をめぐって二時間にわたり意見が分かれた。"
             "最終的に、採決は秋の定例会まで延期されることになった。市長は記者会見で理解を求めた。")


def test_prose_without_spaces_counts_as_layout_prose() -> None:
    """Scripts written without spaces are measured by characters, and "。" ends a sentence."""
    tree = _page(f"<table><tr><td><table>{_MENU}</table></td><td>{_PROSE_JA}</td></tr></table>")
    plan = plan_tables(tree)
    assert plan.layout == 1 and plan.tree.find(".//table") is None
    assert "図書館" in plan.tree.text_content() and "Section" not in plan.tree.text_content()


def test_pages_without_layout_tables_are_not_copied() -> None:
    tree = _page(f"<p>{_PROSE}</p>{_DATA}<table>{_MENU}</table>")
    plan = plan_tables(tree)
    assert plan.tree is tree and plan.layout == 0 and not plan.removed
    assert plan.data_rows == {"team points", "rovers 31", "united 28"}


def test_data_rows_become_one_block_and_other_rows_are_removed() -> None:
    removed: list[Removed] = []
    lines = ["Intro.", "| Team | Points |", "|---|---|", "| Rovers | 31 |", "| United | 28 |",
             "Middle.", "| Home | Sport |", "| News | Contact |", "End."]
    kept = keep_data_tables(lines, {"team points", "rovers 31", "united 28"}, removed)
    assert kept == ["Intro.", "Team | Points\nRovers | 31\nUnited | 28", "Middle.", "End."]
    assert [r.text for r in removed] == ["| Home | Sport |", "| News | Contact |"]


def test_body_keeps_a_tables_rows_on_their_own_lines() -> None:
    text = join_paragraphs(["A  sentence.", "Team | Points\nRovers  | 31", "Another\nsentence."])
    assert text == "A sentence.\n\nTeam | Points\nRovers | 31\n\nAnother sentence."
    assert is_table_block("a | b\nc | d") and not is_table_block("a | b") and not is_table_block("one\ntwo")
