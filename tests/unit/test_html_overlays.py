"""Overlay text (dialogs, lightboxes) kept by the extractor leaves the body; text the page also prints stays."""
from __future__ import annotations

from lxml import html

from newsclean.html.overlays import drop_overlay_texts
from newsclean.record import Removed

_BODY = [
    "The city council met on Monday evening to discuss next year's budget for the new library.",
    "Supporters said the library would serve thirty thousand readers a year and give students a place to work.",
    "In the end the council agreed to postpone the vote until the autumn session.",
]
_PROMPT = "Want to keep this story for later? Start your premium subscription today."


def _page(overlay: str, extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in _BODY)
    return f"<html><body><article><h1>Budget</h1>{paras}{extra}{overlay}</article></body></html>"


def _drop(lines: list[str], page: str) -> tuple[list[str], list[Removed]]:
    removed: list[Removed] = []
    return drop_overlay_texts(lines, html.fromstring(page), removed), removed


def test_text_of_a_dialog_or_lightbox_leaves_the_body() -> None:
    # TheIndependent_0-4 (fe): a bookmark prompt in an AMP lightbox; te-dev: a newsletter role="dialog".
    for overlay in (f"<amp-lightbox layout='nodisplay'><div><h3>Subscribe</h3><p>{_PROMPT}</p></div></amp-lightbox>",
                    f"<div role='dialog' aria-label='Newsletter'><p>{_PROMPT}</p><button>Close</button></div>",
                    f"<div aria-modal='true'><p>{_PROMPT}</p></div>",
                    f"<dialog><p>{_PROMPT}</p></dialog>"):
        kept, removed = _drop([*_BODY, _PROMPT], _page(overlay))
        assert kept == _BODY
        assert [r.text for r in removed] == [_PROMPT]


def test_text_the_page_also_prints_outside_an_overlay_stays() -> None:
    # A gallery lightbox repeats a caption or a paragraph the article prints itself.
    overlay = f"<amp-lightbox><p>{_BODY[1]}</p></amp-lightbox>"
    assert _drop(list(_BODY), _page(overlay))[0] == _BODY


def test_a_story_opened_in_a_modal_is_kept_whole() -> None:
    paras = "".join(f"<p>{p}</p>" for p in _BODY)
    page = f"<html><body><div role='dialog'><h1>Budget</h1>{paras}</div></body></html>"
    assert _drop(list(_BODY), page)[0] == _BODY
