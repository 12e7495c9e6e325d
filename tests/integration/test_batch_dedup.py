"""De-duplication: exact copies and syndicated near copies share a ``duplicate_of``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.dedup import ExactDeduper, NearDeduper, normalize_for_hash
from tests.cli_runner import run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _syndicated_dir(tmp_path: Path) -> Path:
    """The seeds, an exact copy of one, and a wire copy with a new headline, an edit and a closing line."""
    pages = tmp_path / "pages"
    pages.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        (pages / seed.name).write_bytes(seed.read_bytes())
    original = seeds[1].read_text(encoding="utf-8")
    (pages / "003_exact_copy.txt").write_text(original, encoding="utf-8")
    wire = original.replace("Putin and Lukashenko meet for the first time since the Wagner Movement",
                            "Putin hosts Lukashenko in St Petersburg").replace("On Sunday,", "On Sunday afternoon,")
    assert wire != original
    closing = "\nThe Kremlin did not say how long the Belarusian leader would stay in Russia this time.\n"
    (pages / "004_wire_copy.txt").write_text(wire + closing, encoding="utf-8")
    return pages


def test_normalised_hash_ignores_case_punctuation_and_spacing() -> None:
    assert normalize_for_hash("Putin  met,\nLukashenko!") == normalize_for_hash("putin met lukashenko")
    exact = ExactDeduper()
    assert exact.check("a", "One story.") is None and exact.check("b", "ONE  story") == "a"
    assert exact.check("c", "") is None and exact.check("d", "") is None


def test_near_dedup_marks_syndicated_copies(tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(_syndicated_dir(tmp_path)), "-o", str(out), "--dedup", "near", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    first = records["001_f2c2a30e7610bf0b.txt"]
    assert first["duplicate_of"] is None
    assert records["003_exact_copy.txt"]["duplicate_of"] == first["id"]
    assert records["004_wire_copy.txt"]["duplicate_of"] == first["id"]
    assert records["000_52889d1c0e5aca07.txt"]["duplicate_of"] is None
    assert "2 duplicates" in result.stderr.decode()


def test_exact_dedup_can_drop_copies(tmp_path: Path) -> None:
    result = run_cli("clean", str(_syndicated_dir(tmp_path)), "--dedup", "exact", "--drop-duplicates", "-q",
                     cwd=tmp_path)
    names = [Path(json.loads(x)["source"]).name for x in result.stdout.decode().splitlines()]
    # The exact copy is dropped; the rewritten wire copy is not exact, so it stays.
    assert names == ["000_52889d1c0e5aca07.txt", "001_f2c2a30e7610bf0b.txt", "002_1a46649c8a389a99.txt",
                     "004_wire_copy.txt"]


def test_near_deduper_keeps_distinct_stories_apart() -> None:
    pytest.importorskip("datasketch")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    near = NearDeduper()
    assert [near.check(str(i), t) for i, t in enumerate(texts)] == [None, None, None]
    assert near.check("again", texts[2] + "\nMore to follow.") == "2"
