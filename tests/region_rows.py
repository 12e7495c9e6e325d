"""Rows (text, verdict category, prose) that tests of the region's end rules feed to ``tests.unit.test_region._blocks``.

The article is one every end rule must leave whole: seven prose sentences
on one topic, so the words of whatever follows it (a form, a box of other
stories) share little with it.
"""

from __future__ import annotations

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
