"""Command line: ``python -m benchmarks.throughput [options]``.

How fast newsclean cleans, through the batch path users run
(:func:`newsclean.clean_many` with ``jobs``), next to trafilatura's own
``bare_extraction`` with metadata on the same pages in the same run, and how
much memory a long batch holds. It measures:

- pages/s for HTML input and for the plain-text (``soup``) render, at
  ``--jobs 1`` and ``--jobs 2``, over ``--pages`` pages cycled from the dev
  sets (every page is cleaned as a new record: its URL and id carry the
  cycle, so nothing one cycle computed can serve the next);
- trafilatura ``bare_extraction(with_metadata=True)`` on the same HTML, in
  this process and in two worker processes;
- the share of cleaning time spent normalising dates, from a profile of the
  date modules over a warmed-up sample (the issue caps it at 5%);
- peak RSS of the parent and its workers after 1,000 and after ``--corpus``
  pages of one long run (text mode, ``--jobs 2``, the fastest way through
  10,000 pages; memory per page does not depend on the mode's speed).

Timings are wall-clock and include what a user's run includes (worker start,
first use of each language's lexicon and date parser); the figures are only
comparable within one run on one machine, which is why the peer runs here too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks import REPO_ROOT, SETS
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set
from benchmarks.throughput_report import (
    CorpusMemory,
    Throughput,
    format_report,
    load_average,
    memory_snapshot,
    targets,
    write_docs_section,
)

#: The input modes timed: the page's HTML and one plain-text render.
TIMED_MODES: tuple[str, ...] = ("html", "soup")


def corpus(pages: Sequence[Page], count: int, mode: str) -> Iterator[dict[str, str]]:
    """``count`` records cycled from ``pages``, each a distinct page to the cleaner.

    Cycle ``k > 0`` gives every record a new id and a URL with a ``nc_cycle=k``
    query, so a cache keyed on either could not recognise a repeat; the
    content is the dev page's, so each cycle does the same work as the first.
    """
    if not pages:
        return
    key = "html" if mode == "html" else "text"
    for index in range(count):
        cycle, page = divmod(index, len(pages))
        source = pages[page]
        url = source.url
        if cycle and url:
            url = f"{url}{'&' if '?' in url else '?'}nc_cycle={cycle}"
        yield {"id": f"{source.id}#{cycle}", "url": url, key: source.inputs[mode]}


def time_newsclean(records: Sequence[dict[str, str]], jobs: int) -> Throughput:
    """Clean ``records`` through ``clean_many`` with ``jobs`` workers; wall-clock pages/s."""
    import newsclean

    start = time.perf_counter()
    done = errors = 0
    for article in newsclean.clean_many(iter(records), jobs=jobs):
        done += 1
        errors += article.error is not None
    return Throughput(done, time.perf_counter() - start, errors, load_average())


def _trafilatura_page(record: dict[str, str]) -> bool:
    """trafilatura on one page as the quality harness runs it: metadata on, no cross-page dedup."""
    import trafilatura

    doc = trafilatura.bare_extraction(record["html"], url=record["url"] or None, deduplicate=False, with_metadata=True)
    return doc is not None


def time_trafilatura(records: Sequence[dict[str, str]], jobs: int) -> Throughput:
    """trafilatura over ``records``, here (``jobs`` 1) or in a pool fed one page at a time."""
    import multiprocessing

    import trafilatura  # noqa: F401  # import outside the timing, as for newsclean

    start = time.perf_counter()
    if jobs <= 1:
        results = [_trafilatura_page(r) for r in records]
    else:
        with multiprocessing.get_context().Pool(jobs) as pool:
            results = list(pool.imap(_trafilatura_page, records, chunksize=1))
    return Throughput(len(results), time.perf_counter() - start, results.count(False), load_average())


def date_share(pages: Sequence[Page], limit: int) -> dict[str, float]:
    """Per mode, the fraction of cleaning time spent in the date modules (warm, one process).

    Each page of the sample is cleaned once to warm the per-language
    lexicons and date parsers, then again under cProfile; the date time is
    the cumulative time of calls into ``newsclean/normalize/date*.py`` from
    code outside those modules, so nested calls count once.
    """
    import cProfile
    import pstats

    import newsclean
    from newsclean.normalize.dates import forget_readings

    shares: dict[str, float] = {}
    for mode in TIMED_MODES:
        fmt = "html" if mode == "html" else "text"
        sample = [(p.inputs[mode], p.url) for p in pages[:limit]]
        for raw, url in sample:
            newsclean.clean(raw, url=url or None, input_format=fmt)
        # Warm parsers, but not memoised readings: the profiled pass must
        # parse every date string as a first visit to each page would.
        forget_readings()
        profile = cProfile.Profile()
        profile.enable()
        for raw, url in sample:
            newsclean.clean(raw, url=url or None, input_format=fmt)
        profile.disable()
        stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]  # untyped field
        total = sum(entry[3] for func, entry in stats.items() if func[2] == "clean" and func[0].endswith("api.py"))
        in_dates = 0.0
        for func, (_cc, _nc, _tt, _ct, callers) in stats.items():
            if not _is_date_module(func[0]):
                continue
            in_dates += sum(c[3] for caller, c in callers.items() if not _is_date_module(caller[0]))
        shares[mode] = in_dates / total if total else 0.0
    return shares


def _is_date_module(filename: str) -> bool:
    path = Path(filename)
    return path.parent.name == "normalize" and path.name.startswith("date")


def in_fresh_process(measure: Callable[..., Any], *args: Any) -> Any:
    """``measure(*args)`` in a new child process, so no run starts warm from an earlier one.

    A user's batch starts cold: lexicons and date parsers are built on first
    use in each process. Running each measurement in its own child keeps a
    later measurement from inheriting what an earlier one built. The child
    is not a daemon, so ``clean_many`` may start its workers from it.
    """
    import multiprocessing

    ctx = multiprocessing.get_context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_run_and_send, args=(send, measure, args))
    child.start()
    send.close()
    try:
        result = receive.recv()
    finally:
        child.join()
    return result


def _run_and_send(conn: Any, measure: Callable[..., Any], args: tuple[Any, ...]) -> None:
    conn.send(measure(*args))
    conn.close()


def _spin(loops: int) -> float:
    """A fixed piece of pure-Python work; returns its wall-clock seconds."""
    start = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i * i
    return time.perf_counter() - start


def machine_scaling(loops: int = 10_000_000) -> float:
    """How much faster two processes finish two equal CPU-bound tasks than one process finishes one each.

    2.0 on two idle cores; on a machine shared with other work it shows how
    much a second worker can gain at all, which the ``jobs 2 / jobs 1``
    figures must be read against.
    """
    import multiprocessing

    one = _spin(loops)
    with multiprocessing.get_context().Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [loops, loops])
        two = time.perf_counter() - start
    return 2 * one / two if two > 0 else 0.0


def corpus_memory(pages: Sequence[Page], mode: str, jobs: int, checkpoints: Sequence[int]) -> CorpusMemory:
    """Peak RSS of the parent and its workers at each checkpoint of one ``clean_many`` run."""
    import newsclean

    marks = sorted(set(checkpoints))
    memory = CorpusMemory(mode=mode, jobs=jobs)
    start = time.perf_counter()
    for done, _article in enumerate(newsclean.clean_many(corpus(pages, marks[-1], mode), jobs=jobs), start=1):
        if done in marks:
            memory.snapshots[done] = memory_snapshot()
    memory.seconds = time.perf_counter() - start
    return memory


def parser() -> argparse.ArgumentParser:
    """The argument parser (its own function so tests can inspect it)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__)
    add_data_option(p)
    p.add_argument("--pages", type=int, default=500, help="pages per speed measurement (default 500)")
    p.add_argument("--corpus", type=int, default=10_000, help="pages of the memory run (default 10000; 0 skips)")
    p.add_argument("--jobs", default="1,2", help="comma-separated worker counts to time (default 1,2)")
    p.add_argument("--date-sample", type=int, default=120, help="pages profiled for the date share (default 120)")
    p.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    p.add_argument("--json", type=Path, default=None, help="write every figure to FILE")
    p.add_argument("--write-docs", action="store_true", help="put the figures into docs/benchmarks.md")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the throughput benchmark; returns the process exit code."""
    args = parser().parse_args(argv)
    jobs_list = sorted({int(j) for j in args.jobs.split(",") if j.strip()})
    data = data_dir_or_report(args.data, REPO_ROOT, SETS)
    if data is None:
        return 2

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    pages = [p for s in SETS for p in load_set(data, s, modes=TIMED_MODES)]
    log(f"{len(pages)} dev pages; {args.pages} pages per measurement")
    speed: dict[str, Throughput] = {}

    def run(label: str, measure: Callable[[], Throughput]) -> None:
        log(f"timing {label} ...")
        speed[label] = result = measure()
        log(f"  {label}: {result.pages_per_s:.1f} pages/s ({result.pages} pages, {result.seconds:.1f}s)")

    scaling = [machine_scaling()]
    log(f"machine: two processes do {scaling[0]:.2f}x the CPU work of one")
    for mode in TIMED_MODES:
        records = list(corpus(pages, args.pages, mode))
        for jobs in jobs_list:
            run(f"newsclean {mode} jobs={jobs}", partial(in_fresh_process, time_newsclean, records, jobs))
        if mode == "html" and not args.no_peer:
            for jobs in jobs_list:
                run(f"trafilatura html jobs={jobs}", partial(in_fresh_process, time_trafilatura, records, jobs))
    log(f"profiling date normalisation over {args.date_sample} pages per mode ...")
    dates = date_share(pages, args.date_sample)
    memory = None
    if args.corpus > 0:
        # 1,000 pages against the whole run (a tenth of it for short trial runs).
        checkpoints = [1_000 if args.corpus >= 2_000 else max(1, args.corpus // 10), args.corpus]
        log(f"memory run: {args.corpus} pages, soup text, jobs=2, peak RSS after {checkpoints} pages ...")
        memory = in_fresh_process(corpus_memory, pages, "soup", 2, checkpoints)
    scaling.append(machine_scaling())
    log(f"machine: two processes do {scaling[1]:.2f}x the CPU work of one")
    results = targets(speed, dates, memory)
    report = format_report(speed, dates, memory, results, scaling)
    print(report)
    command = "python -m benchmarks.throughput " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.json:
        payload = {
            "speed": {k: v.as_dict() for k, v in speed.items()},
            "date_share": dates,
            "memory": memory.as_dict() if memory else None,
            "machine_scaling": [round(x, 2) for x in scaling],
            "targets": [t.as_dict() for t in results],
            "pages": args.pages,
            "command": command.strip(),
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.write_docs:
        path = write_docs_section(REPO_ROOT / "docs" / "benchmarks.md", report, command.strip())
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
