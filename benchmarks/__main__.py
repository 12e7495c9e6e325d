"""Command line: ``python -m benchmarks [options]``.

Runs the chosen systems on the dev sets in each input mode, prints a table of
body/metadata scores, speed and memory, and optionally writes every figure as
JSON, lists newsclean's worst pages, or regenerates docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import MODES, REPO_ROOT, SETS
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set
from benchmarks.systems import SYSTEMS


def parser() -> argparse.ArgumentParser:
    """The argument parser (its own function so tests can inspect it)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    add_data_option(p)
    p.add_argument("--set", choices=(*SETS, "all"), default="all", help="which set (default all)")
    p.add_argument(
        "--mode",
        choices=(*MODES, "all"),
        default="all",
        help="html: the page's HTML; soup/inscriptis: its plain-text render",
    )
    p.add_argument(
        "--systems", default="all", help=f"comma-separated, from: {', '.join(SYSTEMS)} (default all)"
    )
    p.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    p.add_argument("--json", type=Path, default=None, help="write all figures to FILE")
    p.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list newsclean's N lowest-F1 pages per mode"
    )
    p.add_argument("--all", action="store_true", help="all sets, modes and systems")
    p.add_argument(
        "--write-docs", action="store_true", help="regenerate docs/benchmarks.md and docs/benchmarks.png"
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="worker processes at once (default 1: honest timing; 2 at most advised)",
    )
    p.add_argument("--timeout", type=int, default=60, help="seconds allowed per page")
    return p


def _choose(value: str, known: Sequence[str]) -> list[str]:
    return list(known) if value == "all" else [value]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    args = parser().parse_args(argv)
    if args.all:
        args.set, args.mode, args.systems = "all", "all", "all"
    sets = _choose(args.set, SETS)
    modes = _choose(args.mode, MODES)
    systems = (
        list(SYSTEMS) if args.systems == "all" else [s.strip() for s in args.systems.split(",") if s.strip()]
    )
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        print(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}", file=sys.stderr)
        return 2
    data = data_dir_or_report(args.data, REPO_ROOT, sets)
    if data is None:
        return 2

    # Imported here so --help stays instant.
    from benchmarks import docs, report, runner

    pages: dict[str, list[Page]] = {s: load_set(data, s, limit=args.limit) for s in sets}

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    rows, skipped = runner.run_all(systems, pages, modes, data, args.limit, jobs=args.jobs, log=log)
    for name, reason in skipped.items():
        print(f"skipped: {name} ({reason})")
    order = {s: i for i, s in enumerate(systems)}
    rows.sort(key=lambda r: (sets.index(r.set), modes.index(r.mode), order[r.system]))
    print(report.table(rows))
    errs = [r for r in rows if r.errors]
    for r in errs:
        print(f"errors: {r.system} {r.set} {r.mode}: {r.errors} page(s), e.g. {r.error_examples[0]}")
    if args.worst:
        print()
        print(report.worst(rows, pages, args.worst))
    env = docs.environment(systems)
    if args.json:
        report.write_json(args.json, rows, skipped, env)
        print(f"wrote {args.json}")
    if args.write_docs:
        command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
        for path in docs.write_docs(rows, skipped, env, REPO_ROOT / "docs", command.strip()):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
