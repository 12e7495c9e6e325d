"""Shared fixtures: paths to the seeds and the page fixtures."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def lock_directory(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Make directories of a given name unreadable to ``os.scandir``.

    Tests run as root in CI, where ``chmod 000`` does not stop reading, so an
    unreadable directory is simulated where the walk lists it.
    """

    def lock(name: str) -> None:
        real_scandir = os.scandir

        def scandir(path: object) -> object:
            if Path(str(path)).name == name:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)

    return lock
