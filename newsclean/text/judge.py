"""The text path's judging stages: segment the lines into blocks, name their language, classify them.

Classification is the classifier's verdict per block
(:func:`~newsclean.text.classify.classify_blocks`) refined by what only the
page as a whole shows: fragments of one sentence, labelled story links,
teaser boxes, captions, appeal runs, and prose printed twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..normalize.language import detect_language
from ..normalize.text import comparison_key
from ..options import Options
from .appeals import mark_appeal_runs
from .classify import Verdict, classify_blocks
from .evidence import Evidence
from .fragments import rescore_fragments
from .lexicon import Lexicon
from .link_lines import label_link_blocks
from .marks import mark_captions, mark_labelled_links, mark_teaser_boxes
from .scores import noise_score
from .segment import Block, iter_blocks
from .sentence_runs import repeated_runs, run_words
from .stage_values import Judged, Prepared, Segmented

#: Repeated prose this large is the article printed twice, not a teaser list.
_COPY_BLOCKS = 4
_COPY_WORDS = 150
#: A repeated prose block's score per word: low enough that no region is anchored on a teaser list.
_REPEAT_SCORE_PER_WORD = -0.5
#: Blocks this long (words) carry stopword evidence; shorter ones are too noisy to measure.
_DENSITY_MIN_WORDS = 20
#: The upper-quartile long block must reach this stopword density for the stoplist to fit the page.
_FITTING_DENSITY = 0.15
#: Characters of the longest blocks the language is judged on.
_LANGUAGE_SAMPLE = 3000


def segment(page: Prepared) -> Segmented:
    """The segment stage: the dump's lines grouped into blocks (language not yet known)."""
    return Segmented(iter_blocks(page.text, streamed=page.streamed), flattened=page.flattened,
                     link_lines=page.link_lines, item_lines=page.item_lines)


def identify_language(page: Segmented, options: Options) -> Segmented:
    """The language stage: the blocks' language, judged on the longest of them (the caller's wins)."""
    if options.language:
        # The record takes the caller's language: detecting it would be wasted.
        return replace(page, language=options.language)
    detected, confidence = detect_language(_prose_sample(page.blocks))
    return replace(page, language=options.language or detected, detected=detected, confidence=confidence)


def classify(page: Segmented, options: Options, lexicon: Lexicon, evidence: Evidence) -> Judged:
    """The classify stage: each block's verdict, refined by the page-level marks the options ask for."""
    blocks, language = page.blocks, page.language
    lexicon = lexicon.for_language(language)
    fits = _stoplist_fits(blocks, language, evidence)
    stop_language = language if fits else None
    verdicts = classify_blocks(blocks, lexicon, evidence)
    label_link_blocks(blocks, verdicts, page.link_lines)
    # Items cut from a list glued into one run weigh as the noise run they were, not as labels.
    label_link_blocks(blocks, verdicts, page.item_lines, noise_score)
    rescore_fragments(blocks, verdicts, lambda text: evidence.stopword_density(text, stop_language))
    links = mark_labelled_links(blocks, verdicts)
    if "teaser" not in options.kept_categories:
        links |= mark_teaser_boxes(blocks, verdicts)
    # One sentence a line: a caption is the text a credit closes, not the last sentence of a paragraph.
    lengths = run_words(blocks, verdicts) if page.flattened else None
    captions: set[int] = set()
    if "image_credit" not in options.kept_categories:
        captions = mark_captions(blocks, verdicts, lexicon, lengths)
    if "appeal" not in options.kept_categories:
        mark_appeal_runs(blocks, verdicts, evidence)
    known: dict[str, str] = {}  # a page repeats a quarter of its blocks: each text's key is made once
    keys = [known[b.text] if b.text in known else known.setdefault(b.text, comparison_key(b.text)) for b in blocks]
    repeated = set() if options.favor_recall else _repeated_prose(keys, verdicts, blocks)
    if page.flattened:
        # One sentence a line: a sentence the page prints again (its lead in a teaser) is not a repeated paragraph.
        repeated = repeated_runs(blocks, verdicts, repeated)
    for index in repeated:
        # Prose printed twice on one page is a teaser list, not the article.
        verdicts[index].score = _REPEAT_SCORE_PER_WORD * blocks[index].words
    return Judged(verdicts, lexicon, keys, frozenset(links), frozenset(captions), frozenset(repeated))


def _repeated_prose(keys: list[str], verdicts: list[Verdict], blocks: list[Block]) -> set[int]:
    """Prose blocks whose text occurs more than once on the page.

    A few short paragraphs printed twice are teasers (a summary in a box and
    in a list); many long ones are the article itself printed again by a
    reading-aid or print widget, so its first printing is not repeated.
    """
    counts = Counter(k for k, v in zip(keys, verdicts, strict=True) if k and v.prose)
    repeated = [i for i, (k, v) in enumerate(zip(keys, verdicts, strict=True)) if v.prose and k and counts[k] > 1]
    first: dict[str, int] = {}
    for index in repeated:
        first.setdefault(keys[index], index)
    firsts = list(first.values())
    if len(firsts) >= _COPY_BLOCKS and sum(blocks[i].words for i in firsts) >= _COPY_WORDS:
        return set(repeated) - set(firsts)
    return set(repeated)


def _stoplist_fits(blocks: list[Block], language: str | None, evidence: Evidence) -> bool:
    """Whether stopword density is evidence on this page at all.

    With a misdetected language, a language jusText has no good list for, or
    agglutinative scripts where function words fuse with nouns, even the
    article's paragraphs score near zero; density would then reject the
    article itself, so it is not used. Each distinct long text is measured
    once (a page prints its teasers twice).

    The upper quartile fits when a quarter of the measured blocks (rounded
    up) fit, so the blocks are measured in order only until a quarter of
    all long blocks do: past that count the answer cannot change (a block
    whose density is unknown, having no words, only lowers the count
    needed). Measuring every long block cost 3% of a soup dump's time
    (0.57 ms a dump on 100 dev dumps; 0.33 ms stopping early).
    """
    long_blocks = [block for block in blocks if block.words >= _DENSITY_MIN_WORDS]
    enough = -(-len(long_blocks) // 4)
    measured: dict[str, float | None] = {}
    # Every block counts, a repeated paragraph as often as it is printed.
    densities: list[float] = []
    fitting = 0
    for block in long_blocks:
        text = block.text
        density = measured[text] if text in measured else measured.setdefault(
            text, evidence.stopword_density(text, language)
        )
        if density is None:
            continue
        densities.append(density)
        if density >= _FITTING_DENSITY:
            fitting += 1
            if fitting >= enough:
                return True
    if not densities:
        return False
    densities.sort()
    return densities[len(densities) * 3 // 4] >= _FITTING_DENSITY


def _prose_sample(blocks: list[Block], limit: int = _LANGUAGE_SAMPLE) -> str:
    """The longest blocks of a dump: what its language should be judged on."""
    longest = sorted(blocks, key=lambda b: len(b.text), reverse=True)
    sample: list[str] = []
    size = 0
    for block in longest:
        if size >= limit:
            break
        sample.append(block.text)
        size += len(block.text)
    return "\n".join(sample)
