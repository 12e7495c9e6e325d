"""``explain`` on text dumps: line verdicts, in-line removed spans, agreement with ``clean``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import clean
from newsclean.explain import KEPT, PARTLY_KEPT, explain
from newsclean.explain.render import render_json, render_lines, summary_line

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_52889d1c0e5aca07.txt"
SEED_001 = SEEDS / "001_f2c2a30e7610bf0b.txt"


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_text_marked_kept_is_the_record_text(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8")
    explanation = explain(raw)
    assert explanation.input_format == "text"
    assert explanation.kept_text == _normalised(clean(raw).text)
    assert explanation.unplaced == []


def test_every_line_gets_the_verdict_the_record_holds() -> None:
    explanation = explain(SEED_001.read_text(encoding="utf-8"))
    verdicts = {line.text: line.verdict for line in explanation.lines}
    assert verdicts["Whatsapp"] == "share"
    assert verdicts["Putin"] == "tags"
    assert verdicts["Putin and Lukashenko meet for the first time since the Wagner Movement"] == "title"
    assert verdicts["Google Play"] == "app_prompt"
    kept = [line.text for line in explanation.lines if line.verdict == KEPT]
    assert len(kept) == 9 == len(explanation.article.text.split("\n\n"))
    assert kept[0].startswith("Russian President Vladimir Putin met")
    # Lines of the wrapped cookie banner are each traced to the banner.
    assert verdicts["your experience on this"] == "cookie"


def _removed_on_000() -> list[tuple[str, str]]:
    explanation = explain(SEED_000.read_text(encoding="utf-8"))
    return [(span.reason or "", " ".join(span.text.split())) for line in explanation.lines for span in line.removed]


def test_removals_inside_lines_are_spans_with_their_reasons() -> None:
    removed = _removed_on_000()
    reasons = [reason for reason, _ in removed]
    # The embedded tweet (its text, then its link and author line) ...
    embeds = [text for reason, text in removed if reason == "embed"]
    assert embeds[0].startswith("⚡️⚡️⚡️ President of #Belarus")
    assert "pic.twitter.com/Kpf2SW7RNu — Belarus MFA 🇧🇾 (@BelarusMFA) June 24, 2023" in embeds[1]
    # ... the "Watch |" teaser, the closing teaser and the two write-for-us prompts.
    assert ("teaser", "Watch | 'Putin's chef' vs Defence Minister: Where has Wagner operated?") in removed
    assert ("teaser", "WATCH WION LIVE HERE") in removed
    assert ("contribute", "You can now write for wionews.com and be a part of the community. "
                          "Share your stories and opinions with us here.") in removed
    assert ("dateline", "date 2023-06-24") in removed
    assert reasons.count("navigation") == 3  # the three close glyphs (×)


def test_a_kept_paragraph_behind_a_cut_date_marker_is_partly_kept() -> None:
    explanation = explain(SEED_000.read_text(encoding="utf-8"))
    first = next(line for line in explanation.lines if "In a dramatic turn of events" in line.text)
    assert first.verdict == PARTLY_KEPT
    assert first.kept_text.startswith("In a dramatic turn of events")
    assert [span.reason for span in first.removed] == ["dateline"]


def test_the_summary_counts_lines_kept_partly_kept_and_dropped() -> None:
    explanation = explain(SEED_000.read_text(encoding="utf-8"))
    summary = explanation.summary
    assert (summary.kept, summary.partly_kept, summary.dropped, summary.spans_removed) == (6, 5, 0, 9)
    assert "6 lines kept, 5 partly kept (9 spans removed), 0 dropped" in summary_line(explanation)


def test_plain_rendering_brackets_removed_spans_and_lists_them() -> None:
    lines = list(render_lines(explain(SEED_000.read_text(encoding="utf-8")), color=False))
    assert not any("\033[" in line for line in lines)
    teaser = next(line for line in lines if "Many world leaders" in line)
    assert teaser.startswith("~ partly kept")
    assert "[-Watch | 'Putin's chef' vs Defence Minister: Where has Wagner operated?-] [-×-] Many" in teaser
    assert any(line.strip() == '- teaser: "WATCH WION LIVE HERE"' for line in lines)
    assert any(line.startswith("+ kept") and "This comes as Belarus claimed" in line for line in lines)


def test_colour_rendering_tints_removed_spans() -> None:
    lines = list(render_lines(explain(SEED_000.read_text(encoding="utf-8")), color=True))
    teaser = next(line for line in lines if "Many world leaders" in line)
    assert "\033[31m\033[2mWatch | 'Putin's chef'" in teaser and "[-" not in teaser


def test_json_form_carries_verdicts_spans_and_the_record() -> None:
    data = json.loads(render_json(explain(SEED_000.read_text(encoding="utf-8"))))
    assert data["input_format"] == "text" and data["unit"] == "line"
    assert data["summary"] == {"kept": 6, "partly_kept": 5, "dropped": 0, "spans_removed": 9}
    verdicts = [line["verdict"] for line in data["lines"]]
    assert verdicts.count("partly kept") == 5
    spans = [span for line in data["lines"] for span in line["spans"]]
    assert {"text": "WATCH WION LIVE HERE", "reason": "teaser"} in spans
    assert data["record"]["published"] == "2023-06-24"


def test_wrapped_markdown_dump_agrees_with_clean() -> None:
    import gzip

    path = Path(__file__).resolve().parents[1] / "fixtures" / "markdown" / "us_LATimes_2023_06_26.wrapped.md.gz"
    raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    assert explain(raw).kept_text == _normalised(clean(raw).text)
