"""The speed-ups must not change a single output: each is checked against the slow way.

ftfy's fast path, the lexicon's literal gates and the tightened language
detector each claim to return exactly what the plain computation returns;
these tests compare both on ordinary text and on the edge cases each one
reasons about (mojibake, entities, line breaks, case folding, scripts).
"""

from __future__ import annotations

import ftfy
import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from newsclean.normalize.language import LanguageDetector
from newsclean.normalize.text import _fix_mojibake
from newsclean.text.extract import TextResources

_SAMPLES = [
    "Plain ASCII line.\nAnother line & more.",
    "Caf\u00e9 cr\u00e8me, \u201cquoted\u201d \u2014 dash\n",
    "Caf\u00c3\u00a9 mojibake on one line\nclean line\n",
    "entity &amp; here\n<b>tag line</b>\nlater &eacute; stays\n",
    "windows\r\nline\rbreaks\u2028and\u2029more\x85",
    "ligature \ufb01ne, full width \uff2c\uff2f\uff35\uff24, ideographic\u3000space",
    "control\x00chars\x1b[31m red\x7f and bom\ufeff",
    "decomposed e\u0301 and \u00c3 at a line start\n\u00c3 \n\u00c2 x",
    "\u0152\n\u0153x\nsurrogate \ud83d\udca9 lone \udca9",
    "",
    "\n\n",
]


def test_mojibake_fast_path_matches_ftfy() -> None:
    for sample in _SAMPLES:
        for text in (sample, sample * 3, "line\n" * 50 + sample):
            expected = ftfy.fix_text(
                text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True, fix_character_width=False
            )
            assert _fix_mojibake(text) == expected, repr(text)


def test_lexicon_gates_change_no_verdict() -> None:
    lexicon = TextResources.load().lexicon
    texts = [
        "Subscribe to our newsletter",
        "SUBSCRIBE TO OUR NEWSLETTER",
        "\u017fubscribe to our newsletter",  # long s: equal to "s" under IGNORECASE
        "Accept all cookies",
        "Share on Facebook",
        "Advertisement",
        "Foto: dpa",
        "\u0130stanbul haberleri",
        "The council met on Tuesday to discuss the budget for next year.",
        "Please support our journalism with a donation today.",
        "Jetzt Newsletter abonnieren",
        "\u00a9 2024 Example Media. All rights reserved.",
    ]
    for language in (None, "en", "de", "tr", "ja"):
        view = lexicon.for_language(language)
        for text in texts:
            assert view.match_line(text) == _slow_match(view, text, line=True), (language, text)
            assert view.match_phrase(text) == _slow_match(view, text, line=False), (language, text)


def _slow_match(view: object, text: str, *, line: bool) -> str | None:
    """Every pattern of every category, no gate: what the lexicon did before its gates."""
    from newsclean.text.lexicon import _QUOTES, _strip_line

    target = _strip_line(text) if line else text.translate(_QUOTES)
    if line and not target:
        return None
    for cat in view.categories:  # type: ignore[attr-defined]
        matcher = cat.line if line else cat.phrase
        if matcher is None:
            continue
        for pattern in matcher.wholes:
            if (pattern.fullmatch(target) if line else pattern.search(target)) is not None:
                return str(cat.category)
    return None


def test_language_detector_matches_langdetect() -> None:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    ours = LanguageDetector()
    for text in (
        "Die Schweizer Gemeinde hat nach dem Brand schwere Versäumnisse eingeräumt.",
        "Le gouvernement a annoncé mardi de nouvelles mesures, https://example.com/x a@b.fr",
        "東京都は火曜日、新しい対策を発表した。  Tokyo   announced  NEW MEASURES",
        "Hà Nội công bố các biện pháp mới vào thứ Ba",
        # Words recur (the n-gram memo), capitalised runs, digits and punctuation as spaces, no final space.
        "The NATO summit: the USA and the EU said the NATO plan was the plan, 2024. THE END the",
        " leading space, and  double spaces; Ünïcödé ÀÉÎ and 中文 mixed ",
    ):
        detector = factory.create()
        detector.append(text[:2000])
        best = detector.get_probabilities()[0]
        assert ours.detect(text) == (best.lang.split("-")[0], round(float(best.prob), 4))


def test_case_fold_of_ascii_is_lower_case() -> None:
    from newsclean.text.gates import new_case_fold

    fold = new_case_fold()
    if fold is None:  # Python without re's internals: no gates, nothing to check
        return
    ascii_chars = "".join(map(chr, range(128)))
    assert fold.fold(ascii_chars) == ascii_chars.translate(fold)
    assert fold.fold("\u212a\u017f\u0130") == "ks" + "\u0130".translate(fold)


def test_word_gate_reports_every_set_with_a_word_in_the_text() -> None:
    from newsclean.text.gates import word_gate

    sets = [
        frozenset({"sub"}),
        frozenset({"subscribe", "cookie"}),
        frozenset({"scribe"}),
        frozenset({"ab", "abc"}),
        frozenset({"b"}),
        frozenset(),
        frozenset({"cook", "kie"}),
    ]
    gate = word_gate(sets)
    assert gate is not None
    for text in ("subscribe", "abscribe", "sub", "subscrib", "cookie", "abcookies", "", "xyz", "kie ab sub"):
        expected = sum(1 << bit for bit, words in enumerate(sets) if any(word in text for word in words))
        assert gate.mask(text) == expected, text
    assert word_gate([frozenset(), frozenset()]) is None


def test_block_word_count_follows_its_text() -> None:
    from newsclean.text.segment import Block, count_words

    block = Block(0, "one two", 0, True)
    assert block.words == 2
    block.text = f"{block.text} three"  # segmentation grows a block while it joins lines
    assert block.words == 3 == count_words(block.text)


def test_cue_shortcuts_match_the_patterns() -> None:
    evidence = TextResources.load().evidence
    texts = [
        "Read more (opens in new tab) and, opens a new window here",
        "Mehr lesen (öffnet in einem neuen Fenster) OPENS IN NEW TAB",
        "Link (external link) open new doors",
        "nothing to cut here, only an open door",
        "You're YOU you\u2019ll Du DU du; \u03a3\u03a5 \u03c3\u03cd \u03b9 u-u u_u 'u' uw \u01c5u",
        "Your support matters: if you value our work, please give what you can.",
        "",
    ]
    for text in texts:
        annotation = evidence.link_annotation
        assert evidence.cut_link_annotations(text) == (annotation.sub("", text), annotation.findall(text)), text
        assert evidence._second_person_hits(text) == len(evidence.second_person.findall(text)), text


def test_minimal_words_drops_exactly_the_words_containing_another() -> None:
    import random

    from newsclean.text.gates import minimal_words

    rng = random.Random(0)
    for _ in range(200):
        words = {"".join(rng.choice("ab c") for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(0, 30))}
        slow: list[str] = []
        for word in sorted(words, key=lambda w: (len(w), w)):
            if not any(kept in word for kept in slow):
                slow.append(word)
        assert minimal_words(words) == slow, words


def test_repeated_blocks_get_equal_but_separate_verdicts() -> None:
    from newsclean.text.classify import classify_block, classify_blocks
    from newsclean.text.segment import Block

    resources = TextResources.load()
    texts = ["Share", "A council met. Subscribe to our newsletter now. It voted on the budget.", "Share"]
    texts.append(texts[1])
    blocks = [Block(i, text, i, True) for i, text in enumerate(texts)]
    verdicts = classify_blocks(blocks, resources.lexicon, resources.evidence)
    assert verdicts == [classify_block(b, resources.lexicon, resources.evidence) for b in blocks]
    assert verdicts[0] is not verdicts[2] and verdicts[1].sentence_noise is not verdicts[3].sentence_noise
    assert all(a is not b for a, b in zip(verdicts[1].sentence_noise, verdicts[3].sentence_noise, strict=True))



@pytest.fixture(scope="module")
def fixture_blocks() -> tuple[str, ...]:
    """The blocks of the real dumps kept as fixtures (both text renders of every page).

    Read once for the module: six tests check their fast paths on these 7,000 blocks.
    """
    import gzip
    from pathlib import Path

    from newsclean.text.prepare import read_lines
    from newsclean.text.segment import iter_blocks

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    texts: list[str] = []
    for path in sorted(folder.glob("*.txt.gz")):
        dump = gzip.decompress(path.read_bytes()).decode("utf-8")
        texts.extend(block.text for block in iter_blocks(read_lines(dump).text))
    return tuple(texts)


def test_paragraph_phrase_gate_never_hides_a_sentence_match(fixture_blocks: tuple[str, ...]) -> None:
    """Where one gate pass over a paragraph says no phrase can occur, no sentence of it matches.

    Checked for the page-language views the dumps are read with and the
    all-language one, on every block of the fixture dumps plus cases with
    quotes and case folding the gate must see as the matcher does.
    """
    from newsclean.text.segment import split_sentences

    resources = TextResources.load()
    texts = [
        *fixture_blocks,
        "He said so. Don\u2019t miss our NEWSLETTER \u2014 sign up today.",
        "Ein Satz. COOKIES helfen uns, unsere Dienste bereitzustellen.",
        "Plain words here. Nothing to see.",
    ]
    assert len(texts) > 500
    skipped = 0
    for lexicon in (resources.lexicon, resources.lexicon.for_language("en"), resources.lexicon.for_language("de")):
        for text in texts:
            if lexicon.may_match_phrase(text):
                continue
            skipped += 1
            for start, end in [*split_sentences(text), (0, len(text))]:
                assert lexicon.match_phrase(text[start:end]) is None, text[start:end]
    assert skipped > 100  # the gate does settle paragraphs


def test_appeal_runs_reuse_the_verdicts_cue_count(fixture_blocks: tuple[str, ...]) -> None:
    """The cue count a verdict holds is the one the appeal-run reader would count again."""
    from newsclean.text.appeals import _addresses_reader
    from newsclean.text.classify import classify_blocks
    from newsclean.text.segment import Block

    resources = TextResources.load()
    evidence = resources.evidence
    blocks = [Block(i, text, i, True) for i, text in enumerate(fixture_blocks)]
    verdicts = classify_blocks(blocks, resources.lexicon.for_language("en"), evidence)
    addressed = 0
    for block, verdict in zip(blocks, verdicts, strict=True):
        recounted = evidence.appeal_score(block.text.replace("\u2019", "'"))[0] > 0
        assert _addresses_reader(block.text, verdict, evidence) == recounted, block.text
        addressed += recounted
    assert addressed > 20


def _check_gated_lexicon(languages: tuple[str | None, ...], texts: tuple[str, ...]) -> None:
    from newsclean.text.segment import split_sentences

    lexicon = TextResources.load().lexicon
    for language in languages:
        view = lexicon.for_language(language)
        for text in texts:
            assert view.match_line(text) == _slow_match(view, text, line=True), text
            for start, end in split_sentences(text):
                sentence = text[start:end]
                assert view.match_phrase(sentence) == _slow_match(view, sentence, line=False), sentence


def test_gated_lexicon_matches_every_pattern_on_fixture_blocks(fixture_blocks: tuple[str, ...]) -> None:
    """The gates (their words spelt across runs of fixed strings) change no verdict on real blocks.

    Every block of the fixture dumps, and every sentence of it, is matched
    with the gates and against every pattern without them, in the English
    view; the slow test below adds the German and the all-language views.
    """
    _check_gated_lexicon(("en",), fixture_blocks)


@pytest.mark.slow
def test_gated_lexicon_matches_every_pattern_in_every_view(fixture_blocks: tuple[str, ...]) -> None:
    """As above, in the all-language and the German views (about ten seconds)."""
    _check_gated_lexicon((None, "de"), fixture_blocks)


def test_required_words_spell_runs_of_fixed_strings() -> None:
    """A run of literals, small sets and alternations of literals requires its whole spelling.

    A lone space (``\\d{1,3} (of|/) \\d{1,3}``) occurs in nearly every line;
    " of " and " / " do not. Optional parts, classes and repeats end a run,
    and a word is only ever what every match contains.
    """
    from newsclean.text.gates import new_case_fold, required_words

    fold = new_case_fold()
    if fold is None:  # Python without re's internals: no gates
        return
    assert required_words(r"\d{1,3} (of|/|von) \d{1,3}", fold) == {" of ", " / ", " von "}
    assert required_words(r"(privacy|cookie) overview", fold) == {"privacy overview", "cookie overview"}
    assert required_words(r"\bthis cookie is (set|used)\b", fold) == {"this cookie is set", "this cookie is used"}
    assert required_words(r"[ap]m", fold) == {"am", "pm"}
    assert required_words(r"(?:Foo|bar)s? news", fold) == {" news"}
    assert required_words(r"\d+:\d+", fold) == {":"}
    assert required_words(r"\w+", fold) is None
    assert required_words(r"(a|)b", fold) == {"ab", "b"}


def test_headline_token_shortcuts_match_the_general_path(fixture_blocks: tuple[str, ...]) -> None:
    """ASCII words skip the fold (their only spelling is the lower case); tokens are as before.

    The general path is replayed here word by word through ``fold``,
    on every fixture block (many mix ASCII and accented words).
    """
    from newsclean.normalize.scripts import CJK_CHAR as _CJK
    from newsclean.text.story_words import WORD as _WORD
    from newsclean.text.story_words import fold as _fold
    from newsclean.text.story_words import tokens as _tokens

    def general(text: str) -> set[str]:
        found: set[str] = set()
        for word in _WORD.findall(text):
            if _CJK.search(word):
                found.update(word[i: i + 2] for i in range(len(word) - 1))
            elif len(word) >= 3 and not word.isdigit():
                found.update(_fold(word))
        return found

    texts = [*fixture_blocks, "Straße in Zürich 2024 GROSS", "東京都の新しい政策 Tokyo", "Kelvin \u212a and 12345"]
    for text in texts:
        assert _tokens(text) == general(text), text


def test_headline_scores_equal_with_and_without_the_callers_keys() -> None:
    """The keys the fields stage passes give the scores the headline search computes itself."""
    import gzip
    from pathlib import Path

    from newsclean.normalize.text import comparison_key
    from newsclean.text.headline import candidate_scores
    from newsclean.text.prepare import read_lines
    from newsclean.text.segment import iter_blocks

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    for path in sorted(folder.glob("*.txt.gz")):
        blocks = iter_blocks(read_lines(gzip.decompress(path.read_bytes()).decode("utf-8")).text)
        keys = [comparison_key(b.text) for b in blocks]
        noise = [False] * len(blocks)
        for start in range(0, len(blocks), max(1, len(blocks) // 6)):
            end = min(len(blocks), start + 10)
            assert candidate_scores(blocks, noise, start, end, "https://example.org/a/story-about-the-budget-vote",
                                    keys=keys) == candidate_scores(blocks, noise, start, end,
                                                                   "https://example.org/a/story-about-the-budget-vote")


def test_slug_relevance_counts_the_slug_words_of_the_joined_range() -> None:
    """Blocks keep only their slug words; a range scores as the slug's share found in its joined text."""
    import gzip
    from pathlib import Path

    from newsclean.text.headline import _tokens, slug_relevance
    from newsclean.text.prepare import read_lines
    from newsclean.text.segment import iter_blocks
    from newsclean.text.slugs import path_tokens

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    for path in sorted(folder.glob("*.soup.txt.gz")):
        blocks = iter_blocks(read_lines(gzip.decompress(path.read_bytes()).decode("utf-8")).text)
        lead = _tokens(" ".join(b.text for b in blocks[len(blocks) // 3: len(blocks) // 3 + 8]))
        words = sorted(w for w in lead if w.isascii() and w.isalpha())[:6]
        url = "https://example.org/news/" + "-".join([*words, "council", "budget", "vote", "zzzmissing"])
        relevance = slug_relevance(url, blocks)
        assert relevance is not None
        slug = path_tokens(url)
        for start in range(0, len(blocks), max(1, len(blocks) // 8)):
            end = start + 12
            joined = _tokens(" ".join(b.text for b in blocks[start:end]))
            assert relevance(start, end) == len(slug & joined) / len(slug)


def test_sentences_gated_in_one_pass_match_as_each_alone(fixture_blocks: tuple[str, ...]) -> None:
    """One gate pass over a paragraph gives each sentence the phrase match a pass over it alone gives.

    Every block of the fixture dumps with its sentence spans, plus spans
    that cut through words and quotes, in the English, German and
    all-language views.
    """
    from newsclean.text.segment import split_sentences

    lexicon = TextResources.load().lexicon
    texts = [
        *fixture_blocks,
        "He said so. Don\u2019t miss our NEWSLETTER \u2014 sign up today. Foto: dpa",
        "Ein Satz. COOKIES helfen uns, unsere Dienste bereitzustellen. Jetzt abonnieren!",
    ]
    matched = 0
    for view in (lexicon.for_language("en"), lexicon.for_language("de"), lexicon):
        for text in texts:
            spans = [*split_sentences(text), (0, len(text)), (1, max(1, len(text) - 3)), (len(text) // 2, len(text))]
            expected = [view.match_phrase(text[start:end]) for start, end in spans]
            assert view.match_phrases(text, spans) == expected, text
            matched += sum(category is not None for category in expected)
    assert matched > 50


def test_bullet_openers_hold_every_character_a_marker_starts_with() -> None:
    """A label is stripped of its marker only when it opens with one of BULLET_OPENERS: no other can."""
    from newsclean.text.lexicon import _BULLET, BULLET_OPENERS

    for code in range(0x30000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if _BULLET.match(char + " x") is not None or _BULLET.match(char + "x") is not None:
            assert char in BULLET_OPENERS, hex(code)


def test_gated_cue_count_equals_the_patterns_count(fixture_blocks: tuple[str, ...]) -> None:
    """The appeal score behind its one cue gate counts what the two cue patterns find, on every fixture block."""
    evidence = TextResources.load().evidence
    texts = [
        *fixture_blocks,
        "Support our JOURNALISM: subscribe today, you\u2019ll get ad-free access. Donate!",
        "Unterst\u00fctzen Sie uns, DU kannst spenden. \u017fubscribe",
        # Words inside words, after apostrophes, digits and underscores, back to back, overlapping.
        "roads ads ADS-free d'ads \u2019ads _ads 9ads -ads sign-up signup sign in signing in adsads freefree",
        "member membership members-only (subscribers) [donate] donat\u00e9 SUBSCRIBE\u00a0now",
        "",
    ]
    cued = 0
    for text in texts:
        hits = len(evidence.appeal.findall(text)) + len(evidence.second_person.findall(text))
        assert evidence.appeal_score(text) == (hits, hits / max(1, len(text.split()))), text
        cued += hits > 0
    assert cued > 20


def test_first_character_fits_per_class_equal_those_per_pattern(fixture_blocks: tuple[str, ...]) -> None:
    """A pattern index finds the patterns a line's first character can begin once per class, not per pattern.

    The bits it gives every character of the fixture blocks (and a few
    edge cases: a digit, a space, a capital with a case-insensitive twin,
    a CJK character) are those the per-pattern test gives, in the
    English and the German views, line and phrase patterns alike.
    """
    lexicon = TextResources.load().lexicon
    chars = set("".join(fixture_blocks)) | set("7 \u212a\u0130\u017f\u6771\u00df")
    for language in ("en", "de"):
        compiled = lexicon.for_language(language)._compile()
        for index in (compiled.line, compiled.phrase):
            assert index._first_classes, "a view without first-character classes tests nothing"
            for char in chars:
                expected = 0
                for bit, entry in enumerate(index._entries):
                    first = entry.bounds.first
                    if first is None or first.match(char) is not None:
                        expected |= 1 << bit
                assert index._starts(char) == expected, repr(char)


def test_length_steps_give_the_patterns_each_length_fits() -> None:
    """The patterns a line of each length can match whole, read off the steps, are those each pattern's width admits.

    Every length from empty to past the widest bounded pattern, and one past
    any bound, in the English, German and all-language views, line and
    phrase patterns alike.
    """
    lexicon = TextResources.load().lexicon
    for view in (lexicon.for_language("en"), lexicon.for_language("de"), lexicon):
        compiled = view._compile()
        for index in (compiled.line, compiled.phrase):
            widths = [entry.width for entry in index._entries if entry.width is not None]
            assert widths and any(low != high for low, high in widths), "no bounded pattern: nothing is tested"
            longest = max(high for _low, high in widths if high < 10_000)
            for length in [*range(longest + 3), 10_000, 2**70]:
                expected = 0
                for bit, entry in enumerate(index._entries):
                    if entry.width is None or entry.width[0] <= length <= entry.width[1]:
                        expected |= 1 << bit
                assert index._fits(length) == expected, length


def test_stoplist_fit_stopping_early_gives_the_upper_quartile_answer() -> None:
    """Measuring blocks only until a quarter fit answers as the upper quartile of all densities does."""
    import random

    from newsclean.text.judge import _stoplist_fits
    from newsclean.text.segment import Block

    class Densities:
        """Stands for :class:`Evidence`: each text's density from a table, every measurement counted."""

        def __init__(self, table: dict[str, float | None]) -> None:
            self.table, self.measured = table, 0

        def stopword_density(self, text: str, language: str | None) -> float | None:
            self.measured += 1
            return self.table[text]

    def quartile(texts: list[str], table: dict[str, float | None]) -> bool:
        densities = sorted(d for t in texts for d in [table[t]] if d is not None)
        return bool(densities) and densities[len(densities) * 3 // 4] >= 0.15

    rng = random.Random(7)
    long_text = " ".join(["word"] * 25)
    answers = set()
    for case in range(400):
        count = rng.randrange(0, 14)
        texts = [f"{long_text} {rng.randrange(8)}" for _ in range(count)]  # repeats, as pages print teasers twice
        table: dict[str, float | None] = {t: rng.choice([None, 0.0, 0.1, 0.149, 0.15, 0.3]) for t in texts}
        blocks = [Block(i, t, i, True) for i, t in enumerate([*texts, "a short label"])]
        evidence = Densities(table)
        got = _stoplist_fits(blocks, "en", evidence)  # type: ignore[arg-type]  # the stub has the one method read
        assert got == quartile(texts, table), (case, texts, table)
        answers.add(got)
    assert answers == {True, False}
    # An article's paragraphs that fit from the first on settle it after a quarter of them.
    texts = [f"{long_text} {n}" for n in range(12)]
    evidence = Densities(dict.fromkeys(texts, 0.4))
    assert _stoplist_fits([Block(i, t, i, True) for i, t in enumerate(texts)], "en", evidence)  # type: ignore[arg-type]
    assert evidence.measured == 3


def test_sentence_stop_read_from_the_end_matches_the_pattern(fixture_blocks: tuple[str, ...]) -> None:
    """A fragment's stop test from the line's end answers as the pattern searched over the line."""
    import re

    from newsclean.text.classify import Verdict
    from newsclean.text.fragments import _finished_sentence
    from newsclean.text.segment import Block

    pattern = re.compile(r"[.!。！][\"'”“’»)]*$")
    cases = [*fixture_blocks, "He said: \"It is over.\")", "Ende!»", "终于结束了。", "A list (32)", "Ask? ", "One. Two",
             "Quote ends.' said", "Just closers\"\"\"", "Stop.) ) »", "Four words end here.”"]
    finished = 0
    for text in cases:
        stripped = text.rstrip()
        by_pattern = (
            pattern.search(stripped) is not None and not stripped.endswith("...")
            and len(re.findall(r"[^\W\d_]{2,}", stripped)) >= 4
        )
        assert _finished_sentence(Block(0, text, 0, True), Verdict(None, False, 0.0)) == by_pattern, text
        finished += by_pattern
    assert 0 < finished < len(cases)


def test_credit_tail_needs_its_sign() -> None:
    from newsclean.text.classify import _credit_tail

    found = _credit_tail("Die Feuerwehr im Einsatz am Montag © Gemeinde Musterdorf")
    assert found is not None and found.group().strip() == "© Gemeinde Musterdorf"
    assert _credit_tail("Die Feuerwehr im Einsatz am Montag (c) Gemeinde Musterdorf") is None
