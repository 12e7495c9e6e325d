"""Label runs in scripts without letter case: a menu told from a sentence by function words, not capitals.

The page cases flatten real dev pages (a Hindi and a Bengali news page,
tests/fixtures/flat) and a written Arabic page, as ``get_text(" ")`` or a
CSV export leaves them; the unit cases call the label search directly.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import newsclean
from benchmarks.flatten import flatten
from newsclean.text.caseless_labels import caseless_words
from newsclean.text.label_runs import label_prefix
from newsclean.text.unflatten import restore_lines

ARABIC_MENU = (
    "الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة ثقافة وفنون تكنولوجيا صحة منوعات فيديو صور "
    "English Facebook Twitter YouTube | بحث تسجيل الدخول"
)
ARABIC_HEADER = "اقتصاد أسواق ارتفاع أسعار القمح في الأسواق المحلية الأحد 12 مايو 2024 | 10:45 مشاركة"
ARABIC_ARTICLE = [
    "أعلنت وزارة التجارة يوم الأحد أن أسعار القمح ارتفعت بنسبة عشرة في المئة خلال الأسبوع الماضي.",
    "وقال المتحدث باسم الوزارة إن هذا الارتفاع يعود إلى تراجع الإنتاج في عدد من الدول المصدرة.",
    "وأضاف أن الحكومة تعمل على توفير مخزون كاف من القمح حتى نهاية العام، وأنها لن تسمح بأي نقص في الأسواق.",
    "ويخشى التجار من أن تؤدي هذه الزيادة إلى ارتفاع أسعار الخبز في الأسابيع المقبلة.",
    "ودعا عدد من النواب الحكومة إلى دعم المزارعين وزيادة المساحات المزروعة بالقمح في المحافظات الجنوبية.",
    "وكانت الأسعار قد شهدت استقرارا نسبيا في بداية العام بعد موسم حصاد جيد.",
    "وأشار خبراء إلى أن الأسعار العالمية قد تواصل الارتفاع إذا استمر الجفاف في مناطق الإنتاج الرئيسية.",
    "وقالت جمعية حماية المستهلك إنها ستراقب الأسعار في المخابز والمحلات خلال الفترة المقبلة.",
]
ARABIC_FOOTER = (
    "اقرأ أيضا الأكثر قراءة الذهب يتراجع في التعاملات الصباحية البورصة تغلق على ارتفاع "
    "اتصل بنا سياسة الخصوصية شروط الاستخدام © 2024 جميع الحقوق محفوظة"
)
ARABIC_PAGE = " ".join([ARABIC_MENU, ARABIC_HEADER, *ARABIC_ARTICLE, ARABIC_FOOTER])


def _flat_fixture(fixtures_dir: Path, name: str) -> tuple[dict[str, object], str]:
    page = json.loads((fixtures_dir / "flat" / f"{name}.json").read_text("utf-8"))
    with gzip.open(fixtures_dir / "flat" / f"{name}.soup.txt.gz", "rt", encoding="utf-8") as fh:
        return page, flatten(fh.read())


def test_arabic_menu_goes_out_one_item_a_line_and_the_sentences_stay_whole() -> None:
    lines = restore_lines(ARABIC_PAGE).split("\n")
    for item in ("الرئيسية", "رياضة", "منوعات", "Facebook"):
        assert item in lines, item
    # The first sentence keeps its opening verb; the others (opening with content words
    # only: "وقال المتحدث باسم الوزارة إن هذا") are lines of their own, not label runs.
    assert any(line.endswith(ARABIC_ARTICLE[0]) for line in lines)
    for sentence in ARABIC_ARTICLE[1:]:
        assert sentence in lines, sentence


def test_arabic_page_keeps_every_sentence_and_drops_menu_and_footer() -> None:
    text = newsclean.clean(ARABIC_PAGE, input_format="text").text
    for sentence in ARABIC_ARTICLE:
        assert sentence in text, sentence
    for noise in ("تكنولوجيا", "تسجيل الدخول", "جميع الحقوق محفوظة"):
        assert noise not in text, noise


def test_hindi_page_menu_and_trending_row_are_cut_and_sentences_stay_whole(fixtures_dir: Path) -> None:
    """fp-dev Hindi page flattened: its menu, its Latin trending-topics row, and a sentence full of names.

    One Devanagari word used to switch the label search off for its
    sentence: the menu and the headline stayed on the caption's line.
    "अपर थाना अध्यक्ष प्रीति कुमारी, दरोगा राम अवधेश सिंह" is nine content
    words in a row inside a sentence; its comma keeps it whole.
    """
    page, flat = _flat_fixture(fixtures_dir, "fp-dev_ind_Bhaskar_2024_09_04")
    lines = restore_lines(flat).split("\n")
    for item in ("होम", "वीडियो", "Trending", "Topics", "Miscreants"):
        assert item in lines, item
    joined = "\n".join(lines)
    body = str(page["gold"]["body"])  # type: ignore[index]
    sentences = [" ".join(s.split()) for s in re.split(r"।|\n", body) if len(s.split()) >= 6]
    assert len(sentences) >= 10
    for sentence in sentences:
        assert any(sentence in " ".join(line.split()) for line in lines), sentence
    assert "दरोगा राम अवधेश सिंह आदि" in joined


def test_bengali_header_and_share_row_are_cut_before_the_first_sentence(fixtures_dir: Path) -> None:
    """te-dev Bengali page flattened: headline twice, date line, share row, then the article's first sentence.

    The sentence's subject is a name with its titles (twenty words without a
    function word); the cut lands after the share row's last network name.
    Before, the header stayed glued to the article and its date line came
    out with it.
    """
    page, flat = _flat_fixture(fixtures_dir, "te-dev_8365aba0a8fa5555")
    lines = restore_lines(flat).split("\n")
    gold = page["gold"]
    assert isinstance(gold, dict)
    assert "Facebook" in lines and "Email" in lines
    # The gold's first string (stored in another normal form) opens the article's first sentence.
    opening = unicodedata.normalize("NFC", gold["with"][0])
    assert any(unicodedata.normalize("NFC", line).startswith(opening) for line in lines)
    kept = " ".join(newsclean.clean(flat, url=str(page["url"]), input_format="text").text.split())
    assert [s for s in gold["with"] if " ".join(s.split()) not in kept] == []
    assert [s for s in gold["without"] if s in kept] == []


def test_without_a_stoplist_for_the_script_sentences_keep_their_labels() -> None:
    """Thai: jusText has no list, so there is no evidence and nothing is cut."""
    thai = " ".join(["รัฐบาลประกาศมาตรการใหม่ เพื่อช่วยเหลือเกษตรกร ที่ได้รับผลกระทบ จากน้ำท่วม ในภาคเหนือ"] * 10)
    assert caseless_words(thai) is None
    unit = "หน้าแรก ข่าว กีฬา บันเทิง เทคโนโลยี Facebook Twitter รัฐบาลประกาศมาตรการใหม่ เพื่อช่วยเหลือเกษตรกร"
    assert label_prefix(unit.split(), True, caseless_words(thai)) == 0


def test_a_few_caseless_words_on_a_latin_page_weigh_as_widgets() -> None:
    """A language switcher on an English page no longer switches the label search off."""
    prose = " ".join(["The council agreed on Tuesday to rebuild the old bridge over the river, and work starts."] * 6)
    unit = "Home News Sport Business हिन्दी العربية English Weather The council agreed on Tuesday to rebuild the bridge."
    evidence = caseless_words(f"{prose} {unit}")
    assert evidence is not None and not evidence.function_words
    tokens = unit.split()
    assert tokens[label_prefix(tokens, True, evidence)] == "The"
    assert label_prefix(tokens, True, None) == 0
