"""A reader-comment thread closing a body leaves it: a count line, then signatures cut from one frame."""
from __future__ import annotations

from newsclean.options import Options
from newsclean.text.comment_tail import comment_thread_start
from newsclean.text.extract import TextResources
from newsclean.text.residual import filter_paragraphs

_ARTICLE = [
    "The regional court ruled on Tuesday that the platform may not force its members to register under "
    "their legal names, because the law allows the use of a service under a pseudonym where it is reasonable.",
    "The judges said that the operator had not shown why a real name was needed to run the service, and "
    "that the data protection act requires providers to offer anonymous or pseudonymous use where possible.",
    "The company said it would study the ruling and decide within a month whether to appeal, while privacy "
    "groups welcomed the decision as a clear signal to other social networks operating in the country.",
]
_SIGNED_AFTER = [
    "17 Kommentare »",
    "So the rule only applies to private use, and anyone who publishes needs an imprint anyway, right?",
    "Kommentar von Anna Berg — 17.07.2011 @ 13:04",
    "If it is in the terms everyone accepts, I find the complaints about blocked accounts hard to follow.",
    "Kommentar von Daniel — 17.07.2011 @ 13:10",
    "The purpose decides, not whether the account is private or public.",
    "Kommentar von Chris Kamp — 17.07.2011 @ 13:22",
]
_SIGNED_BEFORE = [
    "42 replies to The court and the pseudonym",
    "Maria K. says:",
    "Is the right to a pseudonym guaranteed for everyone who uses the service?",
    "Tom writes back says:",
    "Only where it is reasonable for the provider, as the judges said.",
    "Lee says:",
    "Thanks for the clear summary of the ruling.",
]


def test_a_count_line_and_signed_comments_mark_the_thread() -> None:
    assert comment_thread_start(_ARTICLE + _SIGNED_AFTER) == len(_ARTICLE)
    assert comment_thread_start(_ARTICLE + _SIGNED_BEFORE) == len(_ARTICLE)


def test_the_residual_filter_drops_the_thread_and_keeps_the_article() -> None:
    result = filter_paragraphs(_ARTICLE + _SIGNED_AFTER, "en", TextResources.load(), Options())
    assert result.paragraphs == _ARTICLE
    assert {r.reason.value for r in result.removed} == {"comments"}


def test_without_a_count_line_or_a_repeated_frame_nothing_is_cut() -> None:
    assert comment_thread_start(_ARTICLE + _SIGNED_AFTER[1:]) == len(_ARTICLE + _SIGNED_AFTER) - 1
    two_signed = _SIGNED_AFTER[:5]
    assert comment_thread_start(_ARTICLE + two_signed) == len(_ARTICLE + two_signed)


def test_a_short_body_above_a_thread_is_never_cut() -> None:
    texts = _ARTICLE[:1] + _SIGNED_AFTER
    assert comment_thread_start(texts) == len(texts)


def test_a_schedule_of_dated_lines_is_no_thread() -> None:
    # Dated lines sharing their first word, but no count line above them: a programme, not comments.
    schedule = ["Monday 10:00 opening of the exhibition", "Monday 14:00 guided tour with the curator",
                "Monday 18:00 concert in the courtyard"]
    assert comment_thread_start(_ARTICLE + schedule) == len(_ARTICLE + schedule)
