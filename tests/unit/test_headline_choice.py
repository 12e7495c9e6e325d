"""The visible headline against the declared ones: when the <h1> wins, and when it does not."""
from __future__ import annotations

from newsclean.html.fields import resolve_title
from newsclean.html.metadata import PageMetadata
from newsclean.normalize.headlines import is_site_title, normalize_headline


def _titles(*pairs: tuple[str, str], sites: tuple[str, ...] = ()) -> PageMetadata:
    meta = PageMetadata()
    for source, value in pairs:
        meta.add("title", source, value)
    for site in sites:
        meta.add("site_name", "meta", site)
    return meta


def test_h1_backed_by_structured_data_beats_social_rewrite() -> None:
    meta = _titles(("og", "Dead skin cells might be good"),
                   ("jsonld", "Wait, are dead skin cells actually a good thing?"),
                   ("h1", "Wait, are dead skin cells actually a good thing?"))
    assert resolve_title(meta, [], None, None) == "Wait, are dead skin cells actually a good thing?"


def test_h1_backed_by_a_truncated_jsonld_headline() -> None:
    h1 = "Taiwan's president wrote a political playbook that every leader in the region should read"
    meta = _titles(("og", "Leaders should study the playbook"),
                   ("jsonld", "Taiwan's president wrote a political playbook that every leader in the..."),
                   ("h1", h1))
    assert resolve_title(meta, [], None, None) == h1


def test_kicker_dropped_when_another_declaration_states_the_headline_alone() -> None:
    meta = _titles(("og", "Wahl: Neue Präsidentin des Verbands gewählt"),
                   ("h1", "Neue Präsidentin des Verbands gewählt"),
                   ("html", "Neue Präsidentin des Verbands gewählt"))
    assert resolve_title(meta, [], None, None) == "Neue Präsidentin des Verbands gewählt"


def test_kicker_kept_when_every_declaration_carries_it() -> None:
    meta = _titles(("jsonld", "Kenia: Nairobi von unten"), ("og", "Kenia: Nairobi von unten"),
                   ("h1", "Nairobi von unten"))
    assert resolve_title(meta, [], None, None) == "Kenia: Nairobi von unten"


def test_section_label_in_og_loses_to_h1_the_title_tag_prints() -> None:
    meta = _titles(("og", "Pressemitteilungen"),
                   ("h1", "Künstlerin gestaltet die Titelseite der Zeitungen"),
                   ("html", "Verband: Künstlerin gestaltet die Titelseite der Zeitungen"))
    assert resolve_title(meta, [], None, None) == "Künstlerin gestaltet die Titelseite der Zeitungen"


def test_site_name_candidate_is_no_headline() -> None:
    meta = _titles(("og", "Winter Sports Union - WSU"),
                   ("h1", "Beijing 2022 - a big chance for the sport"),
                   ("html", "Beijing 2022 - a big chance for the sport"),
                   sites=("Winter Sports Union - WSU",))
    assert resolve_title(meta, ["Winter Sports Union - WSU"], None, None) == "Beijing 2022 - a big chance for the sport"


def test_logo_h1_matching_the_domain_is_no_headline() -> None:
    meta = _titles(("h1", "Q-Mag"), ("html", "Remembrance day: a new memorial is unveiled"))
    got = resolve_title(meta, [], "https://www.q-mag.example/news/memorial", None)
    assert got == "Remembrance day: a new memorial is unveiled"


def test_template_h1s_give_way_to_the_one_a_declaration_states() -> None:
    meta = _titles(("h1", "Sections"), ("h1", "About"), ("h1", "Weekly Future Letter"),
                   ("h1", "Subscribe"), ("html", "Weekly Future Letter"))
    assert resolve_title(meta, [], None, None) == "Weekly Future Letter"


def test_several_h1s_and_nothing_declared_keep_the_first() -> None:
    meta = _titles(("h1", "A headline on a bare page"), ("h1", "Comments"))
    assert resolve_title(meta, [], None, None) == "A headline on a bare page"


def test_is_site_title() -> None:
    assert is_site_title("Example News", site_names=["Example News"])
    assert is_site_title("example.org", url="https://www.example.org/a/b")
    assert not is_site_title("Example News wins an award for its reporting", site_names=["Example News"])
    assert not is_site_title(None)


def test_paired_guillemets_are_quotes_not_separators() -> None:
    title = "« Les privatisations profitent aux intérêts privés » - Association Exemple"
    got = normalize_headline(title, site_names=["Association Exemple"])
    assert got == "« Les privatisations profitent aux intérêts privés »"
    assert normalize_headline("Site » Rubrik » Ein Artikel über etwas", site_names=["Site"]) is not None
