"""The words of a page's address: what its path and its story slug say the story is.

Several readers weigh text against the address: the region search (the
path's words), the headline reader (the story slug's words, as a set), and
the stream headline of a flattened dump (the story slug's words in order).
They read the same path of the same address, so the path, the file
extension and the story segment are taken apart here, once.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from .story_words import fold

#: The fewest slug words a set-of-words match needs: fewer are printed by chance by many runs of text.
MIN_SLUG_WORDS = 4
#: The fewest words a path segment before the last needs to be read as the story's slug rather than a folder.
_MIN_FOLDER_SLUG_WORDS = 3
#: A file name's extension (".html", ".aspx"): no word of the story.
_EXTENSION = re.compile(r"\.[a-z]{2,5}$")
_SCHEME_HOST = re.compile(r"^[a-z]+://[^/]+")
_SEPARATORS = re.compile(r"[^\w]+|_")
_NOT_ALNUM = re.compile(r"\W|_")


def spells_host(text: str, url: str | None) -> bool:
    """Whether a line spells the site's host name ("The Nation ?" on thenation.com, "regards.fr"): the site's
    name, not the story's. Letters and digits are compared, case folded; a line without any spells nothing."""
    folded = _NOT_ALNUM.sub("", text.casefold())
    host = _NOT_ALNUM.sub("", urlsplit(url).netloc.casefold()) if url else ""
    return bool(folded) and bool(host) and folded in host


def url_path(url: str) -> str:
    """The address's path, lower case, without scheme, host and query."""
    return _SCHEME_HOST.sub("", url.lower()).split("?")[0]


def path_tokens(url: str | None) -> set[str]:
    """Every word of three letters or more in the address's path (numbers left out)."""
    if not url:
        return set()
    return {w for w in _SEPARATORS.split(url_path(url)) if len(w) >= 3 and not w.isdigit()}


def story_slug_tokens(url: str | None) -> set[str]:
    """The words of the address's story slug: its wordiest path segment.

    Folders before it name the section ("/deutschland-und-welt/politik/"),
    and a section label in the page's menu would match them as well as the
    headline matches the slug; only the story's own segment says what the
    story is.
    """
    if not url:
        return set()
    # Tokens with digits are ids and hashes ("c4d3321d-fad9-..."), not words of a slug.
    # A file name's extension (".html", ".aspx") is no word of the story.
    segments = [{w for w in path_tokens("/" + _EXTENSION.sub("", segment)) if w.isalpha()}
                for segment in url_path(url).split("/") if segment]
    # Before a last segment without words (an id), a folder of one or two words names a section or
    # the kind of page ("/politics/politics-government/20241013-216478/", "/stories/3376705/"): its
    # words are the section label's in the menu, which would match them fully. A story slug before
    # an id is longer.
    if segments and not segments[-1]:
        segments = [words for words in segments if len(words) >= _MIN_FOLDER_SLUG_WORDS]
    # The last of equally wordy segments: a story slug follows its section's folders.
    return max(reversed(segments), key=len, default=set())


def slug_sequence(url: str | None) -> list[str]:
    """The words of the address's story slug in order: its wordiest path segment, lower case, ids dropped.

    Unlike :func:`story_slug_tokens`, short words and numbers stay: a
    headline printed in a stream is matched word by word, and "a", "of" or
    "2024" are words of it.
    """
    if not url:
        return []
    best: list[str] = []
    for segment in url_path(url).split("#")[0].split("/"):
        words = [w for w in _SEPARATORS.split(_EXTENSION.sub("", segment)) if w]
        # Ids and hashes mix letters and digits; numbers stay (a headline may print them).
        words = [w for w in words if w.isalpha() or w.isdigit()]
        if content_words(words) >= content_words(best):
            best = words
    return best


def content_words(words: list[str]) -> int:
    """How many distinct words of three letters or more, no numbers, ``words`` holds: what a slug says."""
    return len({w for w in words if len(w) >= 3 and w.isalpha()})


#: The longest stopword read as a function word of a slug ("für", "über", "the", "with"): the stoplists also hold
#: content words ("music", "world", "deutschland") that name what a story is about. A few of four letters
#: ("film", "city") go with the function words: they only lose their say in weighing runs against each other,
#: and only while four slug words are left (three letters would keep "ueber", the "über" that misled te-dev).
_FUNCTION_WORD_LETTERS = 4


@functools.lru_cache(maxsize=64)
def function_words(stopwords: frozenset[str]) -> frozenset[str]:
    """A stoplist's words of up to :data:`_FUNCTION_WORD_LETTERS` letters, spelled as slugs spell them.

    Worked out once per stoplist (a page asks three times, and folding a
    whole stoplist cost half a millisecond each time); one entry per
    language, so the cache stays small.
    """
    return frozenset(spelling for stop in stopwords if len(stop) <= _FUNCTION_WORD_LETTERS
                     for spelling in fold(stop))


def without_function_words(words: set[str], stopwords: frozenset[str] | None) -> set[str]:
    """The slug's words without the language's short function words ("fuer", "ueber", "with", "from").

    Every run of prose prints them, so a reader-forum box or a teaser list
    matches them as well as the story does, and a slug half made of them
    weighs the box like the article. Only stopwords of four letters or
    fewer go (spelled as a slug spells them): the stoplists also list
    content words, and a slug's "world" or "music" says what the story is.
    The slug stays whole when too few words would be left to weigh a run
    by (:data:`MIN_SLUG_WORDS`).
    """
    if not stopwords:
        return words
    kept = words - function_words(stopwords)
    return kept if len(kept) >= MIN_SLUG_WORDS else words

