"""A next article's byline cut one name token a line on a flattened dump still counts as its header's labels."""

from __future__ import annotations

import itertools

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.ends import cut_next_article, next_article_stamped
from newsclean.text.flat_byline import flat_header_labels
from tests.region_rows import scored_page

_page = scored_page


PROSE = [f"The officers said on Thursday that the search for suspect {n} went on all night." for n in range(14)]
NAMES = ["Maria", "Berg", "Anna", "Maria", "Berg", "Jonas", "Erik", "Lund"]
CAPS = ["MAN", "ALLEGEDLY", "BEAT", "WOMAN", "TO", "DEATH", "USING", "TANK"]
STAMPS = ["Published 06.01.2026 - 16:25", "Updated 06.01.2026 - 17:35"]


def _never(_: int) -> bool:
    return False


def test_a_run_of_name_words_counts_the_fewest_names_it_holds() -> None:
    blocks, _ = _page(NAMES)
    assert flat_header_labels(blocks, range(len(NAMES)), len(NAMES), len(NAMES), _never) == 3


def test_a_run_of_words_in_capitals_or_with_a_stop_counts_once() -> None:
    blocks, _ = _page([*CAPS, "Foto:", "Reuters"])
    assert flat_header_labels(blocks, range(len(blocks)), len(blocks), len(blocks), _never) == 1


def test_the_update_stamp_below_the_date_is_one_label_more() -> None:
    blocks, _ = _page([*NAMES, *STAMPS])
    index = len(NAMES)
    assert flat_header_labels(blocks, range(index), index, len(blocks), lambda i: i == index + 1) == 4


def test_next_article_with_its_byline_cut_one_name_a_line_is_cut() -> None:
    """A second story loaded below the first: its authors' names one token a line, then the date pair."""
    blocks, verdicts = _page([*PROSE, "Second headline", *NAMES, *STAMPS, *PROSE])
    end = len(blocks)
    assert cut_next_article(blocks, verdicts, 0, end, flattened=True)[0] == len(PROSE)


def test_headline_in_capitals_before_a_date_pair_is_not_a_next_article() -> None:
    """The same shape with a caption's headline in capitals: one label, the story goes on."""
    blocks, verdicts = _page([*PROSE, *CAPS, *STAMPS, *PROSE])
    end = len(blocks)
    assert cut_next_article(blocks, verdicts, 0, end, flattened=True)[0] == end


def _sentences(subjects: list[str], verbs: list[str], objects: list[str], count: int) -> list[str]:
    """``count`` varied sentences (a flattened page of one sentence repeated reads as a list)."""
    parts = zip(itertools.cycle(subjects), itertools.cycle(verbs), itertools.cycle(objects), strict=False)
    return [f"{s} {v} {o}." for s, v, o in itertools.islice(parts, count)]


FIRST = _sentences(
    ["The mayor", "Engineers", "Local residents", "A spokesperson", "The contractor", "Council members", "Shop owners"],
    ["warned that", "said that", "expected that", "complained that", "admitted that", "hoped that"],
    ["the old bridge needed more steel supports than planned",
     "traffic would stay slow on the eastern road until summer",
     "the cost of the repairs had risen again this winter", "the river crossing was safe for pedestrians for now"],
    12,
)
SECOND_CLAUSES = [
    "the coach could return on a short contract before the spring",
    "talks with the board had gone well on Monday evening",
    "a permanent appointment was still possible later in the season",
    "the squad needed fresh energy after a poor run of results", "nobody had been offered the job at this stage",
]
SECOND = _sentences(
    ["The club", "Several players", "His former agent", "The sporting director", "Supporters", "Television pundits"],
    ["believe that", "told reporters that", "suggested that", "insisted that", "denied that"],
    SECOND_CLAUSES,
    28,
)


def test_flattened_page_ends_before_the_longer_next_article() -> None:
    """A page that loaded a longer second story below the first, flattened to one line.

    The second story's header (headline in capitals, photo credit, its two
    authors each printed twice, the published and updated stamps) ends the
    article; the guard that widens a flattened page's region to its longest
    prose run must not take the second story back in.
    """
    lines = [
        "Bridge repairs will take longer", "By Anna Berg", "Published 05.01.2026 - 10:00", *FIRST,
        "Share article", "COACH LINKED WITH RETURN", "Photo:", "NTB",
        "Anna Maria Berg", "Anna Maria Berg", "Jonas Erik Lund", "Jonas Erik Lund",
        "Published 06.01.2026 - 16:25", "Updated 06.01.2026 - 17:35", *SECOND,
    ]
    article = newsclean.clean(
        flatten("\n".join(lines)), input_format="text", url="https://example.com/news/bridge-repairs-will-take-longer/1"
    )
    assert article.text.rstrip().endswith(FIRST[-1].split(" that ", 1)[1])
    assert not any(clause in article.text for clause in SECOND_CLAUSES)


def test_only_a_header_stamped_published_and_updated_is_stamped() -> None:
    """The barrier that stops the flattened guard needs the date pair; a single date leaves the guard its rescue."""
    blocks, verdicts = _page([*PROSE, "Second headline", *NAMES, *STAMPS, *PROSE])
    assert next_article_stamped(blocks, verdicts, 0, len(blocks), flattened=True)
    blocks, verdicts = _page([*PROSE, "Second headline", "Photo: Reuters", *NAMES[2:], STAMPS[0], *PROSE])
    assert cut_next_article(blocks, verdicts, 0, len(blocks), flattened=True)[0] == len(PROSE)
    assert not next_article_stamped(blocks, verdicts, 0, len(blocks), flattened=True)
