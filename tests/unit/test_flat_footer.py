from __future__ import annotations

import newsclean
from newsclean.text.classify import Verdict
from newsclean.text.flat_footer import cut_glued_footer, footer_cluster
from newsclean.text.lexicon import Lexicon
from newsclean.text.segment import Block

PROSE = "The council voted on Tuesday to keep the library open for another year, its members said."
FOOTER = "Share this article Comments You might also like Library closures spread across the region as budgets shrink"


def _page(texts: list[str]) -> tuple[list[Block], list[Verdict]]:
    blocks = [Block(index=i, text=text, line=i, gap_before=False) for i, text in enumerate(texts)]
    return blocks, [Verdict(category=None, prose=True, score=0.0) for _ in texts]


def test_capitalised_labels_of_two_footer_kinds_make_a_cluster() -> None:
    lexicon = Lexicon.load()
    assert footer_cluster(FOOTER, lexicon) == 0
    # After a byline's name: "Share" / "More news" a few words in.
    assert footer_cluster("Jane Smith Share More news from the region", lexicon) == 2
    # One label opening a sentence is prose, and so are the labels' words in lower case.
    assert footer_cluster("Comments by the minister were sharp, members of the council said.", lexicon) is None
    assert footer_cluster("Readers could share comments on the plan until Friday, the council said.", lexicon) is None


def test_a_block_opening_with_a_footer_cluster_ends_the_region() -> None:
    lexicon = Lexicon.load()
    blocks, verdicts = _page([PROSE] * 6 + [FOOTER, PROSE])
    end, cut = cut_glued_footer(blocks, verdicts, 0, len(blocks), lexicon)
    assert end == 6
    assert set(cut) == {6, 7}
    # A finished sentence before the cluster is the article's: the block stays.
    blocks, verdicts = _page([PROSE] * 6 + [PROSE + " " + FOOTER, PROSE])
    assert cut_glued_footer(blocks, verdicts, 0, len(blocks), lexicon) == (len(blocks), {})
    # A label's words on lines of their own: the short block is read with the next ones.
    blocks, verdicts = _page([PROSE] * 6 + ["Share", "this", "article", "Comments", PROSE])
    for index in range(6, 10):
        verdicts[index] = Verdict(category=None, prose=False, score=0.0)
    assert cut_glued_footer(blocks, verdicts, 0, len(blocks), lexicon)[0] == 6
    # ... unless a paragraph follows: an in-article box, the article goes on.
    blocks, verdicts = _page([PROSE] * 6 + ["Share", "this", "article", "Comments"] + [PROSE] * 3)
    for index in range(6, 10):
        verdicts[index] = Verdict(category=None, prose=False, score=0.0)
    assert cut_glued_footer(blocks, verdicts, 0, len(blocks), lexicon)[0] == len(blocks)
    # Before most of the region's prose, the same block does not end it.
    blocks, verdicts = _page([PROSE, FOOTER] + [PROSE] * 6)
    assert cut_glued_footer(blocks, verdicts, 0, len(blocks), lexicon) == (len(blocks), {})


def test_flattened_page_loses_the_footer_glued_to_its_last_sentence() -> None:
    article = " ".join(
        f"The council met for the {n} time on Tuesday and voted to keep the library open for another year. "
        f"Its members said the reading rooms had been full every day since the spring."
        for n in ("first", "second", "third", "fourth", "fifth", "sixth")
    )
    page = (
        "Home News Sport Weather Council keeps the library open " + article + " " + FOOTER
        + " while readers pay more for fewer books"
    )
    body = newsclean.clean(page, input_format="text").text
    assert "reading rooms had been full every day since the spring." in body
    assert "sixth time" in body
    assert "You might also like" not in body
