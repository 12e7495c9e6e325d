"""Dev renders with their line structure taken away, as many scrapers store text.

``get_text(" ")``, whitespace-collapsing scrapers, CSV exports and message
queues carry a page as one run of words: the menus, share rows and appeals
are then glued to the article's sentences. These transforms make such
inputs from the dev sets' line-structured renders, so the text path can be
measured on them (``python -m benchmarks.renderers``).

- :func:`flatten`: every whitespace run becomes one space (no line left).
- :func:`glue`: each line is joined to the next one with probability one
  half, seeded by the page, so the same page always comes out the same:
  some breaks stay, and paragraphs share lines with their noise.
"""

from __future__ import annotations

import random

#: Chance that a line break between two blocks of the render is replaced by a space.
GLUE_PROBABILITY = 0.5


def flatten(text: str) -> str:
    """``text`` with every whitespace run collapsed to one space."""
    return " ".join(text.split())


def glue(text: str, seed: str, probability: float = GLUE_PROBABILITY) -> str:
    """``text`` with each block joined to the next one with ``probability`` (deterministic in ``seed``).

    A block is a non-blank line of the render; the break kept between two
    blocks is the one the render had (one newline or a blank line).
    """
    chooser = random.Random(seed)
    out: list[str] = []
    separator = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            if separator:
                separator = "\n\n"
            continue
        if out:
            joined = chooser.random() < probability
            out.append(" " if joined else separator)
        out.append(stripped)
        separator = "\n"
    return "".join(out)
