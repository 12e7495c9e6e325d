"""Turning a plain-text render into minimal HTML for systems that only read HTML.

Every non-empty line becomes one escaped ``<p>``: the most neutral markup we can
give, so a peer is judged on the text, not on structure we invented.
"""

from __future__ import annotations

import html


def text_to_html(text: str) -> str:
    """Wrap each non-empty line of ``text`` in an html-escaped ``<p>``."""
    paras = [f"<p>{html.escape(ln.strip())}</p>" for ln in text.splitlines() if ln.strip()]
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n'
        + "\n".join(paras)
        + "\n</body></html>"
    )


def html_input(raw: str, mode: str) -> str:
    """The HTML a peer reads: the page itself in html mode, else the wrapped render."""
    return raw if mode == "html" else text_to_html(raw)
