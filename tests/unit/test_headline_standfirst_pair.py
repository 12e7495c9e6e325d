"""A headline right above its standfirst where the two share no naming word.

Shape from the fp-dev renders of a magazine whose headline plays on words ("The world needs more
spaceports. Oman wants to help") over a standfirst that asks a question in the slug's words ("Can a
small country build a space industry from scratch?"): the standfirst outscored the headline by a
little on overlap, and the two share no word for the standfirst rule to join them by.
"""

from __future__ import annotations

import newsclean

URL = "https://www.example.org/2025/oman-space-industry-launchpad-satellites/"
HEADLINE = "The world needs more spaceports. Oman wants to help"
STANDFIRST = "Can a small country build a space industry from scratch?"
BODY = (
    "Oman’s dream for a spaceport sits in a swath of desert overlooking the sea. If all goes according to "
    "plan, three complexes here will launch everything from small rockets for experiments to heavy "
    "launchers, bringing satellites into orbit for customers from around the world.\n\n"
    "The spaceports the world has today cannot keep up with demand, and the industry expects launches to "
    "grow for a decade. Oman sees a gap in the market that its geography lets it fill.\n\n"
    "Few countries have the political stability and the empty coastline a launch site needs, engineers "
    "say, and the government hopes foreign companies will come to build their satellites there."
)


def _page(above: str) -> str:
    return f"Menu\n\nScience\n\n{above}\n\n{STANDFIRST}\n\n21 October 2025\n\nBy Jane Example\n\n{BODY}\n"


def test_the_line_right_above_a_narrowly_winning_standfirst_is_the_headline() -> None:
    assert newsclean.clean(_page(HEADLINE), url=URL, input_format="text").title == HEADLINE


def test_a_label_line_above_the_standfirst_stays_behind() -> None:
    # A section label naming none of the story's words is no headline: the standfirst stays the winner.
    title = newsclean.clean(_page("Latest news from our partners today"), url=URL, input_format="text").title
    assert title == STANDFIRST


ADDRESS = "https://www.example.ch/story/europaeische-kommission-verfahren-bruessel-prueft-einfluss-von-tiktok-auf-wahlen-1"
HEADER_HEADLINE = "Tiktok: Brüssel untersucht Wahleinmischung"
SEO_TITLE = "Europäische Kommission: Verfahren: Brüssel prüft Einfluss von Tiktok auf Wahlen"
LEAD = (
    "Wahleinmischung per Algorithmus? Tiktok steht im Verdacht, ausländische Einflüsse nicht ausreichend zu "
    "bekämpfen. Es drohen Strafen.\n\n"
    "Die Europäische Kommission hat ein förmliches Verfahren gegen die Plattform eröffnet. Brüssel will "
    "prüfen, ob Tiktok genug gegen Manipulation vor Wahlen unternommen hat, hiess es am Dienstag.\n\n"
    "Auslöser ist die annullierte Präsidentenwahl in Rumänien, bei der ein Kandidat vor allem über die "
    "Plattform bekannt geworden war. Die Kommission kann Strafen von bis zu sechs Prozent verhängen."
)


def _header(below: str) -> str:
    return f"Menu\n\nAusland\n\n{HEADER_HEADLINE}\n\nPubliziert 17. Dezember 2024, 12:17\n\n{below}\n\n{LEAD}\n"


def test_the_headline_above_the_date_line_beats_the_seo_title_right_below_it() -> None:
    title = newsclean.clean(_header(SEO_TITLE), url=ADDRESS, input_format="text").title
    assert title == HEADER_HEADLINE


def test_a_line_below_the_date_line_telling_another_story_keeps_its_place() -> None:
    # Sharing fewer than two naming words with the line above the date line, the slug's line stays the winner.
    other = "Europäische Kommission: Verfahren gegen Plattform wegen Einfluss auf Wahlen"
    title = newsclean.clean(_header(other), url=ADDRESS, input_format="text").title
    assert title == other
