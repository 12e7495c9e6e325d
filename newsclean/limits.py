"""Safety limits: their defaults, how inputs are held to them, and how a hit is reported.

A scraped corpus holds pages no cleaner should try to process whole: a 50 MB
page of repeated markup, a gzip file that inflates to gigabytes, markup
nested 100,000 levels deep. Each limit here is an option with a default that
is generous for real news pages and cheap to enforce *before* the expensive
stages run. Hitting a limit never fails the page: the input is cut (or the
nesting flattened) and the record carries a warning that names the limit, so
a user can see what happened and raise it.

The per-page time budget is the one limit this module cannot enforce: a
function cannot stop itself without signals, so batch runners enforce it with
a worker process that is killed and replaced (see :mod:`newsclean.pipeline`).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Bytes of one input that are read and cleaned. The cost of cleaning grows
#: with the page (3 to 6 s and about 50 MB of memory per MB of prose on a
#: shared core), while a news page is rarely above 1 MB (Common Crawl cuts
#: its records at 1 MiB, yet pages with large inline scripts and data reach
#: 2.2 MB in the dev sets): 4 MiB keeps every real page whole and the worst
#: hostile one well inside the time budget.
MAX_INPUT_BYTES = 4 * 1024 * 1024
#: Bytes a gzip input may inflate to: the same bound as a plain page.
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024
#: Element nesting depth kept before parsing. lxml (libxml2) silently drops
#: everything after an element nested past 255 levels, and real pages stay
#: below about 60; markup deeper than this is flattened, its text kept.
MAX_DEPTH = 200
#: The deepest ``max_depth`` allowed: libxml2's own limit, less room for the
#: ``html`` and ``body`` elements the parser adds.
MAX_PARSER_DEPTH = 250
#: Attributes kept per element before parsing. libxml2's cost grows with the
#: square of an element's attributes (a tag of 100,000 ran for over five
#: minutes), while the most on any element of the 732 dev pages is under 90
#: (an SVG path's, after scripts are removed): the attributes past this are
#: dropped, with a warning. A fixed bound, not an option: no page needs more.
MAX_ATTRIBUTES = 256
#: Nesting kept in a JSON-LD block. ``json.loads`` and the readers of its
#: result recurse, and Python's recursion limit is 1,000 frames; schema.org
#: metadata nests fewer than 10 levels. A deeper block is skipped, like a
#: malformed one, with a warning. A fixed bound, not an option.
MAX_JSONLD_DEPTH = 100
#: Seconds one page may take in a batch before its worker is killed.
TIME_BUDGET = 60.0


def limit_warning(name: str, value: float, what: str) -> str:
    """The one wording of a limit hit: ``limit max_depth=200: <what happened>``.

    Every such warning starts with ``limit `` and the option's name and value,
    so it can be found in output and mapped to the option to raise.
    """
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"limit {name}={shown}: {what}"


def read_capped(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes of a file.

    One byte more than the limit tells the decoder the file was longer and
    must be reported as cut, while a file of gigabytes costs no more memory
    than the limit.
    """
    with Path(path).open("rb") as stream:
        return stream.read(max_bytes + 1)


def cut_bytes(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """``data`` cut to ``max_bytes``, and the warning to record when it was."""
    if len(data) <= max_bytes:
        return data, None
    return data[:max_bytes], limit_warning(
        "max_input_bytes", max_bytes, f"input longer than the limit; only its first {max_bytes} bytes were cleaned"
    )


def cut_text(text: str, max_bytes: int) -> tuple[str, str | None]:
    """A ``str`` input cut to ``max_bytes`` of UTF-8, at a character boundary.

    The length test comes first because a string of ``n`` characters never
    encodes to more than ``4 * n`` bytes: most inputs skip the encoding.
    """
    if len(text) * 4 <= max_bytes:
        return text, None
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= max_bytes:
        return text, None
    # "ignore" drops only the one character the cut split in two.
    cut = encoded[:max_bytes].decode("utf-8", "ignore")
    return cut, limit_warning(
        "max_input_bytes", max_bytes, f"input longer than the limit; only its first {max_bytes} bytes were cleaned"
    )
