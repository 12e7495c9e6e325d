"""newsclean.runsummary: when the bar is drawn, the summary line, the exit status (shared by clean and fetch)."""

from __future__ import annotations

import io

from newsclean.io.sink import Counts
from newsclean.runsummary import exit_status, shows_progress, summary_line


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_quiet() -> None:
    assert shows_progress(False, _Terminal())
    assert not shows_progress(True, _Terminal())
    assert not shows_progress(False, io.StringIO())


def test_summary_line() -> None:
    counts = Counts(pages=12, cleaned=9, empty=1, errors=3, duplicates=2)
    assert summary_line(counts, 2.0) == (
        "newsclean: 12 inputs, 9 cleaned, 1 empty, 3 errors, 2 duplicates, 2.0s (6.0 pages/s)"
    )
    assert summary_line(Counts(pages=1, skipped=4), 0.0, interrupted=True, extra="1 links found") == (
        "newsclean: 1 inputs, 0 cleaned, 0 empty, 0 errors, 0 duplicates, 4 already done, 0.0s (0.0 pages/s),"
        " interrupted; 1 links found"
    )


def test_exit_status() -> None:
    assert exit_status(Counts(pages=2, cleaned=2), interrupted=False) == 0
    assert exit_status(Counts(pages=2, cleaned=1, errors=1), interrupted=False) == 3  # some failed
    assert exit_status(Counts(pages=2, errors=2), interrupted=False) == 1
    assert exit_status(Counts(skipped=3), interrupted=False) == 0  # a resumed run with everything already done
    assert exit_status(Counts(pages=2, cleaned=2), interrupted=True) == 130
