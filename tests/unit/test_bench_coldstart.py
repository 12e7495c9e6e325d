"""The cold-start measurement (benchmarks/coldstart.py): its builders exist and its report names them.

No timing is asserted (figures depend on the machine).
"""

from __future__ import annotations

import importlib

from benchmarks.coldstart import BUILDERS, format_figures, parser


def test_every_builder_names_a_callable_of_the_package() -> None:
    for stage in BUILDERS:
        for module, name in stage.targets:
            assert callable(getattr(importlib.import_module(module), name)), (module, name)


def test_report_gives_the_cold_start_and_each_builder() -> None:
    figures = {"import": 0.3, "first": 1.9, "second": 1.2, "cold": 1.0, "language profiles": 0.13}
    report = format_figures("soup", 60, figures)
    assert report.startswith("soup: 60 pages; cold start 1.00s CPU (import 0.30s, first pass 1.90s, second 1.20s)")
    assert "  first pass, language profiles: 0.130s" in report
    assert "  first pass, stopword index: 0.000s" in report  # a builder the pages never used


def test_defaults_measure_both_modes_on_sixty_pages() -> None:
    args = parser().parse_args([])
    assert args.pages == 60 and args.modes == "soup,html"
