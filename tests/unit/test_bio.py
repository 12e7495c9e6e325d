from __future__ import annotations

import pytest

import newsclean

_ARTICLE = "\n\n".join(
    [
        "Home",
        "Politics",
        "Council approves new harbour budget after long debate",
        "By Jane Example",
        "The city council approved the new budget for the harbour district on Tuesday after a debate that "
        "lasted well into the night, with members of both groups arguing over the cost of the new quay.",
        "The plan includes money for dredging, a new ferry terminal and repairs to the old sea wall, which "
        "engineers said last year was at risk of collapse during winter storms if nothing was done soon.",
        "Opponents said the city could not afford the project while schools and roads also needed money, "
        "and called for a public vote on the plan before any contracts are signed in the spring next year.",
        "Several residents who attended the meeting said they welcomed the plan but wanted the council to "
        "publish the full cost of the project and the timetable for the work before the vote in the spring.",
        "The mayor said the first work would start in the summer and that the terminal should open by the "
        "end of the decade, once the national government has approved its share of the funding for it.",
    ]
)


@pytest.mark.parametrize(
    "box",
    [
        "Jane Example\n\nJane Example is a senior reporter covering city hall and the harbour for the paper.",
        "Ana Ejemplo\n\nVer más artículos\n\nCórdoba, 1984. Periodista. He trabajado en varios medios locales.",
    ],
)
def test_biography_box_closing_the_article_is_dropped(box: str) -> None:
    record = newsclean.clean(f"{_ARTICLE}\n\n{box}\n\nPrivacy Policy", input_format="text")
    assert record.text.endswith("funding for it.")
    assert "1984" not in record.text and "senior reporter" not in record.text
    assert record.authors == ["Jane Example"]


def test_biography_names_the_writer_when_no_byline_did() -> None:
    page = _ARTICLE.replace("By Jane Example", "Tuesday, 12 March 2024")
    box = "Jane Example\n\nJane Example is a senior reporter covering city hall and the harbour for the paper."
    record = newsclean.clean(f"{page}\n\n{box}", input_format="text")
    assert record.authors == ["Jane Example"]
    assert any(r.reason == "byline" and "senior reporter" in r.text for r in record.removed)


def test_a_story_about_a_journalist_keeps_its_last_paragraph() -> None:
    last = (
        "Tom Example is a reporter for a regional paper who was detained last month while covering the "
        "protests; his employer said on Monday that it had still not been allowed to contact him."
    )
    record = newsclean.clean(f"{_ARTICLE}\n\n{last}", input_format="text")
    # The role comes early, but the page never printed his name as a byline: the paragraph is the story's.
    assert record.text.endswith(last)
    assert record.authors == ["Jane Example"]


def test_byline_printed_as_a_list_item() -> None:
    record = newsclean.clean(_ARTICLE.replace("By Jane Example", "* By Jane Example"), input_format="text")
    assert record.authors == ["Jane Example"]


@pytest.mark.parametrize(
    "box",
    [
        # A label the byline lexicon reads, then the name and a paragraph continuing it (no journalist's role).
        "About the author\n\nJohn Sample\n\nis a founding partner of a law firm in Berlin and advises banks on "
        "consumer protection.",
        # The name line, a share row, then the paragraph opening with the byline's name.
        "Jane Example\n\nFollow Us\n\ntwitter\n\nfacebook\n\nJane Example writes about city hall and the harbour, "
        "and before that spent a decade covering the state budget.",
    ],
)
def test_biography_without_a_role_word_is_dropped(box: str) -> None:
    record = newsclean.clean(f"{_ARTICLE}\n\n{box}", input_format="text")
    assert record.text.endswith("funding for it.")
    assert "Berlin" not in record.text and "state budget" not in record.text


def test_a_profile_section_headed_by_its_subject_keeps_its_text() -> None:
    # A name heading and a paragraph opening with it, but the page never printed the name as a byline.
    last = "Tom Example\n\nTom Example runs the ferry between the two islands and has done so for thirty years."
    record = newsclean.clean(f"{_ARTICLE}\n\n{last}", input_format="text")
    assert record.text.endswith("for thirty years.")


def test_words_to_the_region_end_are_summed_from_each_block() -> None:
    from newsclean.text.bio import _words_after
    from newsclean.text.segment import Block

    texts = ["Menu", "The council met on Tuesday evening.", "Share", "Jane Example writes about the harbour."]
    blocks = [Block(i, text, i, True) for i, text in enumerate(texts)]
    # Region blocks 1..3 (end 4): each item counts the words from that block to the end.
    assert _words_after(blocks, 1, 4) == [6 + 1 + 6, 1 + 6, 6, 0]
    assert _words_after(blocks, 2, 2) == [0]


@pytest.mark.parametrize(
    "box",
    [
        "Hallo, ich bin Jana, Gärtnerin aus Leidenschaft. Hier schreibe ich über Beete, Balkone und alte Sorten.",
        "I'm Maya Example, a nurse and mother of two who writes here about budget travel with kids.",
    ],
)
def test_writer_introducing_themself_after_the_article_is_dropped(box: str) -> None:
    record = newsclean.clean(f"{_ARTICLE}\n\n{box}", input_format="text")
    assert record.text.endswith("funding for it.")
    assert any(r.reason == "byline" and box[:20] in r.text for r in record.removed)


def test_a_quoted_self_introduction_inside_the_story_is_kept() -> None:
    # Before the article's last paragraphs, not in the tail: the story's own words.
    quote = "Ich bin Anna, die Nachbarin, und ich habe alles gesehen, sagte die Frau der Polizei am Abend."
    paragraphs = _ARTICLE.split("\n\n")
    page = "\n\n".join([*paragraphs[:6], quote, *paragraphs[6:]])
    record = newsclean.clean(page, input_format="text")
    assert quote in record.text


@pytest.mark.parametrize("heading", ["About Jane Example", "Über Jane Example"])
def test_a_box_headed_about_the_bylines_writer_is_dropped(heading: str) -> None:
    # A blog theme's writer card: "About <name>", a paragraph about them, a link to their posts.
    box = (
        f"{heading}\n\nCity hall watcher since 2009, sailor and father of three. Likes maps, hates meetings "
        "that run past nine in the evening.\n\nView all posts by Jane Example"
    )
    record = newsclean.clean(f"{_ARTICLE}\n\n{box}", input_format="text")
    assert record.text.endswith("funding for it.")
    assert "sailor" not in record.text


def test_a_section_about_someone_the_page_never_bylined_is_kept() -> None:
    # The same shape, but the name was never printed as a byline: a story's closing section about a person.
    box = "About Tom Example\n\nTom Example has run the ferry between the two islands for thirty years."
    record = newsclean.clean(f"{_ARTICLE}\n\n{box}", input_format="text")
    assert record.text.endswith("for thirty years.")
