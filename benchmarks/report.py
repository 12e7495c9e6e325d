"""Presenting results: the stdout table, the --worst listing and the JSON dump.

Kept apart from running so the same rows feed the terminal, the JSON file and
the generated docs page identically.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import metrics as M
from benchmarks.data import Gold, Page
from benchmarks.runner import Row

HEADER = (
    "system",
    "set",
    "mode",
    "P",
    "R",
    "F1",
    "empty",
    "title",
    "date",
    "authors",
    "pages/s",
    "peak MB",
    "+MB",
    "errors",
)


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _rate(x: float) -> str:
    return f"{x:.1f}" if x < 1000 else f"{x:.0f}"


def row_cells(r: Row) -> list[str]:
    """One table row as strings; a field a system does not produce (body included) shows as '-'."""
    return [
        r.system,
        r.set,
        r.mode,
        _f(r.precision if r.body else None),
        _f(r.recall if r.body else None),
        _f(r.f1 if r.body else None),
        str(r.empty) if r.body else "-",
        _f(r.title),
        _f(r.date),
        _f(r.authors),
        _rate(r.pages_per_s),
        f"{r.peak_mb:.0f}",
        f"{r.delta_mb:.0f}",
        str(r.errors),
    ]


def table(rows: Sequence[Row]) -> str:
    """A fixed-width text table for the terminal."""
    cells = [list(HEADER)] + [row_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = []
    for n, c in enumerate(cells):
        lines.append(
            "  ".join(
                v.ljust(w) if i < 3 else v.rjust(w) for i, (v, w) in enumerate(zip(c, widths, strict=True))
            )
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Row]) -> str:
    """The same table as GitHub-flavoured Markdown."""
    out = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" if i < 3 else "---:" for i in range(len(HEADER))) + "|",
    ]
    out += ["| " + " | ".join(row_cells(r)) + " |" for r in rows]
    return "\n".join(out)


def combined(rows: Sequence[Row]) -> dict[tuple[str, str], dict[str, float]]:
    """Body P/R/F1 and pages/s per (system, mode) over all pages of the shingle-scored sets run.

    Rows scored by strings (te-dev) are left out: their per-page figures are on
    another scale, and averaging them in would make the pooled F1 mean nothing.
    """
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        if r.metric != "shingles" or not r.body:
            continue
        a = acc.setdefault((r.system, r.mode), {"p": [], "r": [], "n": 0, "s": 0.0})
        a["p"] += [x["precision"] for x in r.per_page if x["precision"] is not None]
        a["r"] += [x["recall"] for x in r.per_page if x["recall"] is not None]
        a["n"] += r.pages
        a["s"] += r.seconds
    out: dict[tuple[str, str], dict[str, float]] = {}
    for key, a in acc.items():
        p = sum(a["p"]) / len(a["p"]) if a["p"] else 0.0
        rc = sum(a["r"]) / len(a["r"]) if a["r"] else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc > 0 else 0.0
        out[key] = {
            "precision": p,
            "recall": rc,
            "f1": f1,
            "pages_per_s": a["n"] / a["s"] if a["s"] > 0 else 0.0,
        }
    return out


def _clip(line: str, width: int = 160) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def missed_lines(gold: str, text: str) -> tuple[list[str], list[str]]:
    """Gold lines absent from the output, and output lines absent from the gold."""
    g, p = M.norm_lines(gold), M.norm_lines(text)
    gset, pset = set(g), set(p)
    return [ln for ln in dict.fromkeys(g) if ln not in pset], [ln for ln in dict.fromkeys(p) if ln not in gset]


def missed_strings(gold: Gold, text: str) -> tuple[list[str], list[str]]:
    """Must-contain strings absent from the output, and must-not-contain strings in it."""
    found = M.norm_space(text)
    missed = [s for s in gold.must_contain if M.norm_space(s) not in found]
    leaked = [s for s in gold.must_not_contain if M.norm_space(s) in found]
    return missed, leaked


def worst(
    rows: Sequence[Row], sets: dict[str, list[Page]], n: int, system: str = "newsclean", max_lines: int = 15
) -> str:
    """The n lowest-F1 pages of ``system`` per mode, with missed and extra lines."""
    golds = {p.id: p.gold for pages in sets.values() for p in pages}
    blocks: list[str] = []
    # String-scored pages (te-dev) are ranked apart: their page F1 is on another scale.
    for mode, metric in dict.fromkeys((r.mode, r.metric) for r in rows if r.system == system):
        entries = [
            (e, r) for r in rows if r.system == system and (r.mode, r.metric) == (mode, metric) for e in r.per_page
        ]
        entries.sort(key=lambda er: (er[0]["f1"], er[0]["id"]))
        scored = " (string-scored sets)" if metric == "strings" else ""
        blocks.append(f"== worst {n} pages for {system}, mode {mode}{scored} ==")
        for e, r in entries[:n]:
            gold = golds.get(e["id"], Gold(body=""))
            text = r.texts.get(e["id"], "")
            if r.metric == "strings":
                missed, extra = missed_strings(gold, text)
                labels, unit = ("missed must-contain", "found must-not-contain"), "strings"
            else:
                missed, extra = missed_lines(gold.body, text)
                labels, unit = ("missed", "extra"), "lines"
            err = f"  error: {e['error']}" if e.get("error") else ""
            blocks.append(f"-- {e['id']} [{r.set}] F1={e['f1']:.3f}  {e['url']}{err}")
            for label, lines in zip(labels, (missed, extra), strict=True):
                blocks.append(f"   {label} ({len(lines)} {unit}):")
                blocks += [f"     - {_clip(ln)}" for ln in lines[:max_lines]]
                if len(lines) > max_lines:
                    blocks.append(f"     ... {len(lines) - max_lines} more")
    if not blocks:
        return f"(no {system} rows: nothing to list for --worst)"
    return "\n".join(blocks)


def write_json(path: Path, rows: Sequence[Row], skipped: dict[str, str], env: dict[str, Any]) -> None:
    """Every figure, per row and per page, for machines."""
    data = {
        "environment": env,
        "skipped": skipped,
        "rows": [{k: v for k, v in asdict(r).items() if k != "texts"} for r in rows],
        "combined": [{"system": s, "mode": m, **v} for (s, m), v in combined(rows).items()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
