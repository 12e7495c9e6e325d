from __future__ import annotations

import newsclean

_MENU = "\n\n".join(["Home", "Recipes", "Baking", "About this blog", "Leave a comment"])
_METHOD = "\n\n".join(
    [
        "Put all the ingredients into a large bowl and knead them with the dough hooks into a smooth dough.",
        "Roll the dough out on a floured work surface and cut out any shapes you like with a cutter.",
        "Preheat the oven to 200 degrees and line a baking tray with baking paper before you start.",
        "Spread the raw biscuits on the tray, press a few almond flakes onto each of them and bake them "
        "in the middle of the oven for fifteen minutes until they are golden brown all over.",
    ]
)
_FOOTER = "\n\n".join(["Share this:", "Facebook", "Twitter", "Previous post", "Next post"])


def test_ingredient_lists_between_labels_open_the_article() -> None:
    page = "\n\n".join(
        [
            _MENU,
            "Almond biscuits",
            "Preparation time:",
            "25 minutes (plus 15 minutes baking)",
            "Ingredients:",
            "300 g flour",
            "1 tsp baking powder",
            "100 g ground almonds",
            "200 g sugar",
            "1 pinch of salt",
            "Method:",
            _METHOD,
            _FOOTER,
        ]
    )
    record = newsclean.clean(page, input_format="text")
    assert "25 minutes (plus 15 minutes baking)" in record.text
    assert "200 g sugar" in record.text and "1 pinch of salt" in record.text
    assert record.text.rstrip().endswith("golden brown all over.")
    assert "Leave a comment" not in record.text and "Facebook" not in record.text


def test_a_labelled_menu_over_the_headline_stays_out() -> None:
    # The run under "Categories:" ends at the headline, not at another label: a menu, not a list.
    page = "\n\n".join(
        [
            "Categories:",
            "Children and work",
            "Fair trade and the economy",
            "Children's rights in Germany",
            "Children and work",
            _METHOD,
            _FOOTER,
        ]
    )
    record = newsclean.clean(page, input_format="text")
    assert record.text.startswith("Put all the ingredients")
    assert "Fair trade" not in record.text


def test_a_label_without_a_list_stays_out() -> None:
    page = "\n\n".join([_MENU, "Almond biscuits", "Share this article:", _METHOD, _FOOTER])
    record = newsclean.clean(page, input_format="text")
    assert "Share this article:" not in record.text
    assert record.text.startswith("Put all the ingredients")


def test_a_list_the_article_goes_on_after_is_kept() -> None:
    page = "\n\n".join(
        [
            _MENU,
            "A weekend course in baking",
            _METHOD,
            "From the programme:",
            "– Doughs with and without yeast",
            "– Biscuits for every season",
            "– Decorating with almonds and icing",
            "If you run a bakery or a cookery school of your own, you can also book the course for your "
            "team, and we will come to you with everything that is needed on the day.",
            _FOOTER,
        ]
    )
    record = newsclean.clean(page, input_format="text")
    assert "– Biscuits for every season" in record.text
    assert "From the programme:" in record.text


def test_a_footer_label_and_its_links_stay_out() -> None:
    page = "\n\n".join(
        [
            _MENU,
            "Almond biscuits",
            _METHOD,
            "Leave a reply:",
            "Name",
            "Email",
            "Website",
            "Your email address will not be published.",
            "Privacy Policy",
        ]
    )
    record = newsclean.clean(page, input_format="text")
    assert record.text.rstrip().endswith("golden brown all over.")
    assert "Website" not in record.text
