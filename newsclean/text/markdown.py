"""Plain text from Markdown renders of pages.

Many scrapers store pages as Markdown (html2text, markdownify, reader
services made for LLM corpora): every menu item and teaser becomes
``[Label](https://...)``, images ``![alt](src)``, headings ``## Title``,
emphasis ``**bold**``. Left in, the URLs read as words and the syntax
hides the shapes the classifier relies on (a menu line is a bracketed link,
not a capitalised label). This module turns such a dump into the plain
text another renderer would have printed, before segmentation; text that
is not Markdown passes through unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


@dataclass
class Unmarked:
    """The dump without its Markdown, and the images it pointed to."""

    text: str
    images: list[str] = field(default_factory=list)


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

    def image(match: re.Match[str]) -> str:
        images.append(match.group("alt").strip())
        return ""

    text = _IMAGE.sub(image, text)
    text = _REF_DEFINITION.sub("", text)
    # A link whose label was an image alone ("[](href)") leaves nothing.
    text = _LINK.sub(lambda m: " ".join(m.group("label").split()), text)
    text = _REF_LINK.sub(lambda m: m.group("label"), text)
    text = _AUTOLINK.sub("", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(r"\1\2", text)
    text = _QUOTE.sub("", text)
    text = _NESTED_BULLETS.sub(r"\1* ", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return Unmarked(text, [alt for alt in images if alt])
