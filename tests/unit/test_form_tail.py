from __future__ import annotations

import pytest

import newsclean
from newsclean.text.form_cues import FormCues
from newsclean.text.form_tail import cut_form_tail, form_mark
from newsclean.text.segment import Block
from tests.region_rows import COUNCIL_ARTICLE, Row
from tests.unit.test_region import _blocks

CUES = FormCues.load()

_ARTICLE = COUNCIL_ARTICLE

#: What follows the form on a glued render: the next stories, read as prose.
_NEXT: list[Row] = [
    ("Harbour reopens to ferries after the winter storm, and operators expect the crossings to sell out.", None,
     True),
    ("The striker signed a three-year deal with the champions after scoring twenty goals last season.", None, True),
]


def _mark(text: str) -> str | None:
    return form_mark(Block(0, text, 0, True), CUES)


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("{* #signInForm *} {* signInEmailAddress *}", "slots"),
        ("{| current_emailAddress |} {| foundExistingAccountText |}", "slots"),
        ("Partecipa alla discussione Caratteri rimanenti 300 INVIA", "counter"),
        ("Verbleibende Zeichen:", "counter"),
        ("Ihre Nachricht (max. 1500 Zeichen)", "counter"),
        ("You must be logged in to join the discussion or read more comments.", "prompt"),
        ("Zum Kommentieren anmelden", "prompt"),
        ("Passwort vergessen?", "secret"),
        # Prose that shares the words but not the shape.
        ("The minister said the characters in the play were drawn from life.", None),
        ("Many posts shared a screenshot of two posts from an account called Mossad Commentary.", None),
        ("Use {curly braces} for a set in the notation.", None),
        ("The new password rules for government staff came into force on Monday after a long consultation with "
         "the unions and the security services, the ministry said in a statement.", None),
    ],
)
def test_form_marks(text: str, mark: str | None) -> None:
    assert _mark(text) == mark


def test_a_login_form_below_the_article_ends_it_with_its_heading() -> None:
    form: list[Row] = [
        ("Join the discussion", None, False),
        ("{* #signInForm *} {* signInEmailAddress *}", None, False),
        ("Forgot your password?", None, False),
    ]
    rows = [*_ARTICLE, *form, *_NEXT]
    blocks, verdicts = _blocks(rows)
    end, reasons = cut_form_tail(blocks, verdicts, 0, len(rows), CUES)
    # The heading above the form goes with it; the next stories after it too.
    assert end == len(_ARTICLE)
    assert set(reasons) == set(range(len(_ARTICLE), len(rows)))
    assert reasons[len(_ARTICLE)] == "comments"


def test_a_comment_prompt_glued_to_a_label_ends_the_article() -> None:
    rows = [*_ARTICLE, ("Comments (3) Please login or signup to comment", None, False), *_NEXT]
    blocks, verdicts = _blocks(rows)
    assert cut_form_tail(blocks, verdicts, 0, len(rows), CUES)[0] == len(_ARTICLE)


def test_one_password_line_alone_is_not_a_form() -> None:
    rows = [*_ARTICLE, ("Change your password", None, False), *_NEXT]
    blocks, verdicts = _blocks(rows)
    assert cut_form_tail(blocks, verdicts, 0, len(rows), CUES) == (len(rows), {})


def test_a_form_before_most_of_the_prose_keeps_the_article() -> None:
    # A sign-in box near the top (a paywall's login) with most of the story below it.
    rows = [*_ARTICLE[:2], ("Zum Kommentieren anmelden", None, False), *_ARTICLE[2:]]
    blocks, verdicts = _blocks(rows)
    assert cut_form_tail(blocks, verdicts, 0, len(rows), CUES) == (len(rows), {})


def test_a_finished_sentence_above_the_form_stays() -> None:
    closing: Row = ("That is all.", None, False)
    rows = [*_ARTICLE, closing, ("Caratteri rimanenti 300", None, False), *_NEXT]
    blocks, verdicts = _blocks(rows)
    assert cut_form_tail(blocks, verdicts, 0, len(rows), CUES)[0] == len(_ARTICLE) + 1


def test_a_glued_dump_loses_its_comment_login_box() -> None:
    paragraphs = [
        "The city council approved the new budget for schools and roads on Tuesday after a long debate in the "
        "chamber that went on until late in the evening.",
        "Council members said the budget puts more money into rural schools than any plan of the past decade, and "
        "the opposition said the roads of the northern districts had been ignored for years.",
        "The mayor said the budget vote showed that the council could still agree on schools and roads, and "
        "teachers' unions welcomed the money but asked the council to publish the details.",
        "Residents of the northern districts said the budget for their roads came far too late, and the council "
        "will vote on the roads programme next month.",
    ]
    form = (
        "Anmelden und Registrieren {* #signInForm *} {* signInEmailAddress *} {* currentPassword *} "
        "Passwort vergessen? Anmelden {* /signInForm *}"
    )
    after = ("Ferry operators said on Monday that the harbour would reopen to the first crossings after the winter "
             "storm, and that the tickets for the weekend had sold out within hours.")
    dump = "City council approves budget\n\n" + "\n\n".join([*paragraphs, form, after])
    text = newsclean.clean(dump, input_format="text").text or ""
    assert "Residents of the northern districts" in text
    assert "signInForm" not in text and "Ferry operators" not in text
