"""A share row, a follow prompt or a teaser cue glued to the end of a paragraph, put on lines of its own.

A scraper that joins some elements without a break (a ``<p>`` and the
``<div>`` after it, a feed that concatenates the body and its trailer)
leaves the page's furniture after the last sentence of a paragraph:
"… in the top right. Follow <outlet> Facebook Twitter More On <topic>",
"… said the minister. Watch | <next story>". On a line of its own that
furniture is the barrier where the article stops (the region's end is
cut at a share row or a teaser cue); glued to the paragraph it reads as
the paragraph's last clause, and the "most read" box after it runs on as
the article. :func:`~newsclean.text.glued.is_glued` judges the whole
dump, and a dump glued only here and there (most scrapers' dumps: a
paragraph in four or five ends open) fails it, so the glued handling
never splits that line.

This split is narrow enough to run on every dump: only a line's tail
after its last sentence end, only when that tail does not end like a
sentence itself, and only when the lexicon names the tail, or the first
label of it, as furniture. A renderer that keeps the page's lines never
leaves such a tail (its paragraphs end at their last stop), so
line-structured dumps come out unchanged but for the rare paragraph that
really had a share row glued to it. On the soup, inscriptis, glued and
glued-insc renders of fe, fp-dev and te-dev (dumps not recognised as
glued) this changed 89 page renders: body F1 summed +0.43 over fe and
fp-dev (2 worse, by 0.004 and 0.001) and te-dev string F1 +0.76 (1 worse:
a comment form's notice kept), no page losing recall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from typing import TYPE_CHECKING, NamedTuple

from .unflatten import CLOSED_END, last_unit_start, restore_line

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: Lexicon categories of a glued tail that make it a barrier wherever it stands: share and
#: follow rows, comment prompts. Not navigation: a paragraph's last clause names sections and
#: places ("… in Sport and Politics") as often as a menu does.
TAIL_CATEGORIES = frozenset({"share", "comments"})
#: Cues ("Read more", "Show more", "Sign up here") end a teaser's summary as often as they
#: follow an article, and on a line-structured page the cue is what marks the line before it
#: as a teaser or a prompt: split off every such line, te-dev inscriptis kept two summaries it
#: had cut, and split off a long header line (a site's blurb before "Sign up to join this
#: community") a te-dev glued render lost its article to the header. So a cue is split off
#: only when the same cue closes several lines of the dump: a box's items, each with its cue.
CUE_CATEGORIES = frozenset({"teaser", "newsletter", "app_prompt"})
#: The categories that make a tail furniture, a barrier or a cue.
_NAMED = TAIL_CATEGORIES | CUE_CATEGORIES
#: A tail this long is a sentence that lost its stop, not a row of labels.
MAX_TAIL_WORDS = 12


class _Tail(NamedTuple):
    """A line's glued tail: where it starts, its label lines, and whether it is a cue rather than a barrier."""

    start: int
    labels: list[str]
    cue: bool


def _tail(line: str, lexicon: Lexicon) -> _Tail | None:
    """The furniture glued after the last sentence of ``line``, if the lexicon names it (see :func:`furniture_tail`)."""
    stripped = line.rstrip()
    if CLOSED_END.search(stripped):
        return None
    start = last_unit_start(stripped)
    if start is None:
        return None
    tail = stripped[start:]
    if len(tail.split()) > MAX_TAIL_WORDS or not lexicon.may_match_within(tail, _NAMED):
        # Too long for a row of labels, or no pattern of the categories below can name it or its labels.
        return None
    labels = restore_line(tail)
    if labels[0].rstrip().endswith(":") and len(labels) > 1:
        # A label closed by a colon introduces what follows it: a caption's credit
        # ("Video: <name> / <outlet>"), not a row of buttons.
        return None
    named = lexicon.match(tail)
    # A tail with no label run in it comes back whole: its first label is the tail, named already.
    found = {named, named if labels[0] == tail else lexicon.match(labels[0])}
    if found & TAIL_CATEGORIES:
        return _Tail(start, labels, cue=False)
    if found & CUE_CATEGORIES:
        return _Tail(start, labels, cue=True)
    return None


def _split(line: str, found: _Tail | None, repeated: Container[str]) -> list[str]:
    """``line`` cut before its tail ``found`` (see :func:`furniture_tail`)."""
    if found is None or (found.cue and line[found.start:].strip() not in repeated):
        return [line]
    return [line[:found.start].rstrip(), *found.labels]


def furniture_tail(line: str, lexicon: Lexicon, repeated: Container[str] = ()) -> list[str]:
    """``line`` cut before its tail when the tail is furniture glued after the last sentence; ``[line]`` otherwise.

    The tail is returned as the label lines :func:`~newsclean.text.unflatten.restore_line`
    finds in it, as a renderer would have printed them ("Follow", "Facebook", …),
    so each is judged as on a line-structured page. A cue is cut off only
    when it is in ``repeated`` (see :data:`CUE_CATEGORIES`).
    """
    return _split(line, _tail(line, lexicon), repeated)


def furniture_lines(text: str, lexicon: Lexicon) -> str:
    """``text`` with each line's glued furniture tail (:func:`furniture_tail`) on lines of its own.

    Each line's tail is read once: this runs on every dump, and the cues that
    count as repeated need every line's tail before any line is cut. A tail
    depends on its line alone, so each distinct line is read once (measured
    on 100 soup dumps: 19,168 distinct lines of 42,138, most repeats blank).
    """
    lines = text.split("\n")
    # Each distinct line once (most repeats are blank); most dumps have no tail at all and come back whole.
    found = {line: tail for line in dict.fromkeys(lines) if (tail := _tail(line, lexicon)) is not None}
    if not found:
        return text
    cues = Counter(line[tail.start:].strip() for line in lines if (tail := found.get(line)) is not None and tail.cue)
    repeated = {tail for tail, count in cues.items() if count > 1}
    return "\n".join(piece for line in lines for piece in _split(line, found.get(line), repeated))
