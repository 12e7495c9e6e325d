"""The renderers benchmark's flattened variants of a render, checked on a seed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.flatten import flatten, glue


def test_flatten_leaves_one_line_with_every_word(seeds_dir: Path) -> None:
    [path] = seeds_dir.glob("001_*.txt")
    text = path.read_text("utf-8")
    flat = flatten(text)
    assert "\n" not in flat and "  " not in flat
    assert flat.split() == text.split()


def test_glue_is_seeded_keeps_every_word_and_joins_about_half(seeds_dir: Path) -> None:
    [path] = seeds_dir.glob("001_*.txt")
    text = path.read_text("utf-8")
    glued = glue(text, "page-1")
    assert glued == glue(text, "page-1")
    assert glued != glue(text, "page-2")
    assert glued.split() == text.split()
    blocks = sum(1 for line in text.split("\n") if line.strip())
    lines = sum(1 for line in glued.split("\n") if line.strip())
    assert 0.3 * blocks < lines < 0.7 * blocks
