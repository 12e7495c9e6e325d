"""Load the cleaning code once in a process that is about to fork workers.

A worker's first page paid about half a second (CPU) that the pages after
it do not: the HTML and text paths' imports, the English lexicons and
gates, the language profiles, dateparser's English data. A pool that forks
its workers (:mod:`newsclean.pipeline` on Linux) warms the parent first, so
every worker, and every replacement of a worker killed over its budget,
starts with them loaded and shares their memory pages until it writes to
them. Other languages' lexicons and date parsers still load on first use in
each worker: warming all of them would cost the parent more than a short run
saves.

A batch whose input is known to be plain text (``input_format="text"``, a
record with ``text`` and no ``html``, a text item) warms the text path only:
cleaning the HTML sample there loaded trafilatura and the markup modules
(about 0.2 s CPU) for pages the batch never has. Anything else warms both.
"""

from __future__ import annotations

import functools
from typing import Literal

from .io.inputs import InputItem
from .item import clean_item_traced
from .options import Options

#: A cleaning path a warm-up can load.
CleanPath = Literal["html", "text"]
#: Both paths: what a batch of unknown or mixed input needs.
BOTH: tuple[CleanPath, ...] = ("html", "text")

#: A small English news page: a headline, a dated byline and prose long
#: enough for language identification, the residual filter and the date parsers.
_PAGE = b"""<html lang="en"><head><title>Council approves the new bridge</title>
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head><body><article>
<h1>Council approves the new bridge</h1><p class="byline">By Jane Smith, March 5, 2024</p>
<p>The city council voted on Tuesday to approve funding for a new bridge across the river, ending
a debate that had lasted more than two years and divided residents of both banks.</p>
<p>Construction is expected to begin next spring and to take about three years, officials said.</p>
<p>Sign up for our newsletter to get the latest news.</p>
</article></body></html>"""

#: The same story as a plain-text dump.
_DUMP = b"""Home | News | Sport
Council approves the new bridge
By Jane Smith
March 5, 2024
The city council voted on Tuesday to approve funding for a new bridge across the river, ending
a debate that had lasted more than two years and divided residents of both banks.
Construction is expected to begin next spring and to take about three years, officials said.
Sign up for our newsletter to get the latest news.
"""


def warm_up(paths: tuple[CleanPath, ...] = BOTH) -> None:
    """Clean one English page on each of ``paths`` in this process (each once; later calls do nothing)."""
    for path in BOTH:
        if path in paths:
            _warm_path(path)


@functools.cache
def _warm_path(path: CleanPath) -> None:
    options = Options()
    if path == "html":
        clean_item_traced(InputItem(source="warm-up", kind="page", data=_PAGE), options)
    else:
        clean_item_traced(InputItem(source="warm-up.txt", kind="page", data=_DUMP, input_format="text"), options)


def paths_for(item: object, options: Options) -> tuple[CleanPath, ...]:
    """The paths a batch starting with ``item`` needs warm: the text path alone for a known dump, else both.

    Only a format the item or the options state is trusted (a path's or
    raw bytes' format is sniffed when cleaned); a later item of the other
    format is still cleaned right, its worker loading that path itself.
    """
    if options.input_format == "text":
        return ("text",)
    if options.input_format != "auto":
        return BOTH
    if isinstance(item, InputItem) and item.kind == "page" and item.input_format == "text":
        return ("text",)
    if isinstance(item, dict) and isinstance(item.get("text"), str) and "html" not in item:
        return ("text",)
    return BOTH
