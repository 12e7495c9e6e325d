"""Language-aware evidence about a block of text.

Stopword density (jusText's stoplists) separates running prose from menus
and headline lists in any language that has a list; the soft cue words
separate reader-directed appeals from reporting. Both are loaded once into an
explicit :class:`Evidence` object that the classifier receives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from ..normalize.text import joined_lines
from .cue_count import PrefixCounter, WholeWordCounter
from .form_cues import FormCues
from .gates import CaseFold, WordGate, literal_gate, literal_words, new_case_fold, word_gate

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


#: What the cue patterns' look-arounds treat as part of a word.
_RUN = re.compile(r"[\w'’]+")


def _folded_words(words: list[str], fold: CaseFold | None) -> frozenset[str] | None:
    if fold is None or not all(_RUN.fullmatch(word) for word in words):
        return None
    return frozenset(fold.fold(word) for word in words)


def _data(name: str) -> dict[str, object]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _prefix_pattern(words: list[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{body})", re.IGNORECASE)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)


@dataclass
class Evidence:
    """Stoplists and cue patterns; build once per process with :meth:`load`."""

    appeal: re.Pattern[str]
    second_person: re.Pattern[str]
    tag_label: re.Pattern[str]
    link_annotation: re.Pattern[str]
    stoplist_names: dict[str, str]
    #: A web form's words (a field's counter, a login prompt, a password), read with the form's shape by form_tail.
    form: FormCues = field(default_factory=FormCues.load)
    _stoplists: dict[str, frozenset[str]] = field(default_factory=dict)
    # A literal gate for the appeal pattern (see newsclean.text.gates): nearly every
    # block has no appeal cue at all, and one pass says so for a fraction of the
    # cost of the pattern. ``_ungated_appeal``: no gate words were found for it.
    _fold: CaseFold | None = None
    _cue_gate: WordGate | None = None
    _ungated_appeal: bool = True
    _annotation_gate: WordGate | None = None
    # The second-person words are whole words: their matches are counted among the text's word runs.
    _second_person_counter: WholeWordCounter | None = None
    # The appeal words, folded, counted at word starts as the appeal pattern finds them.
    _appeal_counter: PrefixCounter | None = None

    @classmethod
    def load(cls) -> Evidence:
        cues = _data("cues.json")
        names = _data("stoplist_names.json")["names"]
        appeal = [w for ws in cues["appeal"].values() for w in ws]  # type: ignore[attr-defined]
        second = [w for ws in cues["second_person"].values() for w in ws]  # type: ignore[attr-defined]
        labels = [w for ws in cues["tag_labels"].values() for w in ws]  # type: ignore[attr-defined]
        fold = new_case_fold()
        appeal_pattern, second_pattern = _prefix_pattern(appeal), _word_pattern(second)
        appeal_words = literal_words(appeal_pattern, fold)
        second_words = _folded_words(second, fold)
        annotation = re.compile("|".join(cues["link_annotations"]), re.IGNORECASE)  # type: ignore[arg-type]
        return cls(
            appeal=appeal_pattern,
            second_person=second_pattern,
            tag_label=re.compile(
                "^(?:" + "|".join(re.escape(w) for w in labels) + r")\s*:?$", re.IGNORECASE
            ),
            link_annotation=annotation,
            stoplist_names=dict(names),  # type: ignore[call-overload]
            _fold=fold,
            _cue_gate=word_gate([appeal_words or frozenset()]),
            _ungated_appeal=appeal_words is None,
            _annotation_gate=literal_gate(annotation, fold),
            _second_person_counter=(
                WholeWordCounter(second_words, fold.fold) if fold is not None and second_words is not None else None
            ),
            _appeal_counter=PrefixCounter(fold.fold(w) for w in appeal) if fold is not None else None,
        )

    def stoplist(self, language: str | None) -> frozenset[str] | None:
        """The stopwords of ``language`` or ``None`` when jusText has no list."""
        if not language or language not in self.stoplist_names:
            return None
        if language not in self._stoplists:
            import justext

            self._stoplists[language] = frozenset(justext.get_stoplist(self.stoplist_names[language]))
        return self._stoplists[language]

    def stopword_density(self, text: str, language: str | None) -> float | None:
        stops = self.stoplist(language)
        if stops is None:
            return None
        words = _WORD.findall(text.lower())
        if not words:
            return None
        return sum(map(stops.__contains__, words)) / len(words)

    def cut_link_annotations(self, text: str) -> tuple[str, list[str]]:
        """``text`` without the screen-reader labels of links ("opens in new tab"), and the labels cut.

        One pass over a whole dump, behind a literal gate: the pattern has no
        literal to start from, so scanning a dump with it (twice, to list and
        to cut) cost as much as classifying every block.
        """
        if self._annotation_gate is not None and not self._annotation_gate.mask(self._fold_text(text)):
            return text, []
        kept: list[str] = []
        cut: list[str] = []
        position = 0
        # The gaps between the matches are what re.sub("") leaves, and the matches what findall lists.
        for match in self.link_annotation.finditer(text):
            kept.append(text[position: match.start()])
            cut.append(match.group(0))
            position = match.end()
        kept.append(text[position:])
        return "".join(kept), cut

    def _fold_text(self, text: str) -> str:
        return self._fold.fold(text) if self._fold is not None else text

    def appeal_score(self, text: str, tokens: int | None = None) -> tuple[int, float]:
        """Count of appeal and second-person cues, and their density per word.

        ``tokens`` is ``len(text.split())`` when the caller has split the
        text already (the classifier splits each block once for all its tests).
        """
        words = max(1, len(text.split()) if tokens is None else tokens)
        folded = self._fold.fold(text) if self._fold is not None else text
        hits = self._second_person_hits(text, folded)
        if self._ungated_appeal or (self._cue_gate is not None and self._cue_gate.mask(folded)):
            hits += self._appeal_counter.count(text, folded) if self._appeal_counter else len(self.appeal.findall(text))
        return hits, hits / words

    def appeal_scores(self, texts: Sequence[str], tokens: Sequence[int]) -> list[tuple[int, float]]:
        """:meth:`appeal_score` of each of ``texts`` (a page's distinct blocks), counted over them all at once.

        ``tokens`` holds each text's ``len(text.split())``. Each cue list is
        walked once over the joined texts (see the counters' ``count_each``)
        rather than once a block: the per-block calls cost the classifier a
        millisecond a dump, and the counts are the same.
        """
        if self._fold is None or self._second_person_counter is None or self._appeal_counter is None:
            return [self.appeal_score(text, count) for text, count in zip(texts, tokens, strict=True)]
        second = self._second_person_counter.count_each(texts)
        joined, starts = joined_lines(texts)
        # No gate first: a cue word is found in one walk of the page whatever the gate would say.
        appeal = self._appeal_counter.count_each(joined, self._fold.fold(joined), starts)
        scores: list[tuple[int, float]] = []
        for own, cued, count in zip(second, appeal, tokens, strict=True):
            hits = own + cued
            scores.append((hits, hits / max(1, count)))
        return scores

    def _second_person_hits(self, text: str, folded: str | None = None) -> int:
        """``len(self.second_person.findall(text))``, counted among the text's word runs.

        The pattern matches a listed word only where no word character,
        apostrophe or ``’`` touches it, so each match is a whole run of such
        characters (see :class:`~newsclean.text.cue_count.WholeWordCounter`);
        the pattern's look-behind at every position cost more than the count.
        """
        if self._second_person_counter is None or self._fold is None:
            return len(self.second_person.findall(text))
        return self._second_person_counter.count(text, self._fold.fold(text) if folded is None else folded)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)
