"""Headline normalisation: the editor's headline, not the browser tab title.

``<title>`` and og:title often carry the site name or a section tail
("Title | Site", "Site - Title", "Title – Site News", "Title | World News").
We strip such a part only when evidence says it is the site (its name, its
domain, a part the same site repeats on every page) or a section (one the
page names, a segment of its URL path, a short tag after a pipe), and
otherwise keep the editor's wording, quotes and casing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .text import collapse_doubled, comparison_key, normalize_inline

#: Between a headline and a site name: spaced Latin marks, or the full-width
#: colon and bar CJK pages print without spaces ("…基準達せず：中日新聞Web").
_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|•|·|»|«|/|~)\s+|\s*[：｜]\s*")
#: The same without guillemets, for titles that use them as quotes: French
#: typography spaces them ("« Les privatisations ... usagers »").
_SEPARATORS_QUOTED = re.compile(r"\s+(?:\||–|—|-|::|•|·|/|~)\s+|\s*[：｜]\s*")
_PIPE_TAIL = re.compile(r"\s+\|\s+([^|]+)$")
#: Host labels that say nothing about the site.
_HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "com", "net", "org", "co", "news", "edition"})
#: Transliterations pages use when a name goes into a domain ("Börsen" -> "boersen").
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})
#: A short tag after a pipe ("| Sport") is a section, not part of the headline.
_TAG_WORDS = 3
#: An edge part this long or longer is headline text, whatever it contains.
_SITE_WORDS = 5


def _squash(text: str) -> set[str]:
    """Spellings of a name as a domain would hold it: no spaces, umlauts folded or not, "The" or not."""
    words = comparison_key(text).replace("_", "")
    forms = {words.replace(" ", "")}
    if words.startswith("the ") and len(words) > 8:
        forms.add(words[4:].replace(" ", ""))  # "The Japan News" on japannews.yomiuri.co.jp
    plain = {"".join(c for c in unicodedata.normalize("NFD", f) if not unicodedata.combining(c)) for f in forms}
    return forms | {f.translate(_FOLD) for f in forms} | plain


def _host_forms(url: str | None) -> set[str]:
    """The site's name as its domain spells it: labels, and label plus suffix."""
    if not url:
        return set()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/")[0].split(":")[0]
    labels = [p for p in host.split(".") if p]
    forms = {"".join(labels[i:]) for i in range(len(labels) - 1)}
    forms |= {comparison_key(p).replace(" ", "") for p in labels if p not in _HOST_NOISE and len(p) > 2}
    return {f for f in forms if f}


def _path_sections(url: str | None) -> set[str]:
    """Segments of the URL path ("/sport/fussball/..."): the site's own section names."""
    if not url:
        return set()
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip().lower()).split("?")[0]
    return {comparison_key(seg) for seg in path.split("/")[:-1] if seg and not any(c.isdigit() for c in seg)}


class _SiteEvidence:
    """What is known about the site and its sections, in comparable form."""

    def __init__(self, site_names: list[str], url: str | None, sections: list[str]) -> None:
        # A site name with its own separator ("産経新聞：産経ニュース") names the site in each of its parts.
        site_names = [*site_names, *(p for n in site_names if n for p in _SEPARATORS.split(n) if p and p != n)]
        self.names = {s for name in site_names if name for s in _squash(name) if s}
        self.name_keys = [comparison_key(n) for n in site_names if n and comparison_key(n)]
        self.hosts = _host_forms(url)
        self.sections = {comparison_key(s) for s in sections if s} | _path_sections(url)

    def is_site(self, part: str) -> bool:
        key = comparison_key(part)
        if not key:
            return True
        spellings = _squash(part)
        if spellings & (self.names | self.hosts):
            return True
        words = key.split()
        if len(words) >= _SITE_WORDS:
            return False
        # "Site News", "Die Neue Südtiroler Tageszeitung": the name or domain plus a word or two.
        word_forms = {f for w in words for f in _squash(w)}
        if word_forms & self.hosts:
            return True
        return any(key.startswith(n + " ") or key.endswith(" " + n) for n in self.name_keys)

    def is_section(self, part: str) -> bool:
        return comparison_key(part) in self.sections


def _split(title: str) -> list[str]:
    """The title's parts between separators; paired guillemets quote, they do not separate."""
    opening, closing = title.find("«"), title.rfind("»")
    quoted = 0 <= opening < closing or 0 <= title.find("»") < title.rfind("«")
    return (_SEPARATORS_QUOTED if quoted else _SEPARATORS).split(title)


def is_site_title(
    title: str | None, *, site_names: list[str] | None = None, url: str | None = None
) -> bool:
    """Whether ``title`` is only the site's name or domain ("Example News", "example.org").

    Pages put the site's name in an ``<h1>`` (the logo) or in og:title on
    pages the CMS did not fill; such a candidate is no headline.
    """
    if not title or not comparison_key(title):
        return False
    evidence = _SiteEvidence([n for n in (site_names or []) if n], url, [])
    return bool(_squash(title) & (evidence.names | evidence.hosts))


def _collapse_repeat(title: str) -> str:
    """A headline printed twice in a row ("X X", "X | X") is one headline."""
    parts = _split(title)
    if len(parts) == 2 and comparison_key(parts[0]) == comparison_key(parts[1]):
        return parts[0]
    return collapse_doubled(title, min_words=2)


def normalize_headline(
    title: str | None,
    *,
    site_names: list[str] | None = None,
    url: str | None = None,
    sections: list[str] | None = None,
) -> str | None:
    """Return the clean headline, or ``None`` when nothing remains.

    ``site_names`` may include parts found by :func:`find_repeated_site_parts`
    over other titles of the same site.
    """
    if not title:
        return None
    title = _collapse_repeat(normalize_inline(title))
    evidence = _SiteEvidence([n for n in (site_names or []) if n], url, list(sections or []))
    parts = _split(title)
    original = len(parts)
    changed = True
    while len(parts) > 1 and changed:
        changed = False
        for index in (len(parts) - 1, 0):
            part = parts[index]
            if evidence.is_site(part) or evidence.is_section(part):
                parts.pop(index)
                changed = True
                break
    if len(parts) == original:
        return _drop_pipe_tag(title) or None
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    # Re-join what is left with the separators the title actually used.
    remaining = title[start:end] if len(parts) > 1 and 0 <= start < end else " ".join(parts)
    return _drop_pipe_tag(remaining.strip()) or None


def _drop_pipe_tag(title: str) -> str:
    """Drop a short trailing tag after a pipe ("... | Sport"), which headlines do not use."""
    match = _PIPE_TAIL.search(title)
    if match and len(match.group(1).split()) <= _TAG_WORDS and len(title[: match.start()].split()) >= 4:
        return title[: match.start()].strip()
    return title


def find_repeated_site_parts(titles: Iterable[str], *, min_share: float = 0.5) -> list[str]:
    """Edge parts that the titles of one site repeat ("... | Example News").

    Given several titles from the same site (a crawl, a dump), a prefix or
    suffix part found on at least two titles and at least ``min_share`` of
    them is the site's tab-title decoration; pass the result as
    ``site_names`` to :func:`normalize_headline`.
    """
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    total = 0
    for title in titles:
        parts = _SEPARATORS.split(normalize_inline(title))
        if len(parts) < 2:
            total += 1
            continue
        total += 1
        for part in {parts[0], parts[-1]}:
            key = comparison_key(part)
            if key:
                counts[key] += 1
                spelling.setdefault(key, part)
    return [spelling[k] for k, n in counts.most_common() if n >= 2 and n >= min_share * total]
