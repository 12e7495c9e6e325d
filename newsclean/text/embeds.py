"""Social-media embeds left in text dumps, found by their signature.

A rendered tweet ends with a fixed signature, "— Name (@handle) Month D,
YYYY", and its text runs back from there, often across a paragraph break and
glued to the article's last sentence. We find the signature, walk back over
the sentences that look like post text (hashtags, handles, links, a leading
emoji), and cut the span out whole so nothing of the post stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.dates import parse_date
from ..record import Embed

_TWEET_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<author>[^\n()—–]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?:on\s+)?(?P<date>[^\n()]{3,30}?(?:19|20)\d{2})"
)
_INSTAGRAM_SIGNATURE = re.compile(
    r"A post shared by\s+(?P<author>[^\n()]{1,80}?)\s*\((?P<handle>@[\w.]{1,30})\)"
    r"(?:\s+on\s+(?P<date>[^\n]{3,40}?(?:19|20)\d{2}))?(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m\s*\w{0,5})?",
    re.IGNORECASE,
)
_POST_LINK = re.compile(
    r"(?:https?://)?(?:pic\.twitter\.com/\w+|t\.co/\w+|(?:twitter|x)\.com/\w+/status/\d+|instagr\.am/p/\w+)"
)
_MARKER = re.compile(r"(?<!\w)[#@][^\W\d]\w*|pic\.twitter\.com|https?://t\.co/")
_PIECE = re.compile(r"[^\n]+?(?:[.!?…](?=\s)|\n|$)|[^\n]+")
_MAX_BACK = 900
_SHORT_PIECE = 140


@dataclass(frozen=True)
class EmbedSpan:
    """Where an embed sits in the text and what it was."""

    start: int
    end: int
    embed: Embed


def _starts_with_symbol(piece: str) -> bool:
    stripped = piece.lstrip()
    return bool(stripped) and not (stripped[0].isalnum() or stripped[0] in "\"'“‘«([")


def _is_marker(piece: str) -> bool:
    return bool(_MARKER.search(piece)) or _starts_with_symbol(piece)


def _post_start(text: str, signature_start: int) -> int:
    """Walk back from a signature to where the post's text begins."""
    window_start = max(0, signature_start - _MAX_BACK)
    window = text[window_start:signature_start]
    pieces = [(m.start() + window_start, m.end() + window_start) for m in _PIECE.finditer(window)]
    pieces = [(s, e) for s, e in pieces if text[s:e].strip()]
    if not pieces:
        return signature_start
    start = pieces[-1][0]
    for s, e in reversed(pieces):
        piece = text[s:e]
        if _is_marker(piece):
            start = s
        elif len(piece.strip()) > _SHORT_PIECE or signature_start - s > _MAX_BACK:
            break
    # Leave the whitespace before the post where it was.
    while start < signature_start and text[start].isspace():
        start += 1
    return start


def find_embeds(text: str) -> list[EmbedSpan]:
    """All social embeds in ``text``, in order, without overlaps."""
    spans: list[EmbedSpan] = []
    for kind, pattern in (("tweet", _TWEET_SIGNATURE), ("instagram", _INSTAGRAM_SIGNATURE)):
        for match in pattern.finditer(text):
            start = _post_start(text, match.start())
            body = text[start: match.start()].strip()
            link = _POST_LINK.search(body)
            date = match.group("date")
            parsed = parse_date(date, language="en") if date else None
            post_text = _POST_LINK.sub("", body).strip()
            embed = Embed(
                kind=kind,
                text=" ".join(post_text.split()),
                url=link.group(0) if link else None,
                handle=match.group("handle"),
                author=" ".join(match.group("author").split()) or None,
                date=parsed.iso if parsed else None,
            )
            spans.append(EmbedSpan(start, match.end(), embed))
    spans.sort(key=lambda s: s.start)
    merged: list[EmbedSpan] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            continue
        merged.append(span)
    return merged


def cut_embeds(text: str) -> tuple[str, list[EmbedSpan]]:
    """Remove every embed from ``text``; a paragraph break takes its place."""
    spans = find_embeds(text)
    if not spans:
        return text, []
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(text[position: span.start].rstrip(" "))
        out.append("\n\n")
        position = span.end
    out.append(text[position:].lstrip(" "))
    return "".join(out), spans
