"""Running systems in worker subprocesses and scoring what they return.

Systems run one (system, set) job at a time by default, so pages/s is measured
on an otherwise idle machine; ``jobs=2`` halves the wall time on two cores at
some cost to timing honesty. Scoring happens here, in the parent, from the gold
answers, so workers only extract.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import REPO_ROOT, STRING_SETS
from benchmarks import metrics as M
from benchmarks.data import Page
from benchmarks.systems import SYSTEMS


@dataclass
class Row:
    """All figures of one system on one set in one mode."""

    system: str
    set: str
    mode: str
    pages: int
    precision: float
    recall: float
    f1: float
    title: float | None
    date: float | None
    authors: float | None
    pages_per_s: float
    seconds: float
    peak_mb: float
    delta_mb: float
    errors: int
    error_examples: list[str] = field(default_factory=list)
    #: Pages whose extracted body is empty or blank (errors included).
    empty: int = 0
    #: How P/R/F1 were computed: "shingles" (gold body) or "strings" (te-dev's with/without).
    metric: str = "shingles"
    per_page: list[dict[str, Any]] = field(default_factory=list)
    #: False for a metadata-only system: its P/R/F1 and empty count are not figures.
    body: bool = True
    #: Extracted bodies by page id, for --worst; left out of the JSON output.
    texts: dict[str, str] = field(default_factory=dict, repr=False)


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def score(system: str, set_name: str, mode: str, pages: Sequence[Page], res: dict[str, Any]) -> Row:
    """Score one mode's worker output against the gold answers."""
    fields = SYSTEMS[system].fields()
    outs = {r["id"]: r for r in res["pages"]}
    counts, per_page = [], []
    titles: list[float] = []
    dates: list[float] = []
    authors: list[float] = []
    by_strings = set_name in STRING_SETS
    string_counts: list[M.StringCounts] = []
    empty = 0
    for page in pages:
        o = outs.get(page.id) or {"text": "", "seconds": 0.0, "error": "missing"}
        text = str(o.get("text") or "")
        is_empty = not text.strip()
        empty += is_empty
        entry: dict[str, Any] = {"id": page.id, "url": page.url}
        if by_strings:
            sc = M.string_counts(page.gold.must_contain, page.gold.must_not_contain, text)
            string_counts.append(sc)
            entry.update(
                f1=M.string_page_f1(sc),
                precision=sc.tp / (sc.tp + sc.fp) if sc.tp + sc.fp else None,
                recall=sc.tp / (sc.tp + sc.fn) if sc.tp + sc.fn else None,
                strings={"tp": sc.tp, "fp": sc.fp, "fn": sc.fn, "tn": sc.tn},
            )
        else:
            c = M.shingle_counts(page.gold.body, text)
            counts.append(c)
            entry.update(
                f1=M.page_f1(c),
                precision=M.precision_score(*c) if c[0] + c[1] > 0 else None,
                recall=M.recall_score(*c) if c[0] + c[2] > 0 else None,
            )
        entry.update(seconds=o.get("seconds", 0.0), error=o.get("error"), empty=is_empty)
        if "title" in fields and page.gold.title is not None:
            entry["title_ok"] = M.title_match(page.gold.title, o.get("title"))
            titles.append(float(entry["title_ok"]))
        if "date" in fields and page.gold.date:
            entry["date_ok"] = M.date_match(page.gold.date, o.get("date"))
            dates.append(float(entry["date_ok"]))
        if "authors" in fields and page.gold.authors:
            entry["authors_f1"] = M.authors_f1(page.gold.authors, o.get("authors"))
            authors.append(entry["authors_f1"])
        per_page.append(entry)
    body = M.string_scores(string_counts) if by_strings else M.body_scores(counts)
    secs = sum(float(r.get("seconds") or 0.0) for r in res["pages"])
    errs = [r["error"] for r in res["pages"] if r.get("error")]
    return Row(
        system=system,
        set=set_name,
        mode=mode,
        pages=len(pages),
        precision=body.precision,
        recall=body.recall,
        f1=body.f1,
        title=_mean(titles),
        date=_mean(dates),
        authors=_mean(authors),
        pages_per_s=len(res["pages"]) / secs if secs > 0 else 0.0,
        seconds=secs,
        peak_mb=float(res["peak_mb"]),
        delta_mb=float(res["delta_mb"]),
        errors=len(errs),
        error_examples=errs[:3],
        empty=empty,
        metric="strings" if by_strings else "shingles",
        per_page=per_page,
        body=SYSTEMS[system].has_body(),
        texts={k: str(v.get("text") or "") for k, v in outs.items()},
    )


def run_job(
    system: str, set_name: str, modes: Sequence[str], data: Path, limit: int | None, timeout: int = 60
) -> dict[str, Any]:
    """Run one worker subprocess; a crashed worker skips its modes with the reason."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out = Path(tmp) / "out.json"
        job = {
            "system": system,
            "set": set_name,
            "modes": list(modes),
            "data": str(data),
            "limit": limit,
            "out": str(out),
            "timeout": timeout,
        }
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks._worker"],
                input=json.dumps(job),
                capture_output=True,
                text=True,
                cwd=REPO_ROOT,
                env=env,
                timeout=max(600, timeout * 40),
            )
        except subprocess.TimeoutExpired:
            return {m: {"skipped": "worker timed out"} for m in modes}
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or "").strip().splitlines()[-1:] or ["no output"]
            reason = f"worker exited {proc.returncode}: {tail[0][:200]}"
            return {m: {"skipped": reason} for m in modes}
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def run_all(
    systems: Sequence[str],
    sets: dict[str, list[Page]],
    modes: Sequence[str],
    data: Path,
    limit: int | None,
    jobs: int = 1,
    log: Callable[[str], None] = print,
) -> tuple[list[Row], dict[str, str]]:
    """Run every (system, set) job and score it; returns the rows and the skipped systems."""
    skipped: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    for name in systems:
        reason = SYSTEMS[name].missing()
        if reason:
            skipped[name] = reason
            log(f"skipped: {name} ({reason})")
        else:
            todo.extend((name, s) for s in sets)

    def one(job: tuple[str, str]) -> tuple[str, str, dict[str, Any]]:
        name, set_name = job
        return name, set_name, run_job(name, set_name, modes, data, limit)

    rows: list[Row] = []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for name, set_name, res in pool.map(one, todo):
            for mode in modes:
                r = res.get(mode) or {"skipped": "no result"}
                if r.get("skipped"):
                    if name not in skipped:
                        skipped[name] = str(r["skipped"])
                        log(f"skipped: {name} ({r['skipped']})")
                    continue
                row = score(name, set_name, mode, sets[set_name], r)
                rows.append(row)
                body = f"F1={row.f1:.3f}" if row.body else "F1=  -  "
                log(
                    f"  done {name:<22} {set_name:<7} {mode:<10} {body} "
                    f"empty={row.empty if row.body else '-':<4} {row.pages_per_s:7.1f} p/s"
                )
    return rows, skipped
