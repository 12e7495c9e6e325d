from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.ends import (
    FINAL_BARRIERS,
    FOOTER_BARRIERS,
    cut_at_barrier,
    cut_next_article,
    extend_announced_list,
    story_named_below,
)
from newsclean.text.region import cut_teaser_tail, find_region, max_scoring_run, trim_edges
from newsclean.text.segment import Block


def test_max_scoring_run() -> None:
    assert max_scoring_run([-1, -1, 5, -2, 6, -10, 3]) == (2, 5)
    assert max_scoring_run([-1, -2]) == (0, 0)
    assert max_scoring_run([]) == (0, 0)


def _v(score: float, category: str | None = None, hits: int = 0, density: float = 0.0) -> Verdict:
    return Verdict(category, category is None and score > 0, score, hits, density)


def test_appeal_lead_in_goes_with_the_appeal() -> None:
    verdicts = [_v(-2, "navigation"), _v(40), _v(30), _v(12, hits=4, density=0.3), _v(-20, "appeal"), _v(-3, "paywall")]
    start, end, trimmed = find_region(verdicts)
    assert (start, end) == (1, 3)
    assert trimmed == {3: "appeal"}


def test_edges_not_next_to_appeals_stay() -> None:
    verdicts = [_v(40), _v(5), _v(-4, "navigation")]
    assert trim_edges(verdicts, 0, 2) == (0, 2, {})


def _blocks(lines: list[tuple[str, str | None, bool]]) -> tuple[list[Block], list[Verdict]]:
    """Blocks and verdicts from ``(text, category, prose)`` rows."""
    blocks = [Block(i, text, i, True) for i, (text, _, _) in enumerate(lines)]
    verdicts = [Verdict(cat, prose, float(len(text.split())) if prose else -3.0) for text, cat, prose in lines]
    return blocks, verdicts


_ARTICLE = [
    ("The council approved the new budget on Tuesday after a long debate about schools and roads.", None, True),
    ("Opposition members said the plan ignored rural districts and promised to raise it next year.", None, True),
    ("The mayor said the vote showed that the city could still agree on the things that matter.", None, True),
]


def test_dated_teaser_list_is_cut() -> None:
    teasers: list[tuple[str, str | None, bool]] = []
    heads = ["Harbour reopens after storm", "New bridge opens to traffic", "School year starts early"]
    for n, head in enumerate(heads):
        teasers += [
            (head, None, False),
            (f"2024-10-1{n}", "meta", False),
            ("Officials said the work had been finished ahead of the schedule agreed with the unions.", None, True),
            ("The next phase is expected to start in the spring and run until", None, False),
        ]
    blocks, verdicts = _blocks(_ARTICLE + teasers)
    end, trimmed = cut_teaser_tail(blocks, verdicts, 0, len(blocks))
    assert end == len(_ARTICLE)
    assert set(trimmed.values()) == {"teaser", "meta"}  # the dates keep their own category


def test_timeline_entries_are_not_teasers() -> None:
    entries: list[tuple[str, str | None, bool]] = []
    for year in ("Oct. 6, 1923:", "Sept. 29, 1946:", "Aug. 6, 1960:", "Jan. 15, 1967:"):
        entries += [(year, "meta", False), ("The stadium hosted the first game of a new league.", None, True)]
    blocks, verdicts = _blocks(_ARTICLE + entries)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})


def test_teasers_sharing_a_section_label_are_cut() -> None:
    teasers: list[tuple[str, str | None, bool]] = []
    for head in ("Factory closes after owner's death", "Weaver files for insolvency", "Trains delayed until next year"):
        teasers += [
            ("Chemnitz", None, False),
            (head, None, False),
            ("A short summary of this other story, one sentence that ends here.", None, True),
        ]
    blocks, verdicts = _blocks(_ARTICLE + teasers)
    end, _ = cut_teaser_tail(blocks, verdicts, 0, len(blocks))
    assert end == len(_ARTICLE)


def test_repeated_layout_label_is_not_a_teaser_head() -> None:
    rows: list[tuple[str, str | None, bool]] = []
    for _ in range(4):
        rows += [("Article content", None, False), ("A paragraph of the article itself, short but whole.", None, True)]
    blocks, verdicts = _blocks(_ARTICLE + rows)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})


def test_sentence_broken_at_names_is_not_a_teaser_unit() -> None:
    # A renderer that breaks lines at links leaves a sentence's first words on short lines;
    # three such sentences in a row have the teaser shape, but their head lines end with commas.
    rows: list[tuple[str, str | None, bool]] = []
    for name, role in (("Anna Berg,", "head of the port authority,"), ("Tom Lind,", "the harbour master,"),
                       ("Eva Holm,", "a union official,")):
        rows += [
            (name, None, False),
            (role, None, False),
            ("said on Monday that the repairs would take longer than the city had planned.", None, True),
        ]
    blocks, verdicts = _blocks(_ARTICLE + rows)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})
    # The same shape with headlines (no comma) is a teaser list.
    heads = [(text.rstrip(","), cat, prose) if not prose else (text, cat, prose) for text, cat, prose in rows]
    blocks, verdicts = _blocks(_ARTICLE + heads)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks))[0] == len(_ARTICLE)


def test_barrier_ends_the_article_only_after_most_of_its_prose() -> None:
    rows = [*_ARTICLE, ("Tags:", "tags", False), *_ARTICLE[:1]]
    blocks, verdicts = _blocks(rows)
    end, trimmed = cut_at_barrier(blocks, verdicts, 0, len(blocks))
    assert end == 3 and trimmed == {3: "tags", 4: "tags"}
    early = [_ARTICLE[0], ("Share", "share", False), *_ARTICLE[1:], *_ARTICLE]
    blocks, verdicts = _blocks(early)
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})


def test_comment_header_ends_the_article_but_item_counters_do_not() -> None:
    rows = [*_ARTICLE, ("Comments (2)", "comments", False), ("Anna", None, False), *_ARTICLE[:1]]
    blocks, verdicts = _blocks(rows)
    end, trimmed = cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS)
    assert end == 3 and trimmed[4] == "comments"
    # A related-stories box inside the article prints "Comments: 49" under every item.
    boxed = [
        _ARTICLE[0], ("Comments: 12", "comments", False), ("Other story", None, False),
        ("Another story", None, False), ("More stories", None, False), ("Comments: 49", "comments", False),
        *_ARTICLE[1:],
    ]
    blocks, verdicts = _blocks(boxed)
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS) == (len(blocks), {})

_SIGN_UP = [
    ("Newsletter", "newsletter", False),
    ("Get our morning briefing", None, False),
    ("The latest news and analysis from our reporters in your inbox every day.", None, True),
    ("Sign me up", None, False),
]


def test_late_sign_up_box_ends_the_article() -> None:
    blocks, verdicts = _blocks([*_ARTICLE, *_SIGN_UP, ("Jane Doe", None, False)])
    end, trimmed = cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS)
    assert end == 3 and trimmed[3] == "newsletter"


def test_sign_up_box_between_paragraphs_keeps_the_article() -> None:
    # The box sits between an article's last paragraphs: they follow it.
    blocks, verdicts = _blocks([*_ARTICLE, *_ARTICLE, *_SIGN_UP, *_ARTICLE[:2]])
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS) == (len(blocks), {})
    # "Newsletter" heading a section of minutes: a paragraph right under it.
    section = [("Newsletter", "newsletter", False), _ARTICLE[0], ("- Next issue in May", None, False)]
    blocks, verdicts = _blocks([*_ARTICLE, *_ARTICLE, *section])
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS) == (len(blocks), {})


def test_labelled_enumerations_are_not_teaser_summaries() -> None:
    # Results by region under intensity labels: a list inside the article.
    rows: list[tuple[str, str | None, bool]] = []
    for level, places in (("<Level 5>", "Alder, Birch, Cedar"), ("<Level 4>", "Dale, Elm, Fern, Glen"),
                          ("<Level 3>", "Heath, Ivy, Juniper, Knoll, Larch")):
        rows += [(level, None, False), (f"North district: {places}, Moor, Nook, Oak, Pine, Quarry, Rye", None, True)]
    blocks, verdicts = _blocks(_ARTICLE + rows)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})


def test_truncated_summaries_mark_teasers_with_long_headlines() -> None:
    head = "arrest a seventy-year-old woman on suspicion of killing her husband at home after years of care"
    rows: list[tuple[str, str | None, bool]] = []
    for town in ("Kusatsu", "Otsu", "Hikone"):
        summary = "A man of seventy-six was found dead in a flat on Monday, police said..."
        rows += [(f"* {town} police {head}", None, False), (summary, None, True)]
    blocks, verdicts = _blocks(_ARTICLE + rows)
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks))[0] == len(_ARTICLE)


_LONG = [(" ".join(["The council approved the budget after a long debate about schools."] * 4), None, True)] * 5


def test_next_article_header_ends_the_first_article() -> None:
    header = [
        ("Share article", "share", False), ("Football", None, False), ("Coach linked with old club", None, False),
        ("Ann Smith", None, False), ("Ann", None, False), ("Smith", None, False),
        ("Published", "meta", False), ("06.01.2026 - 16:25", "meta", False),
    ]
    blocks, verdicts = _blocks([*_LONG, *header, *_LONG])
    end, trimmed = cut_next_article(blocks, verdicts, 0, len(blocks))
    assert end == len(_LONG)
    assert trimmed[len(_LONG)] == "share" and trimmed[len(blocks) - 1] == "teaser"


def test_header_naming_the_address_starts_the_story_below_it() -> None:
    gallery = [("Photos", None, False), *_LONG[:4]]
    header = [
        ("Home", "navigation", False), ("Travel", None, False), ("Tours", None, False),
        ("Vanlife in Sweden by camper", None, False), ("Tips for the road trip", None, False),
        ("Ann Smith", None, False), ("Published", "meta", False), ("06.01.2022", "meta", False),
    ]
    blocks, verdicts = _blocks([*gallery, *header, *_LONG])
    body = len(gallery) + len(header)

    def relevance(start: int, end: int) -> float:
        words = {"vanlife", "sweden", "camper", "magazine"}
        return len(words & set(" ".join(b.text.lower() for b in blocks[start:end]).split())) / len(words)

    assert story_named_below(blocks, verdicts, 1, len(blocks), relevance) == (len(gallery), body)
    # Without the address's words in the lower header, the region keeps its start.
    assert story_named_below(blocks, verdicts, 1, len(blocks), lambda s, e: 0.0) is None
    # A longer upper part is the story: the lower header is a comment's or the next story's.
    blocks, verdicts = _blocks([("Photos", None, False), *_LONG, *header, *_LONG[:4]])
    assert story_named_below(blocks, verdicts, 1, len(blocks), relevance) is None


def test_dated_box_inside_an_article_is_not_a_next_article() -> None:
    box = [
        ("Training", None, False), ("Data engineering workshop", None, False), ("17.-20.06.2024", None, False),
        ("Cloud strategy seminar", None, False), ("27.06.2024", "meta", False), ("More trainings", None, False),
    ]
    blocks, verdicts = _blocks([*_LONG, *box, _LONG[0]])
    assert cut_next_article(blocks, verdicts, 0, len(blocks)) == (len(blocks), {})


def _tag_label(text: str) -> bool:
    return text in ("More on", "Tags")


def test_footer_cluster_ends_the_article_before_a_longer_second_one() -> None:
    footer = [("Share article", "share", False), ("More on", None, False), ("venezuela usa", None, False)]
    blocks, verdicts = _blocks([*_LONG[:4], *footer, *_LONG])
    end, trimmed = cut_at_barrier(blocks, verdicts, 0, len(blocks), _tag_label, FINAL_BARRIERS, pairs=FOOTER_BARRIERS)
    assert end == 4 and trimmed[4] == "share"
    # One share row alone is not a footer: articles print them between paragraphs.
    alone = [*_LONG[:4], footer[0], *_LONG]
    blocks, verdicts = _blocks(alone)
    end, _ = cut_at_barrier(blocks, verdicts, 0, len(blocks), _tag_label, FINAL_BARRIERS, pairs=FOOTER_BARRIERS)
    assert end == len(blocks)


def test_sign_up_box_inside_an_article_is_not_a_footer() -> None:
    box = [("Email", "share", False), ("Sign Up", "newsletter", False)]
    blocks, verdicts = _blocks([*_LONG[:4], *box, *_LONG[:3]])
    end, _ = cut_at_barrier(blocks, verdicts, 0, len(blocks), _tag_label, FINAL_BARRIERS, pairs=FOOTER_BARRIERS)
    assert end == len(blocks)


def test_wall_notice_ends_the_article_only_late() -> None:
    wall = ("This article is for members only.", "paywall", False)
    blocks, verdicts = _blocks([*_LONG[:4], wall, _LONG[0]])
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS)[0] == 4
    # Pages that print the whole text put the notice in its middle too.
    blocks, verdicts = _blocks([*_LONG[:3], wall, *_LONG[:2]])
    assert cut_at_barrier(blocks, verdicts, 0, len(blocks), kinds=FINAL_BARRIERS)[0] == len(blocks)


def test_announced_list_is_kept() -> None:
    items = [("Song of the Year", None, False), ("Calvin Harris, “Miracle”", None, False),
             ("Central Cee, “Let Go”", None, False), ("Dua Lipa, “Dance the Night Away”", None, False)]
    intro = ("See the full list of this year's winners below, category by category:", None, True)
    photo = [("The winners on stage at the arena on Saturday night", None, False), ("(Getty)", "image_credit", False)]
    rows = [*_ARTICLE, *photo, intro, *items, ("Most read", "teaser", False)]
    blocks, verdicts = _blocks(rows)
    verdicts[len(_ARTICLE)].category = "image_credit"  # the caption, as mark_captions leaves it
    end = extend_announced_list(blocks, verdicts, 0, len(_ARTICLE))
    assert end == len(rows) - 1
    # Without an announcing sentence the short lines after the article stay out.
    blocks, verdicts = _blocks([*_ARTICLE, *items])
    assert extend_announced_list(blocks, verdicts, 0, len(_ARTICLE)) == len(_ARTICLE)


def test_header_share_row_does_not_keep_the_footer_from_ending_the_article() -> None:
    # The share and bookmark buttons by the byline are the header's, not a box item's label.
    header = [("Share", "share", False), ("By Jane Doe", None, False), ("Bookmark", "share", False)]
    footer = [("Follow", "share", False), ("Facebook", "share", False), ("More on", None, False)]
    blocks, verdicts = _blocks([_LONG[0], *header, *_LONG[1:4], *footer, *_LONG])
    end, trimmed = cut_at_barrier(blocks, verdicts, 0, len(blocks), _tag_label, FINAL_BARRIERS, pairs=FOOTER_BARRIERS)
    assert end == 7 and trimmed[7] == "share"
    # The same row printed between paragraphs is an item's label: the later one does not end the article.
    middle = [*_LONG[:2], header[0], *_LONG, *footer, *_LONG]
    blocks, verdicts = _blocks(middle)
    end, _ = cut_at_barrier(blocks, verdicts, 0, len(blocks), _tag_label, FINAL_BARRIERS, pairs=FOOTER_BARRIERS)
    assert end == len(blocks)


def test_teaser_tail_reads_the_callers_keys() -> None:
    """The classify stage's comparison keys give the answer the blocks' own keys give, and are what is read."""
    from newsclean.normalize.text import comparison_key

    rows: list[tuple[str, str | None, bool]] = []
    for _ in range(4):
        rows += [("Article content", None, False), ("A paragraph of the article itself, short but whole.", None, True)]
    blocks, verdicts = _blocks(_ARTICLE + rows)
    keys = [comparison_key(b.text) for b in blocks]
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks), keys=keys) == (len(blocks), {})
    # Keys that tell the repeated label's printings apart make it a distinct headline: the tail is cut.
    distinct = [f"{key} {index}" for index, key in enumerate(keys)]
    assert cut_teaser_tail(blocks, verdicts, 0, len(blocks), keys=distinct)[0] < len(blocks)
