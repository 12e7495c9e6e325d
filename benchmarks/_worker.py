"""Child process that runs one system on one set, for honest time and memory.

Each (system, set) runs in its own fresh interpreter so the peak memory we
report is that system's alone, and a crash or hang costs one row, not the run.
The network is switched off here: no system may fetch anything while measured.
Reads a JSON job on stdin and writes its results as JSON to the job's ``out``.
"""

from __future__ import annotations

import json
import resource
import signal
import socket
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from benchmarks.data import load_set
from benchmarks.systems import SYSTEMS, Output


class PageTimeout(Exception):
    """A system spent longer than the per-page limit on one page."""


def _no_network(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise OSError("network access is disabled in the benchmark")


def block_network() -> None:
    """Make every attempt to open a network connection fail at once."""
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network


def _status_kb(key: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux clear_refs 5); False if unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def rss_mb() -> float:
    """Current resident set size in MB."""
    kb = _status_kb("VmRSS")
    return (kb or 0) / 1024


def peak_mb(was_reset: bool) -> float:
    """Peak RSS in MB since the last reset (or since start if reset is unsupported)."""
    kb = _status_kb("VmHWM") if was_reset else None
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / 1024


def _alarm(_signum: int, _frame: object) -> None:
    raise PageTimeout


def run_mode(system: str, mode: str, pages: list[Any], timeout: int) -> dict[str, Any]:
    """Run one mode over the pages; a failing page yields empty output and is counted."""
    try:
        extract = SYSTEMS[system].make(mode)
    except ImportError as exc:
        return {"skipped": f"{type(exc).__name__}: {exc}"}
    except Exception as exc:  # a broken adapter setup skips the row, not the run
        return {"skipped": f"setup failed: {type(exc).__name__}: {exc}"}
    baseline = rss_mb()
    was_reset = reset_peak()
    signal.signal(signal.SIGALRM, _alarm)
    if pages:
        # One untimed call first, so lazy one-off setup (models, caches) is not billed
        # to the first page's speed; its memory still counts towards the peak.
        try:
            signal.alarm(timeout)
            extract(pages[0].inputs[mode], pages[0].url or None)
        except Exception:
            pass
        finally:
            signal.alarm(0)
    results = []
    for page in pages:
        err: str | None = None
        t0 = time.perf_counter()
        try:
            signal.alarm(timeout)
            out = extract(page.inputs[mode], page.url or None)
        except PageTimeout:
            out, err = Output(), f"timeout after {timeout}s"
        except Exception as exc:
            out, err = Output(), " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        finally:
            signal.alarm(0)
        dt = time.perf_counter() - t0
        row = asdict(out)
        row.update(id=page.id, seconds=dt, error=err)
        results.append(row)
    peak = peak_mb(was_reset)
    return {
        "skipped": None,
        "pages": results,
        "baseline_mb": baseline,
        "peak_mb": peak,
        "delta_mb": max(0.0, peak - baseline),
    }


def main() -> int:
    """Run the job described on stdin and write its results file."""
    job = json.loads(sys.stdin.read())
    block_network()
    modes = tuple(job["modes"])
    pages = load_set(Path(job["data"]), job["set"], modes=modes, limit=job.get("limit"))
    out = {m: run_mode(job["system"], m, pages, int(job.get("timeout", 60))) for m in modes}
    Path(job["out"]).write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
