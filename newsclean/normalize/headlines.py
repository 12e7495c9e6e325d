"""Headline normalisation: the editor's headline, not the browser tab title.

``<title>`` and og:title often carry the site name or a section tail
("Title | Site", "Site - Title", "Title – World News"). We strip such a part
only when evidence says it is the site (its name or domain) or a section the
page names, and otherwise keep the editor's wording and casing.
"""

from __future__ import annotations

import re

from .text import comparison_key, normalize_inline

_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|•|·|»|«|/)\s+")


def _domain_words(url: str | None) -> set[str]:
    if not url:
        return set()
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "com", "net", "org", "co")]
    return {comparison_key(p) for p in parts if p}


def _is_site_part(part: str, site_names: list[str], domain: set[str]) -> bool:
    key = comparison_key(part)
    if not key:
        return True
    squashed = key.replace(" ", "")
    for name in site_names:
        nkey = comparison_key(name)
        if nkey and (key == nkey or squashed == nkey.replace(" ", "")):
            return True
    return squashed in domain or any(squashed == d.replace(" ", "") for d in domain)


def normalize_headline(
    title: str | None,
    *,
    site_names: list[str] | None = None,
    url: str | None = None,
    sections: list[str] | None = None,
) -> str | None:
    """Return the clean headline, or ``None`` when nothing remains."""
    if not title:
        return None
    title = normalize_inline(title)
    names = [n for n in (site_names or []) if n]
    domain = _domain_words(url)
    section_keys = {comparison_key(s) for s in (sections or []) if s}
    parts = _SEPARATORS.split(title)
    changed = True
    while len(parts) > 1 and changed:
        changed = False
        for index in (len(parts) - 1, 0):
            part = parts[index]
            if _is_site_part(part, names, domain) or comparison_key(part) in section_keys:
                parts.pop(index)
                changed = True
                break
    if len(parts) == len(_SEPARATORS.split(title)):
        return title or None
    # Re-join what is left with the separators the title actually used.
    remaining = " - ".join(parts) if len(parts) > 1 else parts[0]
    if len(parts) > 1:
        start = title.find(parts[0])
        end = title.rfind(parts[-1]) + len(parts[-1])
        remaining = title[start:end]
    return remaining.strip() or None
