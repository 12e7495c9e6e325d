"""A "Read also: <headline>" line between paragraphs is a teaser; a sentence opening with a cue is not."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.text.cue_line import is_cue_line
from newsclean.text.extract import TextResources


@pytest.fixture(scope="module")
def resources() -> TextResources:
    return TextResources.load()


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        ("Read more: Council approves new harbour budget after long debate", True),
        ("Les også: Ny ferje skal gå mellom øyene fra neste sommer", True),
        ("Le puede interesar: El gobierno anuncia nuevas rutas de autobús", True),
        ("* Mehr lesen: Stadtrat beschließt neuen Haushalt für den Hafen", True),
        # A sentence of the article: it ends with a stop.
        ("Read more: the council's report runs to 300 pages.", False),
        # A one-word cue in lower case opens prose as often as a teaser.
        ("Next: the council will vote in the spring", False),
        # A cue the lexicon does not know.
        ("The mayor said: we will build the quay next year", False),
        # Too long for a headline.
        ("Read more: " + " ".join(["word"] * 30), False),
    ],
)
def test_cue_line(resources: TextResources, text: str, teaser: bool) -> None:
    assert is_cue_line(text, resources.lexicon) is teaser


def test_cue_line_between_paragraphs_is_removed() -> None:
    paragraphs = [
        "El concejo aprueba el nuevo presupuesto del puerto tras un largo debate",
        "El concejo de la ciudad aprobó el martes el nuevo presupuesto para el distrito del puerto, después "
        "de un debate que se prolongó hasta la noche y en el que los grupos discutieron el costo del muelle.",
        "Le puede interesar: La empresa de transbordadores anuncia tarifas más altas para el verano",
        "El plan incluye dinero para el dragado, una nueva terminal de transbordadores y la reparación del "
        "viejo malecón, que según los ingenieros corría el riesgo de derrumbarse durante las tormentas.",
        "Los opositores dijeron que la ciudad no puede pagar el proyecto mientras las escuelas y las calles "
        "también necesitan dinero, y pidieron una votación pública antes de firmar cualquier contrato.",
    ]
    record = newsclean.clean("\n\n".join(paragraphs), input_format="text")
    assert "tarifas más altas" not in record.text
    assert "nueva terminal" in record.text and "votación pública" in record.text
