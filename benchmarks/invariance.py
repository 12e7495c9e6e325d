"""Command line: ``python -m benchmarks.invariance``.

Invariance checks: every dev page with a gold body is transformed in ways that
must not change its article (``benchmarks/transforms.py``), each variant is
cleaned, and each transformation is reported per set with

- ``F1 base``: mean body F1 against gold of the untransformed pages;
- ``F1 tf``: the same for the transformed pages;
- ``delta``: ``F1 tf - F1 base`` (a cost is a negative delta);
- ``F1 vs base``: body F1 of the transformed output taken against the
  untransformed output (1.0: the transformation changed nothing);
- ``empty``: pages whose body became empty (it was not before);
- ``applied``: pages the transformation changed (``footer-first`` leaves pages
  without a recognisable site footer as they are; they still count in the means).

A transformation that costs more than ``COST_LIMIT`` F1 on average is flagged
``COSTS``: a defect to fix. Body F1 is the main harness's shingle metric
(``benchmarks/metrics.py``). Teasers, "most read" headlines and the second
article come from other dev pages (not the same site, the page's language
first), so they read as real news.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from benchmarks import REPO_ROOT, SETS
from benchmarks import metrics as M
from benchmarks.data import Page, add_data_option, data_dir_or_report, load_set
from benchmarks.transforms import TRANSFORMS, Material, Teaser, parse

DOCS = REPO_ROOT / "docs" / "invariance.md"
#: A transformation costing more F1 than this on average (per set) is a defect.
COST_LIMIT = 0.01
#: Other articles each page's material draws on: 5 "most read" + 10 rail teasers + 1 "read next".
TEASERS_PER_PAGE = 16
BASE = "none"
SYSTEM_NAMES = ("newsclean", "trafilatura")


# -- material: other pages' headlines and paragraphs ------------------------------------------


@dataclass(frozen=True)
class Donor:
    """One dev page as material for others: its site, language and teaser."""

    page_id: str
    host: str
    lang: str
    teaser: Teaser


def _headline(page: Page, root: object) -> str:
    """The gold title, else og:title, else the first ``<h1>``, else ``<title>``."""
    if page.gold.title:
        return page.gold.title.strip()
    for xpath in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        found = root.xpath(xpath)  # type: ignore[attr-defined]
        if found:
            text = found[0] if isinstance(found[0], str) else found[0].text_content()
            text = " ".join(str(text).split())
            if text:
                return text
    return page.gold.body.split("\n", 1)[0][:90]


def make_donor(page: Page) -> Donor:
    """Turn a dev page into teaser material (headline, gold paragraphs, language, site)."""
    root = parse(page.inputs.get("html") or "<html></html>")
    lang = (root.get("lang") or "").split("-")[0].strip().lower()
    paragraphs = tuple(p.strip() for p in page.gold.body.split("\n\n") if p.strip())
    return Donor(
        page_id=page.id,
        host=urlsplit(page.url).hostname or page.id.split("_")[0],
        lang=lang,
        teaser=Teaser(headline=_headline(page, root), paragraphs=paragraphs, url=page.url),
    )


def page_seed(page_id: str) -> int:
    """A stable seed per page (``hash()`` of a str changes from run to run)."""
    return zlib.crc32(page_id.encode("utf-8"))


def material_for(page: Page, donors: Sequence[Donor], lang: str) -> Material:
    """The page's anchor (gold body) and teasers from other sites, same language first."""
    rng = random.Random(page_seed(page.id))
    host = urlsplit(page.url).hostname
    others = [d for d in donors if d.page_id != page.id and d.host != host]
    same = [d for d in others if lang and d.lang == lang]
    rest = [d for d in others if d not in same]
    rng.shuffle(same)
    rng.shuffle(rest)
    chosen = (same + rest)[:TEASERS_PER_PAGE]
    return Material(anchor=page.gold.body, teasers=tuple(d.teaser for d in chosen), seed=page_seed(page.id))


# -- cleaning in workers ------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One cleaning: a page variant for one system."""

    system: str
    set: str
    page_id: str
    transform: str
    html: str
    url: str
    material: Material


@dataclass(frozen=True)
class Result:
    system: str
    set: str
    page_id: str
    transform: str
    text: str
    applied: bool
    error: str = ""


_EXTRACTORS: dict[str, Callable[[str, str], str]] = {}


def _extractor(system: str) -> Callable[[str, str], str]:
    """The system's body extractor, built once per worker process."""
    if system not in _EXTRACTORS:
        if system == "newsclean":
            import newsclean

            _EXTRACTORS[system] = lambda html, url: newsclean.clean(
                html, url=url or None, input_format="html"
            ).text or ""
        elif system == "trafilatura":
            from benchmarks.systems.trafilatura_ import make

            extract = make("html")
            _EXTRACTORS[system] = lambda html, url: extract(html, url or None).text
        else:
            raise ValueError(f"unknown system {system!r}")
    return _EXTRACTORS[system]


def run_task(task: Task) -> Result:
    """Transform the page (unless it is the base variant) and clean it."""
    html = task.html
    try:
        if task.transform != BASE:
            html = TRANSFORMS[task.transform](task.html, task.material)
        text = _extractor(task.system)(html, task.url)
        return Result(task.system, task.set, task.page_id, task.transform, text, html != task.html)
    except Exception as exc:  # a crash is an empty body, reported in the errors count
        return Result(task.system, task.set, task.page_id, task.transform, "", html != task.html, repr(exc)[:200])


# -- report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One (system, set, transformation) line of the report."""

    system: str
    set: str
    transform: str
    pages: int
    applied: int
    f1_base: float
    f1_transformed: float
    f1_vs_base: float
    empty: int
    errors: int

    @property
    def delta(self) -> float:
        return self.f1_transformed - self.f1_base

    @property
    def costs(self) -> bool:
        return -self.delta > COST_LIMIT


def summarise(
    results: Sequence[Result], gold: dict[str, str]
) -> tuple[list[Row], dict[tuple[str, str], list[tuple[float, str]]]]:
    """Rows per (system, set, transformation) and, per (system, transformation), page F1 drops."""
    by_key: dict[tuple[str, str, str], dict[str, Result]] = defaultdict(dict)
    for r in results:
        by_key[(r.system, r.set, r.transform)][r.page_id] = r
    rows: list[Row] = []
    drops: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for (system, set_name, name), variant in sorted(by_key.items(), key=lambda kv: _order(kv[0])):
        if name == BASE:
            continue
        base = by_key[(system, set_name, BASE)]
        ids = [i for i in variant if i in base]
        base_counts = [M.shingle_counts(gold[i], base[i].text) for i in ids]
        tf_counts = [M.shingle_counts(gold[i], variant[i].text) for i in ids]
        for i, b, t in zip(ids, base_counts, tf_counts, strict=True):
            drops[(system, name)].append((M.page_f1(b) - M.page_f1(t), i))
        rows.append(
            Row(
                system=system,
                set=set_name,
                transform=name,
                pages=len(ids),
                applied=sum(variant[i].applied for i in ids),
                f1_base=M.body_scores(base_counts).f1,
                f1_transformed=M.body_scores(tf_counts).f1,
                f1_vs_base=M.body_scores(M.shingle_counts(base[i].text, variant[i].text) for i in ids).f1,
                empty=sum(1 for i in ids if base[i].text.strip() and not variant[i].text.strip()),
                errors=sum(1 for i in ids if variant[i].error),
            )
        )
    return rows, drops


def _order(key: tuple[str, str, str]) -> tuple[int, int, int]:
    system, set_name, name = key
    names = [BASE, *TRANSFORMS]
    return (
        SYSTEM_NAMES.index(system) if system in SYSTEM_NAMES else 99,
        SETS.index(set_name) if set_name in SETS else 99,
        names.index(name) if name in names else 99,
    )


HEADER = (
    f"{'system':12s} {'set':7s} {'transformation':15s} {'pages':>5s} {'applied':>7s} "
    f"{'F1 base':>7s} {'F1 tf':>7s} {'delta':>7s} {'vs base':>7s} {'empty':>5s}  flag"
)


def format_row(row: Row) -> str:
    flag = "COSTS" if row.costs else ""
    if row.errors:
        flag = f"{flag} {row.errors} errors".strip()
    return (
        f"{row.system:12s} {row.set:7s} {row.transform:15s} {row.pages:5d} {row.applied:7d} "
        f"{row.f1_base:7.3f} {row.f1_transformed:7.3f} {row.delta:+7.3f} {row.f1_vs_base:7.3f} {row.empty:5d}  {flag}"
    )


def worst_lines(drops: dict[tuple[str, str], list[tuple[float, str]]], n: int) -> list[str]:
    """The ``n`` pages each transformation cost most, per system (page F1 against gold)."""
    lines: list[str] = []
    for (system, name), items in sorted(drops.items(), key=lambda kv: (_order((kv[0][0], SETS[0], kv[0][1])))):
        worst = [(d, i) for d, i in sorted(items, reverse=True)[:n] if d > COST_LIMIT]
        if worst:
            lines.append(f"{system} {name}: " + ", ".join(f"{i} ({-d:+.3f})" for d, i in worst))
    return lines


def docs_page(command: str, table: list[str], worst: list[str], seconds: float) -> str:
    """docs/invariance.md: what the checks do, the command, the table, the flagged rows."""
    from benchmarks import transforms

    intro = (__doc__ or "").split("\n\n", 1)[1]
    described = []
    for name, fn in TRANSFORMS.items():
        summary = " ".join((fn.__doc__ or "").split("\n\n")[0].split())
        detail = " ".join((fn.__doc__ or "").split("\n\n", 1)[-1].split())
        described.append(f"- `{name}`: {summary} {detail}")
    container = " ".join((transforms.__doc__ or "").split("\n\n")[3].split())
    flagged = [line for line in table if line.endswith("COSTS") or "COSTS " in line]
    return "\n".join(
        [
            "# Invariance checks",
            "",
            f"Generated by `{command}` ({seconds / 60:.1f} min).",
            "",
            intro.strip(),
            "",
            "## Transformations",
            "",
            *described,
            "",
            container,
            "",
            "## Results",
            "",
            "```",
            *table,
            "```",
            "",
            f"Flagged (cost > {COST_LIMIT} F1): " + (f"{len(flagged)} rows." if flagged else "none."),
            "",
            "Pages each transformation cost most (page F1 against gold, change in parentheses):",
            "",
            *(f"- {line}" for line in worst),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.invariance", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--set", choices=[*SETS, "all"], default="all", help="dev set to run (default: all)")
    add_data_option(p)
    p.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (cleaning is CPU-bound)")
    p.add_argument("--transform", action="append", choices=list(TRANSFORMS), default=None,
                   help="run only this transformation (repeatable; default: all)")
    p.add_argument("--systems", default="newsclean",
                   help=f"comma-separated systems among {', '.join(SYSTEM_NAMES)} (default: newsclean)")
    p.add_argument("--worst", type=int, default=3, help="list the N pages each transformation cost most")
    p.add_argument("--write-docs", action="store_true", help=f"write {DOCS.relative_to(REPO_ROOT)}")
    args = p.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in SYSTEM_NAMES]
    if unknown:
        p.error(f"unknown system(s): {', '.join(unknown)}")
    sets = list(SETS) if args.set == "all" else [args.set]
    names = args.transform or list(TRANSFORMS)
    data = data_dir_or_report(args.data, REPO_ROOT, SETS)
    if data is None:
        return 2

    started = time.perf_counter()
    # Donors come from every set, whatever --set and --limit say, so each page finds
    # teasers in its own language from other sites.
    every = {name: load_set(data, name, modes=("html",)) for name in SETS}
    donors = [make_donor(page) for pages in every.values() for page in pages if page.gold.body.strip()]
    lang_of = {d.page_id: d.lang for d in donors}
    pages = [
        page
        for name in sets
        for page in [q for q in every[name] if q.gold.body.strip()][: args.limit]
    ]
    gold = {page.id: page.gold.body for page in pages}
    tasks = [
        Task(system, page.set, page.id, name, page.inputs["html"], page.url,
             material_for(page, donors, lang_of.get(page.id, "")))
        for system in systems
        for page in pages
        for name in [BASE, *names]
    ]
    del every
    print(f"{len(pages)} pages x {len(names) + 1} variants x {len(systems)} system(s) = {len(tasks)} cleanings",
          file=sys.stderr)
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run_task, tasks, chunksize=4))
    else:
        results = [run_task(task) for task in tasks]
    seconds = time.perf_counter() - started

    rows, drops = summarise(results, gold)
    table = [HEADER, *(format_row(row) for row in rows)]
    print("\n".join(table))
    worst = worst_lines(drops, args.worst)
    if worst:
        print("\nworst pages:\n" + "\n".join(worst))
    for r in results:
        if r.error:
            print(f"error: {r.system} {r.page_id} {r.transform}: {r.error}", file=sys.stderr)
    if args.write_docs:
        command = "python -m benchmarks.invariance --write-docs"
        if args.set != "all":
            command += f" --set {args.set}"
        if args.limit:
            command += f" --limit {args.limit}"
        if args.systems != "newsclean":
            command += f" --systems {','.join(systems)}"
        if args.transform:
            command += "".join(f" --transform {n}" for n in names)
        if args.jobs > 1:
            command += f" --jobs {args.jobs}"
        DOCS.write_text(docs_page(command, table, worst, seconds), encoding="utf-8")
    return 1 if any(row.costs and row.system == "newsclean" for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
