"""A reader-comment section closing a body: a count line, then signed comments.

Extractors keep a blog's comment thread when it sits in the article's
container, and the text engine's render of a page holds it too. Its shape
gives it away in any language: a short line opening with a number ("35
comments", "142 replies to <title>") and, after it, three or more short
signature lines cut from one frame, the same word opening (or, with a colon,
closing) each of them around a different name, usually with a date or time
("Comment by <name> - 17.07.2011 @ 13:04", "<name> writes:"). Wording is not
looked at; the repeated frame and the count are the evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

#: A signature line is short; a count line may carry the story's title ("142 replies to <title>").
SIGNATURE_WORDS = 12
COUNT_WORDS = 16
#: Distinct signatures sharing one frame that make a thread.
MIN_SIGNATURES = 3
#: The count line stands this few blocks above the first signature at most
#: (a comment's text may come before its signature).
COUNT_REACH = 3
#: Never cut a body shorter than this above the thread: the article comes first.
MIN_ARTICLE_WORDS = 80

_TIME_OR_DATE = re.compile(r"\d{1,2}[:.h]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
_COUNT = re.compile(r"^\d{1,5}\s+\w")


def _words(text: str) -> list[str]:
    return text.split()


def _frame_keys(text: str) -> list[str]:
    """The frames a short line may belong to: its first word with a date, its last word before a colon."""
    words = _words(text)
    if not words or len(words) > SIGNATURE_WORDS:
        return []
    keys = []
    if _TIME_OR_DATE.search(text) and words[0][:1].isalpha():
        keys.append("first:" + words[0].casefold())
    if text.rstrip().endswith(":") and len(words) >= 2:
        keys.append("last:" + words[-1].casefold())
    return keys


def _is_count(text: str) -> bool:
    words = _words(text)
    return 2 <= len(words) <= COUNT_WORDS and bool(_COUNT.match(text)) and not _TIME_OR_DATE.search(text)


def comment_thread_start(texts: Sequence[str]) -> int:
    """Index of the block where a closing comment thread begins, or ``len(texts)`` without one."""
    frames: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        for key in _frame_keys(text):
            frames[key].append(index)
    best = len(texts)
    for indices in frames.values():
        if len({texts[i].strip() for i in indices}) < MIN_SIGNATURES:
            continue
        first = indices[0]
        counts = [i for i in range(max(0, first - COUNT_REACH), first) if _is_count(texts[i])]
        if not counts:
            continue
        start = counts[-1]
        if sum(len(_words(t)) for t in texts[:start]) >= MIN_ARTICLE_WORDS:
            best = min(best, start)
    return best
