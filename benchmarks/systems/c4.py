"""c4: the C4 corpus line filter, the baseline web-corpus builders use.

A line is kept when it ends in terminal punctuation (. ! ? " ”), has at least
five words, does not contain "javascript" and does not carry one of C4's
cookie/privacy/terms-of-use notice phrases. It reads the render in text modes and html-text's render of the
page in HTML mode. Its whole-page rules (bad words, lorem ipsum, curly braces)
are left out: they drop pages, not boilerplate.
"""

from __future__ import annotations

import re

from benchmarks.systems import Extractor, Output
from benchmarks.systems.keepall import page_text

REQUIRES = ("html_text",)
DISTS = ("html-text",)
FIELDS: frozenset[str] = frozenset()

_TERMINAL = (".", "!", "?", '"', "\u201d")
# C4's own policy phrases (cookie/privacy/terms notices).
_POLICY = re.compile(r"terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies")


def keep_line(line: str) -> bool:
    """C4's per-line test."""
    s = line.strip()
    if not s.endswith(_TERMINAL) or len(s.split()) < 5:
        return False
    low = s.lower()
    return "javascript" not in low and not _POLICY.search(low)


def c4_filter(text: str) -> str:
    """Keep C4-worthy lines, one paragraph each."""
    return "\n\n".join(ln.strip() for ln in text.splitlines() if keep_line(ln))


def make(mode: str) -> Extractor:
    """Filter the page's full text line by line."""
    if mode == "html":
        import html_text  # noqa: F401  (fail early, at make time, if it is missing)

    def extract(raw: str, url: str | None) -> Output:
        return Output(text=c4_filter(page_text(raw, mode)))

    return extract
