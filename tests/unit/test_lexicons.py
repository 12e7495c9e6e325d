"""Checks for the boilerplate lexicons in newsclean/text/lexicons/*.json.

Each file describes one noise category with "line" regexes (re.fullmatch on a
short standalone block after stripping bullets and trailing ':' '.' '|') and
"phrase" regexes (re.search on a sentence). All are compiled with IGNORECASE.
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

_BULLET = re.compile(r"^(?:[*\-+•]|o(?=\s))\s*")


def _load():
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(LEXICON_DIR.glob("*.json"))}


LEXICONS = _load()


def _compile(lex, kind):
    return [re.compile(p, re.IGNORECASE) for pats in lex[kind].values() for p in pats]


COMPILED = {name: (_compile(lex, "line"), _compile(lex, "phrase")) for name, lex in LEXICONS.items()}


def strip_block(text):
    """Strip whitespace, a leading bullet marker and a trailing ':', '.' or '|'."""
    text = _BULLET.sub("", text.strip()).strip()
    return re.sub(r"[:.|]+$", "", text).strip()


def line_hit(lines, text):
    block = strip_block(text)
    return any(p.fullmatch(block) for p in lines)


def phrase_hit(phrases, text):
    return any(p.search(text) for p in phrases)


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
            hit = [t for t in examples if (line_hit(own, t) if kind == "line" else phrase_hit(own, t))]
            if kind == "line":
                assert all(view.match_line(t) == name for t in hit), (lang, hit)
            else:
                assert all(view.match_phrase(t) == name for t in hit), (lang, hit)
            checked += len(hit)
    assert checked, "no noise example reached the lexicon"


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_noise_examples_match(name):
    lines, phrases = COMPILED[name]
    missed = [t for t in LEXICONS[name]["examples"]["noise"]
              if not (line_hit(lines, t) or phrase_hit(phrases, t))]
    assert not missed, missed


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_content_examples_do_not_match_any_category(name):
    hits = []
    for text in LEXICONS[name]["examples"]["content"]:
        for other, (lines, phrases) in COMPILED.items():
            if phrase_hit(phrases, text) or line_hit(lines, text):
                hits.append((other, text))
    assert not hits, hits


def test_strip_block():
    assert strip_block("  • Share: ") == "Share"
    assert strip_block("- Menu |") == "Menu"
    assert strip_block("o Advertisement.") == "Advertisement"
