"""Cleanup of an extracted body with evidence only the HTML page holds.

The text engine's residual filter judges paragraphs by their wording. The
page knows more: which line is the headline, which texts are links to other
stories, who the author is. Each function here
drops one kind of line on that evidence and records it in ``removed``.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..normalize.authors import is_agency
from ..normalize.text import comparison_key
from ..record import Reason, Removed
from .page_index import PageIndex
from .render import element_text

#: How far into the body a repeated headline is looked for.
_HEADLINE_WINDOW = 3
#: A link text this long is a headline, not a "more" or a name.
_TEASER_MIN_WORDS = 4
#: How many closing paragraphs may be an author's bio.
_BIO_WINDOW = 2
#: Endings of a possessive word ("CNBC's", "Reuters'", "CNBC’s").
_POSSESSIVE = ("'s", "’s", "'", "’")
#: An outlet's name before the writer's is at most this many words ("The Daily Post's").
_OUTLET_WORDS = 3
#: A shortened given name keeps at least this many letters ("Liz", "Rob"); shorter is an initial.
_GIVEN_MIN_CHARS = 3
#: An ``<article>`` with this many words of paragraphs is a story of its own.
_STORY_WORDS = 150


def drop_headline(lines: list[str], headlines: list[str], removed: list[Removed]) -> list[str]:
    """Drop the headline (and its variants) where the body repeats it at the top.

    Extractors start the body at the article container, which usually holds
    the ``<h1>``; gold bodies and readers start after it.
    """
    keys = {comparison_key(h) for h in headlines if h}
    keys.discard("")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index < _HEADLINE_WINDOW and not kept and comparison_key(line) in keys:
            removed.append(Removed(Reason.TITLE, line))
            continue
        kept.append(line)
    return kept


def link_texts(tree: etree._Element, page: PageIndex | None = None) -> set[str]:
    """Keys of the page's longer link texts: teaser headlines of other stories.

    A body line that is wholly the text of one link is a "related story"
    teaser the extractor kept, not a sentence of the article. ``page`` is the
    page's shared :class:`~newsclean.html.page_index.PageIndex`, if built.
    """
    text_of = page.text if page is not None else element_text
    key_of = page.key_of if page is not None else comparison_key
    keys: set[str] = set()
    for anchor in tree.iterfind(".//a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            # In-page jumps (a table of contents) repeat the page's own subheadings.
            continue
        text = text_of(anchor)
        if len(text.split()) >= _TEASER_MIN_WORDS:
            keys.add(page.key(anchor) if page is not None else comparison_key(text))
            if len(anchor):
                # Extractors join a link's inline parts (a kicker span, then the
                # headline) without a space: "OpinionWhy rents rise" is the same
                # link. A link of one text node has no parts to join.
                keys.add(key_of(" ".join("".join(anchor.itertext()).split())))
    return keys


def drop_teasers(
    lines: list[str], links: set[str], removed: list[Removed], key: Callable[[str], str] = comparison_key,
) -> list[str]:
    """Drop teaser lines: a line wholly a link's text is another story's headline.

    (Table rows are judged apart, by :func:`newsclean.html.tables.keep_data_tables`.)
    ``key`` keys a line (the page index's memoised
    :meth:`~newsclean.html.page_index.PageIndex.key_of`).
    """
    kept: list[str] = []
    for line in lines:
        if "\n" not in line and len(line.split()) >= _TEASER_MIN_WORDS and key(line) in links:
            removed.append(Removed(Reason.TEASER, line))
        else:
            kept.append(line)
    return kept


def drop_author_bio(paragraphs: list[str], authors: list[str], removed: list[Removed]) -> list[str]:
    """Drop closing paragraphs that open with the byline's name: the author's bio.

    "Jane Doe is a reporter covering ..." sits after the story inside the
    article container. The resolved byline is the evidence, so the rule
    needs no language's wording.
    """
    # Agencies ("The Associated Press") sign machine-written notes that belong to the story.
    names = [a for a in authors if len(a.split()) >= 2
             and not is_agency(a) and not is_agency(a.split(" ", 1)[1])]
    if not names or len(paragraphs) < 3:
        return paragraphs
    end = len(paragraphs)
    while end > len(paragraphs) - _BIO_WINDOW and any(_opens_with_name(paragraphs[end - 1], n) for n in names):
        end -= 1
    removed.extend(Removed(Reason.BIO, p) for p in paragraphs[end:])
    return paragraphs[:end]


def _opens_with_name(paragraph: str, name: str) -> bool:
    """Whether the paragraph opens with the writer's name, in full or as the bio prints it.

    A bio may shorten the byline: a short form of the given name ("Steph"
    for "Stephanie", "Stephanie" for "Steph"), no middle name ("Jane Doe"
    for "Jane Q. Doe"), the outlet before it; the surname stays.
    """
    if paragraph.startswith(name):
        return True
    # The outlet may lead, possessive ("CNBC's Jane Doe is the author of ...").
    lead = paragraph.split(" ", _OUTLET_WORDS)
    owner = next((i for i, word in enumerate(lead[:_OUTLET_WORDS]) if word.endswith(_POSSESSIVE)), None)
    if owner is not None and owner + 1 < len(lead):
        paragraph = " ".join(lead[owner + 1:])
    if paragraph.startswith(name):
        return True
    parts, words = name.split(), paragraph.split()[:2]
    if len(words) < 2 or words[1] != parts[-1]:
        return False
    given, short = parts[0], words[0]
    return len(short) >= _GIVEN_MIN_CHARS and (given.startswith(short) or short.startswith(given))


def _stories(tree: etree._Element) -> list[str]:
    """Comparison keys of the page's outermost ``<article>`` elements that hold a story."""
    found: list[str] = []
    for element in tree.iterfind(".//article"):
        if any(parent.tag == "article" for parent in element.iterancestors()):
            continue
        paragraphs = [" ".join(p.itertext()) for p in element.iterfind(".//p")]
        if sum(len(text.split()) for text in paragraphs) >= _STORY_WORDS:
            found.append(comparison_key(" ".join(element.itertext())))
    return found


def drop_other_articles(
    lines: list[str], tree: etree._Element, headlines: list[str], removed: list[Removed]
) -> list[str]:
    """Keep one story where the extractor ran across two.

    Pages that load the next story below the first (infinite scroll) print
    each in its own ``<article>``; an extractor that takes the common
    container takes both. The story holding the headline stays (else the
    first one the body draws on); lines of the others go as ``teaser``.
    """
    stories = _stories(tree)
    if len(stories) < 2:
        return lines
    owners: list[int | None] = []
    for line in lines:
        key = comparison_key(line)
        owners.append(next((i for i, text in enumerate(stories) if key and key in text), None))
    used = list(dict.fromkeys(o for o in owners if o is not None))
    if len(used) < 2:
        return lines
    keys = [key for key in (comparison_key(h) for h in headlines if h) if key]
    main = next((i for i in used if any(k in stories[i] for k in keys)), used[0])
    kept: list[str] = []
    for line, owner in zip(lines, owners, strict=True):
        if owner is not None and owner != main:
            removed.append(Removed(Reason.TEASER, line))
        else:
            kept.append(line)
    return kept
