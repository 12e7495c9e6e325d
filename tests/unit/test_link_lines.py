"""Link lines of Markdown dumps: which lines are menus, teaser lists and share rows."""

from __future__ import annotations

from newsclean.record import Reason
from newsclean.text.link_lines import find_link_lines
from newsclean.text.markdown import unmark

_PROSE = (
    "The town council voted on Tuesday evening to rebuild the harbour sea wall that failed during "
    "the January storm, ending months of argument over who should pay for the work and when. "
) * 5


def _found(markdown: str) -> dict[str, Reason]:
    unmarked = unmark(markdown)
    return find_link_lines(unmarked.text, unmarked.lines)


def test_menus_share_rows_and_lone_teasers_are_found_by_their_links() -> None:
    found = _found(
        "  * [Home](https://n.example/)\n  * [Local](https://n.example/local)\n\n"
        "# [The headline links to its own page](https://n.example/local/wall)\n\n"
        "By [Mara Lindqvist](https://n.example/authors/mara)\n\n"
        f"{_PROSE}\n\n"
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [Post](https://x.example/intent/tweet?text=y)\n\n"
        f"Engineers said the [regional flood agency](https://flood.example/r) had asked for it. {_PROSE}\n\n"
        "### [Storm leaves hundreds of homes without power along the coast](https://n.example/local/storm)\n"
    )
    assert found == {
        "* Home": Reason.NAVIGATION,
        "* Local": Reason.NAVIGATION,
        "Facebook Post": Reason.SHARE,
        "Storm leaves hundreds of homes without power along the coast": Reason.TEASER,
    }


def test_a_run_of_short_link_lines_is_a_menu_but_one_alone_is_left_to_the_classifier() -> None:
    found = _found(
        f"{_PROSE}\n\n[Politics](https://n.example/politics)\n\n{_PROSE}\n\n"
        "[About](https://n.example/about)\n\n[Contact](https://n.example/contact)\n"
    )
    assert found == {"About": Reason.NAVIGATION, "Contact": Reason.NAVIGATION}


def test_a_page_of_links_is_left_whole() -> None:
    # An index page or a link roundup: naming its links would leave nothing to judge.
    assert _found("\n".join(f"  * [Story number {i} of the day](https://n.example/{i})" for i in range(30))) == {}


def test_plain_text_has_no_link_lines() -> None:
    assert _found(f"Home\nLocal\n\n{_PROSE}") == {}
