"""Language-aware evidence about a block of text.

Stopword density (jusText's stoplists) separates running prose from menus
and headline lists in any language that has a list; the soft cue words
separate reader-directed appeals from reporting. Both are loaded once into an
explicit :class:`Evidence` object that the classifier receives.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

from .gates import CaseFold, literal_gate, new_case_fold

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


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
    _stoplists: dict[str, frozenset[str]] = field(default_factory=dict)
    # Literal gates of the two cue patterns (see newsclean.text.gates): nearly every
    # block has no cue at all, and the gate says so for a fraction of the cost.
    _fold: CaseFold | None = None
    _appeal_gate: re.Pattern[str] | None = None
    _second_person_gate: re.Pattern[str] | None = None

    @classmethod
    def load(cls) -> Evidence:
        cues = _data("cues.json")
        names = _data("stoplist_names.json")["names"]
        appeal = [w for ws in cues["appeal"].values() for w in ws]  # type: ignore[attr-defined]
        second = [w for ws in cues["second_person"].values() for w in ws]  # type: ignore[attr-defined]
        labels = [w for ws in cues["tag_labels"].values() for w in ws]  # type: ignore[attr-defined]
        fold = new_case_fold()
        appeal_pattern, second_pattern = _prefix_pattern(appeal), _word_pattern(second)
        return cls(
            appeal=appeal_pattern,
            second_person=second_pattern,
            tag_label=re.compile(
                "^(?:" + "|".join(re.escape(w) for w in labels) + r")\s*:?$", re.IGNORECASE
            ),
            link_annotation=re.compile("|".join(cues["link_annotations"]), re.IGNORECASE),  # type: ignore[arg-type]
            stoplist_names=dict(names),  # type: ignore[call-overload]
            _fold=fold,
            _appeal_gate=literal_gate(appeal_pattern, fold),
            _second_person_gate=literal_gate(second_pattern, fold),
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
        return sum(1 for w in words if w in stops) / len(words)

    def appeal_score(self, text: str) -> tuple[int, float]:
        """Count of appeal and second-person cues, and their density per word."""
        words = max(1, len(text.split()))
        folded = self._fold.fold(text) if self._fold is not None else text
        hits = 0
        if self._appeal_gate is None or self._appeal_gate.search(folded):
            hits += len(self.appeal.findall(text))
        if self._second_person_gate is None or self._second_person_gate.search(folded):
            hits += len(self.second_person.findall(text))
        return hits, hits / words


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)
