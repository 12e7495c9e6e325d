"""The values the text path's stages hand each other.

Each stage of :func:`newsclean.text.extract.extract_text` takes one of these
and returns the next, so a stage can be run, tested, profiled or replaced
alone: ``Prepared`` (the dump as read, with what reading it removed),
``Segmented`` (its blocks and language), ``Judged`` (the classifier's
verdicts and the marks that refine them) and ``Framed`` (the article region
and what its ends cut). The fields stage returns
:class:`~newsclean.text.fields.Fields`; the compose stage the extraction.

The values are frozen; the classifier's verdict list inside them is the one
mutable part, relabelled in place by the stages after it (the fields stage
names date lines and bylines), as it always was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..normalize.dates import ParsedDate
from ..record import Embed, Reason, Removed
from .bio import Bio
from .classify import Verdict
from .lexicon import Lexicon
from .segment import Block


@dataclass(frozen=True)
class Prepared:
    """The dump as the engine reads it, and the spans reading it removed (in reading order)."""

    text: str
    removed: tuple[Removed, ...] = ()
    embeds: tuple[Embed, ...] = ()
    #: A date the input declared before its text ("date: 2024-05-01 ..."), stronger than any date line.
    marker_date: ParsedDate | None = None
    #: The raw dump lost its line breaks (a flattened page): the guard may widen a region that lost the article
    #: (:mod:`.flat_guard`), and a long run of labels after most of its prose ends it (:mod:`.flat_tail`).
    flattened: bool = False
    #: The raw dump lost its line breaks, all or some (flattened, or glued and not Markdown): the header reader
    #: reads it as one stream of words (:func:`~newsclean.text.glued.dump_shape`).
    streamed: bool = False
    #: Lines a Markdown dump showed to be links (menus, teasers, share rows), by text (:mod:`.link_lines`).
    link_lines: Mapping[str, Reason] = field(default_factory=dict)
    #: Lines cut from a list a flattened or glued dump printed as one run (:mod:`.item_runs`), by text.
    item_lines: Mapping[str, Reason] = field(default_factory=dict)
    #: A Markdown dump's one top-level heading ("# ..."), evidence for its headline (:func:`.markdown.top_heading`).
    heading: str | None = None


@dataclass(frozen=True)
class Segmented:
    """The dump's blocks and the language they are judged in."""

    blocks: list[Block]
    #: The language the blocks are judged in: the caller's, else the detected one.
    language: str | None = None
    detected: str | None = None
    confidence: float | None = None
    #: The raw dump lost its line breaks: its blocks are sentences, and runs of them stand for paragraphs.
    flattened: bool = False
    #: The dump's link lines, as :class:`Prepared` carries them.
    link_lines: Mapping[str, Reason] = field(default_factory=dict)
    #: The dump's item lines, as :class:`Prepared` carries them.
    item_lines: Mapping[str, Reason] = field(default_factory=dict)


@dataclass(frozen=True)
class Judged:
    """The classifier's verdict on each block and the marks that refine it."""

    verdicts: list[Verdict]
    #: The page's lexicon narrowed to its language (read again by the fields and paywall stages).
    lexicon: Lexicon
    #: Each block's comparison key, computed once: blocks are compared under it throughout.
    keys: list[str]
    #: Story links and photo captions: noise that may still be the page's headline.
    links: frozenset[int] = frozenset()
    captions: frozenset[int] = frozenset()
    #: Prose blocks printed twice on the page (a teaser list), scored down.
    repeated: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Framed:
    """The article region ``[start, end)`` and the blocks its ends cut, with their reasons."""

    start: int
    end: int
    trimmed: Mapping[int, str]
    bio: Bio | None = None
    warnings: tuple[str, ...] = ()
    #: The region is a list-only article: its repeated items (a name in several categories) are its own.
    listed: bool = False
    #: Lines a lexicon named that are the list article's own (a flattened list's fragments read as a menu).
    relabelled: frozenset[int] = frozenset()
