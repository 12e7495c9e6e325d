"""Which HTTP media types are pages, and reading a ``Content-Type`` header.

One home for the list the fetcher accepts, the WARC reader keeps and the
cleaner routes by, and for the one header parser they share: a page read
back from a WARC is then typed and decoded exactly as it was when fetched.
A module of its own (not :mod:`~newsclean.io.inputs`, whose concern is the
input item) so the fetcher reads a header without importing the readers.
"""

from __future__ import annotations

#: Media types whose payload is an HTML page (the HTML path cleans it).
HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
#: Media types whose payload is a plain-text page (the text path cleans it).
TEXT_TYPES: tuple[str, ...] = ("text/plain",)
#: Every media type a page may have: what ``fetch`` takes and a WARC reader keeps.
PAGE_TYPES: tuple[str, ...] = HTML_TYPES + TEXT_TYPES


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """The media type (lower case, ``""`` when absent) and ``charset`` parameter (lower case) of a header."""
    media_type, *params = (value or "").split(";")
    charset = None
    for param in params:
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset" and raw.strip(" \"'"):
            charset = raw.strip(" \"'").lower()
            break
    return media_type.strip().lower(), charset


def input_format_for(media_type: str) -> str | None:
    """Which cleaning path a page of this media type takes (``None``: let the cleaner sniff)."""
    if media_type in HTML_TYPES:
        return "html"
    return "text" if media_type in TEXT_TYPES else None
