"""The article's frame (``newsclean.html.frame``): boxes around the story go, the story stays.

Hand-written pages with meaningless class names (as CSS-modules builds print
them), so nothing here can lean on a name: only position and markup shape.
"""

from __future__ import annotations

import lxml.html

from newsclean.html.frame import drop_trailing_outside_frame
from newsclean.record import Removed
from tests.stories import BRIDGE_STORY

STORY = BRIDGE_STORY


def _page(article: str, after: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><body><div class='q1'><h1 class='h9'>Bridge to close</h1>{article}</div>{after}</body></html>"
    )


def _paragraphs(lines: list[str], cls: str = "x7") -> str:
    return "".join(f"<p class='{cls}'>{line}</p>" for line in lines)


def _run(lines: list[str], tree: lxml.html.HtmlElement) -> tuple[list[str], list[Removed]]:
    removed: list[Removed] = []
    return drop_trailing_outside_frame(list(lines), tree, removed), removed


def test_comment_thread_after_the_frame_is_dropped() -> None:
    comments = [
        "Anna K. 2 hours ago",
        "I drive over that bridge every morning and never saw a crack.",
        "Tom 3 hours ago",
        "Finally someone listens to the engineers.",
    ]
    tree = _page(
        f"<div class='b4'>{_paragraphs(STORY)}</div>",
        "<section class='c2'>"
        + "".join(f"<div class='c3'><p class='c5'>{c}</p></div>" for c in comments)
        + "</section>",
    )
    kept, removed = _run(STORY + comments, tree)
    assert kept == STORY
    assert [r.text for r in removed] == comments


def test_story_split_by_an_ad_slot_is_kept_whole() -> None:
    # The second half sits in a container of its own, marked up as the first: it is the story's.
    tree = _page(
        f"<div class='b4'>{_paragraphs(STORY[:3])}</div><div class='ad1'></div>"
        f"<div class='b4'>{_paragraphs(STORY[3:])}</div>"
    )
    kept, removed = _run(STORY, tree)
    assert kept == STORY
    assert removed == []


def test_lone_subheading_in_its_own_wrapper_stays() -> None:
    heading = "What happens next"
    body = (
        _paragraphs(STORY[:2]) + f"<div class='k8'><h2 class='k9'>{heading}</h2></div>" + _paragraphs(STORY[2:])
    )
    lines = [*STORY[:2], heading, *STORY[2:]]
    kept, _ = _run(lines, _page(f"<div class='b4'>{body}</div>"))
    assert kept == lines


def test_captioned_picture_between_paragraphs_is_dropped() -> None:
    caption = "Engineers inspect the underside of the bridge on Monday, where the cracks were found."
    body = (
        _paragraphs(STORY[:2])
        + "<div class='f1'><div class='f2'><img src='b.jpg'></div>"
        + f"<div class='f3'><p class='f4'>{caption}</p></div></div>"
        + _paragraphs(STORY[2:])
    )
    kept, removed = _run([*STORY[:2], caption, *STORY[2:]], _page(f"<div class='b4'>{body}</div>"))
    assert kept == STORY
    assert [r.text for r in removed] == [caption]


def test_short_body_is_left_alone() -> None:
    tree = _page(f"<div class='b4'>{_paragraphs(STORY[:1])}</div>", "<div class='z'><p class='z1'>Read more</p></div>")
    kept, removed = _run([STORY[0], "Read more"], tree)
    assert kept == [STORY[0], "Read more"]
    assert removed == []
