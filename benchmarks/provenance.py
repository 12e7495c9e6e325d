"""Lexicon provenance: where each noise phrase was seen, on which sites.

Command line: ``python -m benchmarks.provenance [--data DIR] [--report]``.

Every entry of ``newsclean/text/lexicons/<category>.json`` is one *phrase*
(one regex alternative). A phrase earns its place by occurring on at least
two unrelated sites: one that only one site's pages ever show describes that
site's template, not a kind of noise, and will not carry over to other pages.
This pass looks for each phrase in the dev corpus (both plain-text renders of
every page, as raw lines and as the blocks the text path segments them into;
the ``soup`` render is the page's visible HTML text), matched the way the
classifier uses it (``line``: the whole stripped short block;
``phrase``: a search inside a line), and writes up to three examples a phrase
from distinct sites to ``lexicons/provenance/<category>.json``. Lines outside
the gold body (real noise) are preferred as examples. Examples marked
``"from": "web"`` were found on public pages by hand; a re-run keeps them
while they still match.

Sites are registrable domains with the public suffix dropped, so ``x.de``
and ``x.at``, or ``a.example.com`` and ``b.example.com``, count once. The
seed pages are never read: they are the regression fixtures, not evidence.
``tests/unit/test_lexicon_provenance.py`` fails for a phrase with fewer than
two sites and for an example its phrase does not match.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.text.gates import new_case_fold, required_words, word_gate
from newsclean.text.lexicon import _strip_line
from newsclean.text.segment import count_words, iter_blocks

from .data import add_data_option, data_dir_or_report, set_path

REPO = Path(__file__).resolve().parents[1]
LEXICONS = REPO / "newsclean" / "text" / "lexicons"
PROVENANCE = LEXICONS / "provenance"
#: Phrases set aside for want of two sites: not loaded, kept to be proven and restored.
UNPROVEN = LEXICONS / "unproven"
KINDS = ("line", "phrase")
SETS = ("fe", "fp-dev", "te-dev")
#: The longest block the classifier tries line patterns on (``classify._SHORT_BLOCK_WORDS``).
LINE_MAX_WORDS = 15
EXAMPLE_CHARS = 160
EXAMPLES_PER_PHRASE = 3
#: Distinct sites a phrase needs (what the provenance test enforces).
MIN_SITES = 2
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass
class Phrase:
    """One lexicon entry and the examples found for it, one per site label."""

    category: str
    kind: str
    language: str
    source: str
    pattern: re.Pattern[str]
    #: site label -> (registrable host, example line, line is gold body text)
    seen: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    #: what :func:`write` recorded: the dev examples chosen and the hand-found ones kept
    examples: list[dict[str, str]] = field(default_factory=list)


def site_of(url: str) -> tuple[str, str]:
    """``(label, host)``: the registrable domain without its public suffix, and with it."""
    import tldextract  # a benchmark-only dependency, pinned to its bundled suffix list

    parts = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)(url)
    host = ".".join(p for p in (parts.domain, parts.suffix) if p)
    return parts.domain.lower() or host.lower(), host.lower()


def example_matches(kind: str, pattern: re.Pattern[str], example: str) -> bool:
    """Whether ``pattern`` matches ``example`` as the classifier would try it."""
    if kind == "line":
        return pattern.fullmatch(_strip_line(example)) is not None
    return pattern.search(example.translate(_QUOTES)) is not None


def load_phrases(directory: Path = LEXICONS) -> list[Phrase]:
    """Every entry of every category file, compiled as the lexicon compiles it."""
    phrases: list[Phrase] = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        for kind in KINDS:
            # A lexicon lists its phrases; an ``unproven/`` file maps each to its examples.
            for language, sources in data.get(kind, {}).items():
                for source in sources:
                    compiled = re.compile(source, re.IGNORECASE)
                    phrases.append(Phrase(data["category"], kind, language, source, compiled))
    return phrases


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def corpus_lines(data_dir: Path) -> Iterator[tuple[str, str, str, bool]]:
    """``(label, host, line, in_gold)`` for each distinct line of each site's pages."""
    seen: set[tuple[str, str]] = set()
    for path in (set_path(data_dir, name) for name in SETS):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                label, host = site_of(str(row.get("url") or ""))
                gold = row.get("gold") or {}
                body = _norm(str(gold.get("body") or ""))
                wanted = [_norm(w) for w in gold.get("with") or [] if isinstance(w, str) and w.strip()]
                for render in (row.get("text") or {}).values():
                    render = str(render or "")
                    # Raw lines, and the blocks the classifier sees (wrapped lines re-joined).
                    for line in [*render.splitlines(), *(block.text for block in iter_blocks(render))]:
                        line = line.strip()
                        if not line or (label, line) in seen:
                            continue
                        seen.add((label, line))
                        low = _norm(line)
                        in_gold = bool(body and low in body) or any(w in low for w in wanted)
                        yield label, host, line, in_gold


def _trim(kind: str, pattern: re.Pattern[str], line: str) -> str | None:
    """The line cut to about :data:`EXAMPLE_CHARS` around the match (``None``: too long a line)."""
    if len(line) <= EXAMPLE_CHARS:
        return line
    if kind == "line":
        return None
    found = pattern.search(line.translate(_QUOTES))
    if found is None or found.end() - found.start() > EXAMPLE_CHARS:
        return None
    start = max(0, min(found.start() - 40, len(line) - EXAMPLE_CHARS))
    cut = line[start : start + EXAMPLE_CHARS]
    return cut if example_matches(kind, pattern, cut) else None


def scan(phrases: Sequence[Phrase], data_dir: Path) -> None:
    """Record in each phrase one example line per site it matched on.

    A word gate (one pass a line) picks the few phrases that can match;
    phrases without a required word are tried on every line.
    """
    fold = new_case_fold()
    words = [required_words(p.source, fold) for p in phrases]
    gate = word_gate([frozenset(w or ()) for w in words])
    always = [i for i, w in enumerate(words) if not w]
    for label, host, line, in_gold in corpus_lines(data_dir):
        short = count_words(line) <= LINE_MAX_WORDS
        folded = fold.fold(line.translate(_QUOTES)) if fold is not None else line
        mask = gate.mask(folded) if gate is not None else 0
        candidates = list(always)
        while mask:
            low = mask & -mask
            candidates.append(low.bit_length() - 1)
            mask ^= low
        for i in candidates:
            phrase = phrases[i]
            if phrase.kind == "line" and not short:
                continue
            old = phrase.seen.get(label)
            if old is not None and not old[2]:
                continue  # already a noise example from this site
            if not example_matches(phrase.kind, phrase.pattern, line):
                continue
            example = _trim(phrase.kind, phrase.pattern, line)
            if example is not None and (old is None or (old[2] and not in_gold)):
                phrase.seen[label] = (host, example, in_gold)


def _examples(phrase: Phrase, kept: list[dict[str, str]]) -> list[dict[str, str]]:
    """Up to three examples from distinct sites, hand-found ones first, then noise before gold lines."""
    out = [e for e in kept if example_matches(phrase.kind, phrase.pattern, e["example"])]
    labels = {e["site"].split(".")[0] for e in out}
    ranked = sorted(phrase.seen.items(), key=lambda item: (item[1][2], item[0]))
    for label, (host, example, _gold) in ranked:
        if len(out) >= EXAMPLES_PER_PHRASE:
            break
        if label not in labels:
            out.append({"site": host, "example": example, "from": "dev"})
            labels.add(label)
    return out


def write(phrases: Sequence[Phrase], directory: Path = PROVENANCE) -> None:
    """Rewrite each category's file of examples in ``directory``, keeping the hand-found (``web``) ones."""
    directory.mkdir(exist_ok=True)
    by_category: dict[str, list[Phrase]] = {path.stem: [] for path in directory.glob("*.json")}
    for phrase in phrases:
        by_category.setdefault(phrase.category, []).append(phrase)
    for category, members in by_category.items():
        path = directory / f"{category}.json"
        old = json.loads(path.read_text("utf-8")) if path.exists() else {}
        data: dict[str, object] = {"category": category}
        for kind in KINDS:
            table: dict[str, dict[str, list[dict[str, str]]]] = {}
            for p in (m for m in members if m.kind == kind):
                kept = [e for e in old.get(kind, {}).get(p.language, {}).get(p.source, []) if e.get("from") == "web"]
                p.examples = _examples(p, kept)
                table.setdefault(p.language, {})[p.source] = p.examples
            data[kind] = table
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def site_count(examples: Sequence[dict[str, str]]) -> int:
    """Distinct site labels among ``examples`` (``x.de`` and ``x.at`` are one)."""
    return len({e["site"].split(".")[0] for e in examples})


def _move(source: dict[str, Any], target: dict[str, Any], kind: str, language: str, phrase: str) -> None:
    source[kind][language].remove(phrase)
    if not source[kind][language]:
        del source[kind][language]
    target.setdefault(kind, {}).setdefault(language, []).append(phrase)


def prune(lexicons: Path = LEXICONS, provenance: Path = PROVENANCE, unproven: Path = UNPROVEN) -> tuple[int, int]:
    """Set aside every loaded phrase with fewer than two sites, and restore every set-aside one with two.

    ``unproven/<category>.json`` has a lexicon's shape (phrases per kind and
    language) and is not loaded; its examples (none or one site) are in
    ``unproven/examples/``. There are no exceptions: a phrase the seeds or
    the suite need is generalised or proven on a public page (a ``web``
    example) before it may stay. Returns how many phrases were set aside and
    restored.
    """
    (unproven / "examples").mkdir(parents=True, exist_ok=True)
    aside = restored = 0
    for path in sorted(lexicons.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        category = data["category"]
        out_path = unproven / path.name
        out: dict[str, Any] = json.loads(out_path.read_text("utf-8")) if out_path.exists() else {"category": category}
        proof = json.loads((provenance / path.name).read_text("utf-8")) if (provenance / path.name).exists() else {}
        proof.setdefault("category", category)
        doubt_path = unproven / "examples" / path.name
        doubt = json.loads(doubt_path.read_text("utf-8")) if doubt_path.exists() else {}
        for kind in KINDS:
            for language, sources in list(data.get(kind, {}).items()):
                for phrase in list(sources):
                    seen = proof.get(kind, {}).get(language, {}).get(phrase, [])
                    if site_count(seen) < MIN_SITES:
                        _move(data, out, kind, language, phrase)
                        doubt.setdefault(kind, {}).setdefault(language, {})[phrase] = seen
                        proof[kind][language].pop(phrase, None)
                        aside += 1
            for language, sources in list(out.get(kind, {}).items()):
                for phrase in list(sources):
                    found = doubt.get(kind, {}).get(language, {}).get(phrase, [])
                    if site_count(found) >= MIN_SITES:
                        _move(out, data, kind, language, phrase)
                        proof.setdefault(kind, {}).setdefault(language, {})[phrase] = found
                        del doubt[kind][language][phrase]
                        restored += 1
        for target, content in ((path, data), (out_path, out), (provenance / path.name, proof), (doubt_path, doubt)):
            target.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return aside, restored


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser)
    parser.add_argument("--report", action="store_true", help="list the phrases with fewer than two sites")
    parser.add_argument(
        "--prune", action="store_true", help="set aside phrases under two sites; restore set-aside ones with two"
    )
    args = parser.parse_args(argv)
    if args.prune:
        aside, restored = prune()
        print(f"{aside} phrases set aside in {UNPROVEN}, {restored} restored from it")
        return 0
    data_dir = data_dir_or_report(args.data, REPO, SETS)
    if data_dir is None:
        return 2
    phrases = load_phrases()
    doubtful = load_phrases(UNPROVEN) if UNPROVEN.exists() else []
    scan([*phrases, *doubtful], data_dir)
    write(phrases)
    write(doubtful, UNPROVEN / "examples")
    counts = {">=2": 0, "1": 0, "0": 0}
    for p in phrases:
        n = site_count(p.examples)
        counts[">=2" if n >= MIN_SITES else str(n)] += 1
        if args.report and n < MIN_SITES:
            sites = ",".join(h for h, _e, _g in p.seen.values())
            print(f"{n}\t{p.category}\t{p.kind}\t{p.language}\t{p.source}\t{sites}")
    print(f"{len(phrases)} phrases: {counts['>=2']} with >=2 sites, {counts['1']} with 1, {counts['0']} with 0")
    ready = sum(site_count(p.examples) >= MIN_SITES for p in doubtful)
    print(f"{len(doubtful)} set-aside phrases, {ready} of them now with >=2 sites (restore with --prune)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
