"""Properties of ``clean()`` over arbitrary text and generated HTML (hypothesis).

Three promises hold for any input: ``clean()`` returns a record; the cleaner
removes, it never invents (every word of ``text`` and ``title`` occurs in the
input once newsclean's own normalisation has been applied to it); and the
same input gives the same record every time.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.decode import repair_text
from newsclean.normalize.text import comparison_key, normalize_text

# derandomize: CI runs the same 60 examples every time, so a red run names a
# regression, not a new random draw; shapes found by chance are pinned below.
SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

_TAG = re.compile(r"<[^>]*>")
_MARKUP_IN_TEXT = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--|-->")


def reference(raw: str) -> str:
    """The words the output may use: the input normalised as newsclean normalises text.

    That is the decoder's repairs (NULs, double-encoded UTF-8), then
    ``normalize_text`` (ftfy, NFC, control and zero-width characters).

    Tags are removed without a trace and spaces dropped, so a word the
    parser joins across a tag (``foo<b>bar</b>``) or a line the text path
    re-joins is still found; what cannot be found is a word the input never
    spelled out.
    """
    repaired, _ = repair_text(raw)  # what decoding does to every input, before any parsing
    stripped = html.unescape(_TAG.sub("", repaired))
    whole = normalize_text(stripped)
    # Extracted paragraphs have their whitespace collapsed (a no-break space
    # becomes a space) before they are normalised, which can change ftfy's verdict.
    collapsed = normalize_text(" ".join(stripped.split()))
    # Plain text is not markup: "<0>" in a dump is text, and stays.
    verbatim = normalize_text(repaired)
    # ftfy judges mojibake in context, and the cleaner normalises a text node
    # or a line on its own: each piece normalised alone is also a reference.
    # Fields (title) collapse whitespace first, which can change ftfy's verdict.
    pieces = [
        normalize_text(form)
        for piece in re.split(r"<[^>]*>|\n", repaired)
        for form in (html.unescape(piece), " ".join(html.unescape(piece).split()))
    ]
    return "|".join("".join(comparison_key(text).split()) for text in [whole, collapsed, verbatim, *pieces])


def invented_words(article: newsclean.Article, raw: str) -> list[str]:
    found = reference(raw)
    words = comparison_key(f"{article.text} {article.title or ''}").split()
    return [word for word in words if word not in found]


# Words of a few scripts and the glue of scraped dumps, so inputs reach the
# text engine's real paths (blocks, sentences, noise lexicons) and not only
# the empty-input shortcut.
WORDS = st.sampled_from([
    "the", "council", "approved", "new", "bridge", "on", "Tuesday", "officials", "said", "Share", "Facebook",
    "Twitter", "Cookies", "Accept", "Subscribe", "Read", "more", "Advertisement", "Photo", "Reuters", "By", "John",
    "Smith", "Updated", "2023-07-23", "12:05", "Совет", "одобрил", "мост", "市议会", "批准", "新桥", "مجلس",
    "المدينة", "Ã©", "â€™", "café", "naïve",
])
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", ". ", ", ", " | ", "\t", "\u00a0", "\x00", "&amp; "])


@st.composite
def dumps(draw: st.DrawFn) -> str:
    """A plain-text dump: words and separators, sometimes with raw unicode noise."""
    parts = draw(st.lists(st.tuples(WORDS, SEPARATORS), max_size=120))
    text = "".join(word + sep for word, sep in parts)
    if draw(st.booleans()):
        text += draw(st.text(max_size=200))
    return text


TEXT_NODE = st.lists(st.tuples(WORDS, SEPARATORS.filter(lambda s: s != "\x00")), min_size=1, max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)
)
BLOCKS = st.sampled_from(["p", "div", "article", "section", "li", "h1", "h2", "blockquote", "td"])
INLINE = st.sampled_from(["span", "a", "b", "em", "strong", "i"])
NOISE = st.sampled_from(["nav", "footer", "aside", "header", "form"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, inner: list[str], attrs: str, closed: bool) -> str:
        return f"<{tag}{attrs}>" + "".join(inner) + (f"</{tag}>" if closed else "")

    return st.builds(
        build,
        st.one_of(BLOCKS, INLINE, NOISE),
        st.lists(children, max_size=4),
        st.sampled_from(["", ' class="content"', ' class="share-buttons"', ' id="main"', ' href="/x"']),
        st.booleans(),
    )


EXTRAS = st.sampled_from([
    "<script>document.write('<div>injected script words</div>')</script>",
    "<style>p { color: red }</style>",
    "<!-- a comment with words -->",
    "<br>",
    "<img src='a.png' alt='photo'>",
    "&nbsp;",
    "<!-- unterminated comment",
])
FRAGMENTS = st.recursive(st.one_of(TEXT_NODE, EXTRAS), _element, max_leaves=40)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """An HTML page from random nesting of blocks, inline elements, noise regions, scripts and comments."""
    body = "".join(draw(st.lists(FRAGMENTS, min_size=1, max_size=6)))
    title = draw(TEXT_NODE)
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="ru"', ' dir="rtl"']))
    return f"<!DOCTYPE html><html{lang}><head><title>{title}</title></head><body>{body}</body></html>"


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_gives_a_record_without_invented_words(raw: str) -> None:
    article = newsclean.clean(raw)
    assert isinstance(article, newsclean.Article) and article.error is None
    assert invented_words(article, raw) == []


@SETTINGS
@given(dumps())
def test_text_dumps_give_a_deterministic_record_without_invented_words(raw: str) -> None:
    first = newsclean.clean(raw, input_format="text")
    assert invented_words(first, raw) == []
    assert newsclean.clean(raw, input_format="text").to_dict() == first.to_dict()


@SETTINGS
@given(pages())
def test_generated_html_gives_a_deterministic_record_without_markup_or_invented_words(raw: str) -> None:
    first = newsclean.clean(raw, input_format="html")
    assert first.error is None and first.input_format == "html"
    assert not _MARKUP_IN_TEXT.search(first.text), first.text
    assert "injected script words" not in first.text
    assert invented_words(first, raw) == []
    assert newsclean.clean(raw, input_format="html").to_dict() == first.to_dict()


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_record_or_a_one_line_input_error(raw: bytes) -> None:
    try:
        article = newsclean.clean(raw)
    except newsclean.InputError as exc:  # binary input is refused with a reason, never a crash
        assert "\n" not in str(exc) and str(exc)
        return
    assert newsclean.clean(raw).to_dict() == article.to_dict()


@pytest.mark.xfail(
    strict=True,
    reason="trafilatura's quote handling trims a nested block's text and glues it to the next "
    "(trafilatura.extract gives 'councilthe' too); found by the property above at random",
)
def test_nested_blocks_in_a_quote_keep_the_space_between_their_words() -> None:
    """A quote whose first block holds a second block: the words either side stay apart."""
    raw = (
        "<!DOCTYPE html><html><head><title>the </title></head><body><p><blockquote><div>council "
        "<div><script>document.write('<div>injected script words</div>')</script>the </body></html>"
    )
    record = newsclean.clean(raw, input_format="html")
    assert invented_words(record, raw) == []
