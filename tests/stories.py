"""Article text the hand-written HTML tests build their pages from.

Each rule module's tests wrap the same story in the markup they need, so a
change in how a story reads (its length, its sentences) reaches them all.
"""

from __future__ import annotations

#: A council story: the headline and four paragraphs of local news prose.
COUNCIL_TITLE = "Council postpones the vote on the new library budget"
COUNCIL_BODY = [
    "The city council met on Monday evening to discuss next year's budget, and members argued for "
    "more than two hours about the cost of the new central library planned for the old market square.",
    "Supporters said the library would serve thirty thousand readers a year and give students a quiet "
    "place to work, while opponents pointed to the rising cost of materials and the city's debt.",
    "In the end the council agreed to postpone the vote until the autumn session, when the final "
    "figures from the architects and the regional funding office are expected to be available.",
    "The mayor told reporters after the meeting that she regretted the delay but understood the "
    "concerns, and she promised that residents would be consulted again before any decision is taken.",
]
#: A bridge story: six one-sentence paragraphs.
BRIDGE_STORY = [
    "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks.",
    "Residents who cross it every day said the decision came too late, and asked for a ferry in the meantime.",
    "The mayor said repairs would take two years and cost more than the town spends on roads in a decade.",
    "A public meeting on the detour is planned for next month, and the plans will be published before it.",
    "Shop owners on both banks fear losing customers, and the chamber of commerce has asked for a tax break.",
    "The bridge was opened in 1936 and carried more than twelve thousand vehicles a day at its busiest.",
]


def council_page(between: str) -> str:
    """The council story as a page: ``between`` sits in the header under the ``<h1>``, above the paragraphs."""
    paras = "".join(f"<p>{p}</p>" for p in COUNCIL_BODY)
    return (f"<html><head><title>{COUNCIL_TITLE} - The Daily</title>"
            f"<meta property='og:title' content='{COUNCIL_TITLE}'></head><body><main><article>"
            f"<header><h1>{COUNCIL_TITLE}</h1>{between}</header>"
            f"<div class='story'>{paras}</div></article></main></body></html>")
