"""The throughput benchmark's corpus builder, report and docs section, on made-up figures.

Timing itself is never asserted here (figures depend on the machine); these
checks pin what the benchmark measures and how it reports it.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.data import Gold, Page
from benchmarks.throughput import corpus
from benchmarks.throughput_report import (
    DOCS_END,
    DOCS_START,
    CorpusMemory,
    Snapshot,
    Throughput,
    existing_section,
    format_report,
    memory_snapshot,
    splice_section,
    targets,
    write_docs_section,
)


def _page(ident: str, url: str, body: str) -> Page:
    return Page(id=ident, set="fe", url=url, gold=Gold(body=""), inputs={"html": f"<p>{body}</p>", "soup": body})


def _pages() -> list[Page]:
    return [_page("a", "https://example.com/a", "A"), _page("b", "https://example.com/b?x=1", "B")]


def test_corpus_cycles_pages_as_distinct_records() -> None:
    records = list(corpus(_pages(), 5, "soup"))
    assert [r["text"] for r in records] == ["A", "B", "A", "B", "A"]
    assert [r["id"] for r in records] == ["a#0", "b#0", "a#1", "b#1", "a#2"]
    # The first cycle keeps the page's URL; later cycles change it, so nothing can be recognised.
    assert records[0]["url"] == "https://example.com/a"
    assert records[2]["url"] == "https://example.com/a?nc_cycle=1"
    assert records[3]["url"] == "https://example.com/b?x=1&nc_cycle=1"
    assert len({r["url"] for r in records}) == 5
    assert list(corpus(_pages(), 1, "html")) == [{"id": "a#0", "url": "https://example.com/a", "html": "<p>A</p>"}]
    assert list(corpus([], 3, "html")) == []


def _figures() -> tuple[dict[str, Throughput], dict[str, float], CorpusMemory]:
    speed = {
        "newsclean html jobs=1": Throughput(100, 10.0),
        "newsclean html jobs=2": Throughput(100, 5.0),
        "trafilatura html jobs=1": Throughput(100, 4.0),
        "trafilatura html jobs=2": Throughput(100, 2.5),
        "newsclean soup jobs=1": Throughput(100, 2.0, errors=1),
        "newsclean soup jobs=2": Throughput(100, 1.5),
    }
    memory = CorpusMemory("soup", 2, {1000: Snapshot(100.0, (50.0, 50.0)), 10000: Snapshot(100.0, (60.0, 55.0))})
    return speed, {"html": 0.01, "soup": 0.08}, memory


def test_targets_follow_the_issue() -> None:
    speed, dates, memory = _figures()
    got = {t.name: t for t in targets(speed, dates, memory)}
    assert got["html: jobs 2 / jobs 1"].measured == "2.00x" and got["html: jobs 2 / jobs 1"].met
    assert got["soup: jobs 2 / jobs 1"].met is False
    assert got["html jobs 1: newsclean / trafilatura"].measured == "0.40x"
    assert got["text / html pages/s (jobs 1)"].measured == "5.00x" and got["text / html pages/s (jobs 1)"].met
    # Issue 20's bound: a dump at 2.5x the HTML rate costs more than a third of the page's HTML time.
    speed["newsclean soup jobs=1"] = Throughput(100, 4.0)
    slower = {t.name: t for t in targets(speed, dates, memory)}["text / html pages/s (jobs 1)"]
    assert slower.measured == "2.50x" and slower.met is False
    assert got["html: date normalisation share"].met and got["soup: date normalisation share"].met is False
    rss = got["peak RSS 1,000 -> 10,000 pages"]
    assert rss.measured == "+7.5%" and rss.met
    assert all(t.met is None for t in targets({}, {}, None))


def test_report_and_docs_section(tmp_path: Path) -> None:
    speed, dates, memory = _figures()
    report = format_report(speed, dates, memory, targets(speed, dates, memory), [1.9, 1.2])
    assert "two processes did 1.90x and 1.20x the CPU-bound work of one" in report
    assert "| newsclean soup jobs=1 | 100 | 2.0 | 50.0 | 1 | - |" in report
    assert "| 10,000 | 100 | 60 + 55 | 215 |" in report
    assert "| soup | 8.0% |" in report
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n\nquality tables\n", encoding="utf-8")
    write_docs_section(page, report, "python -m benchmarks.throughput")
    write_docs_section(page, "second run", "python -m benchmarks.throughput")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nquality tables\n")
    assert text.count(DOCS_START) == 1 and text.count(DOCS_END) == 1 and "second run" in text
    # What the quality harness does when it regenerates the page: keep the section.
    section = existing_section(text)
    assert section is not None
    regenerated = splice_section("# Benchmarks\n\nnew quality tables\n", section)
    assert "new quality tables" in regenerated and "second run" in regenerated
    # Every marked section of the old page survives the regeneration, the Spark run's too.
    from benchmarks.docs import kept_sections

    old_page = text + "\n<!-- spark:start -->\ncluster figures\n<!-- spark:end -->\n"
    kept = kept_sections(old_page)
    assert [k.splitlines()[0] for k in kept] == [DOCS_START, "<!-- spark:start -->"]
    assert "second run" in kept[0] and "cluster figures" in kept[1]


def test_memory_snapshot_reads_this_process() -> None:
    snap = memory_snapshot()
    assert snap.parent_mb > 0 and snap.total_mb >= snap.parent_mb
