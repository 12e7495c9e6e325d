from __future__ import annotations

from pathlib import Path

from newsclean.explain import KEPT, explain

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_f2c2a30e7610bf0b.txt"


def test_every_line_gets_the_verdict_the_record_holds() -> None:
    article, lines = explain(SEED.read_text(encoding="utf-8"))
    verdicts = {line.text: line.verdict for line in lines}
    assert verdicts["Whatsapp"] == "share"
    assert verdicts["Putin"] == "tags"
    assert verdicts["Putin and Lukashenko meet for the first time since the Wagner Movement"] == "title"
    assert verdicts["Google Play"] == "app_prompt"
    kept = [line.text for line in lines if line.verdict == KEPT]
    assert len(kept) == 9 == len(article.text.split("\n\n"))
    assert kept[0].startswith("Russian President Vladimir Putin met")
    # Lines of the wrapped cookie banner are each traced to the banner.
    assert verdicts["your experience on this"] == "cookie"


def test_a_kept_paragraph_behind_a_cut_date_marker_is_kept() -> None:
    from pathlib import Path

    from newsclean.explain import KEPT, explain

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_52889d1c0e5aca07.txt"
    _, lines = explain(seed.read_text(encoding="utf-8"))
    first = next(line for line in lines if "In a dramatic turn of events" in line.text)
    assert first.verdict == KEPT
