"""Deterministic language identification.

langdetect samples n-grams at random; with its module-level factory the same
text can come out as different languages on different runs. We keep our own
factory with a fixed seed (langdetect gives each detector its own RNG, so no
global random state is touched) and load the profiles once per process.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from ..lazy import Lazy
from .language_trials import ProfileTable, TrialSettings, run_trials
from .profile_pack import load_table
from .stopword_vote import stopwords_confirm

_SEED = 0
_MAX_CHARS = 2000
#: Fewer letters than this in the sample: no guess.
_MIN_LETTERS = 20
#: Distinct words whose n-grams are kept (about 4 MB): the common words, which recur on every page.
_WORD_MEMO = 1 << 12


_SPACE_RUN = re.compile("  +")
#: What langdetect's ``cleaning_text`` counts as Latin (``'A' <= ch <= 'z'``, brackets and all) and
#: as not Latin (from U+0300 on: its test against the "Latin Extended Additional" block compares a
#: block number with a name, so no character is exempted).
_LATIN = re.compile("[A-z]")
_LATIN_FIRST, _LATIN_LAST, _NOT_LATIN_FIRST = ord("A"), ord("z"), 0x300
#: The combining marks langdetect's ``normalize_vi`` joins with the letter before them.
_VI_MARKS = tuple(NGram.DMARK_CLASS)


class _NgramNormal(dict[int, str]):
    """``str.translate`` table applying ``NGram.normalize`` to each character, filled on demand."""

    def __missing__(self, code: int) -> str:
        value: str = NGram.normalize(chr(code))
        self[code] = value
        return value


class _Grams:
    """langdetect's n-gram extraction, word by word, memoised per word, as rows of the profile table.

    langdetect walks the text a character at a time and forgets everything
    at each (normalised) space, so the n-grams of a word and the space after
    it depend on that word alone: each distinct word is walked once per
    process (a bounded memo of a pure function of the word and the loaded
    profiles) and the text's n-grams are those of its words in order.
    """

    def __init__(self, known: dict[str, int]) -> None:
        self._known = known
        self._normal = _NgramNormal()
        self.of_word = functools.lru_cache(maxsize=_WORD_MEMO)(self._walk)

    def extract(self, text: str) -> list[int]:
        """The n-grams of ``text`` (not yet normalised), as ``Detector._extract_ngrams`` lists them (their rows)."""
        pieces = text.translate(self._normal).split(" ")
        result: list[int] = []
        last = len(pieces) - 1
        for index, piece in enumerate(pieces):
            if piece:
                # Every piece but the last was followed by a space, whose n-grams close the word.
                result.extend(self.of_word(piece + " " if index < last else piece))
        return result

    def _walk(self, word: str) -> tuple[int, ...]:
        """langdetect's loop from a fresh start (as after a space) over one normalised word.

        After a space langdetect's window is the last three characters of
        ``" " + word`` up to the current one, and it skips a character
        (all its n-grams) when that character and the one before are both
        capitals: the n-grams are the 1-, 2- and 3-character slices ending at
        each character it keeps, the 1-gram of a space excepted.
        """
        get = self._known.get
        padded = " " + word
        result: list[int] = []
        previous_upper = False
        for end in range(1, len(padded)):
            ch = padded[end]
            upper = ch.isupper()
            if upper and previous_upper:
                continue
            previous_upper = upper
            if ch != " " and (row := get(ch)) is not None:
                result.append(row)
            if (row := get(padded[end - 1: end + 1])) is not None:
                result.append(row)
            if end >= 2 and (row := get(padded[end - 2: end + 1])) is not None:
                result.append(row)
        return tuple(result)


class _Detector(Detector):  # type: ignore[misc]  # langdetect ships no type hints
    """langdetect's detector with its per-character Python loops tightened and its trials on arrays.

    Same n-grams in the same order, same random draws, same float operations
    in the same order: the probabilities come out bit for bit as langdetect's
    own. Profiling showed n-gram extraction (a method call and a Unicode
    block lookup per character) costing more than the detection itself, and
    then the trials' 55-language loops (:mod:`.language_trials`) half of what
    was left.
    """

    #: The sample as langdetect keeps it (set by langdetect's ``__init__``, grown by :meth:`append`).
    text: str

    def __init__(self, factory: DetectorFactory, grams: _Grams, table: ProfileTable) -> None:
        super().__init__(factory)
        self._grams = grams
        self._table = table

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        # An address holds an "@", and langdetect's Vietnamese step joins a letter with one of its
        # combining marks: a text without them is left as it is, unscanned by their patterns.
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        if any(mark in text for mark in _VI_MARKS):
            text = NGram.normalize_vi(text)
        # langdetect keeps a character unless it and the one before are both spaces.
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """langdetect's: drop the Latin letters of a text mostly in another script.

        The two counts are its patterns' match counts, taken on the code
        points as an array: listing every match cost a twentieth of the
        language stage. An ASCII text has nothing from U+0300 on, so nothing
        to drop.
        """
        if self.text.isascii():
            return
        points = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        latin = np.count_nonzero((points >= _LATIN_FIRST) & (points <= _LATIN_LAST))
        if latin * 2 < np.count_nonzero(points >= _NOT_LATIN_FIRST):
            self.text = _LATIN.sub("", self.text)

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._grams.extract(self.text)
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        settings = TrialSettings(
            self.n_trial, self.alpha, self.ALPHA_WIDTH, self.BASE_FREQ, self.CONV_THRESHOLD, self.ITERATION_LIMIT
        )
        self.langprob = run_trials(self._table, ngrams, self.random, self.seed, settings)


class LanguageDetector:
    """A seeded langdetect wrapper; build once, reuse for many texts."""

    def __init__(self, seed: int = _SEED) -> None:
        # The factory only hands the detectors their settings: the profiles are read into
        # one matrix (the detectors read its rows), not into langdetect's per-n-gram lists.
        self._factory = DetectorFactory()
        self._factory.langlist, self._table = load_table(PROFILES_DIRECTORY)
        self._factory.word_lang_prob_map = self._table.index
        self._factory.set_seed(seed)
        self._grams = _Grams(self._table.index)
        # langdetect names Chinese zh-cn / zh-tw; the record takes the part before the dash.
        self.languages = frozenset(lang.split("-")[0] for lang in self._factory.langlist)

    def detect(self, text: str) -> tuple[str | None, float | None]:
        """Return ``(iso639_1, probability)`` or ``(None, None)`` when unsure."""
        sample = text[:_MAX_CHARS]
        if len(list(itertools.islice(filter(str.isalpha, sample), _MIN_LETTERS))) < _MIN_LETTERS:
            return None, None
        detector: Any = _Detector(self._factory, self._grams, self._table)
        detector.append(sample)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None, None
        # langdetect reports Chinese as zh-cn / zh-tw; the record wants 639-1.
        return best.lang.split("-")[0], round(float(best.prob), 4)


_DEFAULT: Lazy[LanguageDetector] = Lazy(LanguageDetector)
#: The confidence of a declared language its stopwords confirm.
_CONFIRMED = 1.0
#: How far past the middle window's start a word boundary is looked for.
_WORD_SEARCH = 40


def middle_sample(text: str, size: int = _MAX_CHARS) -> str:
    """At most ``size`` characters from the middle of ``text``, starting at a word.

    A body's first characters are where leftovers of the page sit (a
    dateline, a kicker, a credit in the site's language); its middle is the
    article's own prose. The window is fixed, so the cost and the result
    depend only on the text. (Measured on the 732 dev HTML bodies: the same
    language as the first 2,000 characters gave on every one, a different
    confidence on two; detection time does not shrink with the sample, as
    langdetect's random draws cost more than reading it.)
    """
    if len(text) <= size:
        return text
    start = (len(text) - size) // 2
    space = text.find(" ", start, start + _WORD_SEARCH)
    if space != -1:
        start = space + 1
    return text[start:start + size]


def detect_language(text: str) -> tuple[str | None, float | None]:
    """Detect the language of ``text`` with the shared seeded detector."""
    return _DEFAULT.get().detect(text)


def identify_language(text: str, declared: str | None) -> tuple[str | None, float | None]:
    """The language of ``text``: the ``declared`` one when its stopwords confirm it, else langdetect's.

    langdetect's random trials are the dearest step of naming a language
    (about 4 ms a page); a page that declares its language (``<html lang>``,
    meta) and whose words are that language's function words needs no
    second opinion. Only languages langdetect itself can name are taken on
    declaration, so a record names a language the same way either way
    ("no", never "nb"). Measured on the 732 dev HTML pages: 644 are
    confirmed this way, and on every one langdetect names the declared
    language with a probability that rounds to 1.0, the confidence given
    here (as for a language the caller sets).
    """
    detector = _DEFAULT.get()
    if declared and declared in detector.languages and stopwords_confirm(text, declared):
        return declared, _CONFIRMED
    return detector.detect(text)
