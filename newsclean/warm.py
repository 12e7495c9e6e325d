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
"""

from __future__ import annotations

import functools

from .io.inputs import InputItem
from .item import clean_item_traced
from .options import Options

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


@functools.cache
def warm_up() -> None:
    """Clean one English page and one dump in this process (once; later calls do nothing)."""
    options = Options()
    clean_item_traced(InputItem(source="warm-up", kind="page", data=_PAGE), options)
    clean_item_traced(InputItem(source="warm-up.txt", kind="page", data=_DUMP, input_format="text"), options)
