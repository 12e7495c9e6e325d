"""A page that takes any machine well over a tenth of a second to clean, for the ``--timeout`` tests.

A fixture page cleans in 20-50 ms on a fast host once the worker is warm, so
"0.05 s is too short for any page" stopped holding there. Three thousand
distinct paragraphs take several hundred milliseconds on every machine the
suite runs on, so a timeout of 0.05 s fails them by a wide margin, while the
default timeout cleans them (the retry test needs the page to succeed).
"""

from __future__ import annotations

import gzip
from pathlib import Path

#: Paragraphs in the page; each is distinct, so none is dropped as a repeat before the work is done.
PARAGRAPHS = 3000


def write_slow_page(path: Path) -> Path:
    """Write the page, gzipped when ``path`` ends in ``.gz``, and return ``path``."""
    body = "".join(
        f"<p>Paragraph {i}: the council met on Monday to discuss the budget for schools, roads and parks, "
        f"and member {i} argued late into the night about the cost of plan {i * 7}.</p>"
        for i in range(PARAGRAPHS)
    )
    html = (
        "<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>"
        f"{body}</article></body></html>"
    )
    data = html.encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path
