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

html2text and html-text are in the ``bench`` extra; without them the script says so and exits.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks import REPO_ROOT, SETS
from benchmarks import metrics as M
from benchmarks.data import find_data_dir, load_set
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


def render_browser(html: str, command: list[str]) -> str:
    """The page as a text browser dumps it; a browser failure is an empty render."""
    try:
        done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", "replace")


def renderers() -> dict[str, Callable[[str], str]]:
    """The renders this machine can produce, by name."""
    found: dict[str, Callable[[str], str]] = {
        "markdown": lambda html: render(html, 0),
        "markdown78": lambda html: render(html, 78),
        "innertext": render_innertext,
    }
    for name, command in BROWSERS.items():
        if shutil.which(command[0]):
            found[name] = functools.partial(render_browser, command=command)
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.renderers", description=__doc__)
    p.add_argument("--data", type=Path, default=None,
                   help="folder of the *.jsonl.gz dev sets (default: ../shared/data beside the checkout)")
    p.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    p.add_argument("--write-docs", action="store_true", help=f"also write the table to {DOCS.relative_to(REPO_ROOT)}")
    args = p.parse_args(argv)
    data, problem = find_data_dir(args.data, REPO_ROOT, SETS)
    if data is None:
        print(problem, file=sys.stderr)
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
    rows = [f"{'set':7s} {'render':11s} {'system':12s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    print(rows[0])
    for name in SETS:
        pages = load_set(data, name, modes=("html",), limit=args.limit)
        for label, make in renderers().items():
            renders = [make(page.inputs["html"]) for page in pages]
            for system, run in systems.items():
                counts = [
                    M.shingle_counts(page.gold.body, run(text, page.url))
                    for page, text in zip(pages, renders, strict=True)
                ]
                score = M.body_scores(counts)
                rows.append(
                    f"{name:7s} {label:11s} {system:12s} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
                )
                print(rows[-1], flush=True)
    if args.write_docs:
        DOCS.write_text(_page(rows, args.limit), encoding="utf-8")
    return 0


def _page(rows: list[str], limit: int | None) -> str:
    command = "python -m benchmarks.renderers --write-docs" + (f" --limit {limit}" if limit else "")
    intro = (__doc__ or "").split("\n\n", 1)[1].rsplit("\n\nhtml2text and", 1)[0]
    return "\n".join(
        ["# Other renderers", "", f"Generated by `{command}`.", "", intro, "", "```", *rows, "```", ""]
    )


if __name__ == "__main__":
    raise SystemExit(main())
