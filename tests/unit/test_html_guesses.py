"""trafilatura's metadata guesses, worked out only for the fields a page leaves open (issue 20, item 2)."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.html import extract

_BODY = "<article><h1>Storm hits the coast</h1>" + "".join(
    f"<p>The storm reached the harbour town on Monday night and flooded street {i} near the old pier,"
    " residents said.</p>" for i in range(6)
) + "</article>"
_URL = "https://www.harbour-gazette.example/2024/05/storm"


def _page(head: str) -> str:
    return f"<html><head><title>Storm hits the coast | Harbour Gazette</title>{head}</head><body>{_BODY}</body></html>"


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The guesses a clean works out, in order."""
    asked: list[str] = []
    work_out = extract._Guesses._work_out

    def spy(self: extract._Guesses, name: str) -> object:
        asked.append(name)
        return work_out(self, name)

    monkeypatch.setattr(extract._Guesses, "_work_out", spy)
    return asked


def test_a_declared_site_name_is_taken_without_trafilaturas_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _asked(monkeypatch)
    article = newsclean.clean(_page('<meta property="og:site_name" content="Harbour Gazette">'), url=_URL)
    assert article.site_name == "Harbour Gazette" and article.title == "Storm hits the coast"
    assert "sitename" not in asked


def test_without_a_declared_name_the_guess_names_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _asked(monkeypatch)
    article = newsclean.clean(_page(""), url=_URL)
    # trafilatura's last resort: the page's domain.
    assert article.site_name == "harbour-gazette.example" and article.title == "Storm hits the coast"
    assert "sitename" in asked
