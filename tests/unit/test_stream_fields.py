"""Fields of a flattened dump read from the words after the headline its address spells."""

from __future__ import annotations

import newsclean

_LEAD = " ".join([
    "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die alte Brücke über den Fluss",
    "abzureißen und durch einen Neubau zu ersetzen. Die Kosten werden auf rund zwölf Millionen Euro geschätzt.",
    "Anwohner hatten sich seit Jahren über Schäden und gesperrte Fahrspuren beschwert, die den Verkehr",
    "in der Innenstadt regelmäßig zum Erliegen brachten. Der Bürgermeister sprach von einer notwendigen",
    "Entscheidung, die man nicht länger habe aufschieben können. Die Opposition kritisierte dagegen die",
    "hohen Kosten und forderte eine Sanierung des bestehenden Bauwerks. Mit den Arbeiten soll im Frühjahr",
    "begonnen werden, die Bauzeit wird auf zwei Jahre veranschlagt. Während dieser Zeit sollen Fähren",
    "und zusätzliche Busse die Verbindung zwischen beiden Ufern sicherstellen, wie die Verwaltung mitteilte.",
] * 2)
_STREAM = ("Startseite Politik Wirtschaft Sport Kultur Suche Anmelden Stadtrat beschließt Abriss der alten Brücke "
           "Nach jahrelangem Streit ist die Entscheidung gefallen. Von Lena Hofmeister und Jonas Krämer "
           f"14.03.2024, 18:05 Uhr Lesezeit: 3 Minuten {_LEAD} Mehr zum Thema Impressum Datenschutz Kontakt")
_URL = "https://example.de/politik/stadtrat-beschliesst-abriss-der-alten-bruecke-a-123456"


def test_a_flat_dump_gives_its_byline_and_date_line_after_the_headline() -> None:
    record = newsclean.clean(_STREAM, url=_URL, input_format="text")
    assert record.title == "Stadtrat beschließt Abriss der alten Brücke"
    assert record.authors == ["Lena Hofmeister", "Jonas Krämer"]
    assert (record.published or "").startswith("2024-03-14")


def test_a_date_in_the_standfirst_yields_to_the_day_the_address_names() -> None:
    url = "https://example.de/2024/03/15/stadtrat-beschliesst-abriss-der-alten-bruecke"
    stream = _STREAM.replace("14.03.2024, 18:05 Uhr Lesezeit", "am 14.03.2024 Lesezeit")
    record = newsclean.clean(stream, url=url, input_format="text")
    assert (record.published or "").startswith("2024-03-15")
