"""The publication date chosen by weighing a page's statements, one rule per test.

Each case is a small page written to reproduce a kind of disagreement seen on
the dev pages (see the CHANGELOG entry of issue 17, class 6): a CMS draft day
against the day shown, one instant in UTC and in local time, a UTC stamp
against the printed local day, a searcher's 1 January for a bare year, a
printed date beside the headline.
"""

from __future__ import annotations

import lxml.html

import newsclean
from newsclean.html.fields import DATE_FORMS, DATE_SOURCES, resolve_published
from newsclean.html.metadata import PageMetadata
from newsclean.html.visible_date import visible_date
from newsclean.normalize.date_evidence import DateCandidate, is_placeholder, settled_against, weigh_published
from newsclean.normalize.dates import DateContext, ParsedDate

ORDER = ("jsonld", "meta", "dc", "jsonld-page", "visible", "time")


def _candidate(source: str, text: str, context: DateContext | None = None) -> DateCandidate:
    parsed, _ = (context or DateContext()).parse(text)
    assert parsed is not None, text
    return DateCandidate(source, parsed)


def _meta(*pairs: tuple[str, str]) -> PageMetadata:
    meta = PageMetadata()
    for source, value in pairs:
        meta.add("published", source, value)
    return meta


def _page(head: str, body: str, lang: str = "de") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Neue Brücke eröffnet</title>'
        f"{head}</head><body>{body}</body></html>"
    )


_STORY = "".join(
    f"<p>Die neue Brücke über den Fluss wurde am Vormittag von der Bürgermeisterin eröffnet, Absatz {i}. "
    "Hunderte Menschen kamen, um die erste Überquerung zu sehen, und die Feuerwehr sperrte die Straße.</p>"
    for i in range(6)
)


def test_more_statements_outweigh_the_first_source() -> None:
    # JSON-LD names the day the draft was created; the meta tag and the page's <time> the day it went out.
    chosen = weigh_published(
        [
            _candidate("jsonld", "2023-11-03T10:25:56+00:00"),
            _candidate("jsonld-page", "2023-11-03T10:25:56+00:00"),  # a copy of the same declaration
            _candidate("meta", "2023-11-06T14:25:00+00:00"),
            _candidate("time", "2023-11-06T15:25:00+01:00"),
        ],
        ORDER,
    )
    assert chosen is not None and chosen.day == "2023-11-06"


def test_a_tie_keeps_source_precedence() -> None:
    chosen = weigh_published(
        [_candidate("meta", "2024-04-26"), _candidate("jsonld", "2024-04-25T19:30:04+02:00")], ORDER
    )
    assert chosen is not None and chosen.iso == "2024-04-25T19:30:04+02:00"


def test_one_instant_in_utc_and_local_time_takes_the_local_form() -> None:
    chosen = weigh_published(
        [_candidate("jsonld", "2019-10-18T22:04:00Z"), _candidate("meta", "Sat, 19 Oct 2019 00:04:00 +0200")], ORDER
    )
    assert chosen is not None and chosen.iso == "2019-10-19T00:04:00+02:00"


def test_a_utc_stamp_and_the_printed_local_day_agree() -> None:
    # 00:25 UTC on 4 May is the evening of 3 May in the Americas; the page prints "3 de mayo".
    context = DateContext(language="es", country="ar")
    chosen = weigh_published(
        [
            _candidate("jsonld", "Wed, 04 May 2022 00:25:56 GMT", context),
            _candidate("meta", "2022-05-04T00:53:29.274Z", context),
            _candidate("time", "3 de mayo de 2022", context),
        ],
        ORDER,
        country="ar",
    )
    assert chosen is not None and chosen.iso == "2022-05-03"


def test_the_country_bounds_the_local_day_of_a_utc_stamp() -> None:
    # 03:00 UTC is 05:00 in Zurich: never the previous day, whatever a date-only tag says.
    candidates = [
        _candidate("jsonld", "2019-10-19T03:00:00.000Z"),
        _candidate("time", "2019-10-19T03:00:00.000Z"),
        _candidate("meta", "2019-10-18T20:00:25.850Z"),
        _candidate("meta", "2019-10-18"),
    ]
    chosen = weigh_published(candidates, ORDER, country="ch")
    assert chosen is not None and chosen.day == "2019-10-19"


def test_the_url_day_names_the_local_day_of_a_late_utc_stamp() -> None:
    url = "https://blog.example/2019/01/01/ins-neue-jahr/"
    context = DateContext.for_page(newsclean.Options(), "de", url)
    found = resolve_published(_meta(("meta", "2018-12-31T23:11:59+00:00")), None, url, context)
    assert found is not None and found.iso == "2019-01-01"


def test_a_first_of_january_for_a_bare_year_is_a_placeholder() -> None:
    guess = ParsedDate("2022-01-01", False, False)
    context = DateContext(language="de")

    def read(text: str) -> ParsedDate | None:
        return context.parse(text)[0]

    assert is_placeholder(guess, lambda: "<p>© 2022 Verein für Brückenbau</p><p>München 2022</p>", read)
    assert not is_placeholder(guess, lambda: "<p>Veröffentlicht am 1. Januar 2022</p>", read)
    assert not is_placeholder(guess, lambda: '<meta content="2022-01-01T09:00">', read)
    assert not is_placeholder(ParsedDate("2022-01-17", False, False), lambda: "© 2022", read)


def test_a_searchers_placeholder_gives_way_to_the_url_or_nothing() -> None:
    context = DateContext(language="de")
    page = lxml.html.fromstring("<html><body><p>© 2022</p></body></html>")
    found = resolve_published(PageMetadata(), "2022-01-01", None, context, page)
    assert found is None
    url = "https://x.example/2021/06/30/story"
    found = resolve_published(PageMetadata(), "2022-01-01", url, context, page)
    assert found is not None and found.day == "2021-06-30"


def test_the_date_printed_by_the_headline_joins_the_vote() -> None:
    # The CMS's Dublin Core day (a draft) against a <time> and the date shown under the headline.
    page = _page(
        '<meta name="dc.date" content="2022-01-21T09:43+01:00">',
        '<div class="logo"><h1>Stadtanzeiger</h1></div><article><h1>Neue Brücke eröffnet</h1>'
        '<p class="meta">Veröffentlicht am 25.01.2022</p><time datetime="2022-01-25T08:00:00+01:00"></time>'
        f"{_STORY}</article>",
    )
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2022-01-25"
    # The declaration still states the form: time and offset come from the <time>, not the printed day.
    assert article.published == "2022-01-25T08:00:00+01:00"


def test_the_printed_date_settles_a_tie_with_a_stray_time_element() -> None:
    page = _page(
        "",
        '<aside><time datetime="2020-12-03 07:32:49">Vor drei Jahren</time></aside>'
        '<article><h1>Neue Brücke eröffnet</h1><p class="date">31. Oktober 2023</p>'
        f"{_STORY}</article>",
    )
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2023-10-31"


def test_a_printed_date_of_guessed_order_is_no_evidence() -> None:
    # "02/10/2020" on a page of no known country: day or month first is a guess, so it does not vote.
    page = _page(
        '<meta property="article:published_time" content="2020-10-02T08:00:00+01:00">',
        f"<article><h1>Neue Brücke eröffnet</h1><p>02/10/2020</p>{_STORY}</article>",
        lang="en",
    )
    article = newsclean.clean(page, url="https://news.example/bridge", input_format="html")
    assert (article.published or "")[:10] == "2020-10-02"


def test_a_date_under_another_label_is_not_the_publication_date() -> None:
    # An event page: the deadline sits by the headline; the story was not published then.
    context = DateContext(language="de")

    def printed(line: str) -> ParsedDate | None:
        tree = lxml.html.fromstring(_page("", f"<article><h1>Neue Brücke eröffnet</h1><p>{line}</p>{_STORY}</article>"))
        return visible_date(tree, context, ["Neue Brücke eröffnet"])

    assert printed("Anmeldeschluss: 15. März 2020") is None
    assert printed("Aktualisiert: 15. März 2020") is None
    found = printed("Veröffentlicht am 15. März 2020")
    assert found is not None and found.day == "2020-03-15"
    assert printed("15.03.2020, 10:12 Uhr") is not None


def test_a_bare_date_meta_tag_yields_to_the_printed_date() -> None:
    # <meta name="date"> does not say what it dates; many CMSs write the last edit there.
    page = _page(
        '<meta name="date" content="2020-02-12">',
        f'<article><h1>Neue Brücke eröffnet</h1><p class="meta">05.02.2020</p>{_STORY}</article>',
    )
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2020-02-05"


def test_a_bare_date_meta_tag_and_its_dublin_core_copy_are_one_statement() -> None:
    page = _page(
        '<meta name="date" content="2021-10-15"><meta name="DC.date" content="2021-10-15">',
        f'<article><h1>Neue Brücke eröffnet</h1><p class="meta">13.10.2021</p>{_STORY}</article>',
    )
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2021-10-13"


def test_a_designated_publication_tag_still_beats_the_printed_date() -> None:
    # article:published_time names the event it dates: it keeps its precedence over a printed date.
    page = _page(
        '<meta property="article:published_time" content="2020-02-12T08:00:00+01:00">',
        f'<article><h1>Neue Brücke eröffnet</h1><p class="meta">05.02.2020</p>{_STORY}</article>',
    )
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2020-02-12"


def test_a_slashed_date_of_open_order_takes_the_order_another_statement_names() -> None:
    # A Swiss page whose CMS prints the US order in its meta tag; the page shows 1 November dotted.
    context = DateContext(language="de", country="ch")
    meta = _candidate("meta", "11/01/2023 12:43:42", context)
    assert meta.parsed.day == "2023-01-11"  # the country's order alone reads 11 January
    ambiguous = DateCandidate("meta", meta.parsed, alternate="2023-11-01")
    chosen = weigh_published([ambiguous, _candidate("visible", "01.11.2023", context)], ORDER)
    assert chosen is not None and chosen.iso == "2023-11-01T12:43:42"
    # Alone, or when its own reading is stated too, the country's order stands.
    assert weigh_published([ambiguous], ORDER) == meta.parsed
    chosen = weigh_published([ambiguous, _candidate("jsonld", "2023-01-11T12:43:42+01:00")], ORDER)
    assert chosen is not None and chosen.day == "2023-01-11"


def test_slashed_readings_only_for_an_open_order() -> None:
    import datetime as dt

    from newsclean.normalize.date_forms import slashed_readings

    assert slashed_readings("11/01/2023 12:43:42") == (dt.date(2023, 11, 1), dt.date(2023, 1, 11))
    for fixed in ("01.11.2023", "2023/01/11", "13/01/2023", "11/11/2023", "2023-01-11T10:00:00", "Nov 1, 2023"):
        assert slashed_readings(fixed) is None, fixed


def test_the_headline_in_an_h2_under_a_logo_h1_has_its_date_read() -> None:
    # The logo's <h1> is found in the title's tail, but nothing dated is near it: the menu follows.
    menu = "".join(f'<li><a href="/s{i}">Rubrik {i}</a></li>' for i in range(40))
    page = _page(
        "",
        f'<header><h1><a href="/">stadt.example</a></h1><ul>{menu}</ul></header>'
        '<div class="meta">Par <a href="/auteur/x">Anne Martin</a> | <span>30 septembre 2018</span></div>'
        f"<h2>Neue Brücke eröffnet</h2>{_STORY}",
    )
    tree = lxml.html.fromstring(page)
    found = visible_date(tree, DateContext(language="fr"), ["Neue Brücke eröffnet - stadt.example"])
    assert found is not None and found.day == "2018-09-30"


def test_the_comments_heading_is_not_the_headline() -> None:
    # "2 thoughts on “Title”" holds the title, and the first comment's date follows it.
    page = _page(
        "",
        f'<header><h1>Stadtanzeiger</h1></header><article>{_STORY * 6}</article>'
        '<h2>2 Gedanken zu „Neue Brücke eröffnet“</h2><p class="c">3. August 2019 um 4:11</p>',
    )
    tree = lxml.html.fromstring(page)
    assert visible_date(tree, DateContext(language="de"), ["Neue Brücke eröffnet"]) is None


def test_a_photo_credit_by_the_headline_is_no_date_line() -> None:
    # "© Name, 31.05.2013" under the headline dates the photo; the page's <time> is the only date.
    page = _page(
        "",
        '<article><h1>Neue Brücke eröffnet</h1><p class="credit">© Anna Muster, 31.05.2013</p>'
        f'<time datetime="2023-01-26">26. Januar 2023</time>{_STORY}</article>',
    )
    tree = lxml.html.fromstring(page)
    found = visible_date(tree, DateContext(language="de"), ["Neue Brücke eröffnet"])
    assert found is not None and found.day == "2023-01-26"
    article = newsclean.clean(page, url="https://www.stadt.example/neue-bruecke", input_format="html")
    assert (article.published or "")[:10] == "2023-01-26"


#: Printed dates a headline may carry: the declared day, the day after, with and without
#: a time, in UTC and with an offset (the statements that could move a weighing).
_PRINTED = (
    "2023-03-05", "2023-03-06", "2023-03-04", "2023-03-05T22:30:00+00:00", "2023-03-05T23:30:00+01:00",
    "2023-03-06T08:00:00+01:00", "2023-03-06T00:30:00+00:00", "01.03.2023",
)


def _settled_cases() -> list[list[DateCandidate]]:
    # Pages whose declarations agree, as most dev pages declare their date.
    return [
        [_candidate("jsonld", "2023-03-05T10:00:00+01:00")],
        [_candidate("meta", "2023-03-05")],
        [_candidate("jsonld", "2023-03-05T10:00:00+01:00"), _candidate("meta", "2023-03-05T10:00:00+01:00")],
        [_candidate("time", "2023-03-05T10:00:00+01:00"), _candidate("undesignated", "2023-03-05")],
    ]


def test_no_printed_date_moves_a_settled_weighing() -> None:
    for declared in _settled_cases():
        # As resolve_published weighs: the printed date is the last source of a day's form.
        assert settled_against(declared, DATE_SOURCES, "visible"), declared
        alone = weigh_published(declared, DATE_SOURCES, form_order=DATE_FORMS)
        for text in _PRINTED:
            joined = [*declared, _candidate("visible", text)]
            assert weigh_published(joined, DATE_SOURCES, form_order=DATE_FORMS) == alone, (declared, text)


def test_a_printed_date_is_read_where_it_can_move_the_weighing() -> None:
    lone_time = [_candidate("time", "2023-03-05T10:00:00+01:00")]
    utc = [_candidate("jsonld", "2023-03-05T23:30:00+00:00")]
    split = [_candidate("jsonld", "2023-03-05"), _candidate("time", "2023-03-06")]
    context = DateContext(language="de", country="ch")
    open_order = [DateCandidate("meta", _candidate("meta", "11/01/2023 12:43:42", context).parsed, "2023-11-01")]
    for declared in (lone_time, utc, split, open_order, []):
        assert not settled_against(declared, DATE_SOURCES, "visible"), declared
    # Each of the first three does move: the printed date outvotes, names the local day, or settles the tie.
    moved = (
        weigh_published([*lone_time, _candidate("visible", "2023-03-04")], DATE_SOURCES),
        weigh_published([*utc, _candidate("visible", "2023-03-06")], DATE_SOURCES),
        weigh_published([*split, _candidate("visible", "06.03.2023", context)], DATE_SOURCES),
        weigh_published([*open_order, _candidate("visible", "01.11.2023", context)], DATE_SOURCES),
    )
    assert [m.day if m else None for m in moved] == ["2023-03-04", "2023-03-06", "2023-03-06", "2023-11-01"]
