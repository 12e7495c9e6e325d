"""Bylines the page prints as text, and writers credited by given name only."""
from __future__ import annotations

from lxml import html

from newsclean.html.fields import resolve_authors
from newsclean.html.metadata import PageMetadata
from newsclean.html.visible_bylines import complete_given_names, find_visible_byline
from newsclean.normalize.authors import after_byline_label, normalize_authors


def _tree(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_labelled_byline_in_text() -> None:
    page = _tree("<h1>Ein Titel</h1><div class='info'>Von: <a href='/a'>Götz Warnke</a></div><p>Text.</p>")
    assert find_visible_byline(page) == ["Götz Warnke"]
    page = _tree("<h1>Un titre</h1><span>Par Didier Roy</span><p>Le texte de l'article.</p>")
    assert find_visible_byline(page) == ["Didier Roy"]


def test_no_byline_from_prose_comments_or_particle_names() -> None:
    page = _tree("<p>Von der Leyen reist nach Kiew und trifft dort den Präsidenten.</p>"
                 "<div class='comments'><span>By Jane Reader</span></div>")
    assert find_visible_byline(page) == []


def test_repeated_label_is_judged_with_its_own_name_and_place() -> None:
    # The same label run ("By") three times: its label is read once, but each occurrence takes
    # the name after it and is judged where it stands.
    page = _tree("<div class='comments'><span>By</span> <b>Jane Reader</b></div>"
                 "<div class='promo'><span>By</span> <b>subscribing today</b></div>"
                 "<div class='meta'><span>By</span> <a href='/a'>Anna Muster</a></div><p>Text.</p>")
    assert find_visible_byline(page) == ["Anna Muster"]


def test_visible_byline_is_the_last_resort() -> None:
    meta = PageMetadata()
    meta.add("authors", "jsonld", ["Lois Lane"])
    assert resolve_authors(meta, None, [], None, visible=lambda: ["Clark Kent"]) == ["Lois Lane"]
    assert resolve_authors(PageMetadata(), None, [], None, visible=lambda: ["Clark Kent"]) == ["Clark Kent"]


def test_publisher_person_not_replaced_by_name_with_role() -> None:
    meta = PageMetadata()
    meta.add("authors", "jsonld", ["Christa Beispiel"])
    got = resolve_authors(meta, None, ["Christa Beispiel"], None, visible=lambda: ["Christa Beispiel Chefredakteurin"])
    assert got == ["Christa Beispiel"]


def test_site_name_glued_after_the_writer() -> None:
    meta = PageMetadata()
    meta.add("authors", "meta", ["Adam Example ExampleVoice"])
    assert resolve_authors(meta, None, ["ExampleVoice"], None) == ["Adam Example"]


def test_given_name_completed_from_a_credit() -> None:
    page = _tree("<p><strong>Eine Kolumne von Nils Beispiel</strong></p><p>Text über Nils und andere.</p>"
                 "<footer><p>Nils Beispiel ist freier Autor.</p></footer>")
    assert complete_given_names(["Nils"], page, []) == ["Nils Beispiel"]
    assert complete_given_names(["Alexander"], _tree("<p>x</p>"), ["Dr. Alexander Muster"]) == ["Alexander Muster"]


def test_given_names_of_a_contributor_list_left_as_declared() -> None:
    """Completion is for a byline of a few writers: thousands of declared names skip it (a regex each)."""
    page = _tree("<p><strong>Eine Kolumne von Nils Beispiel</strong></p>")
    crowd = ["Nils"] + [f"Name{i}" for i in range(20)]
    assert complete_given_names(crowd, page, []) == crowd
    assert complete_given_names(crowd[:20], page, [])[0] == "Nils Beispiel"


def test_given_name_not_completed_by_a_common_word_or_an_outlet() -> None:
    page = _tree("<a>Tobi Hallo</a><p>hallo zusammen</p>")
    assert complete_given_names(["Tobi"], page, []) == ["Tobi"]
    assert complete_given_names(["Euronews"], _tree("<a>Euronews Debates</a>"), ["Euronews"]) == ["Euronews"]
    assert complete_given_names(["Jane Doe"], page, []) == ["Jane Doe"]


def test_names_keep_the_full_stop_of_an_initial_or_suffix() -> None:
    assert normalize_authors("Perry Example Jr.") == ["Perry Example Jr."]
    assert normalize_authors("By Joe S.") == ["Joe S."]
    assert normalize_authors("By Jane Doe.") == ["Jane Doe"]


def test_ui_phrase_before_a_byline_label() -> None:
    assert normalize_authors("View all posts by Daniel Example") == ["Daniel Example"]
    assert normalize_authors("Hans von Trotha") == ["Hans von Trotha"]
    assert normalize_authors("Ursula von der Leyen") == ["Ursula von der Leyen"]


def test_after_byline_label() -> None:
    assert after_byline_label("Von: Eva Muster") == "Eva Muster"
    assert after_byline_label("By") == ""
    assert after_byline_label("Von der Leyen reist ab") is None
    assert after_byline_label("Bye bye") is None


def test_handle_after_a_byline_label() -> None:
    assert normalize_authors("Artikel von examplehaus") == ["examplehaus"]


def test_given_name_completed_on_a_blog_named_after_its_writer() -> None:
    # The logo prints the surname in lower case; the site's name says it is the writer's.
    page = _tree("<div class='logo'>muster</div><h3>MEHR VON HENRY MUSTER</h3>"
                 "<script>var x = 'Henry Kommentar';</script>")
    assert complete_given_names(["Henry"], page, ["muster.example"]) == ["Henry Muster"]
    assert complete_given_names(["Henry"], page, []) == ["Henry"]
