"""Command line: ``python -m benchmarks.profile [options]``: where a page's cleaning time goes, stage by stage.

The throughput benchmark says how fast newsclean is; this says why. It
cleans a sample of dev pages once to warm every lexicon and date parser,
then again with a timer around each stage of the HTML and text paths, and
prints CPU milliseconds per page for each stage next to the whole
``clean_record`` call. The timers wrap the stage functions where the
pipeline looks them up (``newsclean.html.extract.choose_body`` and so on),
for this process only; names a checkout lacks are skipped, so an older
checkout can be profiled with the same script and compared (``--json`` then
``--baseline``).

CPU time (``time.process_time``), not wall-clock: the machine is shared, and
a stage's CPU time does not grow when another process takes the core.
Stages nested in another (indented in the table) count in their parent's
time too; "other" is the whole call less the top-level stages.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

from benchmarks import REPO_ROOT, SETS
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set

#: Markers around the profile section of docs/benchmarks.md (benchmarks/docs.py keeps it).
DOCS_START = "<!-- profile:start -->"
DOCS_END = "<!-- profile:end -->"


@dataclass(frozen=True)
class Stage:
    """A stage of a path: the functions timed as it (module, name) and its nesting level."""

    label: str
    targets: tuple[tuple[str, str], ...]
    level: int = 0


_HX = "newsclean.html.extract"
_TX = "newsclean.text.extract"
_API = "newsclean.api"

#: The HTML path's stages, in pipeline order (html/extract.py's ``extract_html``, then api.py).
HTML_STAGES: tuple[Stage, ...] = (
    Stage("defuse and parse", ((_HX, "load_defused"),)),
    Stage("page metadata (JSON-LD, meta tags)", ((_HX, "read_metadata"),)),
    Stage("follow-up stories, table plan", ((_HX, "drop_follow_ups"), (_HX, "plan_tables"))),
    Stage("body choice (trafilatura and recall guards)", ((_HX, "choose_body"),)),
    Stage("trafilatura passes", ((_HX, "_run_trafilatura"),), 1),
    Stage("fields (title, date, authors, site)", ((_HX, "_fill_metadata"),)),
    Stage("authors", ((_HX, "resolve_page_authors"),), 1),
    Stage("published date", ((_HX, "resolve_published"),), 1),
    Stage("headline, other stories, link teasers", (
        (_HX, "keep_data_tables"), (_HX, "drop_headline"), (_HX, "drop_other_articles"), (_HX, "drop_teasers"),
        (_HX, "link_texts"),
    )),
    Stage("page index", ((_HX, "PageIndex"),)),
    Stage("teaser cards", ((_HX, "drop_card_texts"),)),
    Stage("overlays", ((_HX, "drop_overlay_texts"),)),
    Stage("frame", ((_HX, "drop_trailing_outside_frame"),)),
    Stage("repeated boxes", ((_HX, "drop_repeated_boxes"),)),
    Stage("key points", ((_HX, "lead_with_key_points"),)),
    Stage("standfirst", ((_HX, "lead_with_standfirst"),)),
    Stage("residual filter", ((_HX, "filter_paragraphs"),)),
    Stage("author bio", ((_HX, "drop_author_bio"),)),
    Stage("text normalisation", ((_API, "normalize_text"),)),
    Stage("language", ((_API, "identify_language"),)),
    Stage("credits, field safety", ((_API, "find_credits"), (_API, "secure_fields"))),
)

#: The text path's stages (text/extract.py's ``extract_text``, then api.py).
TEXT_STAGES: tuple[Stage, ...] = (
    Stage("text engine", ((_API, "extract_text"),)),
    Stage("read lines (normalise, unwrap, Markdown)", ((_TX, "read_dump"),), 1),
    Stage("embeds", ((_TX, "cut_embedded"),), 1),
    Stage("segment blocks", ((_TX, "segment"),), 1),
    Stage("language", ((_TX, "identify_language"),), 1),
    Stage("classify blocks", ((_TX, "classify"),), 1),
    Stage("region search", ((_TX, "locate_region"),), 1),
    Stage("region ends", ((_TX, "cut_ends"),), 1),
    Stage("fields (header, date, authors)", ((_TX, "read_fields"),), 1),
    Stage("compose", ((_TX, "compose"),), 1),
    Stage("credits, field safety", ((_API, "find_credits"), (_API, "secure_fields"))),
)

#: The modes profiled: the input key of the record and the stages of its path.
MODES: dict[str, tuple[str, tuple[Stage, ...]]] = {"html": ("html", HTML_STAGES), "soup": ("text", TEXT_STAGES)}


@contextmanager
def timed_stages(stages: Sequence[Stage], spent: dict[str, float]) -> Iterator[None]:
    """Wrap each stage's functions so their CPU seconds add up in ``spent``; unwrapped on exit."""
    patched: list[tuple[Any, str, Any]] = []
    try:
        for stage in stages:
            spent.setdefault(stage.label, 0.0)
            for module_name, name in stage.targets:
                module = importlib.import_module(module_name)
                original = getattr(module, name, None)
                if original is None:  # a checkout without this stage
                    continue
                setattr(module, name, _timer(original, stage.label, spent))
                patched.append((module, name, original))
        yield
    finally:
        for module, name, original in reversed(patched):
            setattr(module, name, original)


def _timer(function: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    @wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return timed


def profile_mode(pages: Sequence[Page], mode: str, repeat: int = 1) -> dict[str, float]:
    """Milliseconds per page for each stage of ``mode`` and for the whole call (key ``total``), warm.

    With ``repeat`` above one the sample is timed that many times after the
    warm-up and each figure is the fastest pass's (:func:`fastest`).
    """
    import newsclean

    key, stages = MODES[mode]
    records = [{"id": p.id, "url": p.url, key: p.inputs[mode]} for p in pages]
    for record in records:  # warm: lexicons, date parsers, language profiles
        newsclean.clean_record(record)
    passes: list[dict[str, float]] = []
    for _ in range(max(repeat, 1)):
        spent: dict[str, float] = {}
        with timed_stages(stages, spent):
            start = time.process_time()
            for record in records:
                newsclean.clean_record(record)
            total = time.process_time() - start
        per_page = {label: 1000 * seconds / len(records) for label, seconds in spent.items()}
        per_page["total"] = 1000 * total / len(records)
        per_page["other"] = per_page["total"] - sum(per_page[s.label] for s in stages if s.level == 0)
        passes.append(per_page)
    return fastest(passes)


def fastest(passes: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each figure's smallest value over the timed passes.

    Other processes on a shared machine only ever add CPU time to a stage
    (cache and core contention), so the fastest pass is the closest to the
    code's own cost; the figures of one column may then come from different
    passes and need not add up exactly.
    """
    return {label: min(p[label] for p in passes if label in p) for label in passes[0]}


def sample(pages: Sequence[Page], count: int) -> list[Page]:
    """``count`` pages spread evenly over the sets (every k-th page), the same on every run."""
    step = max(1, len(pages) // max(count, 1))
    return list(pages[::step][:count])


def format_profile(figures: dict[str, dict[str, float]], baseline: dict[str, dict[str, float]] | None,
                   pages: int) -> str:
    """The per-stage tables (one per mode), with the baseline's column where one is given."""
    out: list[str] = []
    for mode, (_key, stages) in MODES.items():
        if mode not in figures:
            continue
        now, before = figures[mode], (baseline or {}).get(mode)
        head = "| stage | before ms/page | after ms/page |" if before else "| stage | ms/page |"
        out += [f"**{mode}** ({pages} pages, warm, CPU ms per page)", "", head,
                "|---|---:|---:|" if before else "|---|---:|"]
        rows = [(("&nbsp;&nbsp;&nbsp;&nbsp;" * s.level) + s.label, s.label) for s in stages]
        rows += [("other", "other"), ("**whole clean_record**", "total")]
        for shown, label in rows:
            cells = [_cell(before, label)] if before else []
            out.append(f"| {shown} | " + " | ".join([*cells, _cell(now, label)]) + " |")
        out.append("")
    return "\n".join(out).rstrip("\n")


def _cell(figures: dict[str, float] | None, label: str) -> str:
    value = (figures or {}).get(label)
    return "-" if value is None else f"{value:.1f}"


def docs_section(report: str, command: str) -> str:
    """The marked docs section holding ``report``."""
    return "\n".join([
        DOCS_START, "## Where the time goes", "",
        f"Generated by `{command}`: each stage's CPU time per page, from timers around the stage",
        "functions, over a warmed-up sample of dev pages in one process (see `benchmarks/profile.py`).",
        "Indented stages are part of the stage above them.", "", report, DOCS_END,
    ])


def write_docs(path: Path, report: str, command: str) -> None:
    """Replace (or append) the profile section of ``path``, leaving the rest of the page alone."""
    page = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = docs_section(report, command)
    if DOCS_START in page and DOCS_END in page:
        head, rest = page.split(DOCS_START, 1)
        page = head + section + rest.split(DOCS_END, 1)[1]
    else:
        page = page.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(page, encoding="utf-8")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    add_data_option(p)
    p.add_argument("--pages", type=int, default=100, help="pages in the sample (default 100)")
    p.add_argument("--modes", default="html,soup", help="comma-separated modes (default html,soup)")
    p.add_argument("--json", type=Path, default=None, help="write the figures to FILE")
    p.add_argument("--baseline", type=Path, default=None, help="a --json file of an earlier run, shown as 'before'")
    p.add_argument("--write-docs", action="store_true", help="put the tables into docs/benchmarks.md")
    p.add_argument("--repeat", type=int, default=1,
                   help="timed passes per mode; each figure is the fastest pass's (default 1)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Profile the stages; returns the process exit code."""
    args = parser().parse_args(argv)
    data = data_dir_or_report(args.data, REPO_ROOT, SETS)
    if data is None:
        return 2
    modes = [m.strip() for m in args.modes.split(",") if m.strip() in MODES]
    pages = sample([p for s in SETS for p in load_set(data, s, modes=tuple(modes))], args.pages)
    figures = {mode: profile_mode(pages, mode, args.repeat) for mode in modes}
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))["figures"] if args.baseline else None
    report = format_profile(figures, baseline, len(pages))
    print(report)
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "figures": figures}, indent=2) + "\n", encoding="utf-8")
    if args.write_docs:
        command = "python -m benchmarks.profile " + " ".join(argv if argv is not None else sys.argv[1:])
        write_docs(REPO_ROOT / "docs" / "benchmarks.md", report, command.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
