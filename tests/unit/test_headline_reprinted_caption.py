"""A lead photo's caption printed twice does not swallow the share row and hide the headline below it.

Inscriptis render of an Austrian paper (fp-dev): the caption ends on a
verb particle ("... Versäumnisse ein"), is printed over its credit and again
over the share row, and the segmenter joined the second printing with the
share row into one block of a paragraph's length; the headline under it
then read as a line inside the story and a breadcrumb was taken instead.
"""

from __future__ import annotations

import newsclean

_CAPTION = "Der Bürgermeister der Gemeinde räumte öffentlich Versäumnisse ein"
_SHARE = ("zu den Kommentaren über Bluesky teilen über facebook teilen über linkedIn teilen per Mail teilen "
          "über Xing teilen")
_HEADLINE = "Gemeinde räumt Versäumnisse nach dem Feuer ein"
_LEAD = ("Die Schweizer Gemeinde hat nach dem Brand in der Silvesternacht mit vielen Toten schwere Versäumnisse "
         "eingeräumt. Die eigentlich jedes Jahr vorgeschriebene Brandschutzkontrolle habe zuletzt 2019 "
         "stattgefunden, sagte der Präsident des Gemeinderats am Dienstag auf einer Pressekonferenz.")
_REST = ("Weshalb es zu dieser Lücke kam, konnte er nicht sagen. Die Justiz werde entscheiden, wer dafür "
         "verantwortlich sei. Vor Tagen hatte der Gemeindepräsident Vorwürfe noch zurückgewiesen, dass es beim "
         "Brandschutz ein lasches Verhalten der Gemeinde gegeben habe.")
_URL = "https://example.org/panorama/gemeinde-raeumt-versaeumnisse-nach-feuer-ein-art-1234"


def _dump(share: str) -> str:
    return (f"Startseite\n\nPanorama International Schweiz\n\nFoto: Bild: APA/KEYSTONE\n{_CAPTION}\n"
            f"Foto: Bild: APA/KEYSTONE\n\n{_CAPTION}\n\n{share}\nWeb Share\n\n{_HEADLINE}\n\n{_LEAD}\n\n{_REST}\n")


def test_the_headline_under_a_reprinted_caption_and_its_share_row() -> None:
    record = newsclean.clean(_dump(_SHARE), url=_URL, input_format="text")
    assert record.title == _HEADLINE
    assert _SHARE not in record.text


def test_the_story_keeps_its_lead() -> None:
    record = newsclean.clean(_dump(_SHARE), url=_URL, input_format="text")
    assert record.text.startswith(_LEAD)
