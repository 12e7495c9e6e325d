"""Plain text from Markdown renders of pages.

Many scrapers store pages as Markdown (html2text, markdownify, reader
services made for LLM corpora): every menu item and teaser becomes
``[Label](https://...)``, images ``![alt](src)``, headings ``## Title``,
emphasis ``**bold**``. Left in, the URLs read as words and the syntax
hides the shapes the classifier relies on (a menu line is a bracketed link,
not a capitalised label). This module turns such a dump into the plain
text another renderer would have printed, before segmentation; text that
is not Markdown passes through unchanged.

The syntax is also the strongest evidence such a dump carries, so it is
read before it goes: for every output line, how much of its text was link
labels, whether it was a list item or a heading, and where its links
pointed (:class:`LineMarks`, judged by :mod:`.link_lines`); and once the
text is segmented, which block printed the one top-level heading
(:func:`heading_block`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize.text import comparison_key
from .line_ends import is_bulleted
from .segment import Block
from .slugs import spells_host

#: Link targets: anything on the line up to the closing parenthesis (renderers
#: leave spaces unescaped in share links: "whatsapp://send?text=Two words"),
#: with one level of nested parentheses ("Mannheim_(Stadt)").
_TARGET = r"\((?:[^()\n]|\n(?![ \t]*\n)|\([^()\n]*\))*\)"
#: An image: ``![alt](src)``; as (part of) a link's label, the link is then read on its own.
_IMAGE = re.compile(rf"!\[(?P<alt>(?:[^\]\\\n]|\n(?![ \t]*\n)|\\.)*)\]{_TARGET}")
#: A link: ``[label](href)``; the label may not itself hold brackets.
_LINK = re.compile(rf"\[(?P<label>(?:[^\[\]\n]|\n(?![ \t]*\n))*)\]{_TARGET}")
#: A reference link ``[label][1]`` and its definition line ``[1]: https://...``.
_REF_LINK = re.compile(r"\[(?P<label>[^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.MULTILINE)
#: Autolinks: ``<https://example.org>``.
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\s<>]+>")
_HEADING = re.compile(r"^([ \t]{0,3})#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
#: A heading inside a list item ("3. 4. # Title", "* ## Title"), as html2text prints an ``<h1>`` in a
#: breadcrumb's or teaser list's ``<li>``: the item keeps its marker and its words, the "#"s go.
_ITEM_HEADING = re.compile(
    r"^([ \t]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)+)#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE
)
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
#: Nested list markers on one line ("* * Item") are one bullet.
_NESTED_BULLETS = re.compile(r"^([ \t]*)[*+-][ \t]+(?:[*+-][ \t]+)+", re.MULTILINE)
#: Paired emphasis inside a line; a lone "*" (a bullet, a footnote mark) stays.
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
#: Backslash escapes html2text writes before punctuation ("1\.", "\- ", "\*").
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
#: A dump is read as Markdown when it has this many links or images.
_MIN_MARKUP = 3
#: In-band marks (Unicode noncharacters, which text never carries) that carry a link label's extent and a heading's
#: level through the substitutions below, read off each line, then removed.
_OPEN, _CLOSE, _HEAD = "\ufdd0", "\ufdd1", "\ufdd2"
_MARKS = re.compile(f"[{_OPEN}{_CLOSE}{_HEAD}]")
#: A list item's marker as html2text and markdownify write it: a bullet or "1.".
_LIST_ITEM = re.compile(r"^[ \t]*(?:[*+-]|\d{1,3}\.)[ \t]+")
#: The characters a line's share of link text is measured on (markers and spaces do not count).
_WORD_CHAR = re.compile(r"[^\W_]")
#: A label from its first to its last word character.
_LABEL_CORE = re.compile(r"[^\W_].*(?<=[^\W_])|[^\W_]", re.DOTALL)


@dataclass(frozen=True)
class LineMarks:
    """What the Markdown said about one output line before it was removed."""

    #: Word characters of the line that were link labels, and all its word characters.
    link_chars: int = 0
    chars: int = 0
    #: The line was a list item ("* ...", "1. ...").
    bullet: bool = False
    #: Its heading level (1 for "# ..."), 0 when it was no heading.
    heading: int = 0
    #: The targets of the links on the line, in order.
    urls: tuple[str, ...] = ()

    @property
    def link_share(self) -> float:
        """The share of the line's text that was link labels (0 for a line without words)."""
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass
class Unmarked:
    """The dump without its Markdown, the images it pointed to, and each output line's marks.

    ``lines`` is empty for a dump that was not Markdown; else it has one entry
    per line of ``text``.
    """

    text: str
    images: list[str] = field(default_factory=list)
    lines: list[LineMarks] = field(default_factory=list)


def is_markdown(text: str) -> bool:
    """Whether ``text`` carries Markdown links or images (a plain dump rarely has "](")."""
    return len(_LINK.findall(text, 0, 200_000)) + len(_IMAGE.findall(text, 0, 200_000)) >= _MIN_MARKUP


def unmark(text: str) -> Unmarked:
    """Plain text from a Markdown dump (unchanged when it is not one).

    Images go (their alt text is a caption at best, and the gold of every
    benchmark leaves it out); links keep their label; headings, quotes and
    emphasis keep their words; rules become blank lines, so they still part
    blocks.
    """
    if not is_markdown(text):
        return Unmarked(text)
    images: list[str] = []
    urls: list[str] = []

    def image(match: re.Match[str]) -> str:
        images.append(match.group("alt").strip())
        return ""

    def link(match: re.Match[str]) -> str:
        label = " ".join(match.group("label").split())
        if not _WORD_CHAR.search(label):
            # A link whose label was an image alone ("[](href)") leaves nothing; one of
            # punctuation ("[___](href)") is read as the bare label (a rule), and weighs nothing.
            return label
        urls.append(match.group(0)[match.end("label") - match.start() + 2:-1].split(" ", 1)[0])
        # The marks wrap the label's words only: a label's leading "# " or "* " must still read
        # as a heading or a bullet to the patterns that follow.
        core = _LABEL_CORE.search(label)
        assert core is not None  # the label has a word character
        return f"{label[:core.start()]}{_OPEN}{core.group(0)}{_CLOSE}{label[core.end():]}"

    def heading(match: re.Match[str]) -> str:
        level = len(match.group(0).lstrip(" \t")) - len(match.group(0).lstrip(" \t").lstrip("#"))
        return f"{match.group(1)}{_HEAD * level}{match.group(2)}"

    text = _MARKS.sub("", text)
    text = _IMAGE.sub(image, text)
    text = _REF_DEFINITION.sub("", text)
    text = _LINK.sub(link, text)
    text = _REF_LINK.sub(lambda m: m.group("label"), text)
    text = _AUTOLINK.sub("", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(heading, text)
    text = _ITEM_HEADING.sub(r"\1\2", text)
    text = _QUOTE.sub("", text)
    text = _NESTED_BULLETS.sub(r"\1* ", text)
    # Marks are read before emphasis goes: the emphasis patterns look around a span, and would
    # see a mark where the label's neighbour was (emphasis stays inside a line, so lines still match).
    marks = _read_marks(text.split("\n"), urls)
    text = _MARKS.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return Unmarked(text, [alt for alt in images if alt], marks)


def top_heading(text: str, marks: Sequence[LineMarks]) -> str | None:
    """The dump's one level-1 heading ("# ..."), spaces collapsed; ``None`` when it has none or several.

    A Markdown renderer prints the page's ``<h1>`` as "# ": on an article
    page that is its headline, a signal no plain dump carries. A blog's
    ``<h1>`` is often its name in the banner instead, so the heading is
    evidence for the headline reader (which only looks near the article),
    not the answer; a page with several is a listing or marks up every
    teaser as one, and says nothing.
    """
    lines = text.split("\n")
    if len(lines) != len(marks):
        return None
    found = [" ".join(lines[i].split()) for i, mark in enumerate(marks) if mark.heading == 1]
    found = [line for line in found if any(ch.isalpha() for ch in line)]
    return found[0] if len(found) == 1 else None


def _read_marks(lines: list[str], urls: list[str]) -> list[LineMarks]:
    """Each line's marks, read off the in-band characters the substitutions left (before escapes go,
    so an escaped "1\\." is no list item)."""
    marks: list[LineMarks] = []
    taken = 0
    for line in lines:
        link_chars = sum(len(_WORD_CHAR.findall(label)) for label in _labels(line))
        count = line.count(_OPEN)
        level = len(line) - len(line.lstrip(" \t").lstrip(_HEAD)) - (len(line) - len(line.lstrip(" \t")))
        marks.append(LineMarks(
            link_chars=link_chars,
            chars=len(_WORD_CHAR.findall(line)),
            bullet=bool(_LIST_ITEM.match(line)),
            heading=level,
            urls=tuple(urls[taken:taken + count]),
        ))
        taken += count
    return marks


def _labels(line: str) -> list[str]:
    """The link labels on a marked line (a label whose close mark a later step lost runs to the end)."""
    return [part.split(_CLOSE, 1)[0] for part in line.split(_OPEN)[1:]]


def heading_block(blocks: Sequence[Block], keys: Sequence[str], heading: str, start: int,
                  url: str | None) -> int | None:
    """The block a Markdown dump printed as its one "# " heading, nearest the article's ``start``.

    A teaser list or breadcrumb may print the same words as a list item:
    that printing is not the heading. A heading that spells the site's
    host name ("# regards.fr", a blog's banner) names the site, not the story.
    """
    key = comparison_key(heading)
    if not key or spells_host(heading, url):
        return None
    found = [i for i, k in enumerate(keys) if k == key and not is_bulleted(blocks[i].text)]
    return min(found, key=lambda i: abs(i - start), default=None)
