"""The text path's per-stage profile: every stage reported, the timers gone afterwards."""

from __future__ import annotations

import gzip
from pathlib import Path

import newsclean.text.extract as extract_module
import newsclean.text.fields as fields_module
from benchmarks.profile_text import STAGES, text_stage_profile

_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _dumps() -> list[str]:
    return [gzip.decompress(p.read_bytes()).decode("utf-8") for p in sorted(_PAGES.glob("*.soup.txt.gz"))[:3]]


def test_profile_reports_every_stage_and_adds_up() -> None:
    before = (extract_module.classify, fields_module.search_date)
    profile = text_stage_profile(_dumps())
    assert list(profile) == [*STAGES, "other", "total"]
    assert all(ms >= 0 for stage, ms in profile.items() if stage != "other")
    assert profile["classify"] > 0 and profile["segment"] > 0
    assert abs(sum(ms for stage, ms in profile.items() if stage != "total") - profile["total"]) < 0.1
    # The timers are removed: the library is left as it was.
    assert (extract_module.classify, fields_module.search_date) == before


def test_profile_of_nothing_is_empty() -> None:
    assert text_stage_profile([]) == {}
