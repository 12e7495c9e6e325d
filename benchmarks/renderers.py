"""Command line: ``python -m benchmarks.renderers [--limit N]``.

The dev sets ship two plain-text renders of each page (``soup`` and
``inscriptis``); held-out pages come through renderers we do not have. This
benchmark renders the dev HTML with renderers of other families and scores
newsclean's plain-text path on each next to keeping the whole render and
trafilatura on the render's lines wrapped as ``<p>`` (the peer setting the
main harness uses for text modes). Body metric as in the main harness.

- ``markdown``: html2text, unwrapped (Markdown, as scrapers building LLM
  corpora store pages); ``markdown78``: the same at its default width of 78
  columns.
- ``innertext``: html-text with layout guessing, which approximates a
  browser's ``innerText`` (what headless-browser scrapers save).
- ``w3m`` and ``lynx``: the text browsers' ``-dump`` at 80 columns (bullets,
  indentation, tables laid out in columns). Run only when the program is
  installed (``apt-get install w3m lynx``).
- ``flat`` and ``flat-insc``: the dev sets' ``soup`` and ``inscriptis``
  renders with every whitespace run collapsed to one space (``get_text(" ")``,
  CSV exports, a page carried as one string); ``glued`` and ``glued-insc``:
  the same renders with each line joined to the next with probability one
  half, seeded by the page (:mod:`benchmarks.flatten`).
- ``html2txt``: trafilatura's ``html2txt`` on the page (its baseline
  fallback: the body's text on one line, a space at each block boundary,
  none between inline elements; hidden elements kept, asides, footers,
  scripts, styles and cookie banners dropped).
- ``gettext``: BeautifulSoup's ``get_text(" ")`` on the page parsed with
  lxml after dropping ``script``, ``style``, ``noscript`` and ``template``
  (what a quick scraper stores: text nodes joined with spaces, line breaks
  only where the page source has them).

te-dev is scored with its string metric (pooled must / must-not strings), the
other sets with the body metric. A run over some sets or renders (``--sets``,
``--renders``) rewrites their rows only; the other rows stay as the run that
measured them wrote them.

html2text and html-text are in the ``bench`` extra; without them the script says so and exits.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
import warnings
from collections.abc import Callable

from benchmarks import REPO_ROOT, SETS, STRING_SETS
from benchmarks import metrics as M
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set
from benchmarks.flatten import flatten, glue
from benchmarks.systems.trafilatura_ import make as make_trafilatura

DOCS = REPO_ROOT / "docs" / "renderers.md"
#: Text browsers: program -> arguments of a UTF-8 dump at 80 columns read from stdin.
BROWSERS: dict[str, list[str]] = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"],
    "lynx": ["lynx", "-dump", "-stdin", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=80"],
}


def render(html: str, width: int) -> str:
    """The page as html2text prints it (unicode characters kept, not transliterated)."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = width
    converter.unicode_snob = True
    try:
        return str(converter.handle(html))
    except Exception:  # a renderer crash is an empty render, as for any page
        return ""


def render_innertext(html: str) -> str:
    """The page as html-text lays it out, close to a browser's ``innerText``."""
    import html_text

    try:
        return str(html_text.extract_text(html, guess_layout=True))
    except Exception:
        return ""


def render_html2txt(html: str) -> str:
    """The page as trafilatura's ``html2txt`` flattens it (one line of the body's text)."""
    import trafilatura

    try:
        return str(trafilatura.html2txt(html))
    except Exception:
        return ""


#: Elements a quick scraper drops before ``get_text``: their text is code or markup, not page text.
UNRENDERED = ("script", "style", "noscript", "template")


def render_gettext(html: str) -> str:
    """The page as ``BeautifulSoup(html, "lxml").get_text(" ")`` gives it once code elements are dropped."""
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    try:
        with warnings.catch_warnings():  # an XHTML page is still read as HTML, as the scraper would
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(html, "lxml")
        for element in soup.find_all(UNRENDERED):
            element.decompose()
        return str(soup.get_text(" "))
    except Exception:
        return ""


def render_browser(html: str, command: list[str]) -> str:
    """The page as a text browser dumps it; a browser failure is an empty render."""
    try:
        done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", "replace")


def renderers() -> dict[str, Callable[[Page], str]]:
    """The renders this machine can produce, by name (each reads the page's HTML or its dev renders)."""
    found: dict[str, Callable[[Page], str]] = {
        "markdown": lambda page: render(page.inputs["html"], 0),
        "markdown78": lambda page: render(page.inputs["html"], 78),
        "innertext": lambda page: render_innertext(page.inputs["html"]),
    }
    for name, command in BROWSERS.items():
        if shutil.which(command[0]):
            found[name] = functools.partial(_browser_page, command=command)
    found.update(
        {
            "flat": lambda page: flatten(page.inputs["soup"]),
            "flat-insc": lambda page: flatten(page.inputs["inscriptis"]),
            "glued": lambda page: glue(page.inputs["soup"], page.id),
            "glued-insc": lambda page: glue(page.inputs["inscriptis"], page.id),
            "html2txt": lambda page: render_html2txt(page.inputs["html"]),
            "gettext": lambda page: render_gettext(page.inputs["html"]),
        }
    )
    return found


def _browser_page(page: Page, command: list[str]) -> str:
    return render_browser(page.inputs["html"], command)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.renderers", description=__doc__)
    add_data_option(p)
    p.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    p.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (default: all)")
    p.add_argument("--renders", default=None, help="comma-separated renders (default: every one available)")
    p.add_argument("--write-docs", action="store_true", help=f"also write the table to {DOCS.relative_to(REPO_ROOT)} "
                   "(rows of sets and renders this run does not measure are kept)")
    args = p.parse_args(argv)
    data = data_dir_or_report(args.data, REPO_ROOT, SETS)
    if data is None:
        return 2
    try:
        import html2text  # noqa: F401
        import html_text  # noqa: F401
    except ImportError:
        print("html2text or html-text is not installed: pip install '.[bench]'", file=sys.stderr)
        return 2
    import newsclean

    trafilatura = make_trafilatura("soup")
    systems: dict[str, Callable[[str, str], str]] = {
        "newsclean": lambda text, url: newsclean.clean(text, url=url or None, input_format="text").text,
        "keep-all": lambda text, url: text,
        "trafilatura": lambda text, url: trafilatura(text, url or None).text or "",
    }
    available = renderers()
    chosen = args.renders.split(",") if args.renders else list(available)
    unknown = [r for r in chosen if r not in available]
    if unknown:
        print(f"unknown or unavailable render(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    rows = [f"{'set':7s} {'render':11s} {'system':12s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    print(rows[0])
    for name in args.sets.split(","):
        pages = load_set(data, name, modes=("html", "soup", "inscriptis"), limit=args.limit)
        for label in chosen:
            renders = [available[label](page) for page in pages]
            for system, run in systems.items():
                outputs = [run(text, page.url) for page, text in zip(pages, renders, strict=True)]
                score = _score(name, pages, outputs)
                rows.append(
                    f"{name:7s} {label:11s} {system:12s} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
                )
                print(rows[-1], flush=True)
    if args.write_docs:
        previous = DOCS.read_text("utf-8") if DOCS.exists() else ""
        DOCS.write_text(_page(merge_rows(_doc_rows(previous), rows), args.limit), encoding="utf-8")
    return 0


def _doc_rows(page: str) -> list[str]:
    """The table rows of a written renderers page (header first), or ``[]`` when it has none."""
    if "```" not in page:
        return []
    return [row for row in page.split("```")[1].strip("\n").split("\n") if row.strip()]


def merge_rows(old: list[str], new: list[str]) -> list[str]:
    """``new``'s table with the rows of ``old`` for the (set, render) pairs this run did not measure.

    A run over some sets or renders (the text browsers are not installed
    everywhere; a full run takes long) must not drop the rest of the page's
    table. Rows keep the old order; a pair measured for the first time goes
    after the last row of its set.
    """
    def key(row: str) -> tuple[str, str]:
        parts = row.split()
        return parts[0], parts[1]

    fresh: dict[tuple[str, str], list[str]] = {}
    for row in new[1:]:
        fresh.setdefault(key(row), []).append(row)
    merged: list[str] = []
    written: set[tuple[str, str]] = set()
    for row in old[1:]:
        pair = key(row)
        if pair in fresh:
            if pair not in written:
                merged.extend(fresh[pair])
                written.add(pair)
        else:
            merged.append(row)
    for pair, rows in fresh.items():
        if pair in written:
            continue
        last = max((i for i, row in enumerate(merged) if key(row)[0] == pair[0]), default=len(merged) - 1)
        merged[last + 1:last + 1] = rows
        written.add(pair)
    return [new[0], *merged]


def _score(name: str, pages: list[Page], outputs: list[str]) -> M.BodyScore:
    """The set's metric: pooled strings for te-dev, word 4-gram shingles for the others."""
    if name in STRING_SETS:
        return M.string_scores(
            M.string_counts(page.gold.must_contain, page.gold.must_not_contain, text)
            for page, text in zip(pages, outputs, strict=True)
        )
    return M.body_scores(M.shingle_counts(page.gold.body, text) for page, text in zip(pages, outputs, strict=True))


def _page(rows: list[str], limit: int | None) -> str:
    command = "python -m benchmarks.renderers --write-docs" + (f" --limit {limit}" if limit else "")
    intro = (__doc__ or "").split("\n\n", 1)[1].rsplit("\n\nhtml2text and", 1)[0]
    return "\n".join(
        ["# Other renderers", "", f"Generated by `{command}`.", "", intro, "", "```", *rows, "```", ""]
    )


if __name__ == "__main__":
    raise SystemExit(main())
