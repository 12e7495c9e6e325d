from __future__ import annotations

from newsclean.text.teaser_pairs import cut_teaser_pairs, is_headline_shaped
from tests.region_rows import COUNCIL_ARTICLE, Row
from tests.unit.test_region import _blocks

_ARTICLE = COUNCIL_ARTICLE

#: Three other stories: a headline each and a sentence of summary, none about the council's budget.
_BOX: list[Row] = [
    ("Harbour reopens to ferries after winter storm", None, False),
    ("Ferry operators expect the first crossings to sell out within hours.", None, True),
    ("Striker signs three-year deal with champions", None, False),
    ("The forward scored twenty goals for his former club last season.", None, True),
    ("Museum unveils restored medieval tapestry", None, False),
    ("Conservators spent four years cleaning the fragile threads by hand.", None, True),
]

_FORM: list[Row] = [("Leave a comment", None, False), ("Your email address will not be published", None, False)]


def _cut(rows: list[Row]) -> int:
    blocks, verdicts = _blocks(rows)
    return cut_teaser_pairs(blocks, verdicts, 0, len(rows))[0]


def test_a_box_of_other_stories_after_the_article_ends_it() -> None:
    rows = [*_ARTICLE, *_BOX, *_FORM]
    blocks, verdicts = _blocks(rows)
    end, reasons = cut_teaser_pairs(blocks, verdicts, 0, len(rows))
    assert end == len(_ARTICLE)
    assert set(reasons) == set(range(len(_ARTICLE), len(rows)))
    assert reasons[len(_ARTICLE)] == "teaser"


def test_the_article_going_on_below_the_box_keeps_it() -> None:
    resumed: Row = ("The council's finance committee said the money for the schools and roads of the northern "
                    "districts would be paid out in spring, once the mayor signs the budget.", None, True)
    rows = [*_ARTICLE, *_BOX, resumed, *_FORM]
    assert _cut(rows) == len(rows)


def test_teasers_on_the_article_subject_are_not_cut() -> None:
    # The same shape, but the lines name the council, its budget, schools and roads: the story's own sections.
    sections: list[Row] = [
        ("Council budget for northern schools", None, False),
        ("The council said the schools of the northern districts receive the budget first.", None, True),
        ("Council budget for northern roads", None, False),
        ("The council said the roads of the northern districts come next month.", None, True),
        ("Mayor defends council budget vote", None, False),
        ("The mayor said the council budget for schools and roads was agreed.", None, True),
    ]
    rows = [*_ARTICLE, *sections, *_FORM]
    assert _cut(rows) == len(rows)


def test_a_list_of_titles_without_summaries_is_the_article() -> None:
    titles: list[Row] = [(title, None, False) for title in (
        "Harbour Lights by The Ferrymen", "Winter Storm Blues by Anna Grey", "Medieval Threads by The Weavers",
        "Three Year Deal by Striker Jones")]
    rows = [*_ARTICLE, *titles, *_FORM]
    assert _cut(rows) == len(rows)


def test_a_box_before_most_of_the_prose_is_not_the_end() -> None:
    rows = [*_ARTICLE[:2], *_BOX, *_ARTICLE[2:]]
    assert _cut(rows) == len(rows)


def test_headline_shape() -> None:
    blocks, verdicts = _blocks([
        ("Harbour reopens to ferries after winter storm", None, False),
        ("“Quoted headline about the harbour reopening”", None, False),
        ("Ferry operators expect the first crossings to sell out.", None, True),
        ("and the ferries went on sailing through the night", None, False),
        ("Most read", "teaser", False),
        ("Photo of the harbour at night by the agency", "image_credit", False),
    ])
    shaped = [is_headline_shaped(b, v) for b, v in zip(blocks, verdicts, strict=True)]
    assert shaped == [True, True, False, False, False, False]


def test_a_reading_list_then_the_next_section_is_the_article() -> None:
    # A newsletter's section of linked titles (each with its writer and source, no summary), then its next
    # section's heading and prose: the sentences all stand below the last headline, so no title has a summary.
    reading: list[Row] = []
    for title, writer, source in (
        ("Why harbour towns are building ferries again", "(Anna Grey —", "Coast Weekly )"),
        ("The slow return of the medieval weavers", "(Tom Hale —", "Craft Review )"),
        ("How strikers choose their next club", "(Jo Park —", "Sport Daily )"),
        ("Four years inside a conservation studio", "(Li Wen —", "Museum Notes )"),
    ):
        reading += [(title, None, False), (writer, None, False), (source, None, False)]
    section: list[Row] = [
        ("5. One musical thing: shorter songs", None, False),
        ("Popular songs keep getting shorter as streaming pays artists per play.", None, True),
        ("The average hit lost almost a minute over the last two decades.", None, True),
    ]
    rows = [*_ARTICLE, *reading, *section]
    assert _cut(rows) == len(rows)
    # A glued or flattened render merges and splits lines anew: the order is no evidence there, shape and
    # cohesion alone end the article at the list.
    blocks, verdicts = _blocks(rows)
    assert cut_teaser_pairs(blocks, verdicts, 0, len(rows), lines_kept=False)[0] == len(_ARTICLE)


#: A page's last lines that are no headline (the comment form above would read as one: a capitalised line of words).
_END: list[Row] = [("Share", None, False), ("© 2024 City Paper", None, False)]


def test_a_box_heading_announces_a_run_of_two_pairs() -> None:
    # Two stories only (a glued render joined the third to something else): alone no run, under its heading one.
    two = _BOX[:4]
    assert _cut([*_ARTICLE, *two, *_END]) == len(_ARTICLE) + len(two) + len(_END)
    heading: Row = ("Related stories", "teaser", False)
    # The run starts at its first headline; the heading above it is the classifier's (a teaser line, dropped).
    assert _cut([*_ARTICLE, heading, *two, *_END]) == len(_ARTICLE) + 1


def test_a_long_teaser_line_announces_nothing() -> None:
    # A teaser-named sentence of a paragraph's length is no box's heading.
    heading: Row = ("Read more about the harbour, the ferries and the striker in our full coverage of the week's "
                    "news from the city.", "teaser", False)
    rows = [*_ARTICLE, heading, *_BOX[:4], *_END]
    assert _cut(rows) == len(rows)


def test_headlines_glued_to_their_summaries_make_a_run() -> None:
    # A glued render: each story's headline and its summary on one line, the seam a capitalised "The".
    glued: list[Row] = [
        ("Harbour reopens to ferries after winter storm The ferry operators expect the first crossings to sell "
         "out within hours.", None, True),
        ("Striker signs three-year deal with champions The forward scored twenty goals for his former club last "
         "season.", None, True),
        ("Museum unveils restored medieval tapestry The conservators spent four years cleaning the fragile "
         "threads by hand.", None, True),
    ]
    article = [*_ARTICLE, *_ARTICLE]
    assert _cut([*article, *glued, *_END]) == len(article)
    # The same sentences without their headlines are prose, not a run.
    bare: list[Row] = [(text.split(" The ", 1)[1], None, True) for text, _, _ in glued]
    rows = [*article, *bare, *_END]
    assert _cut(rows) == len(rows)


def test_the_last_headlines_own_summary_does_not_resume_the_article() -> None:
    # The box's last story is on a related subject: its summary shares the article's words, but it is that
    # story's summary (right below its headline), not the article going on; nothing below it shares them.
    related: Row = ("Harbour district asks for a ferry budget of its own", None, False)
    summary: Row = ("Residents of the harbour district said the council should give their ferries and roads a "
                    "budget of their own, the mayor said.", None, True)
    rows = [*_ARTICLE, *_BOX[:4], related, summary, *_END]
    assert _cut(rows) == len(_ARTICLE)
    # The same box with the article's next paragraph below that summary: a box inside the story.
    resumed: Row = ("The council's finance committee said the money for the schools and roads of the northern "
                    "districts would be paid out in spring, once the mayor signs the budget.", None, True)
    rows = [*_ARTICLE, *_BOX[:4], related, summary, resumed, *_END]
    assert _cut(rows) == len(rows)
