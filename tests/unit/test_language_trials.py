"""The array form of langdetect's trials and the fast case fold give exactly the old answers.

Both are speed-ups of the text path that must not change a record: the
language probabilities are compared bit for bit with langdetect's own
detector (every language's, not only the best), and the fold with the
character-by-character translation on every code point.
"""

from __future__ import annotations

import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from newsclean.normalize.language import LanguageDetector, _Detector
from newsclean.text.gates import new_case_fold

_TEXTS = (
    "Die Schweizer Gemeinde hat nach dem Brand schwere Versäumnisse eingeräumt.",
    "Le gouvernement a annoncé mardi de nouvelles mesures, https://example.com/x a@b.fr",
    "東京都は火曜日、新しい対策を発表した。  Tokyo   announced  NEW MEASURES",
    "Hà Nội công bố các biện pháp mới vào thứ Ba",
    "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για τη στήριξη των νοικοκυριών ΣΗΜΕΡΑ.",
    "Правительство во вторник объявило о новых мерах поддержки семей, сообщает ТАСС.",
    "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم الأسر",
    # Latin letters a minority: langdetect drops them (its cleaning step).
    "Правительство объявило меры [ABC] xyz_ `q` поддержки семей",
    "The NATO summit: the USA and the EU said the NATO plan was the plan, 2024. THE END the",
    " leading space, and  double spaces; Ünïcödé ÀÉÎ and 中文 mixed ",
)


@pytest.fixture(scope="module")
def reference() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def test_trials_give_langdetects_probabilities_bit_for_bit(reference: DetectorFactory) -> None:
    ours = LanguageDetector()
    for text in _TEXTS:
        expected = reference.create()
        expected.append(text)
        expected.get_probabilities()
        detector = _Detector(ours._factory, ours._grams, ours._table)
        detector.append(text)
        detector.get_probabilities()
        assert [float(p).hex() for p in detector.langprob] == [float(p).hex() for p in expected.langprob], text


def test_the_sample_is_cleaned_as_langdetect_cleans_it(reference: DetectorFactory) -> None:
    ours = LanguageDetector()
    texts = (
        *_TEXTS,
        "Ha\u0300 No\u0323i co\u0302ng bo\u0302\u0301 bie\u0323\u0302n pha\u0301p",  # decomposed Vietnamese
        "write to desk@example.org or news-desk@example.co.uk today",
        "абвг ab",  # two Latin letters against four Cyrillic ones: a tie is not a minority
        "абвгд ab",
        "Zürich café [x] ^_` \ud800 лишь",  # a lone surrogate counts as a script letter, as the pattern has it
        "plain ascii text only",
    )
    for text in texts:
        expected = reference.create()
        expected.append(text)
        expected.cleaning_text()
        detector = _Detector(ours._factory, ours._grams, ours._table)
        detector.append(text)
        detector.cleaning_text()
        assert detector.text == expected.text, text


def _check_fold(codes: range) -> None:
    fold, table = new_case_fold(), new_case_fold()
    if fold is None or table is None:  # Python without re's internals: no gates, nothing to check
        return
    for code in codes:
        if 0xD800 <= code < 0xE000:
            continue
        text = "é" + chr(code)
        assert fold.fold(text) == text.translate(table), hex(code)
    for text in ("ΟΔΟΣ ΣΤΗΝ ΑΘΗΝΑ", "İstanbul'da ılık", "Straße ſtill", "Москва ᲀ", "µ μ Kelvin \u212a", "ﬅ ﬆ ẛ ṡ"):
        assert fold.fold(text) == text.translate(table)


def test_fast_case_fold_equals_the_translation_on_alphabetic_scripts() -> None:
    # Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic ... up to Georgian and the Cyrillic extensions.
    _check_fold(range(0x1D00))


@pytest.mark.slow
def test_fast_case_fold_equals_the_translation_on_every_character() -> None:
    _check_fold(range(0x110000))


def test_profiles_are_read_as_langdetect_reads_them(reference: DetectorFactory) -> None:
    import numpy as np

    from newsclean.normalize.language_trials import ProfileTable

    ours = LanguageDetector()
    assert ours._factory.langlist == reference.langlist
    expected = ProfileTable.from_map(reference.word_lang_prob_map, len(reference.langlist))
    assert ours._table.index.keys() == expected.index.keys()
    assert np.array_equal(ours._table.rows[[ours._table.index[w] for w in expected.index]], expected.rows)
    dense = np.array(list(reference.word_lang_prob_map.values()), dtype=np.float64)
    assert np.array_equal(expected.rows, dense)


def test_parsed_profiles_equal_langdetects_when_no_pack_serves(reference: DetectorFactory) -> None:
    import numpy as np

    from newsclean.normalize.language_trials import ProfileTable, load_profiles

    languages, table = load_profiles(PROFILES_DIRECTORY)
    assert languages == reference.langlist
    expected = ProfileTable.from_map(reference.word_lang_prob_map, len(reference.langlist))
    assert table.index == expected.index  # same n-grams in langdetect's first-seen order
    assert np.array_equal(table.rows, expected.rows)
