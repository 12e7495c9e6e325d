"""Short lines a prose sentence introduces with a colon stay in the body (newsclean.text.flow)."""
from __future__ import annotations

import pytest

from newsclean.options import Options
from newsclean.text.extract import TextResources
from newsclean.text.residual import filter_paragraphs

INTRO = {
    "fr": "Pour cela, l’assemblée a d’ores et déjà mis en place une boîte mail dédiée aux témoignages :",
    "en": "For that, the assembly has already opened a mailbox for the testimonies of parents and teachers:",
}
AFTER = {
    "fr": "Elle appelle à envoyer les témoignages et les bilans de rentrée produits dans les établissements.",
    "en": "It asks schools to send their reports on the start of the year before the end of the month.",
}
ADDRESS = "suivi.assemblee.education@example.org"


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_address_a_sentence_introduces_stays(resources: TextResources, language: str) -> None:
    body = [INTRO[language], ADDRESS, AFTER[language]]
    assert filter_paragraphs(body, language, resources, Options()).paragraphs == body


def test_a_bare_address_between_labels_is_still_noise(resources: TextResources) -> None:
    """No running prose introduces it: the address line is judged on its own."""
    body = [INTRO["en"], AFTER["en"], "Contact", ADDRESS, "Imprint"]
    kept = filter_paragraphs(body, "en", resources, Options()).paragraphs
    assert ADDRESS not in kept
