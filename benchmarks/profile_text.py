"""Where the plain-text path spends its time, stage by stage.

``python -m benchmarks.throughput`` says how fast a dump is cleaned; this
module says where that time goes, in the stages :func:`newsclean.text.extract.extract_text`
runs one after the other (its cascade), each a function of its own: read and
unwrap the lines, cut embeds, segment, identify the language, classify, find
the region, cut its ends, read the header, read the other fields, compose
the body. Each stage function is timed with a wall clock around its calls while the pages are
cleaned through :func:`newsclean.clean`, so the figures add up to the
cleaning time (``other`` is what falls between the stages: the record,
normalisation of the fields, the extract loop itself) and carry no
profiler overhead.

The timers are installed on the names the text modules look their stage
functions up by, for the duration of one call, and removed after it: the
library itself has no timing hooks. A stage that runs inside another (the
header reader inside the fields stage) is taken out of the outer one.

Command line: ``python -m benchmarks.profile_text [--pages N] [--mode soup] [--json FILE]
[--baseline FILE]``: ``--json`` saves the figures, ``--baseline`` prints them beside the
figures a ``--json`` run saved before (on another commit), as a before/after table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

from benchmarks.data import Page

#: Stage -> the (module, function name) pairs it is made of, in pipeline order.
#: Each name is patched in the module that calls it (where it is looked up).
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "unwrap": (("newsclean.text.extract", "read_dump"),),
    "embeds": (("newsclean.text.extract", "cut_embedded"),),
    "segment": (("newsclean.text.extract", "segment"),),
    "language": (("newsclean.text.extract", "identify_language"),),
    "classify": (("newsclean.text.extract", "classify"),),
    "region": (("newsclean.text.extract", "locate_region"),),
    "ends": (("newsclean.text.extract", "cut_ends"),),
    "header": (
        ("newsclean.text.fields", "date_lines"),
        ("newsclean.text.fields", "find_headline"),
        ("newsclean.text.fields", "find_section"),
        ("newsclean.text.fields", "header_bylines"),
    ),
    # htmldate's search of the whole dump, the fields' last resort for a date.
    "date_search": (("newsclean.text.fields", "search_date"),),
    "fields": (("newsclean.text.extract", "read_fields"),),
    "compose": (
        ("newsclean.text.extract", "extend_over_widgets"),
        ("newsclean.text.extract", "compose"),
        ("newsclean.text.extract", "judge_paywall"),
    ),
}
#: Stages that run inside ``fields``: their time is taken out of it.
_INSIDE_FIELDS = ("header", "date_search")


class _Clock:
    """Wall-clock seconds per stage, summed over the calls of its functions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def timed(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        return run


@contextmanager
def _timers(clock: _Clock) -> Iterator[None]:
    import importlib

    saved: list[tuple[Any, str, Any]] = []
    try:
        for stage, names in STAGES.items():
            for module_name, name in names:
                module = importlib.import_module(module_name)
                original = getattr(module, name)
                saved.append((module, name, original))
                setattr(module, name, clock.timed(stage, original))
        yield
    finally:
        for module, name, original in reversed(saved):
            setattr(module, name, original)


def _inputs(pages: Sequence[Page | str], mode: str) -> list[tuple[str, str | None]]:
    return [(p, None) if isinstance(p, str) else (p.inputs[mode], p.url or None) for p in pages]


def text_stage_profile(pages: Sequence[Page | str], mode: str = "soup") -> dict[str, float]:
    """Milliseconds per page of each text-path stage, plus ``other`` and ``total``.

    ``pages`` are dev pages (their ``mode`` render is cleaned) or dumps.
    The first page is cleaned once untimed, so loading the lexicons and
    models is not charged to a stage; every page is then cleaned once, as a
    first visit (per-string caches, such as htmldate's, start empty for it).
    """
    import newsclean

    inputs = _inputs(pages, mode)
    if not inputs:
        return {}
    newsclean.clean(inputs[0][0], url=inputs[0][1], input_format="text")
    clock = _Clock()
    start = time.perf_counter()
    with _timers(clock):
        for text, url in inputs:
            newsclean.clean(text, url=url, input_format="text")
    total = time.perf_counter() - start
    seconds = dict(clock.seconds)
    seconds["fields"] -= sum(seconds[s] for s in _INSIDE_FIELDS)
    seconds["other"] = total - sum(seconds.values())
    seconds["total"] = total
    return {stage: round(1000 * value / len(inputs), 2) for stage, value in seconds.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Print the per-stage profile of ``--pages`` dev pages (spread over the three sets)."""
    from benchmarks import REPO_ROOT, SETS
    from benchmarks.data import find_data_dir, load_set

    p = argparse.ArgumentParser(prog="python -m benchmarks.profile_text", description=__doc__)
    p.add_argument("--pages", type=int, default=150, help="pages profiled (default 150)")
    p.add_argument("--mode", default="soup", choices=("soup", "inscriptis"), help="text render (default soup)")
    p.add_argument("--json", help="also write the figures to this JSON file")
    p.add_argument("--baseline", help="a --json file of an earlier run: print it as the 'before' column")
    args = p.parse_args(argv)
    data, problem = find_data_dir(None, REPO_ROOT, SETS)
    if data is None:
        print(problem, file=sys.stderr)
        return 2
    pages = [page for s in SETS for page in load_set(data, s, modes=(args.mode,))]
    step = max(1, len(pages) // max(1, args.pages))
    profile = text_stage_profile(pages[::step][: args.pages], args.mode)
    if args.json:
        Path(args.json).write_text(json.dumps(profile, indent=1) + "\n", encoding="utf-8")
    count = min(args.pages, len(pages))
    if args.baseline:
        before: dict[str, float] = json.loads(Path(args.baseline).read_text(encoding="utf-8"))
        print(f"| stage | before ms/page | after ms/page ({args.mode}, {count} pages) |\n|---|---:|---:|")
        for stage, ms in profile.items():
            print(f"| {stage} | {before.get(stage, float('nan')):.2f} | {ms:.2f} |")
        return 0
    print(f"| stage | ms/page ({args.mode}, {count} pages) |\n|---|---:|")
    for stage, ms in profile.items():
        print(f"| {stage} | {ms:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
