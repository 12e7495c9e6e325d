"""The compose stage: what the article's body keeps, what goes and why.

Both paths end here: the text path after judging a dump's blocks and
framing its region (:func:`compose`), the HTML path's second pass after
judging an extracted body's paragraphs (:mod:`newsclean.text.residual`).
Each block either goes whole under its reason or stays with the noise
sentences glued into it cut out; the spans, as judged before ``keep``, are
what :func:`~newsclean.text.paywall.judge_paywall` reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ..options import Options
from ..record import Reason, Removed
from .classify import SentenceNoise, Verdict, strip_sentence_noise
from .dangling_labels import drop_dangling_labels
from .paywall import Span
from .segment import Block

#: Noise kinds whose unlabelled neighbours outside the region belong to them (the
#: headlines between "Next" and "Previous" are teasers).
_INHERITED = frozenset({"teaser", "appeal", "paywall", "cookie", "app_prompt", "newsletter", "contribute", "comments"})
#: An unlabelled block outside the region this short (words) is a menu entry, not boilerplate prose.
_NAVIGATION_WORDS = 4


@dataclass
class Composed:
    """The body as composed so far: kept paragraphs, removed spans, and the page as spans."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


def compose_block(
    out: Composed, text: str, reason: str | None, removable: bool, noise: Sequence[SentenceNoise],
    keep: Collection[str],
) -> None:
    """One block into the body: removed whole under ``reason`` when ``removable``, else kept without
    the noise sentences of kinds not in ``keep``."""
    if reason is not None:
        out.spans.append((text, reason))
    if reason is not None and removable:
        out.removed.append(Removed(Reason(reason), text))
        return
    kept, cut = strip_sentence_noise(text, [n for n in noise if n.category not in keep])
    out.removed.extend(cut)
    if kept:
        out.paragraphs.append(kept)
    if reason is None:
        out.spans.append((kept, None))
        out.spans.extend((r.text, r.reason.value) for r in cut)


def compose(
    blocks: Sequence[Block], keys: Sequence[str], verdicts: Sequence[Verdict], roles: Mapping[int, str],
    region: tuple[int, int], options: Options, listed: bool = False, standfirst: int | None = None,
) -> Composed:
    """The text path's compose stage: keep the region's content; record everything else as removed.

    A ``listed`` region is a list-only article: a line it repeats (a name under several headings) stays.
    ``standfirst`` is the lead found under the headline (:mod:`.standfirst`), kept though a box reprints it.
    """
    reasons = _reasons(blocks, keys, verdicts, roles, region, listed, standfirst)
    kept_noise = _kept_run(reasons, region, options)
    out = Composed()
    kept = options.kept_categories  # a set built per call: once per dump, not once per block
    for block, verdict, reason in zip(blocks, verdicts, reasons, strict=True):
        compose_block(out, block.text, reason, block.index not in kept_noise, verdict.sentence_noise, kept)
    return out


def _reasons(
    blocks: Sequence[Block], keys: Sequence[str], verdicts: Sequence[Verdict], roles: Mapping[int, str],
    region: tuple[int, int], listed: bool = False, standfirst: int | None = None,
) -> list[str | None]:
    """Why each block goes (``None``: it is article text)."""
    start, end = region
    counts = Counter(k for k, v in zip(keys, verdicts, strict=True) if not v.prose)
    reasons: list[str | None] = []
    previous: str | None = None
    for block, verdict in zip(blocks, verdicts, strict=False):
        index = block.index
        role = roles.get(index) or verdict.category
        inside = start <= index < end
        if (role is None and inside and not listed and not verdict.prose and counts[keys[index]] > 1
                and not (index == standfirst and _first_printing(keys, index))):
            role = "duplicate"
        if role is None and not inside:
            # Unlabelled text between noise of one kind belongs to it (the
            # headlines between "Next" and "Previous" are teasers).
            role = previous if previous in _INHERITED else _positional_reason(block)
        reasons.append(role)
        previous = role
    drop_dangling_labels(blocks, verdicts, reasons, start, end)
    return reasons


def _first_printing(keys: Sequence[str], index: int) -> bool:
    """Whether line ``index`` is printed here for the first time on the page.

    A related-stories box below the article reprints the story's headline
    and its subtitle (one sentence without a stop, no prose to the
    classifier); the standfirst's first printing, under the headline, is
    the story's own. A line printed above it too (a caption in a gallery)
    stays a repeat.
    """
    return keys[index] not in keys[:index]


def _kept_run(reasons: list[str | None], region: tuple[int, int], options: Options) -> set[int]:
    """Blocks kept although judged noise: the ``keep`` categories in the region
    and in the runs of them touching it (a comment thread after the article),
    and with ``favor_recall`` unnamed prose right at the region's edges."""
    keep = set(options.kept_categories)
    if options.favor_recall:
        keep.add("boilerplate")
    start, end = region
    kept = {i for i in range(start, end) if reasons[i] in keep}
    index = end
    while index < len(reasons) and reasons[index] in keep:
        kept.add(index)
        index += 1
    index = start - 1
    while index >= 0 and reasons[index] in keep:
        kept.add(index)
        index -= 1
    return kept


def _positional_reason(block: Block) -> str:
    """An unlabelled block outside the region: a short one is a menu entry, a long one page boilerplate."""
    if block.words <= _NAVIGATION_WORDS:
        return "navigation"
    return "boilerplate"
