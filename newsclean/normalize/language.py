"""Deterministic language identification.

langdetect samples n-grams at random; with its module-level factory the same
text can come out as different languages on different runs. We keep our own
factory with a fixed seed (langdetect gives each detector its own RNG, so no
global random state is touched) and load the profiles once per process.
"""

from __future__ import annotations

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from ..lazy import Lazy

_SEED = 0
_MAX_CHARS = 2000


class LanguageDetector:
    """A seeded langdetect wrapper; build once, reuse for many texts."""

    def __init__(self, seed: int = _SEED) -> None:
        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.set_seed(seed)

    def detect(self, text: str) -> tuple[str | None, float | None]:
        """Return ``(iso639_1, probability)`` or ``(None, None)`` when unsure."""
        sample = text[:_MAX_CHARS]
        if sum(ch.isalpha() for ch in sample) < 20:
            return None, None
        detector = self._factory.create()
        detector.append(sample)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None, None
        # langdetect reports Chinese as zh-cn / zh-tw; the record wants 639-1.
        return best.lang.split("-")[0], round(float(best.prob), 4)


_DEFAULT: Lazy[LanguageDetector] = Lazy(LanguageDetector)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """Detect the language of ``text`` with the shared seeded detector."""
    return _DEFAULT.get().detect(text)
