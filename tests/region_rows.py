"""Pages that tests of the region's end rules build: rows (text, verdict category, prose) for
``tests.unit.test_region._blocks``, or texts scored as the classifier scores unnamed lines.

The article is one every end rule must leave whole: seven prose sentences
on one topic, so the words of whatever follows it (a form, a box of other
stories) share little with it.
"""

from __future__ import annotations

from newsclean.text.classify import Verdict
from newsclean.text.scores import label_score, prose_score
from newsclean.text.segment import Block

Row = tuple[str, str | None, bool]

#: A flattened article: one sentence a line, all about the council's budget.
COUNCIL_ARTICLE: list[Row] = [
    ("The city council approved the new budget for schools and roads on Tuesday after a long debate.", None, True),
    ("Council members said the budget puts more money into rural schools than any plan of the past decade.", None,
     True),
    ("The opposition said the council had ignored the roads of the northern districts for years.", None, True),
    ("The mayor said the budget vote showed that the council could still agree on schools and roads.", None, True),
    ("Teachers' unions welcomed the money for schools but asked the council to publish the details.", None, True),
    ("The council will vote on the roads programme in the northern districts next month, the mayor said.", None,
     True),
    ("Residents of the northern districts said the budget for their roads came far too late.", None, True),
]


def scored_page(texts: list[str]) -> tuple[list[Block], list[Verdict]]:
    """Blocks of ``texts`` with the verdicts the classifier gives unnamed prose, short sentences and labels."""
    blocks = [Block(i, text, i, False) for i, text in enumerate(texts)]
    verdicts: list[Verdict] = []
    for block in blocks:
        if block.text.endswith(".") and block.words >= 8:
            verdicts.append(Verdict(None, True, prose_score(block.words, 0, 0.0)))
        elif block.text.endswith("."):
            verdicts.append(Verdict(None, False, 0.0))
        else:
            verdicts.append(Verdict(None, False, label_score(block.words)))
    return blocks, verdicts
