"""Figures of the throughput benchmark: what was measured, the targets, the report.

Kept apart from the timing code so the report and the docs section can be
built (and tested) from made-up figures without running anything.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Markers around the throughput section of docs/benchmarks.md; the quality
#: harness keeps whatever is between them when it regenerates the page.
DOCS_START = "<!-- throughput:start -->"
DOCS_END = "<!-- throughput:end -->"
_SECTION = re.compile(re.escape(DOCS_START) + r".*?" + re.escape(DOCS_END), re.DOTALL)


@dataclass(frozen=True)
class Throughput:
    """One timed run: pages done, wall-clock seconds, pages that came back as errors."""

    pages: int
    seconds: float
    errors: int = 0
    #: The machine's 1-minute load average when the run ended: on a shared
    #: machine, a load above the core count means the figures are low.
    load: float | None = None

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "errors": self.errors,
            "pages_per_s": round(self.pages_per_s, 2),
            "load": self.load,
        }


@dataclass(frozen=True)
class Snapshot:
    """Peak RSS (VmHWM, MB) of a process and of each of its live children at one moment."""

    parent_mb: float
    children_mb: tuple[float, ...] = ()

    @property
    def total_mb(self) -> float:
        """Parent plus workers: an upper bound on the batch's peak footprint."""
        return self.parent_mb + sum(self.children_mb)

    def as_dict(self) -> dict[str, Any]:
        return {
            "parent_mb": round(self.parent_mb, 1),
            "children_mb": [round(c, 1) for c in self.children_mb],
            "total_mb": round(self.total_mb, 1),
        }


@dataclass
class CorpusMemory:
    """Peak RSS after each checkpoint (pages cleaned) of one long batch."""

    mode: str
    jobs: int
    snapshots: dict[int, Snapshot] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "jobs": self.jobs,
            "seconds": round(self.seconds, 1),
            "snapshots": {str(k): v.as_dict() for k, v in sorted(self.snapshots.items())},
        }


@dataclass(frozen=True)
class Target:
    """One acceptance target: what it asks, the measured value, and whether it is met."""

    name: str
    wanted: str
    measured: str
    met: bool | None  # None: not measured in this run

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "wanted": self.wanted, "measured": self.measured, "met": self.met}


def load_average() -> float | None:
    """The 1-minute load average, where the platform has one."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # pragma: no cover - Windows
        return None


def _peak_mb(pid: int | str) -> float | None:
    """A process's peak resident set (VmHWM) in MB, from /proc; ``None`` if unreadable."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(c) for c in task.read_text().split()]
        except OSError:
            continue
    return kids


def memory_snapshot() -> Snapshot:
    """Peak RSS of this process and its live children (Linux /proc; getrusage elsewhere)."""
    me = os.getpid()
    parent = _peak_mb(me)
    if parent is None:  # pragma: no cover - not Linux
        import resource
        import sys

        scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale  # largest finished child
        return Snapshot(own, (kids,) if kids else ())
    children = [mb for mb in (_peak_mb(c) for c in _children(me)) if mb is not None]
    return Snapshot(parent, tuple(children))


def _get(speed: dict[str, Throughput], label: str) -> float | None:
    run = speed.get(label)
    return run.pages_per_s if run and run.pages else None


def targets(speed: dict[str, Throughput], dates: dict[str, float], memory: CorpusMemory | None) -> list[Target]:
    """The issue's targets, checked against this run's figures."""
    out: list[Target] = []
    for mode in ("html", "soup"):
        one, two = _get(speed, f"newsclean {mode} jobs=1"), _get(speed, f"newsclean {mode} jobs=2")
        ratio = two / one if one and two else None
        out.append(
            Target(f"{mode}: jobs 2 / jobs 1", ">= 1.8", _fmt(ratio, "x"), None if ratio is None else ratio >= 1.8)
        )
    for jobs in (1, 2):
        ours, peer = _get(speed, f"newsclean html jobs={jobs}"), _get(speed, f"trafilatura html jobs={jobs}")
        ratio = ours / peer if ours and peer else None
        out.append(
            Target(
                f"html jobs {jobs}: newsclean / trafilatura",
                ">= 1.0",
                _fmt(ratio, "x"),
                None if ratio is None else ratio >= 1.0,
            )
        )
    html, text = _get(speed, "newsclean html jobs=1"), _get(speed, "newsclean soup jobs=1")
    ratio = text / html if html and text else None
    # Issue 20: a plain-text dump costs at most a third of the same page's HTML time.
    out.append(
        Target("text / html pages/s (jobs 1)", ">= 3", _fmt(ratio, "x"), None if ratio is None else ratio >= 3)
    )
    for mode, share in dates.items():
        out.append(Target(f"{mode}: date normalisation share", "< 5%", f"{share:.1%}", share < 0.05))
    growth = None
    if memory and len(memory.snapshots) >= 2:
        marks = sorted(memory.snapshots)
        first, last = memory.snapshots[marks[0]].total_mb, memory.snapshots[marks[-1]].total_mb
        growth = last / first - 1 if first else None
        name = f"peak RSS {marks[0]:,} -> {marks[-1]:,} pages"
        out.append(
            Target(
                name,
                "within 10%",
                _fmt(None if growth is None else growth * 100, "%", signed=True),
                None if growth is None else abs(growth) <= 0.10,
            )
        )
    return out


def _fmt(value: float | None, unit: str, *, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.1f}{unit}" if signed else f"{value:.2f}{unit}"


def format_report(
    speed: dict[str, Throughput],
    dates: dict[str, float],
    memory: CorpusMemory | None,
    results: list[Target],
    scaling: list[float] | None = None,
) -> str:
    """The run's figures as Markdown tables (printed, and written into the docs)."""
    lines: list[str] = []
    if scaling:
        figures = " and ".join(f"{x:.2f}x" for x in scaling)
        lines += [
            f"Machine check (start and end of the run): two processes did {figures} the CPU-bound work of one",
            "(2.00x on two idle cores; less means other work shared the cores, and the `jobs=2` rows",
            "cannot scale beyond it).",
            "",
        ]
    lines += ["| run | pages | seconds | pages/s | errors | load avg |", "|---|---:|---:|---:|---:|---:|"]
    for label, run in speed.items():
        load = "-" if run.load is None else f"{run.load:.1f}"
        lines.append(f"| {label} | {run.pages} | {run.seconds:.1f} | {run.pages_per_s:.1f} | {run.errors} | {load} |")
    if dates:
        lines += ["", "| mode | date normalisation share of cleaning time |", "|---|---:|"]
        lines += [f"| {mode} | {share:.1%} |" for mode, share in dates.items()]
    if memory and memory.snapshots:
        lines += [
            "",
            f"Memory run: {max(memory.snapshots):,} pages, {memory.mode} text, jobs={memory.jobs}, "
            f"{memory.seconds:.0f}s. Peak RSS (VmHWM) in MB:",
            "",
            "| after pages | parent | workers | total |",
            "|---:|---:|---:|---:|",
        ]
        for pages, snap in sorted(memory.snapshots.items()):
            workers = " + ".join(f"{c:.0f}" for c in snap.children_mb) or "-"
            lines.append(f"| {pages:,} | {snap.parent_mb:.0f} | {workers} | {snap.total_mb:.0f} |")
    if results:
        lines += ["", "| target | wanted | measured | met |", "|---|---|---:|---|"]
        for t in results:
            met = "-" if t.met is None else ("yes" if t.met else "**no**")
            lines.append(f"| {t.name} | {t.wanted} | {t.measured} | {met} |")
    return "\n".join(lines)


def docs_section(report: str, command: str, cpu_count: int | None = None) -> str:
    """The Markdown section of docs/benchmarks.md, markers included."""
    cores = cpu_count if cpu_count is not None else os.cpu_count()
    return "\n".join(
        [
            DOCS_START,
            "## Throughput",
            "",
            f"Generated by `{command}` ({cores} cores). Wall-clock pages/s through",
            "`newsclean.clean_many(jobs=N)` over dev pages cycled into distinct records (new id and URL",
            "per cycle); text mode reads the `soup` render. trafilatura runs `bare_extraction` with",
            "metadata (no deduplication) on the same HTML in the same run, in one process and in a",
            "pool of two. Every run starts in a fresh process. The date share comes from a profile",
            "of the date modules over a warmed-up sample, one process.",
            "",
            report,
            DOCS_END,
        ]
    )


def splice_section(page: str, section: str) -> str:
    """``page`` with its throughput section replaced by ``section`` (appended if it has none)."""
    if _SECTION.search(page):
        return _SECTION.sub(lambda _m: section, page, count=1)
    return page.rstrip("\n") + "\n\n" + section + "\n"


def existing_section(page: str) -> str | None:
    """The throughput section of a docs page, markers included, if it has one."""
    found = _SECTION.search(page)
    return found.group(0) if found else None


def write_docs_section(path: Path, report: str, command: str) -> Path:
    """Put the report into ``path`` between the markers, leaving the rest of the page alone."""
    page = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(splice_section(page, docs_section(report, command)), encoding="utf-8")
    return path
