"""The packed language profiles are langdetect's, cell for cell, and are used only for the profiles they pack."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from newsclean.normalize.language_trials import ProfileTable, load_profiles
from newsclean.normalize.profile_pack import default_pack, load_table, read_pack, write_pack


def _same_table(ours: ProfileTable, expected: ProfileTable) -> bool:
    """Same n-grams with the same rows (row numbers may differ: they follow the packing machine's file order)."""
    if ours.index.keys() != expected.index.keys():
        return False
    order = [ours.index[word] for word in expected.index]
    return bool(np.array_equal(ours.rows[order], expected.rows))


def test_shipped_pack_serves_the_installed_profiles_as_langdetect_reads_them() -> None:
    found = read_pack(PROFILES_DIRECTORY, default_pack())
    assert found is not None, "the pack is stale: python -m tests.regenerate_tables"
    languages, table = found
    reference = DetectorFactory()
    reference.load_profile(PROFILES_DIRECTORY)
    assert languages == reference.langlist
    expected = ProfileTable.from_map(reference.word_lang_prob_map, len(reference.langlist))
    assert _same_table(table, expected)


def _profile(name: str, freq: dict[str, int]) -> dict[str, object]:
    totals = [sum(c for w, c in freq.items() if len(w) == n) for n in (1, 2, 3)]
    return {"name": name, "freq": freq, "n_words": totals}


@pytest.fixture()
def profiles(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    for name, freq in (
        ("xa", {"a": 5, "ab": 2, "abc": 1, "b": 3, "toolong": 4}),
        ("xb", {"b": 7, "c": 1, "bc": 3, "ab": 1, "cab": 2}),
        ("xc", {"c": 9, "ca": 4, "a": 1, "zero": 0, "z": 0}),
    ):
        (folder / name).write_text(json.dumps(_profile(name, freq)), encoding="utf-8")
    return folder


def test_pack_round_trips_to_the_parsed_table_in_this_machines_file_order(profiles: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.npz"
    write_pack(str(profiles), pack)
    found = read_pack(str(profiles), pack)
    assert found is not None
    languages, table = found
    parsed_languages, parsed = load_profiles(str(profiles))
    assert languages == parsed_languages == [name for name in os.listdir(profiles)]
    assert _same_table(table, parsed)
    again = tmp_path / "again.npz"
    write_pack(str(profiles), again)
    assert again.read_bytes() == pack.read_bytes()  # deterministic


def test_pack_of_other_profiles_is_not_used(profiles: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.npz"
    write_pack(str(profiles), pack)
    (profiles / "xb").write_text(json.dumps(_profile("xb", {"b": 8, "c": 1})), encoding="utf-8")
    assert read_pack(str(profiles), pack) is None
    languages, table = load_table(str(profiles), pack)
    parsed_languages, parsed = load_profiles(str(profiles))
    assert languages == parsed_languages
    assert _same_table(table, parsed)
    assert table.rows[table.index["b"], languages.index("xb")] == 8 / 9


def test_missing_or_broken_pack_falls_back_to_parsing(profiles: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip file")
    assert read_pack(str(profiles), broken) is None
    assert read_pack(str(profiles), tmp_path / "missing.npz") is None
    languages, table = load_table(str(profiles), broken)
    assert languages == load_profiles(str(profiles))[0]
    assert table.rows[table.index["abc"], languages.index("xa")] == 1.0
