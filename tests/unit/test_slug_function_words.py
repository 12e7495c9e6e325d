from __future__ import annotations

from newsclean.text.headline import slug_relevance
from newsclean.text.segment import Block
from newsclean.text.slugs import path_tokens, without_function_words

_GERMAN_STOPS = frozenset({"für", "über", "und", "mit", "der", "die", "deutschland", "musik"})
_URL = "https://news.example/politik/niederlage-fuer-johnson-parlament-vertagt-votum-ueber-brexit-deal-8961728.html"


def test_short_stopwords_leave_the_slug_in_their_slug_spelling() -> None:
    words = path_tokens(_URL)
    kept = without_function_words(words, _GERMAN_STOPS)
    # "für" and "über" are spelled "fuer" and "ueber" in the address.
    assert words - kept == {"fuer", "ueber"}
    # No stoplist: nothing goes.
    assert without_function_words(words, None) == words


def test_long_stopwords_name_the_story_and_stay() -> None:
    words = path_tokens("https://news.example/sport/deutschland-gewinnt-die-musik-meisterschaft-mit-glanz.html")
    kept = without_function_words(words, _GERMAN_STOPS)
    assert {"deutschland", "musik"} <= kept
    assert "mit" not in kept and "die" not in kept


def test_a_slug_left_too_short_stays_whole() -> None:
    words = path_tokens("https://news.example/mit-und-fuer-alle.html")
    assert without_function_words(words, _GERMAN_STOPS) == words


def _block(index: int, text: str) -> Block:
    return Block(index, text, index, True)


def test_a_forum_box_printing_the_function_words_no_longer_matches_the_slug() -> None:
    article = _block(0, "Das Parlament in London hat das Votum zum Brexit-Deal vertagt, eine Niederlage für Johnson.")
    forum = _block(1, "Diskutieren Sie mit über dieses Thema: Ihre Meinung für unser Forum.")
    whole = slug_relevance(_URL, [article, forum])
    contrast = slug_relevance(_URL, [article, forum], _GERMAN_STOPS)
    assert whole is not None and contrast is not None
    assert (whole(1, 2) or 0.0) > 0.0
    assert contrast(1, 2) == 0.0
    # The article keeps every story word it prints.
    assert (contrast(0, 1) or 0.0) > (whole(0, 1) or 0.0) - 0.01 and (contrast(0, 1) or 0.0) >= 0.7


def test_a_stoplists_function_words_are_folded_once_and_kept_short() -> None:
    """Only the stoplist's short words, as a slug spells them ("für" -> "fuer"), and one result per stoplist."""
    from newsclean.text.slugs import function_words

    stoplist = frozenset({"für", "über", "und", "deutschland", "welt"})
    first = function_words(stoplist)
    assert {"fuer", "ueber", "und", "welt"} <= first and "deutschland" not in first
    assert function_words(frozenset(stoplist)) is first
