"""One trafilatura extraction pass, run step by step on a tree newsclean already parsed.

``bare_extraction`` given a tree copies it on entry, copies it again before
cleaning, and once more for a pre-conversion backup that only its fallback
comparison reads (the copy is made in fast mode too, where that comparison is
skipped); its recall escalation then copies a tree nothing reads afterwards,
and renders the whole page to text to measure the share its body covers on
every body under 3,000 characters.

:func:`run_pass` runs the same steps (``trafilatura.core.trafilatura_sequence``
and the serialisation ``bare_extraction`` does for ``output_format="python"``)
and makes only the copies a later step reads. The page-share
check renders the page only when a cheap upper bound on the render's length
(:func:`page_text_bound`) cannot tell on its own that the body covers enough
of it. The result is the document ``bare_extraction`` returns for the same
arguments (``tests/unit/test_html_trafilatura_pass.py`` compares them on the
fixture pages and on pages built to reach the escalation, the baseline
rescue, a comment section and a forum thread).

The steps are trafilatura internals, not its API: :mod:`.trafilatura_steps`
checks them once, on import, and when one is missing or differs (a
trafilatura upgrade) :data:`~newsclean.html.trafilatura_steps.AVAILABLE` is false and each pass is
``bare_extraction`` itself.
"""

from __future__ import annotations

import logging
from copy import copy
from typing import Any

from lxml.etree import Element, _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction

from .page_share import page_text_floor
from .trafilatura_steps import loaded as _load_steps
from .xpath_filters import attribute_filter

#: trafilatura's steps and constants by name (``None``: each pass is ``bare_extraction``).
_T = _load_steps()

logger = logging.getLogger(__name__)


class TreeReadings:
    """What every pass over one unchanged tree reads alike, worked out once for the page.

    trafilatura starts each pass by asking whether the page is a forum
    thread and by pruning a copy of the raw tree with fixed XPath lists (3 ms
    and a tree copy, a fifth of a pass); on the same tree the recall pass gets
    the same answers, and two in three pages' lists remove nothing at all.
    The caller makes one object per page and hands it to each pass; the tree
    must not change meanwhile.
    """

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self._forum: bool | None = None
        #: The tree each sequence of prune lists leaves (the readings' own tree when they remove nothing).
        self._pruned: dict[tuple[int, ...], HtmlElement] = {}

    def is_forum(self) -> bool:
        """trafilatura's ``_forum_thread_page`` of the tree."""
        if self._forum is None:
            self._forum = bool(_T["_forum_thread_page"](self.tree))  # type: ignore[index]
        return self._forum

    def pruned(self, prunes: list[Any]) -> HtmlElement:
        """The tree as trafilatura's ``prune_unwanted_nodes`` leaves a copy of it after each list in turn.

        Read-only and shared by the passes: the readings' own tree when no
        expression matches (the copy trafilatura prunes would be an unchanged
        twin), else one pruned copy. Each expression is searched once per
        page: the searches run on the readings' tree until one matches, whose
        matches are found again in a copy by their child positions (the tree
        and its copy are alike until something is deleted), and the later
        expressions run on that copy, as trafilatura runs them on the tree the
        earlier deletions left. Each expression runs as its Python filter
        (:func:`.xpath_filters.attribute_filter`) when it has the attribute
        shape those handle: the same matches without lxml's callbacks into Python.
        """
        key = tuple(id(nodelist) for nodelist in prunes)
        found = self._pruned.get(key)
        if found is None:
            found = self._pruned[key] = _prune_once(
                self.tree, [attribute_filter(e) for nodelist in prunes for e in nodelist])
        return found


def _positions(element: _Element, root: _Element) -> list[int]:
    """The child indices leading from ``root`` down to ``element``."""
    steps: list[int] = []
    while element is not root:
        parent = element.getparent()
        assert parent is not None, "a match outside the searched tree"
        steps.append(parent.index(element))
        element = parent
    steps.reverse()
    return steps


def _at(root: _Element, steps: list[int]) -> _Element:
    """The element ``steps`` (from :func:`_positions`) lead to under ``root``."""
    for step in steps:
        root = root[step]
    return root


def _prune_once(tree: HtmlElement, expressions: list[Any]) -> HtmlElement:
    """``prune_unwanted_nodes`` with ``expressions`` on a copy of ``tree``, copying only when one matches."""
    delete = _T["delete_element"]  # type: ignore[index]
    for done, expression in enumerate(expressions):
        matches = expression(tree)
        if not matches:
            continue
        pruned = copy(tree)
        # Located before any deletion, while the copy's positions are the tree's.
        for element in [_at(pruned, _positions(match, tree)) for match in matches]:
            delete(element)  # the tail text is preserved
        for later in expressions[done + 1:]:
            for element in later(pruned):
                delete(element)
        return pruned
    return tree


def run_pass(
    tree: HtmlElement,
    url: str | None,
    *,
    comments: bool,
    recall: bool,
    precision: bool,
    fast: bool,
    readings: TreeReadings | None = None,
) -> Any:
    """``bare_extraction(tree, url=url, ...)`` with tables, no dedup and no metadata, copying only what is read.

    The tree is left as it was. ``readings`` carries what an earlier pass over
    the same tree found (see :class:`TreeReadings`). Returns trafilatura's
    ``Document`` (text, comments, raw text, body) or ``None`` when it found no text.
    """
    if _T is None or not isinstance(tree, HtmlElement):
        return run_pass_bare(tree, url, comments=comments, recall=recall, precision=precision, fast=fast)
    return stepwise_pass(tree, url, comments=comments, recall=recall, precision=precision, fast=fast,
                         readings=readings)


def stepwise_pass(
    tree: HtmlElement,
    url: str | None,
    *,
    comments: bool,
    recall: bool,
    precision: bool,
    fast: bool,
    readings: TreeReadings | None = None,
) -> Any:
    """The pass through trafilatura's steps (needs :data:`.trafilatura_steps.AVAILABLE`); see :func:`run_pass`."""
    assert _T is not None, "trafilatura's steps are not available"
    if readings is None or readings.tree is not tree:
        readings = TreeReadings(tree)
    options = _T["Extractor"](
        fast=fast, precision=precision, recall=recall, comments=comments, tables=True,
        dedup=False, url=url, output_format="python",
    )
    if options.max_tree_size:
        # A configured size limit: bare_extraction's own checks apply.
        return run_pass_bare(tree, url, comments=comments, recall=recall, precision=precision, fast=fast)
    try:
        postbody, temp_text, commentsbody, temp_comments = _sequence(readings, options, url)
        if len(temp_text) < options.min_output_size and len(temp_comments) < options.min_output_comm_size:
            raise ValueError("text and comments not long enough")
    except (TypeError, ValueError) as err:
        logger.debug("trafilatura found no text: %s %s", err, url)
        return None
    document = _T["Document"]()
    document.text = _T["xmltotxt"](postbody, options.formatting)
    if options.comments:
        document.comments = _T["xmltotxt"](commentsbody, options.formatting)
        document.commentsbody = commentsbody
    document.raw_text = document.text
    document.body = postbody
    return document


def run_pass_bare(
    tree: HtmlElement, url: str | None, *, comments: bool, recall: bool, precision: bool, fast: bool
) -> Any:
    """The same pass as ``bare_extraction`` runs it (the reference :func:`stepwise_pass` reproduces)."""
    return bare_extraction(
        tree, url=url, with_metadata=False, include_comments=comments, include_tables=True,
        deduplicate=False, favor_recall=recall, favor_precision=precision, fast=fast,
    )


def _prepare(tree: HtmlElement, options: Any, url: str | None, *, read_later: bool,
             backup: bool) -> tuple[HtmlElement, HtmlElement | None]:
    """trafilatura's ``_prepare_tree``: clean and convert, on a copy only when ``tree`` is read later.

    The pre-conversion backup is made only when ``backup`` says a later step reads it.
    """
    cleaned = _T["tree_cleaning"](copy(tree) if read_later else tree, options)  # type: ignore[index]
    kept = copy(cleaned) if backup else None
    return _T["convert_tags"](cleaned, options, url), kept  # type: ignore[index]


def _extract_and_compare(cleaned: HtmlElement, backup: HtmlElement | None, tree: HtmlElement,
                         options: Any) -> tuple[_Element, str]:
    """trafilatura's ``_extract_and_compare``; the raw tree is copied only for a comparison that reads it."""
    assert _T is not None
    postbody, temp_text = _T["extract_content"](cleaned, options)
    if not options.fast:
        # compare_extraction returns at once in recall mode for a long text, reading nothing.
        bypass = options.focus == "recall" and len(temp_text) > options.min_extracted_size * 10
        postbody, temp_text = _T["compare_extraction"](backup, tree if bypass else copy(tree), postbody,
                                                       temp_text, options)
    return postbody, temp_text


def page_text_bound(tree: HtmlElement) -> int:
    """An upper bound on ``len(html2txt(tree))``, from one pass over the page's text.

    ``html2txt`` deletes elements from the page's ``<body>`` (each ``<script>``
    and ``<style>`` among them), puts a space before the text and the tail of
    each block element, and joins the text's whitespace-separated words with
    single spaces. Deleting characters never adds a word, and each inserted
    space splits at most one, so the result has at most the body's
    non-space characters outside scripts and styles, plus one separator per
    word there and two per block element.
    """
    assert _T is not None
    body = tree.find(".//body")
    if body is None:
        body = tree
    words = body.text_content().split()
    chars, count = sum(map(len, words)), len(words)
    for element in body.iter("script", "style"):
        # Their text goes with them; a word straddling either edge may survive in part.
        inner = (element.text or "").split()
        chars -= sum(map(len, inner))
        count -= max(len(inner) - 2, 0)
    blocks = sum(1 for _ in body.iter(*_T["_BLOCK_ELEMS"]))
    return chars + count + 2 * blocks


def _covers_little(temp_text: str, tree: HtmlElement) -> bool:
    """trafilatura's escalation test: the body is under its share of the page's text render.

    The render is made only when neither bound on its length settles the
    test: the upper one (:func:`page_text_bound`) for a body that covers
    enough, the lower one (:func:`.page_share.page_text_floor`) for one far short.
    """
    assert _T is not None
    share = _T["ESCALATION_PAGE_SHARE"]
    if len(temp_text) >= share * page_text_bound(tree):
        return False
    if len(temp_text) < share * page_text_floor(tree):
        return True
    return bool(len(temp_text) < share * len(_T["html2txt"](tree)))


def _sequence(readings: TreeReadings, options: Any, url: str | None) -> tuple[_Element, str, _Element, str]:
    """``trafilatura.core.trafilatura_sequence`` on the readings' tree, step for step, leaving it as it was.

    Stages as trafilatura numbers them: 1. main extractor, 2. comparison with
    the external extractors (not in fast mode), 3. baseline rescue, 4. recall
    escalation. The copies left out are each marked with the reason no later
    step reads what they would protect.
    """
    t = _T
    assert t is not None
    tree = readings.tree
    is_forum = readings.is_forum()
    prunes = [t["RAW_TREE_PRUNE_XPATH"]]
    if not options.comments and (options.focus == "precision" or not is_forum):
        prunes.append(t["REMOVE_COMMENTS_AND_LISTS_XPATH"])
    # Shared by the passes over this page: every step below reads it or a copy of it.
    tree = readings.pruned(prunes)
    # The backup feeds the comparison (not in fast mode) and a forum's re-conversion.
    cleaned, backup = _prepare(tree, options, url, read_later=True,
                               backup=not options.fast or (options.comments and is_forum))

    commentsbody, temp_comments = Element("body"), ""
    forum_posts = None
    if options.comments:
        commentsbody, temp_comments, cleaned = t["extract_comments"](cleaned, options)
        if temp_comments and is_forum:
            forum_posts = commentsbody
            commentsbody, temp_comments = Element("body"), ""
            cleaned = t["convert_tags"](copy(backup), options, url)
    if options.focus == "precision" and not is_forum:
        cleaned = t["prune_unwanted_nodes"](cleaned, t["REMOVE_COMMENTS_XPATH"])

    postbody, temp_text = _extract_and_compare(cleaned, backup, tree, options)

    # 3. baseline rescue on the uncleaned tree (baseline copies it).
    if len(temp_text) < options.min_extracted_size and options.focus != "precision":
        b_body, b_text, b_len = t["baseline"](tree)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text
            forum_posts = None

    # 4. recall escalation for a short body covering little of the page.
    if (
        options.focus == "balanced"
        and 0 < len(temp_text) < t["ESCALATION_MAX_LENGTH"]
        and _covers_little(temp_text, tree)
    ):
        r_options = copy(options)
        r_options.focus = "recall"
        esc_tree = (
            tree
            if is_forum or not options.comments
            else t["prune_unwanted_nodes"](
                copy(tree), t["REMOVE_COMMENTS_AND_LISTS_XPATH"] if temp_comments else t["REMOVE_COMMENTS_XPATH"]
            )
        )
        r_text = ""
        try:
            # After the retry only justext (not in fast mode) reads esc_tree; the shared tree is left as it is.
            r_body, r_text = _extract_and_compare(
                *_prepare(esc_tree, r_options, url, read_later=not options.fast or esc_tree is tree,
                          backup=not r_options.fast),
                esc_tree, r_options,
            )
        except Exception as err:  # pragma: no cover - trafilatura's own guard
            logger.warning("recall retry failed: %s %s", err, url)
        j_text = ""
        if not options.fast:
            try:
                j_body, j_text = t["justext_rescue"](copy(esc_tree), options)
            except Exception as err:  # pragma: no cover - trafilatura's own guard
                logger.warning("justext candidate failed: %s %s", err, url)
        len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
        if j_len > r_len and j_len > t["ESCALATION_JUSTEXT_RATIO"] * len_text:
            postbody, temp_text, forum_posts = j_body, j_text, None
        elif r_len >= options.min_extracted_size and r_len > t["ESCALATION_ACCEPT_RATIO"] * len_text:
            postbody, temp_text, forum_posts = r_body, r_text, None

    if forum_posts is not None:
        existing = "\n".join(filter(None, (t["_elem_text"](el) for el in postbody)))
        salvaged = [el for el in forum_posts if (text := t["_elem_text"](el)) and text not in existing]
        if salvaged:
            postbody.extend(salvaged)
            temp_text = " ".join(postbody.itertext()).strip()

    return postbody, temp_text, commentsbody, temp_comments
