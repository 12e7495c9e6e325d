"""Glued dumps whose article region was lost or cut short.

The fixtures are dev pages' inscriptis renders (``tests/fixtures/glued/``),
glued as the renderers benchmark glues them (each line joined to the next
with probability one half, seeded by the page's id). Both lost most of
their article before: a one-paragraph wire story to the footer's product
blurbs, a weather story to the first post it embeds.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import newsclean
from benchmarks import metrics
from benchmarks.flatten import glue
from newsclean.text.classify import Verdict
from newsclean.text.region import find_region

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "glued"


def _glued(name: str) -> tuple[dict[str, object], str]:
    page = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    with gzip.open(FIXTURES / f"{name}.inscriptis.txt.gz", "rt", encoding="utf-8") as fh:
        return page, glue(fh.read(), str(page["id"]))


def _body_f1(page: dict[str, object], text: str) -> float:
    gold = page["gold"]
    assert isinstance(gold, dict)
    return metrics.page_f1(metrics.shingle_counts(gold["body"], text))


def test_wire_story_between_a_teaser_box_and_product_blurbs_is_kept() -> None:
    """The footer's product blurbs outscore the story, and the teaser box beside the story
    does too: the story is a candidate only when runs are looked for beyond the best one's neighbours,
    and the address it shares words with picks it."""
    page, dump = _glued("fe_Reuters_2")
    article = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert "could derail the International Monetary Fund" in article.text
    assert "Build the strongest argument" not in article.text
    assert "Screen for heightened risk" not in article.text
    assert _body_f1(page, article.text) >= 0.85


def test_a_date_signing_an_embedded_post_does_not_end_the_article() -> None:
    """Glued, a tweet's signature ("— Name (@handle) April 25, 2024") came apart into handle and
    name lines above its date, read as the next story's header; the article ended there."""
    page, dump = _glued("fp-dev_us_WashingtonPost_2024_04_26")
    article = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert "Thursday’s storms erupted as predicted" in article.text
    assert "Zone 1 — Corn Belt and Missouri Valley" in article.text
    assert "More storms are expected Sunday" in article.text
    assert _body_f1(page, article.text) >= 0.9


def test_the_story_between_two_stronger_runs_is_weighed_by_the_address() -> None:
    """Three runs: a teaser box, the story, a footer; the story scores lowest but matches the address."""
    menu = [-5.0] * 10
    scores = [*menu, 30.0, *menu, 45.0, *menu, 60.0, *menu]
    story, teasers, footer = 10, 21, 32
    verdicts = [Verdict(None if s > 0 else "navigation", s > 0, s) for s in scores]

    def relevance(start: int, end: int) -> float:
        return 1.0 if start <= story < end else 0.0

    assert find_region(verdicts, relevance)[:2] == (story, story + 1)
    # Without the address the strongest run wins; with it, any of the three can.
    assert find_region(verdicts)[:2] == (footer, footer + 1)
    assert find_region(verdicts, lambda start, end: 1.0 if start <= teasers < end else 0.0)[:2] == (
        teasers, teasers + 1)


def test_a_comments_label_glued_to_its_box_ends_the_article() -> None:
    """Glued, the comment box's label ran on into its count, a subscribers' notice and a
    "latest news" box ("Ver comentarios (0) Reportar un error ... Últimas Noticias"): too long
    for a label, the line read as prose and the box's headlines joined the article. On a line
    of its own the label ends it (:mod:`newsclean.text.box_labels`)."""
    page, dump = _glued("fp-dev_es_ABC_2025_01_13")
    article = newsclean.clean(dump, url=str(page["url"]), input_format="text")
    assert "Ver comentarios" not in article.text
    assert "Últimas Noticias" not in article.text
    assert _body_f1(page, article.text) >= 0.8
