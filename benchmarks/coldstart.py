"""Command line: ``python -m benchmarks.coldstart [options]``: what a fresh process pays before it runs warm.

The throughput benchmark times real runs from a new process, so every
process's one-time work counts: building each language's lexicon view, the
language profiles, the stopword index, dateparser's locale data for each
language met, the HTML path's lazy imports. This runs, in a child process
started for the purpose (nothing inherited from this one), the import of
newsclean and then a sample of dev pages twice: the first pass pays the
cold start, the second (with the memoised date readings dropped, so it
parses every date string again) does not. The difference per mode is the
cold start; the one-time builders newsclean owns are timed on their own in
the first pass, so a change can be aimed at the largest.

CPU time (``time.process_time``), not wall-clock: the machine is shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import Any

from benchmarks import REPO_ROOT, SETS
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set
from benchmarks.profile import Stage, sample, timed_stages

#: The one-time builders timed in the first pass (each is built on first use in a process).
BUILDERS: tuple[Stage, ...] = (
    Stage("language profiles", (("newsclean.normalize.language", "load_table"),)),
    Stage("lexicon views", (("newsclean.text.lexicon", "pattern_entries"), ("newsclean.text.lexicon", "PatternIndex"))),
    Stage("stopword index", (("newsclean.normalize.stopword_vote", "StopwordVote"),)),
)
#: The input modes measured and the format each is cleaned as.
MODES: dict[str, str] = {"html": "html", "soup": "text"}


def measure(pages: Sequence[Page], mode: str) -> dict[str, float]:
    """Seconds of CPU: ``import``, ``first`` and ``second`` pass, ``cold`` (import + first - second), builders."""
    start = time.process_time()
    import newsclean
    from newsclean.normalize.dates import forget_readings

    figures: dict[str, float] = {"import": time.process_time() - start}
    fmt = MODES[mode]

    def one_pass() -> float:
        begun = time.process_time()
        for page in pages:
            newsclean.clean(page.inputs[mode], url=page.url or None, input_format=fmt)
        return time.process_time() - begun

    spent: dict[str, float] = {}
    with timed_stages(BUILDERS, spent):
        figures["first"] = one_pass()
    forget_readings()
    figures["second"] = one_pass()
    figures["cold"] = figures["import"] + figures["first"] - figures["second"]
    figures.update(spent)
    return figures


def format_figures(mode: str, count: int, figures: dict[str, float]) -> str:
    """One mode's figures as lines of text."""
    lines = [
        f"{mode}: {count} pages; cold start {figures['cold']:.2f}s CPU (import {figures['import']:.2f}s, "
        f"first pass {figures['first']:.2f}s, second {figures['second']:.2f}s)"
    ]
    lines += [f"  first pass, {stage.label}: {figures.get(stage.label, 0.0):.3f}s" for stage in BUILDERS]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The argument parser (its own function so tests can inspect it)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.coldstart", description=__doc__)
    add_data_option(p)
    p.add_argument("--pages", type=int, default=60, help="pages, spread over the sets (default 60)")
    p.add_argument("--modes", default="soup,html", help="comma-separated modes (default soup,html)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Measure each mode's cold start in a fresh child process; returns the exit code."""
    from benchmarks.throughput import in_fresh_process

    args = parser().parse_args(argv)
    data = data_dir_or_report(args.data, REPO_ROOT, SETS)
    if data is None:
        return 2
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        pages = sample([p for s in SETS for p in load_set(data, s, modes=(mode,))], args.pages)
        figures: Any = in_fresh_process(measure, pages, mode)
        print(format_figures(mode, len(pages), figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
