"""The text path's first two stages: read the dump's lines, then cut what is embedded in them.

Reading (the *unwrap* stage) normalises the dump, gives a flattened dump its
line breaks back, joins wrapped paragraphs, drops Markdown and image
placeholders (noting the lines a Markdown dump shows to be menus, teaser
lists or share rows) and takes a leading ``date: ...`` marker as the input's own
date. The *embeds* stage then cuts what sits inside lines rather than
between them: link annotations, social embeds, close glyphs. Both report
every span they remove, so nothing leaves the page unexplained.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..normalize.dates import DateContext, ParsedDate
from ..normalize.text import normalize_text
from ..options import Options
from ..record import Reason, Removed
from .box_labels import split_box_labels
from .embeds import cut_embeds
from .evidence import Evidence
from .glued import DumpShape, dump_shape, restore_dump_items
from .item_runs import DATED, HEADLINES, RANKED
from .lexicon import Lexicon
from .link_lines import find_link_lines
from .markdown import Unmarked, top_heading, unmark
from .stage_values import Prepared
from .unwrap import strip_placeholders, unwrap

_LEADING_MARKER = re.compile(
    r"^\s*(?:date|datum|fecha|data|published|pubdate|time)\s*[:=]?\s*"
    r"(?P<date>(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+",
    re.IGNORECASE,
)
#: Kinds of item chains (:mod:`.item_runs`) whose items are named teasers. A numbered list is cut
#: but not named: articles number their steps, rooms and jokes as "most read" boxes number headlines
#: (named, te-dev flat renders lost 3 articles' lists, one page its article: 0.8-1.0 -> 0.0-0.5).
#: A box ranked by bare figures whose items read as headlines is named (:mod:`.ranked_items`).
TEASER_ITEMS = frozenset({DATED, HEADLINES, RANKED})
_CLOSE_GLYPHS = re.compile(r"(?<!\d)\s[×✕✖](?:\s|$)(?!\s?\d)")


def _has_close_glyph(text: str) -> bool:
    """Whether a close glyph occurs at all: the pattern opens with a look-behind, so
    searching a whole dump for it tests every position; three substring tests do not."""
    return "×" in text or "✕" in text or "✖" in text


def read_lines(text: str, lexicon: Lexicon | None = None) -> Unmarked:
    """The dump as the engine reads it: normalised, unwrapped, without Markdown or image placeholders
    (with the engine's ``lexicon``, a glued dump's noise sentences on lines of their own)."""
    return _read(text, lexicon)[0]


def _read(text: str, lexicon: Lexicon | None, shape: DumpShape | None = None) -> tuple[Unmarked, dict[str, str]]:
    """:func:`read_lines`, and the lines cut from lists glued into one run, with the kind of the list.

    ``shape`` is :func:`~newsclean.text.glued.dump_shape` of the raw ``text``: it
    holds for the normalised text too when normalising left the text as it was
    (most dumps), and is read again otherwise.
    """
    normalized = normalize_text(text)
    # A dump that lost its line breaks, or some of them, gets them back where labels are glued to prose.
    shape = shape if shape is not None and normalized == text else dump_shape(normalized)
    restored, items = restore_dump_items(normalized, lexicon, shape)
    if lexicon is not None and not shape.markdown:
        # A box's label glued to its first items ends the article on a line of its own.
        restored = split_box_labels(restored, lexicon)
    text, placeholders = strip_placeholders(unwrap(restored))
    unmarked = unmark(text)
    unmarked.images[:0] = placeholders
    return unmarked, items


def read_dump(text: str, options: Options, url: str | None = None, lexicon: Lexicon | None = None) -> Prepared:
    """The unwrap stage: the dump's lines as the engine reads them, and its leading date marker
    (``url``, the page's address, tells a Markdown dump's links to the page itself from the rest;
    ``lexicon`` finds the noise sentences glued into a glued dump's lines)."""
    shape = dump_shape(text)
    unmarked, items = _read(text, lexicon, shape)
    removed = [Removed(Reason.IMAGE_CREDIT, alt) for alt in unmarked.images]
    text = unmarked.text
    # A Markdown dump shows which lines are links: menus, teaser lists and share rows, named when judged.
    link_lines = find_link_lines(text, unmarked.lines, url) if "teaser" not in options.kept_categories else {}
    # A dump that lost its lines glued its teaser lists into runs: the items cut from them are teasers.
    item_lines = (
        {line: Reason.TEASER for line, kind in items.items() if kind in TEASER_ITEMS}
        if "teaser" not in options.kept_categories else {}
    )
    # ... and which line was its one "# " heading: the headline, when it sits by the article.
    heading = top_heading(text, unmarked.lines) if unmarked.lines else None
    marker_date: ParsedDate | None = None
    marker = _LEADING_MARKER.match(text)
    if marker:
        marker_date, _ = DateContext(min_year=options.min_year).parse(marker.group("date"))
        removed.append(Removed(Reason.DATELINE, marker.group(0).strip()))
        text = text[marker.end():]
    return Prepared(text, tuple(removed), marker_date=marker_date, flattened=shape.flattened,
                    streamed=shape.streamed, link_lines=link_lines, item_lines=item_lines, heading=heading)


def cut_embedded(page: Prepared, evidence: Evidence) -> Prepared:
    """The embeds stage: link annotations, social embeds and close glyphs cut out of the lines."""
    text, annotations = evidence.cut_link_annotations(page.text)
    removed = list(page.removed)
    removed.extend(Removed(Reason.MARKUP, annotation.strip()) for annotation in annotations)
    text, embed_spans = cut_embeds(text)
    embeds = [*page.embeds]
    for span in embed_spans:
        embeds.append(span.embed)
        removed.append(Removed(Reason.EMBED, span.embed.text or span.embed.handle or ""))
    if _has_close_glyph(text):
        removed.extend(Removed(Reason.NAVIGATION, glyph.strip()) for glyph in _CLOSE_GLYPHS.findall(text))
    return replace(page, text=text, removed=tuple(removed), embeds=tuple(embeds))
