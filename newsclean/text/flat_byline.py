"""How many labels a second article's header holds on a flattened dump.

On a page printed as one run of words (:mod:`~newsclean.text.unflatten`),
the engine cuts a capitalised run one token a line. Where that run is a
headline in capitals or the names opening a sentence, the run is one label
and counts once (:func:`~newsclean.text.ends.cut_next_article`). A next
article's byline block comes back the same way, though: its authors' names,
often each printed twice (a photo's caption and the name), one token a line
("Anna" / "Maria" / "Berg" / "Jonas" / ...). Counting that run
once hides the several labels the header holds, and the header goes unseen.

What tells the byline apart is how its tokens are written: every one is a
word in title case, letters only, without a stop or a colon after it (a
headline in capitals or a sentence's closing word is not). A person's name
is at most three such words, so a run of ``n`` of them holds at least
``ceil(n / 3)`` names, and counts that many labels.

The header's date may come in a pair, the publication and the update
stamps on lines of their own ("Published 06.01.2026 - 16:25" / "Updated
06.01.2026 - 17:35"): a second full-date label right below the date is one
label more, since prose puts no two date lines together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .segment import Block

#: The most words a person's name takes ("Anna Maria Berg").
_NAME_WORDS = 3
#: A word of a name: a capital, then lower-case letters (a hyphen or an apostrophe inside).
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def _name_token(text: str) -> bool:
    """Whether a one-word line is a word of a name: title case, letters only, nothing after it."""
    word = text.strip()
    return _NAME_TOKEN.fullmatch(word) is not None and word.istitle() and not word.isupper()


def flat_header_labels(
    blocks: Sequence[Block], labels: Sequence[int], index: int, end: int, is_date: Callable[[int], bool]
) -> int:
    """How many labels the lines ``labels`` (ascending, short non-prose lines above the date line
    at ``index``) hold on a flattened dump, the update stamp right below the date (``is_date``) included.

    A run of one-word lines counts once, unless all its words are words of
    names: then it counts as the fewest names it can hold.
    """
    count = 0
    run: list[int] = []

    def close() -> int:
        if not run:
            return 0
        if len(run) > 1 and all(_name_token(blocks[i].text) for i in run):
            return -(-len(run) // _NAME_WORDS)
        return 1

    for line in labels:
        if blocks[line].words == 1 and run and run[-1] == line - 1:
            run.append(line)
            continue
        count += close()
        run = [line] if blocks[line].words == 1 else []
        count += 0 if run else 1
    count += close()
    if index + 1 < end and is_date(index + 1):
        count += 1
    return count
