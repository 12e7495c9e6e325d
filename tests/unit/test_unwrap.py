from __future__ import annotations

import textwrap

from newsclean.text.unwrap import unwrap, wrap_width

_PARAGRAPHS = [
    "The city council approved the new budget for the harbour district on Tuesday after a debate that "
    "lasted well into the night, with members of both groups arguing over the cost of the new quay.",
    "The plan includes money for dredging, a new ferry terminal and repairs to the old sea wall, which "
    "engineers said last year was at risk of collapse during winter storms if nothing was done soon.",
    "Opponents said the city could not afford the project while schools and roads also needed money.",
] * 4


def test_wrapped_paragraphs_are_joined_and_list_items_stay_apart() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 78) for p in _PARAGRAPHS) + "\n\n* Home\n* News\n* Sport"
    assert wrap_width(wrapped.split("\n")) in range(70, 79)
    assert unwrap(wrapped) == "\n\n".join(_PARAGRAPHS) + "\n\n* Home\n* News\n* Sport"


def test_unwrapped_dump_is_left_alone() -> None:
    text = "\n\n".join(_PARAGRAPHS)
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text
