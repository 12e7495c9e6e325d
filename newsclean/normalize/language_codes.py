"""ISO 639-1 language codes: validating and normalising a language the caller states.

A language option is written into every record (``language``, with
confidence 1.0) and picks the lexicons, so ``"EN"``, ``"en-US"`` or
``"english"`` must not reach a record as given: the schema allows two
lower-case letters, and a code no lexicon or reader knows is a typo the user
should hear about. The code list comes from Babel's CLDR data (the 184
two-letter ISO 639-1 codes), already installed with courlan, rather than a
hand-kept table.
"""

from __future__ import annotations

import re

from ..lazy import Lazy

#: A language tag's primary subtag and the rest (``en-US``, ``en_GB``, ``pt-BR``).
_TAG = re.compile(r"^\s*([A-Za-z]+)(?:[-_][A-Za-z0-9]+)*\s*$")


def _load_codes() -> frozenset[str]:
    from babel import Locale

    # CLDR names every language it knows; its two-letter keys are exactly ISO 639-1.
    codes = (code for code in Locale("en").languages if isinstance(code, str))
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


ISO_639_1: Lazy[frozenset[str]] = Lazy(_load_codes)


def normalize_language_code(value: str) -> str:
    """The lower-case ISO 639-1 code of a stated language: ``"EN"``, ``"en-US"``, ``"en_GB"`` -> ``"en"``.

    Only the primary subtag of a BCP 47 / POSIX locale tag is kept, since
    records carry the language, not the region.

    Raises:
        ValueError: not a tag, or its language is not an ISO 639-1 code
            (``"english"``, ``"eng"``, ``"xx"``).
    """
    match = _TAG.match(value) if isinstance(value, str) else None
    code = match.group(1).lower() if match else ""
    if code not in ISO_639_1.get():
        raise ValueError(f"language must be an ISO 639-1 code such as 'en' or 'en-US', not {value!r}")
    return code
