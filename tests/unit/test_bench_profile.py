"""The per-stage profile (benchmarks/profile.py): its stages exist, its timers unwrap, its docs section.

No timing is asserted (figures depend on the machine); these checks pin what
is measured and how it is reported.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from benchmarks.docs import kept_sections
from benchmarks.profile import DOCS_END, DOCS_START, MODES, fastest, format_profile, timed_stages, write_docs


def test_every_stage_names_a_function_of_the_pipeline() -> None:
    for _key, stages in MODES.values():
        for stage in stages:
            for module, name in stage.targets:
                assert callable(getattr(importlib.import_module(module), name)), (module, name)


def test_timers_count_calls_and_are_removed_afterwards() -> None:
    import newsclean

    _key, stages = MODES["html"]
    extract = importlib.import_module("newsclean.html.extract")
    original = extract.choose_body
    spent: dict[str, float] = {}
    with timed_stages(stages, spent):
        assert extract.choose_body is not original
        page = "<html><body><article><p>" + "Word " * 80 + "</p></article></body></html>"
        newsclean.clean_record({"id": "x", "html": page})
    assert extract.choose_body is original
    assert set(spent) == {s.label for s in stages}
    assert spent["body choice (trafilatura and recall guards)"] > 0


def test_docs_section_is_spliced_and_kept_by_the_quality_page(tmp_path: Path) -> None:
    figures = {"html": {"defuse and parse": 3.0, "total": 60.0, "other": 1.0}}
    report = format_profile(figures, {"html": {"defuse and parse": 4.0, "total": 70.0}}, 100)
    assert "| defuse and parse | 4.0 | 3.0 |" in report and "| **whole clean_record** | 70.0 | 60.0 |" in report
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n\nquality tables\n", encoding="utf-8")
    write_docs(page, report, "python -m benchmarks.profile")
    write_docs(page, report, "python -m benchmarks.profile")  # replaced, not appended twice
    text = page.read_text(encoding="utf-8")
    assert text.count(DOCS_START) == 1 and text.count(DOCS_END) == 1 and "quality tables" in text
    assert any(section.startswith(DOCS_START) for section in kept_sections(text))


def test_repeated_passes_keep_each_figures_fastest_value() -> None:
    passes = [{"parse": 4.0, "total": 50.0}, {"parse": 3.0, "total": 55.0}, {"parse": 3.5, "total": 52.0}]
    assert fastest(passes) == {"parse": 3.0, "total": 50.0}
