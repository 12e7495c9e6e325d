"""Membership and donation appeals after a story, found by how they speak.

A publisher's appeal block ("Join our community", "We're pleased you've read
N articles this month", "Your support is essential...", "Thank you," and an
editor's name) follows the story's last paragraph. Its wordings change with
every publisher, so listing them only describes the sites they were seen on
(issue 17). What every such block shares is its voice: each paragraph
addresses the reader (second person) or carries the support/join/subscribe
vocabulary the cue lists already hold, the organisation speaks as "we/our",
and a wall or an appeal sentence the lexicons prove sits inside it.

:func:`mark_appeal_runs` finds such runs and marks the blocks that carry the
appeal on their own: call-to-action labels that open with an appeal cue
("Join ...", "Support ...") and sentences in which the organisation speaks to
the reader (first person plural and second person together). The other
blocks of the run follow them through the region search and the inherited
reasons, as noise after the article always has. An article that quotes an
appeal does not qualify: the run must be several blocks long, hold two
appeals or walls the lexicons recognise (one of them an appeal), and come
after the story's prose. A block right after other noise is left alone: it
inherits that noise's reason already, and marking it would only relabel it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import Verdict
from .evidence import Evidence
from .segment import Block

#: The organisation's voice: first person plural pronouns and possessives in
#: the languages the appeal cues cover. Upper-case "US" is a country, not a voice.
_WE = frozenset(
    " ".join(
        (
            "we we're we've we'll we'd our ours us",  # en
            "wir unser unsere unseren unserem unserer unseres uns",  # de
            "nous notre nos",  # fr
            "nosotros nosotras nuestro nuestra nuestros nuestras",  # es
            "noi nostro nostra nostri nostre",  # it
            "nós nosso nossa nossos nossas",  # pt
            "wij ons onze",  # nl (the "we" is English's)
            "nasz nasza nasze naszych",  # pl
            "мы наш наша наше наши нас нам",  # ru
            "biz bizim bize",  # tr
            "vi vår vårt våra oss vores",  # sv, da
        )
    ).split()
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Noise the lexicons prove that makes a run an appeal (not article prose).
_HARD = frozenset({"appeal", "paywall", "newsletter", "contribute"})
#: A run this long, holding this many proven appeals or walls, after this much prose.
_MIN_RUN = 5
_MIN_HARD = 2
_MIN_PROSE_BEFORE = 60
#: A call-to-action label: a few words, no sentence.
_LABEL_WORDS = 6
#: A sentence in the organisation's voice is one short paragraph.
_VOICE_WORDS = 40
_TERMINAL = tuple(".!?…:;")


def _tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text)]


def _speaks_as_we(text: str) -> bool:
    return any(t.lower() in _WE and not (t.isupper() and len(t) > 1) for t in _tokens(text))


def _addresses_reader(text: str, verdict: Verdict, evidence: Evidence) -> bool:
    """Second person or an appeal cue (apostrophes folded: "you’ve" is "you've").

    Without a curly apostrophe the folded text is the block's own, whose cue
    count the classifier already holds in the verdict: it is not counted again.
    """
    if "’" not in text:
        return verdict.appeal_hits > 0
    hits, _ = evidence.appeal_score(text.replace("’", "'"))
    return hits > 0


def _hard(verdict: Verdict) -> bool:
    return verdict.category in _HARD or any(n.category == "appeal" for n in verdict.sentence_noise)


def _appeal(verdict: Verdict) -> bool:
    return verdict.category == "appeal" or any(n.category == "appeal" for n in verdict.sentence_noise)


def _runs(blocks: Sequence[Block], verdicts: Sequence[Verdict], evidence: Evidence) -> list[tuple[int, int]]:
    """Maximal runs of reader-directed blocks; one unmarked line (a sign-off's name) may sit inside."""
    directed = [
        v.category in _HARD or (v.category is None and _addresses_reader(b.text, v, evidence))
        for b, v in zip(blocks, verdicts, strict=True)
    ]
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(blocks):
        if not directed[index]:
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and (
            directed[end] or (end + 1 < len(blocks) and directed[end + 1] and verdicts[end].category is None
                              and not verdicts[end].prose)
        ):
            end += 1
        runs.append((index, end))
        index = end
    return runs


def _opens_with_cue(text: str, evidence: Evidence) -> bool:
    match = evidence.appeal.search(text)
    return match is not None and not text[: match.start()].strip()


def mark_appeal_runs(blocks: Sequence[Block], verdicts: Sequence[Verdict], evidence: Evidence) -> set[int]:
    """Mark the self-evident appeals of each appeal run as ``appeal``; return their indexes."""
    marked: set[int] = set()
    for start, end in _runs(blocks, verdicts, evidence):
        hard = [i for i in range(start, end) if _hard(verdicts[i])]
        if end - start < _MIN_RUN or len(hard) < _MIN_HARD or not any(_appeal(verdicts[i]) for i in hard):
            continue
        prose_before = sum(
            b.words for b, v in zip(blocks[:start], verdicts[:start], strict=True) if v.running_prose
        )
        if prose_before < _MIN_PROSE_BEFORE:
            continue
        for index in range(start, end):
            block, verdict = blocks[index], verdicts[index]
            if verdict.category is not None or (index > start and verdicts[index - 1].category is not None):
                # After noise the block inherits that noise's reason; marking it would only relabel it.
                continue
            text = block.text.strip()
            label = block.words <= _LABEL_WORDS and not text.endswith(_TERMINAL) and _opens_with_cue(text, evidence)
            voice = (
                block.words <= _VOICE_WORDS
                and _speaks_as_we(text)
                and evidence.second_person.search(text.replace("’", "'")) is not None
            )
            if label or voice:
                verdict.category, verdict.prose, verdict.sentence_noise = "appeal", False, []
                verdict.score = -(2.0 + 1.5 * block.words)
                marked.add(index)
    return marked
