"""Checks for the boilerplate lexicons in newsclean/text/lexicons/*.json.

Each file describes one noise category with "line" regexes (re.fullmatch on a
short standalone block after stripping bullets and trailing ':' '.' '|') and
"phrase" regexes (re.search on a sentence). All are compiled with IGNORECASE.
Matching goes through the cleaner's own :class:`Lexicon`, so what is tested
is how the cleaner reads the patterns (bullets, quotes, gates), not a copy.
"""
import json
import re
from pathlib import Path

import pytest

from newsclean.text.lexicon import CategorySource, Lexicon

LEXICON_DIR = Path(__file__).parents[2] / "newsclean/text/lexicons"
CATEGORIES = {
    "navigation", "share", "cookie", "appeal", "paywall", "newsletter", "embed",
    "teaser", "app_prompt", "comments", "advertisement", "image_credit", "byline",
    "meta", "legal", "contribute",
}
LANG_KEY = re.compile(r"[a-z]{2}")



def _load():
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(LEXICON_DIR.glob("*.json"))}


LEXICONS = _load()


def _single(name, line, phrase):
    """A Lexicon of one category's patterns, all languages applying (not narrowed)."""
    return Lexicon([CategorySource(name, line, phrase)])


LOADED = Lexicon.load()
SINGLES = {name: _single(name, lex["line"], lex["phrase"]) for name, lex in LEXICONS.items()}


def hit(lexicon, text):
    """Whether the cleaner's lexicon names a category for ``text`` as a line or as a phrase."""
    return lexicon.match_line(text) is not None or lexicon.match_phrase(text) is not None


def test_all_categories_present():
    assert set(LEXICONS) == CATEGORIES


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_shape(name):
    lex = LEXICONS[name]
    assert set(lex) == {"category", "description", "line", "phrase", "examples"}
    assert lex["category"] == name
    assert isinstance(lex["description"], str) and lex["description"].strip()
    for kind in ("line", "phrase"):
        assert isinstance(lex[kind], dict)
        for lang, pats in lex[kind].items():
            assert lang == "xx" or LANG_KEY.fullmatch(lang), lang
            assert isinstance(pats, list) and pats, (kind, lang)
            assert all(isinstance(p, str) and p for p in pats)
    ex = lex["examples"]
    assert set(ex) == {"noise", "content"}
    assert 5 <= len(ex["noise"]) <= 15
    assert 5 <= len(ex["content"]) <= 10


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_each_language_of_a_category_takes_effect_through_the_lexicon(name):
    """Every pattern group, as the cleaner's own Lexicon compiles and gates it, matches what it is for.

    For each language a category file names, a Lexicon of that file narrowed
    to the language must find the category in at least one noise example the
    group's own patterns match (so a group whose gate words or compilation
    break stops matching here), and no phrase pattern may match the empty
    string (searched in every sentence, it would make every sentence noise).
    """
    lex = LEXICONS[name]
    lexicon = Lexicon([CategorySource(name, lex["line"], lex["phrase"])])
    examples = lex["examples"]["noise"]
    checked = 0
    for kind in ("line", "phrase"):
        for lang, pats in lex[kind].items():
            own = [re.compile(p, re.IGNORECASE) for p in pats]
            if kind == "phrase":  # searched in every sentence; a line pattern only sees a non-blank block
                assert not any(p.search("") for p in own), lang
            view = lexicon.for_language(None if lang in ("en", "xx") else lang)
            assert view.match_phrase(" ") is None and view.match_line("") is None
            group = _single(name, {lang: pats} if kind == "line" else {}, {lang: pats} if kind == "phrase" else {})
            found = [t for t in examples if hit(group, t)]
            if kind == "line":
                assert all(view.match_line(t) == name for t in found), (lang, found)
            else:
                assert all(view.match_phrase(t) == name for t in found), (lang, found)
            checked += len(found)
    assert checked, "no noise example reached the lexicon"


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_noise_examples_match(name):
    missed = [t for t in LEXICONS[name]["examples"]["noise"] if not hit(SINGLES[name], t)]
    assert not missed, missed


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_content_examples_do_not_match_any_category(name):
    hits = []
    for text in LEXICONS[name]["examples"]["content"]:
        for other, lexicon in SINGLES.items():
            if hit(lexicon, text):
                hits.append((other, text))
    assert not hits, hits


def test_a_line_is_matched_without_its_bullet_and_trailing_separator():
    lexicon = _single("navigation", {"xx": ["menu", "share", "advertisement"]}, {})
    assert lexicon.match_line("  • Share: ") == "navigation"
    assert lexicon.match_line("- Menu |") == "navigation"
    assert lexicon.match_line("o Advertisement.") == "navigation"
    assert lexicon.match_line("Menu of the day") is None


@pytest.mark.parametrize(
    "label",
    [
        "Das könnte dich auch interessieren …",
        "Das Thema könnte dich auch interessieren:",
        "Beliebte Beiträge zum Thema:",
        "Empfohlene Beiträge",
        "Verwandte Themen",
        "ALSO READ:",
        "Temas relacionados",
        "POPULARNE",
        "Noch mehr Infos für dich",
        "Top Themen der Redaktion",
        "Vorheriges",
    ],
)
def test_related_story_box_labels_are_teasers(label):
    """The labels that open related-story boxes name the teaser category, so the barrier cut can end there."""
    assert LOADED.match_line(label) == "teaser"


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Studie könnte dich auch interessieren, wenn du Sport treibst, sagt die Forscherin.",
        "Neue Beiträge zur Rentenkasse sollen ab 2025 steigen.",
        "Noch mehr Arbeit und Weltklassestadien",
        "Also read the small print before you sign, the agency advised.",
    ],
)
def test_a_sentence_using_those_words_is_not_a_teaser_label(sentence):
    assert LOADED.match_line(sentence) is None


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("12 Antworten zu Ein Jahr im Schrebergarten", "comments"),
        ("Ein Kommentar zu „Ein Jahr im Schrebergarten“", "comments"),
        ("3 Kommentare zu", "comments"),
        # The article's own sentence about answers is not a thread's header.
        ("Die Regierung gab 12 Antworten zu den Fragen der Opposition.", None),
    ],
)
def test_comment_thread_header_naming_the_post(line, category):
    assert LOADED.match(line) == category
