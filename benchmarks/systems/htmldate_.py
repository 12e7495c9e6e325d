"""htmldate alone: the date peer, a system that produces a date and no body.

trafilatura asks htmldate for the publication date with ``original_date=True``
and ``extensive_search=True`` (its ``set_date_params``); that is the ``htmldate``
system. ``htmldate-latest`` keeps htmldate's own default, ``original_date=False``,
which prefers the most recent date a page states (often the last update), so the
tables show what the choice between the two is worth. ``max_date`` is left at
htmldate's default (today), as trafilatura sets it. In text modes htmldate reads
the render wrapped one ``<p>`` per line, like every HTML-only peer.

The body is always empty: the harness shows this system's body columns as ``-``
(see ``BODY``) and leaves it out of the pooled body table and chart.
"""

from __future__ import annotations

from benchmarks.systems import Extractor, Output
from benchmarks.systems._wrap import html_input

REQUIRES = ("htmldate",)
DISTS = ("htmldate",)
FIELDS = frozenset({"date"})
#: No body text: body P/R/F1 and ``empty`` mean nothing for this system.
BODY = False


def make(mode: str, original_date: bool = True) -> Extractor:
    """Bind ``htmldate.find_date`` with extensive search and the chosen date preference."""
    from htmldate import find_date

    def extract(raw: str, url: str | None) -> Output:
        found = find_date(html_input(raw, mode), url=url, extensive_search=True, original_date=original_date)
        return Output(date=found)

    return extract
