"""Label runs: the menu items, share rows and bylines glued in front of a sentence in a dump without lines.

A flattened or glued dump prints a menu, a share row, a headline and a
byline on the line of the sentence after them. :mod:`~newsclean.text.unflatten`
cuts each line into sentences; this module finds, in each, the run of
labels glued before its running prose and says where the sentence itself
starts:

- labels are capitalised tokens (or numbers and symbols) with few
  lower-case words between them; prose is mostly lower-case words. The run
  is the prefix with the highest excess of labels over prose words
  (:func:`label_prefix`);
- the sentence takes back the capitalised words that open it: a dateline's
  place, a capitalised function word, a name (:func:`_sentence_start`), and
  in a flattened dump its whole subject when the cut would land inside it
  (:func:`_subject_start`);
- the labels go out one a line, as a line-preserving renderer prints a
  menu (:func:`label_lines`);
- in scripts without case, function words stand in for lower-case words
  and other words for half a label (:mod:`~newsclean.text.caseless_labels`,
  :func:`_caseless_prefix`).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from ..normalize.scripts import UNSPACED_CHAR
from ..normalize.stopword_vote import shared_vote
from .caseless_labels import CaselessWords, is_caseless, is_label_run, prose_start

#: A label run shorter than this stays with its sentence ("Prime Minister Sunak said").
MIN_LABEL_RUN = 3
#: Weights of the label score: a capitalised token counts for the run, a
#: lower-case word against it, a function word ("of", "the",
#: "for" in "Find the Card for You": the cue lists' function words) a little
#: against it.
_CAP_WEIGHT = 1.0
_LOWER_WEIGHT = -1.0
_CONNECTOR_WEIGHT = -0.4
#: Lower-case words in a row that make running prose.
PROSE_RUN = 3
#: Tokens of a long sentence; a unit longer than this holds labels before its sentence.
MAX_SENTENCE_TOKENS = 60
#: How far back a capitalised function word may open the sentence.
_OPENER_TOKENS = 7
#: How far before a sentence's first lower-case word a dateline's dash may stand.
_DATELINE_TOKENS = 10
_DASHES = frozenset({"-", "–", "—", "―"})
#: A dateline's place: a word in capitals, a comma after it at most ("PUTRAJAYA,", "NEW").
_PLACE = re.compile(r"^[^\W\d_a-z]{3,}[^\W\d_]*,?$")
_STOPS = frozenset(".!?…。！？")
#: Sentence ends of the scripts without case: danda, Arabic and Urdu marks, Ethiopic full stop.
#: How far back the words of another script may end a label run before a caseless sentence's subject.
_CASELESS_SUBJECT_TOKENS = 30
_CASELESS_STOPS = _STOPS | frozenset("।॥؟۔።")
#: Chinese and Japanese: ideographs and kana (Korean is written with spaces
#: and has no case: its labels are not told from its words here).
_CJK_CLAUSE = re.compile(r"[、，。！？]")
#: A token of this many characters in those scripts is a clause, not a label.
_CJK_LABEL_CHARS = 12
#: The weight of such a clause: prose on its own.
_PROSE_TOKEN = -3.0


def _load_function_words() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("data/cues.json").read_text("utf-8"))
    return frozenset(w for words in data["dangling"].values() for w in words)


#: Articles, prepositions and conjunctions: capitalised, they start a sentence ("The", "Der", "El").
_FUNCTION_WORDS = _load_function_words()


def _weight(token: str) -> float | None:
    """How much ``token`` reads as a label (positive) or as prose (negative); ``None`` in scripts without case.

    Chinese and Japanese are written without spaces: a sentence is one long
    token (or has clause marks), a label a short one.
    """
    if UNSPACED_CHAR.search(token):
        return _PROSE_TOKEN if len(token) >= _CJK_LABEL_CHARS or _CJK_CLAUSE.search(token) else _CAP_WEIGHT
    letter = next((c for c in token if c.isalpha()), "")
    if not letter:
        # Numbers, counters, symbols ("12", "|", "×", "•") belong to widgets.
        return _CAP_WEIGHT / 2
    if letter.isupper():
        return _CAP_WEIGHT
    if letter.islower():
        word = token.strip("\"'“”‘’«»()[],:;").casefold()
        return _CONNECTOR_WEIGHT if word in _FUNCTION_WORDS else _LOWER_WEIGHT
    return None


def _first_prose(weights: list[float | None]) -> int:
    """Index where the sentence's running prose starts (``len(weights)`` when none).

    Labels never glue to the middle of a sentence, so the label run is
    looked for before it. Prose is lower-case words in a row, not all of
    them function words ("for the"): two in a unit of sentence length
    ("On Thursday, Minsk announced that Russian Wagner Group fighters ..."
    has no labels), :data:`PROSE_RUN` within :data:`MAX_SENTENCE_TOKENS` of
    the end in a longer unit, which holds labels, some written in sentence
    case ("retour à la une", "Se connecter"). In Chinese and Japanese the
    clauses that end the unit are its sentence.
    """
    trailing = len(weights)
    while trailing and weights[trailing - 1] == _PROSE_TOKEN:
        trailing -= 1
    if trailing < len(weights):
        # Chinese or Japanese: the sentence is the clause the unit ends with.
        return trailing
    short = len(weights) <= MAX_SENTENCE_TOKENS
    needed = 2 if short else PROSE_RUN
    run: list[int] = []
    for index, weight in enumerate(weights):
        if weight in (_LOWER_WEIGHT, _CONNECTOR_WEIGHT):
            run.append(index)
            if (
                len(run) >= needed
                and any(weights[i] == _LOWER_WEIGHT for i in run)
                and len(weights) - run[0] <= MAX_SENTENCE_TOKENS
            ):
                return run[0]
        else:
            run = []
    return len(weights)


def _sentence_start(tokens: list[str], weights: list[float | None], end: int) -> int:
    """Where the sentence starts among the capitalised tokens before ``end``.

    A news agency's dateline ("PARIS, March 4 (AFP) - ...", "BERLIN (dpa) —")
    opens the article's first paragraph: its place name in capitals before
    a dash starts the sentence. Otherwise a capitalised function word among
    the names and function words before ``end`` does ("... List The first
    step", "... Archiv Das Hutfestival im Herzen von Chemnitz ist"), or the
    last two tokens do ("... Twitter Boris Johnson said").
    """
    window = range(end - 1, max(end - _DATELINE_TOKENS, -1), -1)
    dash = next((i for i in window if tokens[i] in _DASHES), None)
    if dash is not None:
        place = [i for i in range(max(dash - 4, 0), dash) if _PLACE.match(tokens[i])]
        if place:
            first = place[0]
            # A place of several words ("NEW YORK,", "SAN JOSÉ,").
            while first and _PLACE.match(tokens[first - 1]) and not tokens[first - 1].endswith(","):
                first -= 1
            return first
    for back in range(end - 1, max(end - _OPENER_TOKENS, -1), -1):
        if weights[back] not in (_CAP_WEIGHT, _CONNECTOR_WEIGHT):
            break
        if tokens[back][:1].isupper() and tokens[back].casefold() in _FUNCTION_WORDS:
            return back
    return max(end - 2, 0)


def _lower(token: str) -> bool:
    """Whether ``token``'s first letter is lower-case (a word inside a sentence, not a label)."""
    return next((c for c in token if c.isalpha()), "").islower()


def _subject_start(tokens: list[str], start: int) -> int:
    """``start`` moved back over the sentence's subject when the cut would land inside a sentence.

    A label run ends before the capitalised word that opens a sentence. A cut
    before a lower-case word ("Mr Lammy, the MP / for Tottenham, posted")
    or after a comma ("Former President Donald Trump, / the Republican
    frontrunner") leaves the sentence's subject among the labels: menu
    items, share rows and tag lists are capitalised and carry no commas.
    The cut goes back over the lower-case words and numbers before it to
    the capitalised words that open the sentence (:func:`_sentence_start`).
    """
    weights = [_weight(t) for t in tokens]
    while 0 < start < len(tokens) and (_lower(tokens[start]) or tokens[start - 1].endswith((",", ";"))):
        inner = start
        # Back over lower-case words and the numbers between them ("Caroline Pursey, 63, from").
        while inner > 0 and (_lower(tokens[inner - 1]) or not any(c.isalpha() for c in tokens[inner - 1])):
            inner -= 1
        if inner == 0:
            return 0
        start = _sentence_start(tokens, weights, inner)
    return start


def _caseless_sentence_start(tokens: list[str], end: int) -> int:
    """Where a sentence with caseless words starts before ``end``, the end of the label run's weight.

    The caseless words just before the sentence's prose are its subject,
    a name with its titles often ("কুষ্টিয়া-১ (দৌলতপুর) আসনের সংসদ সদস্য
    (এমপি) অ্যাডভোকেট ..."). A label run in another script (Latin menu
    items, a number, a separator) ends where the script changes, up to
    :data:`_CASELESS_SUBJECT_TOKENS` back; otherwise the last two words
    before ``end`` open the sentence, as in :func:`_sentence_start`.
    """
    for back in range(end - 1, max(end - _CASELESS_SUBJECT_TOKENS, 0) - 1, -1):
        # Numbers stand in prose too ("রহমানকে (৫০)"); a cased word, a separator or a clock time ends the labels.
        if _weight(tokens[back]) is not None and not tokens[back].strip("()[],.").isdigit():
            return back + 1
    return max(end - 2, 0)


def _caseless_prefix(tokens: list[str], weights: list[float]) -> int:
    """:func:`label_prefix` for a sentence with words of a script without case.

    ``weights`` give each caseless word its evidence
    (:class:`~newsclean.text.caseless_labels.CaselessWords`): a function
    word is prose, any other word half a label. The run is found as in a
    cased script, before the sentence's running prose
    (:func:`~newsclean.text.caseless_labels.prose_start`).
    """
    prose = frozenset({_LOWER_WEIGHT, _CONNECTOR_WEIGHT})
    limit = prose_start(weights, prose, MAX_SENTENCE_TOKENS)
    total = best = 0.0
    end = 0
    for index, weight in enumerate(weights[:limit]):
        total += weight
        if total > best:
            best, end = total, index + 1
    if best < MIN_LABEL_RUN or not is_label_run(tokens[:end], weights[:end]):
        return 0
    if limit == len(tokens):
        # A unit that ends a sentence with a function word in it is a sentence, however few it shows.
        after = sum(1 for w in weights[end:] if w in prose)
        if not (after >= 1 and tokens[-1][-1:] in _CASELESS_STOPS):
            return len(tokens)
    start = _caseless_sentence_start(tokens, end)
    return 0 if start < MIN_LABEL_RUN else start


def label_prefix(tokens: list[str], subjects: bool = False, caseless: CaselessWords | None = None) -> int:
    """How many leading tokens of a sentence are glued-on labels (0 when none).

    The prefix is where the running sum of label weights peaks before the
    sentence's running prose; :func:`_sentence_start` gives the sentence
    back the capitalised words that open it. With ``subjects`` (a flattened
    dump) a cut that would land inside the sentence moves back over its
    subject (:func:`_subject_start`). A sentence with words of a script
    without case is judged by ``caseless``, the dump's evidence for them
    (:func:`_caseless_prefix`); without it, it keeps its labels.
    """
    weights = [_weight(t) for t in tokens]
    if any(w is None for w in weights):
        if caseless is None:
            return 0
        filled = [caseless.weight(t) if w is None else w for t, w in zip(tokens, weights, strict=True)]
        last_word = next((t for t in reversed(tokens) if any(c.isalpha() for c in t)), "")
        if is_caseless(last_word):
            return _caseless_prefix(tokens, filled)
        # The sentence is in a cased script, with caseless words among its labels (a language switcher).
        weights = [w for w in filled]
    limit = _first_prose(weights)
    total = best = 0.0
    end = 0
    for index, weight in enumerate(weights[:limit]):
        total += weight or 0.0
        if total > best:
            best, end = total, index + 1
    if best < MIN_LABEL_RUN:
        return 0
    if limit < len(tokens) and weights[limit] == _PROSE_TOKEN:
        return end
    lower = sum(1 for w in weights[end:] if w in (_LOWER_WEIGHT, _PROSE_TOKEN))
    if limit == len(tokens) and not (lower >= 2 and tokens[-1][-1:] in _STOPS):
        # No prose after the labels: the whole unit is labels.
        return len(tokens)
    start = _sentence_start(tokens, weights, end)
    if start < MIN_LABEL_RUN:
        return 0
    return _subject_start(tokens, start) if subjects else start


_EDGE = "\"'“”‘’«»„()[]{},.:;!?…"


#: A run of labels with a comma after this share of its tokens is an enumeration (names,
#: places, titles listed in a sentence or a list of the article), not a menu: menu items
#: and tag rows stand side by side without punctuation.
ENUMERATION_COMMA_SHARE = 0.25
#: A token that stands alone between spaces to separate labels ("News , Sport · 2 Feb"):
#: prose sets its commas against the word before, a tag row or a dateline spaces them.
_SEPARATORS = frozenset({",", "|", "·", "•", "-", "–", "—", "/"})
#: A whole unit cut as labels that ends like a sentence is one when at least this share of
#: its tokens are lower-case words: a promotion's sentence ("Mehr Lesekomfort mit der ...
#: App!", fp-dev glued-insc: 2 of 7), where a credit line of names ("Reporting by ...
#: Writing by ... Editing by ...", fe glued-insc: 3 of 19) holds few.
WHOLE_UNIT_LOWER_SHARE = 0.25


def _clause_word(token: str) -> bool:
    """Whether ``token`` is a lower-case stopword that is not a connector: a pronoun or an auxiliary verb.

    Headlines, kickers and menu items hold articles, prepositions and
    conjunctions ("Newsblog zum Krieg in Nahost") but seldom the pronouns
    and finite auxiliaries of a clause ("ihren", "war", "was", "her"); every
    jusText stoplist holds those beside the connectors
    (:data:`_FUNCTION_WORDS`).
    """
    if not _lower(token):
        return False
    word = token.strip(_EDGE).lower()
    return word not in _FUNCTION_WORDS and shared_vote().lists_of(word) != 0


def sentence_words(tokens: list[str], cut: int) -> bool:
    """Whether the ``cut`` leading ``tokens`` :func:`label_prefix` names as labels are words of the sentence.

    A glued dump keeps the lines its renderer gave each paragraph, so a cut
    inside a line is taken from the middle of its prose, and the capitalised
    words of a German sentence or of an enumeration read as a label run: cut
    out, they leave short lines that read as a menu, and the region ends at
    them with the article half read (fe, fp-dev and te-dev glued renders:
    "Von ihren 32 Jahren im MDR war Karola Wille | 27 Jahre in leitenden
    Funktionen tätig", "Afrique, Europe, Moyen Orient… | la Russie est en
    train de"). The words belong to the sentence when the labels are
    separated by commas and what follows the cut goes on with the sentence
    (a list of names and titles before a capitalised word is a credit line:
    "Jane Doe, MD, PhD, | Deputy Editor, reports ..."); when what follows the cut goes on with it (opens
    in lower case or with a number) and the labels hold a pronoun or an
    auxiliary (:func:`_clause_word`) — a real label run glued before a
    lower-case sentence is still cut ("Unsere Karikaturisten Kostas | und
    Mohr"); or when the cut takes the whole unit, which ends like a sentence
    with lower-case words in it (:data:`WHOLE_UNIT_LOWER_SHARE`). Labels
    with a separator standing alone among them (:data:`_SEPARATORS`) are a
    tag row or a dateline, never a sentence's words (fp-dev glued-insc: a
    "In News , Portugal , Business - <date>" row kept glued to the lead
    paragraph took it out with the row).
    """
    if not cut:
        return False
    labels = tokens[:cut]
    if any(token in _SEPARATORS for token in labels):
        return False
    letter = next((char for char in tokens[cut] if char.isalnum()), "") if cut < len(tokens) else ""
    goes_on = letter.islower() or letter.isdigit()
    if goes_on and sum(1 for token in labels if token.endswith(",")) >= ENUMERATION_COMMA_SHARE * len(labels):
        return True
    if cut < len(tokens):
        return goes_on and any(_clause_word(token) for token in labels)
    lower = sum(1 for token in labels if _lower(token))
    return tokens[-1][-1:] in _STOPS and lower >= WHOLE_UNIT_LOWER_SHARE * len(labels)


def label_lines(tokens: list[str], caseless: CaselessWords | None = None) -> list[str]:
    """Labels one a line, as a line-preserving renderer prints a menu.

    A new label starts at each capitalised token, except after a short
    lower-case connector ("Find the Card"). With ``caseless`` (the dump's
    evidence for words of scripts without case) a new label also starts at
    each caseless word that is not a function word: a menu in such a script
    would otherwise go out as one long line, and a long line reads as prose.
    """
    lines: list[list[str]] = []
    for token in tokens:
        weight = _weight(token)
        if weight is None and caseless is not None and caseless.weight(token) > 0:
            weight = _CAP_WEIGHT
        if lines and (weight is None or weight < _CAP_WEIGHT or _weight(lines[-1][-1]) == _CONNECTOR_WEIGHT):
            lines[-1].append(token)
        else:
            lines.append([token])
    return [" ".join(line) for line in _join_shouted(lines)]


#: A run of words in capitals at least this long is a headline set in capitals (shorter: a subheading or a
#: menu, whose words stay labels of their own). The whole-headline test in the classifier reads from this length.
SHOUTED_HEADLINE_WORDS = 9


def _join_shouted(lines: list[list[str]]) -> list[list[str]]:
    """``lines`` with each long run of lines made of words in capitals joined into one line.

    A page prints the link to another story between paragraphs as a headline
    in capitals ("FED-UP OWNER SPEARHEADS RECALL EFFORT: 'PEOPLE ARE TIRED'");
    cut at every capital it comes back one word a line, each read as a menu
    entry, and the classifier's whole-headline test never sees it. Short
    runs (a subheading, a menu in capitals) are left as they were cut.
    """
    out: list[list[str]] = []
    run: list[list[str]] = []
    for line in [*lines, []]:
        if line and all(_shouted(token) for token in line):
            run.append(line)
            continue
        if sum(len(piece) for piece in run) >= SHOUTED_HEADLINE_WORDS:
            out.append([token for piece in run for token in piece])
        else:
            out.extend(run)
        run = []
        if line:
            out.append(line)
    return out


def _shouted(token: str) -> bool:
    """Whether ``token`` is a word set in capitals ("SPEARHEADS"), not a number or a symbol."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_prose_word(token: str) -> bool:
    """Whether ``token`` is a lower-case word of running prose (not a function word, a number or a symbol)."""
    return _weight(token) == _LOWER_WEIGHT


def is_opener(token: str) -> bool:
    """Whether ``token`` is a capitalised function word, which opens a sentence ("The", "Der", "Einen")."""
    return token[:1].isupper() and token.casefold() in _FUNCTION_WORDS
