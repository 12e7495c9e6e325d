"""Choosing between the visible headline (``<h1>``) and the declared ones.

A page declares its headline in og:title, JSON-LD and ``<title>``, and shows
one in an ``<h1>``. The declared copies are often SEO variants: a kicker or
section glued in front ("Chronik: ...", "Wahl: ..."), a social-media rewrite
in og:title. The ``<h1>`` is what the reader sees, but pages also use
``<h1>`` for the logo, the site name or a navigation label ("Menu").

So the ``<h1>`` replaces the title chosen by source order only with evidence
that it is this story's headline: a second, independent declaration states
it too (the JSON-LD headline, or ``<title>`` and the ``<h1>`` agree while the
chosen title is the same words behind a kicker), or the chosen title shares
no words with it while a declaration prints the ``<h1>`` behind a kicker.
Measured on the dev sets: te-dev gold follows the visible headline, fp-dev
gold (per-site parsers) mostly og:title; these rules move only pages where a
second source backs the ``<h1>``.
"""

from __future__ import annotations

import re

from ..normalize.text import comparison_key

#: Between a kicker and the headline: "Kicker: Headline", "Kicker | Headline", "Kicker – Headline".
_KICKER_SEPARATOR = re.compile(r"(?::|\||–|—|-|/|»|·)\s*$")
#: A kicker this long or longer is a headline of its own, not a label on one.
_KICKER_WORDS = 8
#: The end of a headline a field cut short: "... Hong Kong leader..."
_TRUNCATED = re.compile(r"\s*(?:\.\.\.|…)$")


def _has_kicker(declared: str, h1: str) -> bool:
    """``declared`` is ``h1`` with a short label in front ("Chronik: Lotte Tobisch ist tot")."""
    key_d, key_h = comparison_key(declared), comparison_key(h1)
    if not key_h or not key_d.endswith(" " + key_h):
        return False
    head_words = len(key_d.split()) - len(key_h.split())
    if not 0 < head_words < _KICKER_WORDS:
        return False
    head = declared[: len(declared) - len(h1)] if declared.endswith(h1) else None
    return head is None or bool(_KICKER_SEPARATOR.search(head.rstrip()))


def _states(declared: str, h1: str) -> bool:
    """``declared`` says the same as ``h1``, or is its start cut short with an ellipsis."""
    key_h = comparison_key(h1)
    if comparison_key(declared) == key_h:
        return True
    cut = _TRUNCATED.search(declared)
    if cut is None:
        return False
    head = comparison_key(declared[: cut.start()])
    return len(head.split()) >= 4 and key_h.startswith(head)


def _shares_words(a: str, b: str) -> bool:
    return bool(set(comparison_key(a).split()) & set(comparison_key(b).split()))


def _vouched(h1: str, declared: list[str]) -> bool:
    """A declaration states ``h1`` alone or behind a kicker."""
    return any(_states(t, h1) or _has_kicker(t, h1) for t in declared)


def vouched_headlines(candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(source, title)`` candidates without the ``<h1>``s no declaration backs, when there are several.

    One ``<h1>`` is the page's headline as often as not; several are a
    template's headings ("Sections", "Menu", "Neueste Beiträge") with the
    headline among them at best, so only those a declaration states count.
    """
    h1s = [t for s, t in candidates if s == "h1"]
    if len(h1s) < 2:
        return candidates
    declared = [t for s, t in candidates if s != "h1"]
    if not declared:
        return candidates  # nothing to vouch: the first <h1> is still the best guess
    return [(s, t) for s, t in candidates if s != "h1" or _vouched(t, declared)]


def prefer_visible(chosen: str, candidates: list[tuple[str, str]]) -> str:
    """The ``<h1>`` when a second declaration vouches for it as the story's headline, else ``chosen``.

    ``candidates`` are ``(source, title)`` pairs; sources other than ``h1``
    are declarations, ``jsonld`` among them.
    """
    declared = [t for s, t in candidates if s != "h1"]
    structured = [t for s, t in candidates if s == "jsonld"]
    for h1 in (t for s, t in candidates if s == "h1"):
        if comparison_key(h1) == comparison_key(chosen):
            return chosen
        if any(_states(t, h1) for t in structured):
            return h1
        if _has_kicker(chosen, h1) and any(_states(t, h1) for t in declared):
            return h1
        if not _shares_words(chosen, h1) and any(_has_kicker(t, h1) for t in declared):
            return h1
    return chosen
