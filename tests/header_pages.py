"""Real dumps of dev pages whose header lines (headline, byline) the text path must read right.

The renders sit gzipped in tests/fixtures/text_header beside a JSON file with the page's URL and
its gold title and authors; the header tests load them and compare fields through here.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

HEADER = Path(__file__).resolve().parent / "fixtures" / "text_header"

#: Two sentences of article prose that the built pages of the headline tests put under their header lines.
PROSE_LEAD = (
    "Residents of the town heard a loud bang on Tuesday afternoon when something pierced the roof of a family "
    "house, and experts from the state museum have now confirmed what fell from the sky that day."
)
PROSE_SECOND = (
    "The stone weighs about three hundred grams and is one of only a few dozen finds of its kind in the "
    "country, the museum's curator said at a press conference on Friday morning in the capital."
)


def key(text: str | None) -> str:
    """A field compared as the benchmark does: NFKC, one apostrophe, case-folded, whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", text or "").replace("’", "'").casefold().split())


def load(name: str, render: str, folder: Path = HEADER) -> tuple[dict[str, object], str]:
    """The page's JSON (URL, gold) and the text of one of its renders, from ``folder``."""
    meta = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    text = gzip.decompress((folder / f"{name}.{render}.txt.gz").read_bytes()).decode("utf-8")
    return meta, text


def gold(meta: dict[str, object]) -> dict[str, object]:
    """The gold fields of a page loaded with :func:`load`."""
    found = meta["gold"]
    assert isinstance(found, dict)
    return found
