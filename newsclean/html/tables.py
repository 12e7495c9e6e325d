"""Tables on the page: layout that holds the article, data that is part of it, or navigation.

trafilatura renders every table it keeps as ``| cell | cell |`` rows. Older
sites (regional papers, forums, club pages) lay the whole page out in
tables, so the article arrives as one giant row; articles also carry real
data tables (results, prices, standings). Dropping every row loses both.
Each table is judged here on its own evidence, not its names:

* **layout**: one of its cells (at any depth) holds running prose, several
  sentences with few links, or the longest prose on the page. Its rows and
  cells are unwrapped into ``div`` blocks before extraction, so trafilatura
  and the residual filter see paragraphs.
* **data**: several rows of the same width, short cells, few links, no
  nested table. Its rows stay in the body as one block, cells joined by
  :data:`~newsclean.normalize.text.TABLE_CELL_SEPARATOR`, one row a line.
* anything else (mostly link lists: navigation) stays noise; its rows go to
  ``removed`` as ``table``.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ..normalize.text import TABLE_CELL_SEPARATOR, comparison_key
from ..record import Reason, Removed
from ..text.segment import count_words

#: The thresholds below were set by reasoning from the page types (tests/fixtures/tables)
#: and checked, not tuned, on fe, fp-dev and te-dev (HTML input): with them no te-dev
#: page lost a must-contain string and no fp-dev page's body changed score.
#: A cell whose own text has this many words ...
PROSE_CELL_WORDS = 30
#: ... in at least this many sentences is running text, not a data value.
#: (Old-CMS article cells hold 100+ words; a short forum post 30-60 words in 2-4 sentences.)
PROSE_CELL_SENTENCES = 2
#: Above this share of words inside links, a cell or table is a link list.
#: (A menu is nearly all link text; running prose carries a few inline links at most.)
MAX_LINK_SHARE = 0.5
#: Above this share of cells that are links, a table is a menu even when its unlinked cells are wordier.
#: (A standings table links one column of five or six; a two-column name/number list one of two.)
NAV_LINKED_CELLS = 0.6
#: The page's longest prose block makes its tables layout when it has at least this many words.
LONGEST_PROSE_MIN_WORDS = 15
#: A data table has at least this many rows ...
DATA_MIN_ROWS = 2
#: ... of which this share has the same number (>= 2) of cells ...
DATA_SHAPE_SHARE = 0.6
#: ... holding on average at most this many words.
DATA_MAX_CELL_WORDS = 12

_SENTENCE_END = re.compile(r"\w[.!?…][\"'»«“”)]*(?:\s|$)|[。！？]")
_ROW_TAGS = ("tr",)
_CELL_TAGS = ("td", "th")
_STRUCTURE_TAGS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"})
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


@dataclass
class TablePlan:
    """What the table pass decided for one page.

    ``tree`` is the page trafilatura should read (a copy with layout tables
    unwrapped, or the page itself when it has none); ``data_rows`` holds the
    comparison keys of the data tables' rows, by which their rendered rows
    are recognised in the body; ``removed`` the rows of the navigation
    tables taken out of that copy.
    """

    tree: etree._Element
    layout: int = 0
    data_rows: set[str] = field(default_factory=set)
    removed: list[Removed] = field(default_factory=list)


def _own_text(element: etree._Element) -> tuple[str, int]:
    """Text of ``element`` outside nested tables and scripts, and the words of it inside links."""
    parts: list[str] = []
    link_words = 0

    def walk(node: etree._Element, in_link: bool) -> None:
        nonlocal link_words
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIPPED or (tag == "table" and node is not element):
            return
        in_link = in_link or tag == "a"
        if node.text and tag:
            parts.append(node.text)
            if in_link:
                link_words += count_words(node.text)
        for child in node:
            walk(child, in_link)
            if child.tail:
                parts.append(child.tail)
                if in_link:
                    link_words += count_words(child.tail)

    walk(element, False)
    return " ".join(" ".join(parts).split()), link_words


def _is_prose(text: str, link_words: int) -> bool:
    """Whether a cell's own text is running prose: long, several sentences, few links."""
    words = count_words(text)
    return (words >= PROSE_CELL_WORDS
            and len(_SENTENCE_END.findall(text)) >= PROSE_CELL_SENTENCES
            and link_words <= MAX_LINK_SHARE * words)


def _rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not those of tables nested in it)."""
    return [row for row in table.iter(*_ROW_TAGS) if _owner(row) is table]


def _owner(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors("table"), None)


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in _CELL_TAGS]


def _is_data(table: etree._Element) -> bool:
    """Several rows of the same width with short cells and few links: a data table."""
    if table.find(".//table") is not None:
        return False
    rows = [_cells(row) for row in _rows(table)]
    rows = [cells for cells in rows if cells]
    if len(rows) < DATA_MIN_ROWS:
        return False
    width, count = Counter(len(cells) for cells in rows).most_common(1)[0]
    if width < 2 or count < DATA_SHAPE_SHARE * len(rows):
        return False
    texts = [_own_text(cell) for cells in rows for cell in cells]
    words = sum(count_words(text) for text, _ in texts)
    links = sum(link for _, link in texts)
    return words <= DATA_MAX_CELL_WORDS * len(texts) and links <= MAX_LINK_SHARE * max(words, 1)


def _is_navigation(table: etree._Element) -> bool:
    """Mostly link text, or mostly cells that are links: a menu or a list of other pages.

    The second test catches footers ("Imprint | Privacy | (c) 2003 Publisher"),
    whose one unlinked cell can outweigh the links in words.
    """
    text, links = _own_text(table)
    if not text:
        return False
    if links > MAX_LINK_SHARE * count_words(text):
        return True
    cells = [_own_text(cell) for row in _rows(table) for cell in _cells(row)]
    cells = [(cell, link) for cell, link in cells if cell]
    linked = sum(1 for cell, link in cells if link > MAX_LINK_SHARE * count_words(cell))
    return linked > NAV_LINKED_CELLS * len(cells)


def _longest_prose(tree: etree._Element) -> etree._Element | None:
    """The block (paragraph or cell) with the page's longest low-link text."""
    best, best_words = None, LONGEST_PROSE_MIN_WORDS - 1
    for element in tree.iter("p", "td", "th", "div", "blockquote", "li", "font"):
        text, links = _own_text(element) if element.tag in _CELL_TAGS else _block_text(element)
        words = count_words(text)
        if words > best_words and links <= MAX_LINK_SHARE * words:
            best, best_words = element, words
    return best


def _block_text(element: etree._Element) -> tuple[str, int]:
    """Text of a non-cell block outside its own block children: its directly written prose."""
    parts = [element.text or ""] + [
        (("" if child.tag in ("div", "p", "table", "ul", "ol") else " ".join(child.itertext()))
         + " " + (child.tail or ""))
        for child in element if isinstance(child.tag, str) and child.tag not in _SKIPPED]
    links = sum(count_words(" ".join(a.itertext())) for a in element if a.tag == "a")
    return " ".join(" ".join(parts).split()), links


def _layout_tables(tree: etree._Element) -> set[etree._Element]:
    """Tables holding the page's prose: every table around a prose cell or the longest prose block."""
    found: set[etree._Element] = set()
    anchors = [cell for cell in tree.iter(*_CELL_TAGS) if _is_prose(*_own_text(cell))]
    longest = _longest_prose(tree)
    if longest is not None:
        anchors.append(longest)
    for anchor in anchors:
        found.update(anchor.iterancestors("table"))
    return found


def _structure(table: etree._Element) -> list[etree._Element]:
    """A table's own structure elements: itself, its sections, rows and cells (not nested tables')."""
    return [table] + [element for element in table.iter(*_STRUCTURE_TAGS)
                      if element is not table and element.tag != "table" and _owner(element) is table]


def _unwrap(element: etree._Element) -> None:
    """Turn a layout table's structure element into a plain ``div`` block."""
    element.tag = "div"
    element.attrib.clear()


def plan_tables(tree: etree._Element) -> TablePlan:
    """Judge every table of the page; unwrap layout tables in a copy trafilatura reads.

    The page's own tree stays untouched: metadata and the recall guards read
    the page as published.
    """
    if tree.find(".//table") is None:
        return TablePlan(tree)
    # Judged on the page first: most pages with tables have no layout table and need no copy.
    work = copy.deepcopy(tree) if _layout_tables(tree) else tree
    layout = _layout_tables(work) if work is not tree else set()
    plan = TablePlan(work, layout=len(layout))
    for table in list(work.iter("table")):
        if table in layout or not _attached(table, work):
            continue
        if layout and _is_navigation(table):
            # Unwrapped, the page no longer shows trafilatura a table to judge:
            # the menus beside the article go here, on their own evidence.
            rows = [[_own_text(cell)[0] for cell in _cells(row)] for row in _rows(table)]
            plan.removed.extend(Removed(Reason.TABLE, TABLE_CELL_SEPARATOR.join(cells))
                                for cells in rows if any(cells))
            _drop(table)
        elif _is_data(table):
            for row in _rows(table):
                key = _row_key([_own_text(cell)[0] for cell in _cells(row)])
                if key:
                    plan.data_rows.add(key)
    # Every table's parts are found before any is renamed: a renamed nested
    # table would make its cells look like the outer table's own.
    for element in [element for table in layout for element in _structure(table)]:
        _unwrap(element)
    return plan


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Whether ``element`` is still in the tree (no ancestor was dropped)."""
    return element is root or root in element.iterancestors()


def _drop(element: etree._Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _row_key(cells: list[str]) -> str:
    return comparison_key(" ".join(cells))


def _split_row(line: str) -> list[str]:
    """The cells of a row trafilatura rendered as ``| a | b |`` (``\\|`` is a pipe inside a cell)."""
    inner = line.strip()[1:-1]
    cells = re.split(r"(?<!\\)\|", inner)
    return [" ".join(cell.replace("\\|", "|").split()) for cell in cells]


def _is_row(line: str) -> bool:
    return len(line) >= 2 and line.startswith("|") and line.endswith("|")


_SEPARATOR_ROW = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")


def keep_data_tables(lines: list[str], data_rows: set[str], removed: list[Removed]) -> list[str]:
    """Render the body's data-table rows as one block; drop other table rows as ``table``.

    A run of consecutive rows is a data table when most of its rows are rows
    of a table :func:`plan_tables` judged data; it becomes one line of the
    body holding its rows (:func:`~newsclean.normalize.text.is_table_block`).
    """
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not _is_row(lines[index]):
            kept.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and _is_row(lines[end]):
            end += 1
        run = [line for line in lines[index:end] if not _SEPARATOR_ROW.match(line)]
        rows = [_split_row(line) for line in run]
        known = sum(1 for cells in rows if _row_key(cells) in data_rows)
        if data_rows and known and known * 2 >= len(rows):
            rendered = [TABLE_CELL_SEPARATOR.join(_trim_cells(cells)) for cells in rows]
            kept.append("\n".join(row for row in rendered if row.strip()))
        else:
            removed.extend(Removed(Reason.TABLE, line) for line in lines[index:end])
        index = end
    return kept


def _trim_cells(cells: list[str]) -> list[str]:
    """Cells of one row without the empty padding trafilatura adds at the row's end."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells
