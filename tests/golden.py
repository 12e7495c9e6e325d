"""Whole expected records for the fixture pages, in the Fundus manner.

Every fixture input of the sets ``html`` (the HTML path's golden pages),
``pages`` (each page as HTML and as two plain-text renders) and ``markdown``
(html2text renders) has its complete record pinned in
``tests/fixtures/<set>/expected/<name>.<form>.json``: every field of
:meth:`newsclean.Article.to_dict`, not only the ones a test happens to check,
so a change in any field is a diff in review. The tests of each set clean the
input once and compare the whole record (:func:`assert_expected_record`);
``python -m tests.regenerate`` rewrites the files with the same calls
(:meth:`Case.clean`), after which ``git diff tests/fixtures`` is the review.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsclean

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The plain-text renders stored beside each page of the ``pages`` set, by form.
_PAGE_RENDERS = {"soup": "soup.txt", "inscriptis": "inscriptis.txt"}


@dataclass(frozen=True)
class Case:
    """One fixture input: its set, its name and the form it is cleaned in (``html``, ``soup``...)."""

    set: str
    name: str
    form: str

    @property
    def expected_path(self) -> Path:
        return FIXTURES / self.set / "expected" / f"{self.name}.{self.form}.json"

    @property
    def url(self) -> str:
        """The page's url, from its metadata file (a markdown render shares its page's)."""
        folder, stem = (self.set, self.name)
        if self.set == "markdown":
            folder, stem = "pages", self.name.removesuffix(".wrapped")
        return str(json.loads((FIXTURES / folder / f"{stem}.json").read_text(encoding="utf-8"))["url"])

    def read(self) -> str:
        """The input as stored (gzipped UTF-8)."""
        if self.set == "markdown":
            name = f"{self.name}.md.gz"
        elif self.form == "html":
            name = f"{self.name}.html.gz"
        else:
            name = f"{self.name}.{_PAGE_RENDERS[self.form]}.gz"
        return gzip.decompress((FIXTURES / self.set / name).read_bytes()).decode("utf-8")

    def clean(self, text: str | None = None) -> newsclean.Article:
        """The record the tests check: the call each set's tests make (``text``: the input, already read)."""
        page = self.read() if text is None else text
        if self.set == "pages" and self.form == "html":
            return newsclean.clean(page, url=self.url)  # the pages set also checks the sniffing
        return newsclean.clean(page, url=self.url, input_format="html" if self.form == "html" else "text")


def cases() -> list[Case]:
    """Every fixture input with a pinned record, in a stable order."""
    html = [Case("html", p.name[: -len(".json")], "html") for p in sorted((FIXTURES / "html").glob("*.json"))]
    pages = [
        Case("pages", p.name[: -len(".json")], form)
        for p in sorted((FIXTURES / "pages").glob("*.json"))
        for form in ("html", *_PAGE_RENDERS)
    ]
    markdown = [Case("markdown", p.name[: -len(".md.gz")], "markdown")
                for p in sorted((FIXTURES / "markdown").glob("*.md.gz"))]
    return html + pages + markdown


def record_json(record: dict[str, Any]) -> str:
    """A record as its expected file holds it: indented, keys in schema order, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def assert_expected_record(case: Case, article: newsclean.Article) -> None:
    """``article`` equals the pinned record in every field; the message names the fields that differ."""
    assert case.expected_path.is_file(), f"{case.expected_path} is missing: run python -m tests.regenerate"
    expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
    found = json.loads(record_json(article.to_dict()))
    differing = sorted(key for key in expected.keys() | found.keys() if expected.get(key) != found.get(key))
    assert not differing, (
        f"{case.set}/{case.name} ({case.form}) differs from its expected record in {differing}; "
        "if the change is meant, run python -m tests.regenerate and review git diff tests/fixtures"
    )
