"""The end of an article at a web form: a comment box, its login or registration box.

Below a story, pages print the forms of their widgets: "Write a comment"
with its "Name" and "E-mail" fields and a counter of the characters
left, a login box ("Forgot your password?"), a registration form. A renderer that
keeps the page's lines leaves each field label on a line the lexicon names;
a glued or flattened render joins them to the text around, the labels no
longer stand alone, and the region search runs on through the form into
the next stories.

A form is told by its shape, whatever its language:

- unrendered template slots (``{* firstName *}``, ``{| current_emailAddress |}``,
  ``{{ name }}``): a widget printed before its script filled it in;
- a text field's character counter: a "characters" word beside a
  "remaining" or "maximum" word and a number or a closing colon
  ("Caratteri rimanenti 300", "Verbleibende Zeichen:", "(max. 1500 Zeichen)");
- a comment box's login prompt: a discussion word and an account word a
  few words apart in a short block ("You must be logged in to join the
  discussion", "Zum Kommentieren anmelden");
- a password field: a short line naming the password.

The words are data (``data/form_cues.json``), and none marks a block on
its own: a counter needs its number, a password its short line. The slots,
the counter and the prompt are evidence enough in one block; the other marks need a
second mark of the form a few blocks on (an article about security may
have one short line that names a password).

Two marks were measured and left out: required-field labels ("Name *")
are the bullets of an inscriptis render once flattened ("Nyheter | *"),
and lines that are a price and nothing else are a buying guide's prices
as often as a donation form's amounts (a sleeping-bag guide lost half
its text on the soup render).

The cut keeps the article: it ends the region only after half the
region's prose (:data:`MIN_SHARE_BEFORE`; the form's own notices and the
next stories after it read as prose too) and after :data:`MIN_WORDS_BEFORE`
words of it, so a login box above a story, or a page that is mostly the
form, is left to the other stages. The short unfinished lines right above
the form (its heading, "Join the discussion", a share row's leftovers) go
with it.

On the soup, inscriptis, flat, glued, flat-insc and glued-insc renders of
fe, fp-dev and te-dev this ended 19 page renders earlier, none worse:
body F1 fp-dev glued 0.8801 -> 0.8832 (a registration template +0.25, a
comment login box +0.16, a counter +0.14), te-dev soup 0.8846 -> 0.8853.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import Verdict
from .form_cues import FormCues
from .headline_body import FINISHED
from .region import label_tail
from .segment import Block

#: An unrendered template slot: ``{* name *}``, ``{| name |}``, ``{{ name }}``, ``{% tag %}``.
_SLOT = re.compile(r"\{([*|{%])\s*[#/]?[A-Za-z_][\w.\-]*(?:\s[^{}]{0,60}?)?\s*([*|}%])\}")
#: Slots that make one block a widget's template.
MIN_SLOTS = 2
#: A field label, a counter, a password line: a block of this many words at most.
SHORT_WORDS = 12
#: A comment box's login prompt: its two words this many words apart at most, in a block this long at most.
PROMPT_REACH = 8
PROMPT_WORDS = 25
#: A weak mark needs another mark of the form within this many blocks after it.
PARTNER_REACH = 4
#: The region's prose words that must stand before the form, and their least share of the region's prose.
MIN_WORDS_BEFORE = 80
MIN_SHARE_BEFORE = 0.5
#: A line above the form that goes with it: this many words at most, and no finished sentence.
HEADING_WORDS = 8
#: The reason the form's blocks are dropped with (their own category where the lexicon named one).
REASON = "comments"


def _is_counter(text: str, words: int, cues: FormCues) -> bool:
    """A text field's counter: a counter phrase with its number (or a colon for it) in a short block."""
    if words > SHORT_WORDS or cues.counter.search(text) is None:
        return False
    return any(ch.isdigit() for ch in text) or text.rstrip().endswith(":")


def _is_prompt(text: str, words: int, cues: FormCues) -> bool:
    """A comment box's login prompt: a discussion word and an account word a few words apart in a short block."""
    if words > PROMPT_WORDS:
        return False
    talk = [m.start() for m in cues.discussion.finditer(text)]
    if not talk:
        return False
    for match in cues.account.finditer(text):
        for position in talk:
            low, high = sorted((position, match.start()))
            if len(text[low:high].split()) <= PROMPT_REACH:
                return True
    return False


def form_mark(block: Block, cues: FormCues) -> str | None:
    """The kind of form furniture ``block`` shows, if any: "slots", "counter" and "prompt" are strong."""
    text = block.text.strip()
    if len(_SLOT.findall(text)) >= MIN_SLOTS:
        return "slots"
    if _is_counter(text, block.words, cues):
        return "counter"
    if _is_prompt(text, block.words, cues):
        return "prompt"
    if block.words <= SHORT_WORDS and cues.secret.search(text) is not None:
        return "secret"
    return None


def _strong(marks: Sequence[str | None], offset: int) -> bool:
    """Whether the mark at ``offset`` starts a form: a strong mark, or a weak one with a partner soon after."""
    mark = marks[offset]
    if mark in ("slots", "counter", "prompt"):
        return True
    return mark is not None and any(m is not None for m in marks[offset + 1 : offset + 1 + PARTNER_REACH])


def _prose(block: Block, verdict: Verdict) -> int:
    return block.words if verdict.running_prose else 0


def _heading_start(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, index: int) -> int:
    """The first of the short unfinished lines right above the form (its heading and prompts)."""
    while index - 1 > start:
        block, verdict = blocks[index - 1], verdicts[index - 1]
        if block.words > HEADING_WORDS or verdict.content_prose or FINISHED.search(block.text) is not None:
            break
        index -= 1
    return index


def cut_form_tail(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, cues: FormCues
) -> tuple[int, dict[int, str]]:
    """The region's end cut before the first form below most of its prose, and the cut blocks' reasons."""
    marks = [form_mark(blocks[i], cues) for i in range(start, end)]
    total = sum(_prose(blocks[i], verdicts[i]) for i in range(start, end))
    before = 0
    for offset, index in enumerate(range(start, end)):
        if (
            marks[offset] is not None
            and before >= MIN_WORDS_BEFORE
            and before >= MIN_SHARE_BEFORE * total
            and _strong(marks, offset)
        ):
            cut = _heading_start(blocks, verdicts, start, index)
            return cut, label_tail(verdicts, cut, end, REASON)
        before += _prose(blocks[index], verdicts[index])
    return end, {}
