"""Record fields made safe to display and store, applied once where the record is assembled.

Metadata comes from the page's author, who may be hostile: a title holding
a right-to-left override (U+202E) displays reversed text wherever the record
is shown ("Trojan Source"); a ``javascript:``, ``data:`` or ``file:`` URL in
``og:image`` or the canonical link runs code or names a local file in the
tool that opens it; a 1 MB ``<title>`` or a 10,000-name author list bloats
every record of the batch. The extractors of each field are tuned for real
pages and edited often, so this module applies the same rules to every field
after all of them ran (and after feed hints filled gaps), whichever path or
source produced the value:

- bidi embedding, override, isolate and mark characters are removed from
  every text field, as the HTML path already removed them from ``text``;
  titles and author names also get the body's normalisation (NFC, control
  and zero-width characters, spaces), as the issue asks;
- ``url`` and ``top_image`` keep only ``http``/``https`` URLs (a relative
  one is resolved against the page's address); others are dropped;
- each field has a size cap far above real values (measured on the 2,196
  dev cleanings: titles up to 222 characters, sections up to 475, a tag of
  563, at most 75 authors, descriptions up to 4,262 characters); past it the
  value is cut at a word boundary (a list keeps its first items).

Every drop and cut is reported in ``warnings``; removing bidi controls is
silent, as for the body text.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from ..record import Article
from .text import normalize_text

#: Bidi controls: Arabic letter mark, LRM/RLM, embeddings and overrides
#: (U+202A-U+202E), isolates (U+2066-U+2069).
_BIDI_CHARS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = dict.fromkeys(map(ord, _BIDI_CHARS))
#: Any one of the bidi controls: a text without one is returned as it is, unscanned by ``str.translate``.
_BIDI_CHAR = re.compile(f"[{_BIDI_CHARS}]")
#: Characters a browser strips from a URL before reading its scheme
#: ("java\tscript:" is "javascript:"), and those it trims from the ends.
_URL_STRIPPED = re.compile(r"[\t\n\r]")
_URL_TRIM = "".join(map(chr, range(0x21))) + "\u00a0"
_URL_SCHEMES = ("http", "https")

#: Characters kept per text field; a longer value is cut at a word boundary.
FIELD_CHARS = {"title": 1_000, "description": 10_000, "site_name": 1_000, "section": 2_000}
#: Characters kept per item of a list field, and items kept per list.
ITEM_CHARS = {"authors": 300, "tags": 2_000}
LIST_ITEMS = {"authors": 200, "tags": 500}
#: Fields that get the body text's own normalisation, not only bidi removal.
_LIKE_TEXT = frozenset({"title", "authors"})
#: A URL longer than this is dropped: a cut URL would point elsewhere.
URL_CHARS = 8_192


def secure_fields(article: Article) -> None:
    """Apply the rules of this module to ``article`` in place, adding a warning for each drop or cut."""
    warnings = article.warnings
    if article.text:
        article.text = without_bidi(article.text)
    for name, limit in FIELD_CHARS.items():
        value = getattr(article, name)
        if value:
            # Cut first: cleaning only shortens a value, and costs time on a 1 MB one.
            setattr(article, name, _cleaned(_capped(value, limit, name, warnings), name) or None)
    for name, most in LIST_ITEMS.items():
        values = getattr(article, name)
        if len(values) > most:
            warnings.append(f"record: {len(values)} {name}; only the first {most} kept")
            values = values[:most]
        items = (_cleaned(_capped(str(v), ITEM_CHARS[name], f"an item of {name}", warnings), name) for v in values)
        setattr(article, name, [item for item in items if item])
    page = safe_url(article.url, None)
    if article.url and page is None:
        warnings.append(f"record: url dropped, not an http(s) URL ({_shown(article.url)})")
    article.url = page
    image = safe_url(article.top_image, page)
    if article.top_image and image is None:
        warnings.append(f"record: top_image dropped, not an http(s) URL ({_shown(article.top_image)})")
    article.top_image = image


def safe_url(value: str | None, base: str | None) -> str | None:
    """``value`` as an http(s) URL (resolved against ``base`` when relative), else ``None``."""
    if not value:
        return None
    url = _URL_STRIPPED.sub("", value).strip(_URL_TRIM)
    if not url or len(url) > URL_CHARS:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
        if not scheme and base:
            url = urljoin(base, url)
            scheme = urlsplit(url).scheme.lower()
    except ValueError:  # an invalid IPv6 host or port
        return None
    return url if scheme in _URL_SCHEMES else None


def _cleaned(value: str, name: str) -> str:
    """``value`` without bidi controls; a title or a name also normalised as body text is."""
    if name in _LIKE_TEXT:
        value = " ".join(normalize_text(value).split())
    return value if value.isascii() else without_bidi(value).strip()


def without_bidi(text: str) -> str:
    """``text`` without its bidi controls.

    ``str.translate`` with a deletion table looks every character up in a
    dict, which cost half a millisecond on a 5,000-character non-ASCII body
    (a tenth of the text path's record assembly); one regex scan finds that
    a text holds none of them, as nearly every text does, twenty times faster.
    """
    if text.isascii() or _BIDI_CHAR.search(text) is None:
        return text
    return text.translate(_BIDI)


def _capped(value: str, limit: int, what: str, warnings: list[str]) -> str:
    """``value`` cut to at most ``limit`` characters at a word boundary, with a warning when cut."""
    if len(value) <= limit:
        return value
    cut = value[:limit]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else cut
    warnings.append(f"record: {what} of {len(value):,} characters cut to its first {len(cut):,}")
    return cut


def _shown(url: str) -> str:
    """A dropped URL as a warning shows it: its scheme and start, never a whole data: payload."""
    text = " ".join(url.split())
    return text if len(text) <= 40 else text[:40] + "..."
