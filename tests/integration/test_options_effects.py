"""What ``keep``, ``favor_precision`` and ``favor_recall`` change in a record.

The default drops a photo credit and a comment thread; ``keep`` brings back
exactly the named categories, and the preferences move text in and out of
the body at the article's edges.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean.errors import OptionsError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "options"
COMMENT = "The volunteers deserve a medal"
CREDIT = "Photo: Environment Agency"
LAST_PARAGRAPH = "Engineers will inspect the walls"


def _page() -> str:
    return (FIXTURES / "page.txt").read_text(encoding="utf-8")


def test_default_drops_credit_and_comments_with_their_reasons() -> None:
    article = newsclean.clean(_page(), input_format="text")
    assert LAST_PARAGRAPH in article.text
    assert COMMENT not in article.text and CREDIT not in article.text
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[CREDIT] == "image_credit"
    assert reasons["Comments (3)"] == "comments"
    assert any(r.reason == "comments" and r.text.startswith(COMMENT) for r in article.removed)


def test_keep_captions_keeps_the_credit_only() -> None:
    article = newsclean.clean(_page(), input_format="text", keep=("captions",))
    assert CREDIT in article.text
    assert COMMENT not in article.text


def test_keep_comments_keeps_the_thread_after_the_article() -> None:
    article = newsclean.clean(_page(), input_format="text", keep=["comments"])
    assert article.text.index(LAST_PARAGRAPH) < article.text.index(COMMENT)
    assert "Share" not in article.text.split("\n\n")
    assert CREDIT not in article.text


def test_keep_comments_in_html_appends_the_comment_section() -> None:
    html = (FIXTURES / "comments.html").read_text(encoding="utf-8")
    assert COMMENT not in newsclean.clean(html).text
    kept = newsclean.clean(html, keep=("comments",)).text
    assert kept.index("Volunteers filled sandbags") < kept.index(COMMENT)


def test_preferences_keep_the_article_and_differ_at_the_edges() -> None:
    precise = newsclean.clean(_page(), input_format="text", favor_precision=True)
    default = newsclean.clean(_page(), input_format="text")
    assert precise.text == default.text  # nothing doubtful on this page
    assert precise.title == default.title and precise.authors == ["Jane Porter"]


def test_favor_precision_stops_at_a_tag_list_followed_by_more_prose() -> None:
    article, _, _ = _page().partition("Comments (3)")
    next_story = (
        "Another story begins here: the regional rail operator said on Monday that it would restore the full timetable"
        " on the coastal line next month, after a winter of cancellations blamed on staff shortages.\n\n"
        "The operator has hired forty drivers since the autumn, and it said that the last of them would finish their"
        " training in time for the summer season, when the number of passengers on the line usually doubles.\n"
    )
    page = f"{article}Tags: floods, environment\n\n{next_story}"
    default = newsclean.clean(page, input_format="text")
    precise = newsclean.clean(page, input_format="text", favor_precision=True)
    assert "Another story begins here" in default.text
    assert LAST_PARAGRAPH in precise.text
    assert "Another story begins here" not in precise.text
    assert any(r.reason == "tags" and r.text.startswith("Another story") for r in precise.removed)


@pytest.mark.parametrize(
    "kwargs",
    [{"keep": ("everything",)}, {"favor_precision": True, "favor_recall": True}],
)
def test_bad_preferences_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionsError):
        newsclean.clean(_page(), input_format="text", **kwargs)


def test_cli_keep_and_preference_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean.cli import main

    out = tmp_path / "out.jsonl"
    assert main(["clean", str(FIXTURES / "page.txt"), "-o", str(out), "-q", "--keep", "captions,comments"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert CREDIT in record["text"] and COMMENT in record["text"]
    assert main(["clean", str(FIXTURES / "page.txt"), "-o", str(out), "-q", "--keep", "everything"]) == 2
    assert "keep" in capsys.readouterr().err
