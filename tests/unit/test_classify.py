from __future__ import annotations

import pytest

import newsclean
from newsclean.text.classify import (
    Verdict,
    classify_block,
    sentence_noise,
    strip_sentence_noise,
)
from newsclean.text.extract import TextResources
from newsclean.text.marks import mark_captions, mark_labelled_links, mark_teaser_boxes
from newsclean.text.segment import Block


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


def test_glued_tail_of_promo_and_contributor_call_is_cut(resources: TextResources) -> None:
    text = (
        "The parliament voted on Tuesday to extend the mandate of the mission by another year. "
        "Opposition members walked out before the vote. WATCH OUR CHANNEL LIVE HERE "
        "You can now write for example.org and be a part of the community. "
        "Share your stories and opinions with us here."
    )
    noise = sentence_noise(text, resources.lexicon, resources.evidence)
    kept, removed = strip_sentence_noise(text, noise)
    assert kept.endswith("walked out before the vote.")
    assert [r.reason for r in removed] == ["teaser", "contribute", "contribute"]


def test_short_ui_blocks_and_prose(resources: TextResources) -> None:
    share = classify_block(Block(0, "Whatsapp", 0, True), resources.lexicon, resources.evidence)
    assert share.category == "share" and share.score < 0
    prose_text = "The ministry said on Monday that the new rules would take effect in the spring of next year."
    prose = classify_block(Block(1, prose_text, 1, True), resources.lexicon, resources.evidence)
    assert prose.category is None and prose.prose and prose.score > 10
    menu = classify_block(Block(2, "Election results by county", 2, True), resources.lexicon, resources.evidence)
    assert not menu.prose and menu.score < 0


def test_cookie_banner_in_german(resources: TextResources) -> None:
    text = "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."
    verdict = classify_block(Block(0, text, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category == "cookie"


@pytest.mark.parametrize(
    "text,category",
    [
        ("MAN ALLEGEDLY BEAT WOMAN TO DEATH USING TOILET TANK LID IN CITY HOTEL ROOM", "teaser"),
        # A subheading in capitals is a few words, and a sentence ends with a full stop.
        ("LES VALEURS A SUIVRE A WALL STREET", None),
        ("THE COUNCIL WILL MEET AGAIN ON TUESDAY TO VOTE ON THE BUDGET FOR NEXT YEAR.", None),
        # Bar-joined footer links, in a script without capitals.
        ("人民日报社概况 | 关于人民网 | 报社招聘 | 招聘英才 | 广告服务 | 合作加盟", "navigation"),
        ("全国重点实验室 环球网 海外网 人民图片 人民网研究院 人民慕课", "navigation"),
        # Korean is written with spaces: a sentence of short words is not a menu.
        ("장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했다", None),
    ],
)
def test_capitals_links_and_bar_menus(resources: TextResources, text: str, category: str | None) -> None:
    verdict = classify_block(Block(0, text, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category == category


def test_truncated_headline_is_not_prose(resources: TextResources) -> None:
    cut = "* Prime Minister Considering Meeting with the President After the Summit in Laos..."
    verdict = classify_block(Block(0, cut, 0, True), resources.lexicon, resources.evidence)
    assert not verdict.prose and verdict.score < 0
    whole = "* Prime Minister Considering Meeting with the President After the Summit in Laos."
    assert classify_block(Block(0, whole, 0, True), resources.lexicon, resources.evidence).prose


@pytest.mark.parametrize(
    "text,category",
    [
        ("IT-Spezialist (m/w/d) Infrastruktur, Netzwerke und Systeme", "advertisement"),
        ("Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird.", "embed"),
        ("Bitte markieren Sie die entsprechenden Wörter im Text.", "contribute"),
        ("Add The Daily Example to your Google News feed.", "app_prompt"),
        # The generalised consent note also reads a second site's wording.
        ("Ich bin einverstanden, dass ich diesen Inhalt angezeigt bekomme.", "embed"),
        # A summary box's heading and its request for feedback (issue 17: two sites each).
        ("Der Artikel für Sie zusammengefasst", "meta"),
        ("Wir entwickeln dieses Angebot stetig weiter und freuen uns über Ihr Feedback.", "contribute"),
    ],
)
def test_job_ads_consent_placeholders_and_widgets(resources: TextResources, text: str, category: str) -> None:
    verdict = classify_block(Block(0, text, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category == category


def _judged(resources: TextResources, texts: list[str]) -> tuple[list[Block], list[Verdict]]:
    """A page of blocks and the classifier's verdict on each, as the engine starts them."""
    blocks = [Block(i, text, i, True) for i, text in enumerate(texts)]
    return blocks, [classify_block(b, resources.lexicon, resources.evidence) for b in blocks]


def test_repeated_capitals_label_marks_story_links(resources: TextResources) -> None:
    texts = [
        "BUDGET | Tax agency gets money to hire debt collectors",
        "The agency will hire more than a thousand collectors to claw back revenue owed to it, officials said.",
        "READ ANOTHER STORY HERE | Five arrested after a student was stabbed",
        "The minister said the plan would be reviewed next year.",
        "READ ANOTHER STORY HERE | Probe into the death of two friends",
    ]
    blocks, verdicts = _judged(resources, texts)
    assert mark_labelled_links(blocks, verdicts) == {2, 4}
    assert [v.category for v in verdicts] == [None, None, "teaser", None, "teaser"]


def test_caption_closed_by_a_credit(resources: TextResources) -> None:
    texts = [
        "The council approved the new bridge on Tuesday after a long debate about its cost, its route and the "
        "years of work it will take to build, officials said.",
        "Workers on the site of the new bridge.",
        "Photo: Jane Doe / dpa",
        "Residents who had campaigned against the route said they would keep going until the works start.",
        "The mayor at the opening of the site (Image: Getty)",
    ]
    blocks, verdicts = _judged(resources, texts)
    assert verdicts[2].category == "image_credit"
    assert mark_captions(blocks, verdicts, resources.lexicon) == {1}
    # A caption ending with its own credit is the lexicon's; the paragraph before it stays.
    assert verdicts[4].category == "image_credit" and verdicts[3].category is None


@pytest.mark.parametrize(
    "text,category,language",
    [
        (
            "vorheriger Artikel: Ein Pfarrer, der den Ball liebt: Am Vormittag Hostien verteilen, am Nachmittag "
            "läuft der Ball nächster Artikel: In der Leichenhalle: Fast zwei Jahre unauffindbar",
            "teaser",
            "de",
        ),
        (
            "The council approved the new budget for the harbour district after a long debate on Tuesday "
            "(Picture: Getty Images)",
            "image_credit",
            "en",
        ),
    ],
)
def test_one_long_sentence_is_matched_by_phrase(
    resources: TextResources, text: str, category: str, language: str
) -> None:
    # A block of one sentence has no neighbours to compare with: it is judged whole.
    verdict = classify_block(Block(0, text, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category == category and not verdict.prose


def test_credit_closing_a_caption_as_its_last_sentence(resources: TextResources) -> None:
    text = (
        "Zona de baño y aseo, en el campamento para migrantes en el norte del país, el 1 de agosto. "
        "Ana Pérez (dpa/picture alliance via Getty)"
    )
    lead = "El Gobierno presentó el plan el martes ante la prensa en la capital del país."
    blocks = [Block(0, lead, 0, True), Block(1, text, 1, True)]
    verdicts = [classify_block(b, resources.lexicon, resources.evidence) for b in blocks]
    assert [n.category for n in verdicts[1].sentence_noise] == ["image_credit"]
    assert mark_captions(blocks, verdicts, resources.lexicon) == {1}
    assert verdicts[1].category == "image_credit" and verdicts[0].category is None


def test_gallery_inside_an_article_does_not_split_it() -> None:
    first = (
        "Die Feuerwehr kämpfte am Freitag stundenlang gegen einen Großbrand in einer Lagerhalle am Stadtrand. "
        "Anwohner wurden aufgefordert, Fenster und Türen geschlossen zu halten, weil dichter Rauch über die "
        "Wohngebiete zog und die Lage lange unübersichtlich blieb."
    )
    second = (
        "Am Abend meldete die Polizei, dass alle Mitarbeiter das Gebäude rechtzeitig verlassen hatten. Die "
        "Ermittlungen zur Ursache des Feuers sollen in der kommenden Woche beginnen, sobald die Halle wieder "
        "betreten werden kann."
    )
    gallery = [
        f"Einsatzkräfte der Feuerwehr stehen am Freitag vor der brennenden Halle Nummer {n}. © Anna Beispiel"
        for n in range(1, 7)
    ]
    page = "\n\n".join(["Startseite", "Lokales", first, first.replace("Freitag", "Samstag"), *gallery,
                        second, second.replace("Abend", "Morgen"), "Impressum", "Datenschutz"])
    text = newsclean.clean(page, input_format="text").text
    assert first in text and second in text
    assert "©" not in text


def test_teaser_box_lists_its_headlines_until_the_form_changes(resources: TextResources) -> None:
    texts = [
        "The minister said on Monday that the new rules would take effect in the spring of next year.",
        "More on World",
        "* Canada and allies condemn settlement expansion amid tensions",
        "* Deal imminent to reopen the strait, president says",
        "Key Points",
        "* The minister announced the rules on Monday",
        "Officials said the rules would be reviewed after a year, and that the public would be consulted.",
    ]
    blocks, verdicts = _judged(resources, texts)
    assert verdicts[1].category == "teaser"
    assert mark_teaser_boxes(blocks, verdicts) == {2, 3}
    assert verdicts[4].category is None and verdicts[5].category is None
    assert verdicts[6].prose


def test_a_repeated_block_gets_an_equal_verdict_of_its_own() -> None:
    from dataclasses import fields

    from newsclean.text.classify import SentenceNoise, Verdict, _copy

    # _copy lists the fields one by one: a new field must be added there too.
    assert [f.name for f in fields(Verdict)] == [
        "category", "prose", "score", "appeal_hits", "appeal_density", "sentence_noise"]
    verdict = Verdict("teaser", False, -2.5, 2, 0.1, [SentenceNoise(0, 5, "appeal")])
    copy = _copy(verdict)
    # Equal in every field, sharing no mutable part.
    assert copy == verdict and copy is not verdict
    assert copy.sentence_noise[0] is not verdict.sentence_noise[0]


_SCHEDULE = " ".join(
    f"{day}. Aug. {hour:02d}:{minute:02d} Channel: One Men Football Group stage "
    f"{hour + 1:02d}:{minute:02d} Channel: Two Women Archery Qualification"
    for day in range(3, 9)
    for hour, minute in ((9, 30), (14, 0), (19, 15))
)


def test_a_timetable_run_into_one_block_weighs_nothing(resources: TextResources) -> None:
    verdict = classify_block(Block(0, _SCHEDULE, 0, True), resources.lexicon, resources.evidence)
    assert verdict.category is None and not verdict.prose and verdict.score == 0.0


def test_a_live_blog_stamped_with_times_stays_prose(resources: TextResources) -> None:
    text = " ".join(
        f"{hour:02d}:05 The minister arrived at the summit and spoke briefly with reporters waiting outside. "
        "She said the talks would continue until an agreement was reached."
        for hour in range(8, 14)
    )
    verdict = classify_block(Block(0, text, 0, True), resources.lexicon, resources.evidence)
    assert verdict.prose and verdict.score > 100


def test_a_schedule_above_the_story_does_not_take_its_place() -> None:
    story = [
        "The pole vaulter thought her Olympic final had slipped away when she failed three times at the height.",
        "Officials then ruled that every athlete who cleared the lower bar at the first attempt would go through, "
        "and twenty vaulters were told after a long wait that they had reached the final on Wednesday.",
        "She said she had cried in the warm-up area before her coach told her that it was not over yet, "
        "and that she would now sleep well, eat well and keep a cool head before the final.",
    ]
    dump = "\n\n".join(["Games News Results Schedule", _SCHEDULE, "Tears for vaulter, then a twist", *story])
    text = newsclean.clean(dump, input_format="text").text
    assert story[0] in text and story[2] in text
    assert "Channel: One" not in text
