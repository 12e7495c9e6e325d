"""The words of a web form's furniture, compiled from ``data/form_cues.json``.

Kept apart from :mod:`~newsclean.text.form_tail` so :class:`~newsclean.text.evidence.Evidence`
can load them with the other cue words without importing the stages that read them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class FormCues:
    """The compiled words of ``data/form_cues.json``; build once with :meth:`load`."""

    counter: re.Pattern[str]
    secret: re.Pattern[str]
    discussion: re.Pattern[str]
    account: re.Pattern[str]

    @classmethod
    def load(cls) -> FormCues:
        text = resources.files(__package__).joinpath("data/form_cues.json").read_text("utf-8")
        data: dict[str, list[str]] = {k: v for k, v in json.loads(text).items() if isinstance(v, list)}

        def alternatives(key: str) -> str:
            return "|".join(re.escape(word) for word in sorted(data[key], key=len, reverse=True))

        chars, left, most = alternatives("characters"), alternatives("remaining"), alternatives("maximum")
        near = r"(?:\W+\w+){0,2}?\W+"
        counter = (
            rf"(?<!\w)(?:(?:{left}){near}(?:{chars})|(?:{chars}){near}(?:{left})"
            rf"|(?:{most})\W*\d+\W*(?:{chars})|(?:{most})\W*(?:{chars})\W*\d+)(?!\w)"
        )
        return cls(
            counter=re.compile(counter, re.IGNORECASE),
            secret=re.compile(rf"(?<!\w)(?:{alternatives('secret')})(?!\w)", re.IGNORECASE),
            # Whole words ("Kommentar-Regeln" holds one, "commentary" is none); the account words are word starts.
            discussion=re.compile(rf"(?<!\w)(?:{alternatives('discussion')})(?!\w)", re.IGNORECASE),
            account=re.compile(rf"(?<!\w)(?:{alternatives('account')})", re.IGNORECASE),
        )
