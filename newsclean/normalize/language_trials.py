"""langdetect's random trials on arrays: the same draws and float operations, a fraction of the time.

langdetect names a language by seven random walks over the sample's
n-grams: each step multiplies 55 language probabilities by the drawn
n-gram's profile row (plus a smoothing weight), and every fifth step
normalises them and stops once one language passes 0.99999. In pure
Python each step is a 55-element loop; profiling the text path put these
steps at half of the language stage (itself a fifth of a dump's time).

Here the profiles are one float64 matrix (a row per n-gram) and the steps
between two normalisations are one ``np.multiply.accumulate`` down a small
stack of rows, which multiplies in the same order as langdetect's loop.
Every operation is the one langdetect does, on the same IEEE doubles:
``p * (weight + q)`` per element, a sum taken left to right (an
accumulate, as Python's ``sum`` over floats, never numpy's pairwise
``sum``), a division per element, and the trial's share added per element.
The random draws are langdetect's own calls on its seeded generator in the
same order (``gauss`` per trial, ``choice`` per step, a choice depending
only on the number of n-grams), so the probabilities come out bit for bit
as langdetect's (``tests/unit/test_language_trials.py`` compares them on
every fixture text).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: langdetect normalises (and tests for convergence) at every step whose index is a multiple of this.
_CHECK_EVERY = 5


@dataclass(frozen=True)
class ProfileTable:
    """langdetect's n-gram profiles as a matrix: ``rows[index[ngram]]`` is the n-gram's language row."""

    index: dict[str, int]
    rows: npt.NDArray[np.float64]

    @classmethod
    def from_cells(
        cls, index: dict[str, int], rows: npt.NDArray[np.intp], columns: npt.NDArray[np.intp],
        values: npt.NDArray[np.float64], languages: int,
    ) -> ProfileTable:
        """The table whose non-zero cells are ``(rows[k], columns[k]) = values[k]`` (no cell twice)."""
        matrix = np.zeros((len(index), languages), dtype=np.float64)
        matrix[rows, columns] = values
        return cls(index, matrix)

    @classmethod
    def from_map(cls, word_lang_prob_map: dict[str, list[float]], languages: int) -> ProfileTable:
        """The table of a loaded ``DetectorFactory.word_lang_prob_map`` (rows in the map's order)."""
        index = {word: position for position, word in enumerate(word_lang_prob_map)}
        flat = np.fromiter(
            itertools.chain.from_iterable(word_lang_prob_map.values()), dtype=np.float64,
            count=len(word_lang_prob_map) * languages,
        )
        return cls(index, flat.reshape(len(word_lang_prob_map), languages))

    def cells(self) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.float64]]:
        """The non-zero cells as ``(rows, columns, values)``, row by row (what :meth:`from_cells` takes)."""
        rows, columns = np.nonzero(self.rows)
        return rows, columns, self.rows[rows, columns]


def load_profiles(directory: str) -> tuple[list[str], ProfileTable]:
    """The languages and the profile table of langdetect's profile folder, read without langdetect's loader.

    ``DetectorFactory.load_profile`` builds a 55-float list per n-gram in
    a Python loop (over a second of CPU at every process start, which a
    batch of a few hundred dumps pays in full); here each language's
    column is filled in one array assignment. Files are taken in
    ``os.listdir`` order as langdetect takes them (that order is the
    languages' order), every n-gram of a profile gets a row, and the
    probability of a one- to three-character n-gram is its count over the
    profile's n-gram total of its length, as ``add_profile`` computes it
    (an integer count and total, so the same double).
    """
    languages: list[str] = []
    columns: list[tuple[list[int], list[int], list[int]]] = []
    index: dict[str, int] = {}
    for filename in os.listdir(directory):
        path = os.path.join(directory, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = json.load(handle)
        if profile["name"] in languages:
            raise ValueError(f"duplicate language profile {profile['name']!r}")
        languages.append(profile["name"])
        totals = profile["n_words"]
        rows, counts, divisors = [], [], []
        for word, count in profile["freq"].items():
            row = index.setdefault(word, len(index))
            if 1 <= len(word) <= 3:
                rows.append(row)
                counts.append(count)
                divisors.append(totals[len(word) - 1])
        columns.append((rows, counts, divisors))
    matrix = np.zeros((len(index), len(languages)), dtype=np.float64)
    for column, (rows, counts, divisors) in enumerate(columns):
        matrix[rows, column] = np.array(counts, dtype=np.float64) / np.array(divisors, dtype=np.float64)
    return languages, ProfileTable(index, matrix)


@dataclass(frozen=True)
class TrialSettings:
    """The constants of langdetect's ``Detector`` that its trials read."""

    trials: int
    alpha: float
    alpha_width: float
    base_freq: float
    conv_threshold: float
    iteration_limit: int


def run_trials(
    table: ProfileTable, ngrams: Sequence[int], rng: random.Random, seed: int | None, settings: TrialSettings,
) -> list[float]:
    """langdetect's ``Detector._detect_block`` after n-gram extraction: the averaged language probabilities.

    ``ngrams`` are the sample's n-grams as rows of ``table``; ``rng`` is the
    detector's generator, seeded here with ``seed`` as langdetect seeds it.
    """
    languages = table.rows.shape[1]
    langprob = np.zeros(languages, dtype=np.float64)
    # Row 0 is the trial's probabilities; rows 1.. the drawn n-grams' rows, then their running products.
    stack = np.empty((_CHECK_EVERY + 1, languages), dtype=np.float64)
    prob = stack[0]
    choice = rng.choice
    # The array's own method: ``np.take`` reaches it through two Python wrappers, a tenth of a trial's step.
    take = table.rows.take
    rng.seed(seed)
    for _trial in range(settings.trials):
        prob.fill(1.0 / languages)
        alpha = settings.alpha + rng.gauss(0.0, 1.0) * settings.alpha_width
        weight = alpha / settings.base_freq
        step = 0  # the index of the next step, as langdetect's ``i``
        while True:
            # The steps up to the next index langdetect checks at (step 0 is checked on its own).
            size = 1 if step == 0 else _CHECK_EVERY
            block = stack[: size + 1]
            take([choice(ngrams) for _ in range(size)], axis=0, out=block[1:])
            block[1:] += weight
            np.multiply.accumulate(block, axis=0, out=block)
            step += size
            total = np.add.accumulate(block[size])[-1]
            if total == 0.0:
                raise ZeroDivisionError("float division by zero")  # langdetect's own failure here
            np.divide(block[size], total, out=prob)
            if float(prob.max()) > settings.conv_threshold or step - 1 >= settings.iteration_limit:
                break
        langprob += prob / settings.trials
    result: list[float] = langprob.tolist()
    return result
