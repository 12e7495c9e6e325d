"""The header/fields stage of the text path: headline, dates, section, tags and authors of a dump.

The body stages (segment, classify, region, ends) say where the article is;
this stage reads the page's header above it and its footer below it as one
structure (kicker, headline, section label, byline, date line, tag list,
agency credit) and returns the record's fields together with the role each
block it used plays. The roles go back to the compose stage, so the lines
that gave a field are removed under that field's name, and to ``explain``,
which shows which lines gave each field.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from ..normalize.authors import normalize_authors
from ..normalize.dates import DateContext, ParsedDate
from ..normalize.text import comparison_key
from ..normalize.url_date import date_from_url
from ..options import Options
from .bio import Bio
from .breadcrumbs import trail_end, unnumbered
from .bylines import header_bylines
from .calendar_words import calendar_words
from .classify import Verdict, holds_credit
from .date_search import search_date
from .datelines import DATE_WINDOW, FOOTER_REACH, date_lines, first_embedded_date, pick_dates
from .evidence import Evidence
from .glued_kicker import split_glued_kicker
from .header import HeaderFields, find_footer, find_section
from .headline import FAR_LOOKBACK, find_headline
from .headline_shape import quotes_story
from .kicker import find_kicker, join_kicker, punctuated_printing
from .lexicon import Lexicon
from .line_ends import is_bulleted, strip_bullet
from .markdown import heading_block
from .region import lone_prose
from .segment import Block
from .short_headline import find_short_headline
from .slug_span import stream_headline
from .slugs import story_slug_tokens
from .stream_byline import WINDOW_WORDS, name_before_date, stream_byline

logger = logging.getLogger(__name__)

#: Blocks between two printings of the headline that still belong to one header.
_REPEAT_SPAN = 8
#: How far above the article region the header's lines are looked for (blocks).
_HEADER_REACH = 2 * DATE_WINDOW


@dataclass(frozen=True)
class Located:
    """What the body stages found that the fields stage reads: the page's blocks and the article region.

    ``verdicts`` is the classifier's list; the fields stage relabels date
    lines and bare-name bylines in it (``dateline``, ``byline``) so the
    compose stage removes them under those names.
    """

    blocks: Sequence[Block]
    verdicts: list[Verdict]
    keys: Sequence[str]
    start: int
    end: int
    #: Story links and photo captions: noise that may still be the page's headline.
    links: frozenset[int] = frozenset()
    captions: frozenset[int] = frozenset()
    bio: Bio | None = None
    #: A date the input declared before its text ("date: 2024-05-01 ..."), stronger than any date line.
    marker_date: ParsedDate | None = None
    #: A Markdown dump's one top-level heading: the headline when it sits by the article.
    heading: str | None = None
    #: The dump itself when it lost its line breaks (flattened or glued): its headline is read from the stream.
    stream: str | None = None


@dataclass
class Fields:
    """The record's fields read from a dump, and the blocks that gave them."""

    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Block index -> the role it plays in the header or footer (``title``, ``dateline``, ``byline``, ...).
    roles: dict[int, str] = field(default_factory=dict)
    #: Field name -> the lines that gave it, quoted (or ``the URL``, ``htmldate``): what ``explain`` shows.
    sources: dict[str, list[str]] = field(default_factory=dict)


def read_fields(
    page: Located, options: Options, lexicon: Lexicon, evidence: Evidence, language: str | None, url: str | None
) -> Fields:
    """The header and footer of the article region, read as the record's fields.

    In reading order: the date lines around the region, the header (headline,
    kicker, section), the dates, the footer (tags, section, agency), the
    bylines. Each step records the blocks it used in ``roles``.
    """
    blocks, verdicts, start, end = page.blocks, page.verdicts, page.start, page.end
    out = Fields()
    # Date lines are looked for around and inside the region only: parsing
    # every number-bearing menu line of a page would cost more than the rest.
    unresolved: list[str] = []
    context = DateContext.for_page(options, language, url)
    dates = date_lines(list(blocks[max(0, start - _HEADER_REACH): end + FOOTER_REACH]), verdicts, context, unresolved)
    _label_dates(dates, verdicts, out.roles, replace_role=True)
    # Section names and tags are menu-like labels; a navigation verdict does
    # not disqualify them, other noise does.
    label_noise = [v.category not in (None, "navigation") for v in verdicts]
    header = _read_header(page, dates, label_noise, url, language, lexicon, out, evidence.stoplist(language))
    if header.far is not None and header.far < start - _HEADER_REACH:
        more = date_lines(list(blocks[header.far: start - _HEADER_REACH]), verdicts, context, unresolved)
        _label_dates(more, verdicts, out.roles, replace_role=False)
        dates = {**more, **dates}
    spelled = stream_headline(page.stream, url) if page.stream else None
    # The words after the headline of a dump that lost its breaks: its standfirst, byline and date line.
    after = page.stream[spelled[1]:].split()[:WINDOW_WORDS] if spelled is not None and page.stream else []
    _read_dates(page, dates, header.head if header.far is None else header.far, context, unresolved, url, out,
                after)
    footer = _read_footer(page, label_noise, evidence, out)
    bylines, named = header_bylines(
        blocks, verdicts, dates, header.head if header.title_index is not None else None, start, lexicon,
        mark_names="byline" not in options.kept_categories, top=header.far, stopwords=evidence.stoplist(language),
    )
    for index in named:
        out.roles.setdefault(index, "byline")
    out.authors = normalize_authors(bylines + footer.agencies)
    author_lines = bylines + footer.agencies
    if not out.authors and page.bio is not None:
        # The box closing the article names its writer.
        out.authors = normalize_authors([page.bio.name])
        author_lines = [page.bio.name]
    if out.authors:
        out.sources["authors"] = [_quoted(line) for line in dict.fromkeys(author_lines)]
    if header.title_index is not None:
        out.sources["title"] = [_quoted(blocks[i].text) for i in (header.kicker, header.title_index) if i is not None]
    if spelled is not None:
        # The lines of a dump that lost its breaks seldom hold the headline alone: the run of the
        # stream the address spells is the headline as printed, and its byline follows it.
        out.title = _headline_text(spelled[0], language)
        out.sources["title"] = [_quoted(spelled[0])]
        writers = stream_byline(after, lexicon, evidence.stoplist(language))
        if not writers and not out.authors:
            # No labelled byline anywhere: a bare name right before the header's date is one.
            writers = name_before_date(after, lexicon, evidence.stoplist(language), calendar_words(language))
        if writers:
            out.authors = normalize_authors(writers)
            out.sources["authors"] = [_quoted(" ".join(writers))]
    logger.debug("title from %s; published from %s; authors from %s",
                 "none" if header.title_index is None else f"block {header.title_index}", _date_origin(out.sources),
                 "a byline" if bylines else "the footer" if footer.agencies else "the author box" if out.authors
                 else "none")
    return out


def _label_dates(
    dates: Collection[int], verdicts: Sequence[Verdict], roles: dict[int, str], *, replace_role: bool
) -> None:
    """Name the date lines ``dateline`` (their verdicts keep a category they already had)."""
    for index in dates:
        if replace_role:
            roles[index] = "dateline"
        else:
            roles.setdefault(index, "dateline")
        verdicts[index].category = verdicts[index].category or "dateline"


@dataclass(frozen=True)
class _Header:
    """Where the article's header is: its headline and kicker blocks, its first block, and a far start."""

    title_index: int | None
    kicker: int | None
    #: The headline's first printing in the header, else the region's start.
    head: int
    #: A headline far above the region (share rows, menus, notices between): the header starts there.
    far: int | None


def _captioned(page: Located, lexicon: Lexicon) -> frozenset[int]:
    """The page's captions, and the lines near the article that close on a photo credit.

    A lead photo's caption that ends with its credit ("... on Wednesday.
    Photo by A / AP") tells the story in the lead's words and sits right
    above the text, where it outscored the headline; the caption marker
    leaves such a line alone when it reads as prose. Its credit says what it
    is: a headline does not close on one.
    """
    first = max(0, page.start - FAR_LOOKBACK)
    credited = {i for i in range(first, min(len(page.blocks), page.start + 2))
                if holds_credit(page.blocks[i].text, lexicon)}
    return page.captions | credited if credited else page.captions


def _read_header(
    page: Located, dates: Collection[int], label_noise: Sequence[bool], url: str | None, language: str | None,
    lexicon: Lexicon, out: Fields, stopwords: frozenset[str] | None = None,
) -> _Header:
    """The header stage: headline (with its kicker) and section, named in ``out``."""
    blocks, verdicts, start, end, roles = page.blocks, page.verdicts, page.start, page.end, out.roles
    # A story link or a caption may still be the page's headline (a series
    # label, a lead photo's credit right under the headline); a list item
    # ("* Russia-Ukraine war homepage") is a menu's or a teaser box's, never.
    slug = story_slug_tokens(url)
    headline_noise = [
        (v.category is not None and i not in page.links and i not in page.captions)
        or (is_bulleted(blocks[i].text) and not quotes_story(blocks[i].text, slug))
        for i, v in enumerate(verdicts)
    ]
    anchors = _furniture(verdicts, dates, start)
    headed = heading_block(blocks, page.keys, page.heading, start, url) if page.heading else None
    prose = frozenset(i for i in range(start, min(end, start + 2)) if verdicts[i].prose)
    title_index = find_headline(blocks, headline_noise, start, end, url, weak=_captioned(page, lexicon),
                                anchors=anchors, keys=page.keys, headed=headed, prose=prose)
    if title_index is None:
        title_index = find_short_headline(blocks, headline_noise, start, end, url, anchors)
    if title_index is None and page.stream is None:
        # The region starts late (a paywall's or a video's box under the header): a printing of the
        # headline the page repeats further above. Not in a dump that lost its breaks, whose repeated
        # lines are paragraphs a renderer glued (its headline is read from the stream).
        title_index = find_headline(blocks, headline_noise, start, end, url, weak=_captioned(page, lexicon),
                                    anchors=anchors, keys=page.keys, prose=prose, reprinted=True)
    bulleted = None
    if title_index is None:
        bulleted = title_index = _bulleted_headline(page, headline_noise, anchors, url)
    kicker = None if title_index is None else find_kicker(blocks, headline_noise, title_index, page.keys)
    if title_index is not None:
        own = trail_end(unnumbered(blocks, title_index))
        if bulleted is not None:
            own = strip_bullet(own)
        printed = (punctuated_printing(blocks, page.keys, title_index)
                   or split_glued_kicker(own, blocks, page.keys, title_index, stopwords) or own)
        out.title = _headline_text(printed if kicker is None else join_kicker(blocks[kicker].text, printed), language)
        title_key = comparison_key(out.title)
        body = lone_prose(blocks, verdicts, start, end)
        # The headline's own line is a printing of it even where its list number was dropped.
        numbered = own != blocks[title_index].text
        occurrences = [i for i, key in enumerate(page.keys)
                       if (key == title_key or (numbered and i == title_index)) and i != body]
        for index in occurrences:
            roles[index] = "title"
        if kicker is not None:
            roles[kicker] = "title"
        section_index = find_section(blocks, label_noise, occurrences, set(dates))
        if section_index is not None:
            out.section = blocks[section_index].text.strip()
            roles[section_index] = "section"

    head = min((i for i, r in roles.items() if r == "title"), default=start)
    # A headline found far above the region (share rows, menus and notices
    # between header and text) brings its header with it: its date line and
    # byline are read from the headline down.
    # The headline printed twice in a row (a related-stories box opening with
    # it) starts the header at its first printing.
    top = min((i for i, r in roles.items() if r == "title" and title_index is not None
               and title_index - _REPEAT_SPAN <= i <= title_index), default=title_index)
    top = _headed_printing(verdicts, roles, start, top)
    far = top if top is not None and top < start - DATE_WINDOW else None
    return _Header(title_index, kicker, head, far)


def _bulleted_headline(page: Located, noise: Sequence[bool], anchors: Collection[int], url: str | None) -> int | None:
    """A headline a renderer printed as a list item right by the header's date line or byline, when no line won.

    List items near an article are menus and teaser boxes, so the headline
    reader passes over them; a page that marks its headline up as a list's
    item (inscriptis prints it "* Headline") leaves it no other line. Only
    an item next to the header's furniture is read, scored as any
    candidate, so it must still name the story to convince.
    """
    blocks, verdicts = page.blocks, page.verdicts
    beside = {i for anchor in anchors for i in (anchor - 1, anchor + 1)}
    allowed = [noise[i] and not (i in beside and is_bulleted(blocks[i].text)
                                 and verdicts[i].category in (None, "navigation"))
               for i in range(len(blocks))]
    if allowed == list(noise):
        return None
    return find_headline(blocks, allowed, page.start, page.end, url, weak=page.captions, anchors=anchors,
                         keys=page.keys)


def _read_dates(
    page: Located, dates: dict[int, list[tuple[ParsedDate, str | None]]], head: int, context: DateContext,
    unresolved: list[str], url: str | None, out: Fields, after: Sequence[str] = (),
) -> None:
    """Publication and modification dates: the header's date lines, else the URL's day, else htmldate's search.

    ``after``: the words after a stream's headline, where its date line is when its block ran into the lead.
    """
    blocks = page.blocks
    published, modified = pick_dates(dates, head, page.start, page.end)
    date_from = [_quoted(blocks[i].text) for i, found in dates.items() if any(p is published for p, _ in found)][:1]
    url_day = date_from_url(url)
    if published is None and after:
        # The first date after the headline, unless the address names another day: a standfirst
        # dates the events it reports ("on 19 November"), the address the article.
        stated = first_embedded_date(" ".join(after), context)
        if stated is not None and url_day in (None, stated.day):
            published, date_from = stated, [_quoted(" ".join(after))]
    if published is not None and url_day and _swapped(published.day, url_day):
        # "06/01/2026 13:55" read month first where the page's address says 2026/01/06: its time stays.
        published = replace(published, iso=url_day + published.iso[10:])
        date_from += ["the URL"]
    if page.marker_date:
        published, date_from = page.marker_date, ["the leading marker"]
    if published is None:
        # As in the HTML path, the URL's day comes after the page's own statements.
        published, _ = context.parse(date_from_url(url) or "")
        date_from = ["the URL"]
    if published is None:
        # A date the page states away from its header, as htmldate finds it.
        published = search_date((b.text for b in blocks), url, context, range(page.start, page.end))
        date_from = ["htmldate"]
    if published is None:
        out.warnings.extend(dict.fromkeys(unresolved))
    else:
        out.sources["published"] = date_from
    out.published = published.iso if published else None
    out.modified = modified.iso if modified else None
    for parsed in (published, modified):
        if parsed is not None:
            out.warnings.extend(parsed.warnings)


def _read_footer(page: Located, label_noise: Sequence[bool], evidence: Evidence, out: Fields) -> HeaderFields:
    """The footer stage: tags, a section label and an agency credit below the region, named in ``out``."""
    blocks, end = page.blocks, page.end
    body_preview = " ".join(b.text for b in blocks[page.start:end])
    footer = find_footer(blocks, label_noise, end, f"{out.title or ''} {body_preview}", out.section, evidence)
    out.tags = footer.tags
    for index in footer.tag_blocks:
        out.roles[index] = "tags"
    for index in footer.section_blocks:
        out.roles[index] = "section"
        out.section = out.section or blocks[index].text.strip()
    for index in footer.agency_blocks:
        out.roles[index] = "byline"
    return footer


def _date_origin(sources: dict[str, list[str]]) -> str:
    """Where the publication date came from, as the verbose log tells it."""
    found = sources.get("published")
    if not found:
        return "none"
    return "a date line" if found[0].startswith('"') else found[0]


def _swapped(day: str, url_day: str) -> bool:
    """Whether ``day`` is the URL's day with month and day swapped: a numeric date read in the wrong order."""
    if day == url_day:
        return False
    year, month, date = day.split("-")
    return f"{year}-{date}-{month}" == url_day


def _quoted(line: str) -> str:
    """A line of the dump as a field's source: quoted, whitespace collapsed (``the URL`` and ``htmldate`` are not)."""
    return f'"{" ".join(line.split())}"'


def _headed_printing(verdicts: Sequence[Verdict], roles: dict[int, str], start: int, top: int | None) -> int | None:
    """The printing of the headline that heads the article's header, when another printing was chosen.

    A page prints its headline again nearer the text (over a video, in a
    sticky bar); the header (standfirst, byline, date line) sits under the
    first printing, far above the region. A printing above the chosen one
    with a byline right under it starts the header. A date or a reading
    time under a printing is no such sign: a teaser list prints the
    headline with its age ("vor 4 Monaten") too.
    """
    if top is None:
        return top
    for index in sorted(i for i, r in roles.items() if r == "title" and i < min(top, start - DATE_WINDOW)):
        below = range(index + 1, min(len(verdicts), index + 1 + _HEADED_REACH))
        if any(verdicts[i].category == "byline" for i in below):
            return index
    return top


#: How many blocks under a headline's printing its byline may sit (standfirst, caption between).
_HEADED_REACH = 5
#: Verdicts of the lines a header prints under its headline.
_FURNITURE = frozenset({"byline", "meta", "dateline"})


def _furniture(verdicts: Sequence[Verdict], dates: Collection[int], start: int) -> frozenset[int]:
    """The header's byline, date and reading-time lines above the article's first blocks."""
    return frozenset(
        i for i in range(max(0, start - 2 * _HEADER_REACH), min(len(verdicts), start + 2))
        if i in dates or verdicts[i].category in _FURNITURE
    )


#: "Kicker : Headline": a renderer's space between a kicker's element and the colon after it.
_SPACED_COLON = re.compile(r"(?<=\w)\s+:(?=\s)")


def _headline_text(text: str, language: str | None) -> str:
    """The headline line as printed, without a renderer's space before a kicker's colon.

    French typography puts a space before the colon, so French headlines keep it.
    """
    text = text.strip()
    return text if language == "fr" else _SPACED_COLON.sub(":", text)
