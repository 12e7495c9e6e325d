"""The HTML path: where newsclean runs trafilatura's extraction and metadata guesses.

html/parse.py parses as trafilatura's loader does, html/markup_guesses.py answers
trafilatura's byline and category searches, and explain/html.py parses with
trafilatura's loader; the extraction itself is run from here only, through
html/trafilatura_pass.py (trafilatura's steps without the tree copies nothing reads).

One parse per page: the tree is read for metadata, then handed to a single
trafilatura pass that yields body and trafilatura's own metadata guesses
together (a recall-oriented second pass runs only when the body is short
against the page's prose). trafilatura's cross-document deduplication stays
off so a record never depends on pages cleaned before it. The body then loses
a repeated headline and goes through the text engine's residual filter, which
removes the consent, appeal, share and teaser text extractors keep.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from htmldate import find_date  # what trafilatura's metadata step calls
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction

try:
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params

    #: trafilatura's metadata steps can be run one by one (see ``_Guesses``).
    _STEPWISE = True
except ImportError:  # pragma: no cover - a trafilatura that moved its internals
    # Its metadata then comes from the one bare_extraction pass (with_metadata=True).
    _STEPWISE = False

from ..normalize.dates import DateContext, parser_languages
from ..normalize.headlines import normalize_headline
from ..normalize.text import comparison_key, is_table_block
from ..options import Options
from ..record import Removed
from ..text.date_replay import AVAILABLE as _REPLAY
from ..text.date_replay import External, find_page_date, reader_for
from ..text.extract import TextResources
from ..text.residual import filter_paragraphs
from .candidates import choose_body
from .cards import drop_card_texts
from .cleanup import drop_author_bio, drop_headline, drop_other_articles, drop_teasers, link_texts
from .defuse import load_defused
from .fields import parse_first_date, resolve_published, resolve_title
from .followups import drop_follow_ups
from .frame import drop_trailing_outside_frame
from .keypoints import lead_with_key_points
from .markup_guesses import MarkupGuesses
from .metadata import PageMetadata, read_metadata
from .overlays import drop_overlay_texts
from .page_index import PageIndex
from .parse import parse_page
from .repeats import drop_repeated_boxes
from .residual_gate import judge_body
from .standfirst import lead_with_standfirst
from .story import field_sources
from .tables import keep_data_tables, plan_tables
from .trafilatura_pass import TreeReadings, run_pass
from .visible_bylines import resolve_page_authors

logger = logging.getLogger(__name__)

@dataclass
class HtmlExtraction:
    """Fields the HTML path found in one page."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    top_image: str | None = None
    declared_language: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paywalled: bool = False


def _run_trafilatura(
    tree: HtmlElement, url: str | None, *, recall: bool, options: Options, readings: TreeReadings | None = None
) -> Any:
    # The tree is left as it was, so one parsed tree serves both the metadata
    # reader and any second pass. With a url trafilatura's metadata guesses do
    # not feed the body (it extracts on a copy and only falls back to the
    # page's own url), so they are left to :class:`_Guesses`, which works out
    # only the ones a field ends up needing, and the pass runs trafilatura's
    # steps without the tree copies nothing reads (:mod:`.trafilatura_pass`).
    comments = "comments" in options.kept_categories
    favor_recall = recall or options.favor_recall
    favor_precision = options.favor_precision and not recall
    # The first pass skips trafilatura's comparison with its fallback
    # extractors (a quarter of its time); the recall guards below catch the
    # pages where that comparison would have mattered, and the retry runs it.
    fast = not recall
    if url is not None and _STEPWISE:
        return run_pass(tree, url, comments=comments, recall=favor_recall, precision=favor_precision, fast=fast,
                        readings=readings)
    return bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=comments,
        include_tables=True,
        deduplicate=False,
        favor_recall=favor_recall,
        favor_precision=favor_precision,
        fast=fast,
    )


def _trimmed(value: Any) -> Any:
    """A guess as trafilatura's ``Document.clean_and_trim`` leaves it."""
    if not isinstance(value, str):
        return value
    holder = Document(title=value)
    holder.clean_and_trim()
    return holder.title


#: Not worked out yet (a guess may be ``None``).
_UNSET: Any = object()


class _Guesses:
    """trafilatura's metadata guesses for one page, each worked out on first use.

    The steps of ``trafilatura.metadata.extract_metadata`` as
    ``bare_extraction(with_metadata=True)`` runs them (no author blacklist,
    htmldate with trafilatura's default parameters), on the same unmodified
    tree, so every field has the value that call gives it. Most pages state
    their fields themselves and need only the site name; the byline, category,
    tag and licence searches then never run. Without a body (``doc`` is
    ``None``) trafilatura returns no guesses at all, and neither does this.

    ``external`` (newsclean's own date question, not trafilatura's replay)
    reads the date search's free-text lines in a few languages instead of
    dateparser's every locale (:func:`newsclean.text.date_replay.find_page_date`):
    that one step cost a fifth of a cold page's time. Without it the date is
    htmldate's ``find_date`` as trafilatura calls it.
    """

    def __init__(self, tree: etree._Element, url: str | None, doc: Any, external: External | None = None) -> None:
        self._tree, self._url, self._doc, self._external = tree, url, doc, external
        #: Without a url, bare_extraction ran with its metadata (it may read the page's own url).
        self._carried = url is None or not _STEPWISE
        self._base: Any = None
        self._tags_only: Any = None
        self._raw_url: Any = _UNSET
        self._done: dict[str, Any] = {}
        #: trafilatura's byline, category and tag searches, over one walk of the page.
        self._markup = MarkupGuesses(tree)

    def _examined(self) -> Any:
        """trafilatura's reading of the page's meta tags alone (its JSON-LD step not run yet)."""
        if self._tags_only is None:
            self._tags_only = examine_meta(self._tree)
        return self._tags_only

    def _meta(self) -> Any:
        """trafilatura's meta-tag and JSON-LD metadata (the JSON-LD step is two thirds of its cost)."""
        if self._base is None:
            found = self._examined()
            if found.author and " " not in found.author:
                found.author = None
            try:
                found = extract_meta_json(self._tree, found)
            except Exception as err:  # trafilatura's own guard: bugs in its JSON-LD reader
                logger.warning("error in JSON metadata extraction: %s", err)
            self._base = found
        return self._base

    def _page_url(self) -> Any:
        """The page's url as trafilatura reads it: declared, canonical link, or the one given.

        Worked out on first use: only the url, date and a missing site name read it.
        """
        if self._raw_url is _UNSET:
            self._raw_url = self._meta().url or extract_url(self._tree, self._url)
        return self._raw_url

    def get(self, name: str) -> Any:
        """The field as ``getattr(doc, name, None)`` on ``bare_extraction``'s document."""
        if self._doc is None or self._carried:
            return getattr(self._doc, name, None)
        if name not in self._done:
            self._done[name] = self._work_out(name)
        return self._done[name]

    def _work_out(self, name: str) -> Any:
        # trafilatura's meta and JSON-LD readers run only for the fields that read them.
        tree = self._tree
        if name == "title":
            return _trimmed(self._meta().title or extract_title(tree))
        if name == "author":
            return _trimmed(self._meta().author or self._markup.author())
        if name == "url":
            return _trimmed(self._page_url())
        if name == "date":
            params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
            params["url"] = self._page_url()
            if self._external is not None and isinstance(tree, HtmlElement):
                return _trimmed(find_page_date(
                    tree, params["url"], self._external, original_date=params["original_date"],
                    max_date=params["max_date"],
                ))
            return _trimmed(find_date(tree, **params))
        if name == "sitename":
            sitename = self._meta().sitename or extract_sitename(tree)
            if sitename:
                sitename = sitename.lstrip("@")
                if sitename and "." not in sitename and not sitename[0].isupper():
                    sitename = sitename.title()
            elif self._page_url():
                match = META_URL.match(self._page_url())
                if match:
                    sitename = match[1]
            return _trimmed(sitename)
        if name == "categories":
            return self._meta().categories or self._markup.catstags("category")
        if name == "tags":
            return self._examined().tags or self._markup.catstags("tag")
        if name in ("description", "image"):
            return _trimmed(getattr(self._meta(), name))
        raise KeyError(name)


def extract_html(html: str, url: str | None, options: Options, resources: TextResources) -> HtmlExtraction:
    """Run the HTML path on one page."""
    out = HtmlExtraction()
    tree, out.warnings = load_defused(html, options.max_depth, parse_page)
    if tree is None:
        out.warnings.append("html: the page could not be parsed")
        return out
    meta = read_metadata(tree)
    declared = meta.pick("language", ("jsonld", "html", "meta", "dc"))
    out.declared_language = declared.split("-")[0].split("_")[0].lower()[:2] if declared else None
    language = options.language or out.declared_language
    # A second story loaded below the page's leaves before anything reads the body.
    # The page's declared titles name its story; an <h1> may belong to a follow-up too.
    titles = [str(v) for source, v in meta.sourced("title") if source != "h1"]
    drop_follow_ups(tree, titles or [str(v) for v in meta.all("title")], out.removed)
    plan = plan_tables(tree)
    out.removed.extend(plan.removed)
    # trafilatura reads the page with its layout tables unwrapped (see :mod:`.tables`);
    # its passes share what they read alike from that tree.
    readings = TreeReadings(plan.tree) if isinstance(plan.tree, HtmlElement) else None
    doc, lines = choose_body(
        tree, url, meta,
        lambda recall: _run_trafilatura(plan.tree, url, recall=recall, options=options, readings=readings),
        out.warnings, options, resources,
    )
    if "comments" in options.kept_categories:
        # trafilatura reads a comment section apart from the body; kept, it follows the article.
        lines += [line.strip() for line in (getattr(doc, "comments", None) or "").split("\n") if line.strip()]
    _fill_metadata(out, meta, tree, doc, url, options, language)
    headlines = [out.title or ""] + [str(v) for v in meta.all("title")]
    lines = keep_data_tables(lines, plan.data_rows, out.removed)
    lines = drop_headline(lines, headlines, out.removed)
    # The stages below only read the page: one index serves their walks over it.
    page = PageIndex(tree)
    lines = drop_other_articles(lines, tree, headlines, out.removed)
    lines = drop_teasers(lines, link_texts(tree, page), out.removed, page.key_of)
    lines = drop_card_texts(lines, tree, headlines, out.url, out.removed, page)
    lines = drop_overlay_texts(lines, tree, out.removed, page)
    lines = drop_trailing_outside_frame(lines, tree, out.removed, page)
    lines = drop_repeated_boxes(lines, tree, out.removed, page)
    lines = lead_with_key_points(lines, tree, headlines, page)
    lines = lead_with_standfirst(lines, tree, headlines, page)
    free = meta.pick("accessible_for_free", ("jsonld", "jsonld-page"))
    tables = frozenset(i for i, line in enumerate(lines) if "\n" in line and is_table_block(line))
    residual = filter_paragraphs(
        lines, language, resources, options, accessible_for_free=free, passed=tables, judge=judge_body,
    )
    out.paragraphs = drop_author_bio(residual.paragraphs, out.authors, out.removed)
    out.removed.extend(residual.removed)
    out.paywalled = residual.paywalled
    if not out.paragraphs and lines and not _only_link_texts(lines, tree):
        # Never return an empty body when the page had one: the filter judged
        # everything noise, which is likelier a misjudgement than a page of ads.
        out.paragraphs = lines
        out.warnings.append("html: residual filter removed the whole body; kept it unfiltered")
    return out


def _only_link_texts(lines: list[str], tree: etree._Element) -> bool:
    """Whether every body line is the text of a link: a menu, not a body the residual filter misjudged."""
    links = {comparison_key(" ".join(a.itertext())) for a in tree.iter("a")}
    return all(comparison_key(line) in links for line in lines)


def _fill_metadata(
    out: HtmlExtraction,
    meta: PageMetadata,
    tree: etree._Element,
    doc: Any,
    url: str | None,
    options: Options,
    language: str | None,
) -> None:
    """Resolve each field from its candidates (JSON-LD, meta, markup, trafilatura, URL)."""
    # htmldate's last-resort parser in the page's language and English, as the text path's date search.
    external = reader_for(parser_languages(language)) if language and _REPLAY else None
    guesses = _Guesses(tree, url, doc, external)
    out.url = url or meta.pick("url", ("meta",)) or guesses.get("url")
    declared_names = [str(n) for n in meta.all("site_name") if n]
    # trafilatura's site-name guess reads the same meta tags and JSON-LD
    # publisher first, so a page that declares its name gets nothing new from
    # it; it is worked out (its meta readers, the url) only for pages that do not.
    picked_name = meta.pick("site_name", ("meta", "jsonld", "jsonld-org", "dc", "jsonld-site"))
    guessed_name = None if picked_name else guesses.get("sitename")
    out.site_name = picked_name or guessed_name
    site_names = declared_names + ([guessed_name] if guessed_name else [])
    section = meta.pick("section", ("jsonld", "meta"))
    if section:
        out.section = section
    else:
        categories = guesses.get("categories") or []
        out.section = categories[0] if categories else None
    out.title = resolve_title(meta, site_names, out.url, out.section)
    if out.title is None:
        out.title = normalize_headline(guesses.get("title"), site_names=site_names, url=out.url)
    out.description = meta.pick("description", ("jsonld", "meta", "dc")) or guesses.get("description")
    out.authors = resolve_page_authors(meta, lambda: guesses.get("author"), site_names, out.url, tree)
    context = DateContext.for_page(options, language, out.url)
    published = resolve_published(meta, lambda: guesses.get("date"), out.url, context, tree)
    modified = parse_first_date(meta.all("modified"), context)
    out.published = published.iso if published else None
    out.modified = modified.iso if modified else None
    if out.published and out.modified and out.modified[:10] < out.published[:10]:
        # A modification before publication is a template default, not a date.
        out.modified = None
    tags = meta.pick("tags", ("jsonld", "meta", "dc")) or guesses.get("tags") or []
    unique: dict[str, str] = {}
    for tag in (str(x).strip() for x in tags):
        if tag:
            unique.setdefault(tag.casefold(), tag)
    out.tags = list(unique.values())
    out.top_image = meta.pick("top_image", ("jsonld", "meta")) or guesses.get("image")
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s", field_sources(meta, out.title, out.published, out.authors, out.url, context))
