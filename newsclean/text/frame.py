"""The text path's framing stages: find the article region, then cut its ends.

The *region* stage picks the block range the article prose forms (helped by
the URL's slug). The *ends* stage cuts what that range swallowed at its
end (a teaser list, the next article, comments behind a barrier, the
author's bio), widens it on a flattened page so the article is never lost,
and falls back to every non-noise block when no region was found.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..options import Options
from . import glued as glued_dump
from .announced import announced_list
from .bio import author_bio
from .classify import Verdict
from .continuation import announces_in_words, resumed_end
from .cue_tail import cut_cue_tail
from .ends import (
    BARRIER_CATEGORIES,
    FINAL_BARRIERS,
    FOOTER_BARRIERS,
    LATE_BARRIERS,
    cut_at_barrier,
    cut_next_article,
    next_article_stamped,
    story_named_below,
)
from .evidence import Evidence
from .flat_footer import cut_glued_footer
from .flat_guard import WARNING as FLAT_WARNING
from .flat_guard import widen_region
from .flat_head import glued_menu_head
from .flat_list import flat_list_body
from .flat_tail import cut_label_run
from .form_tail import cut_form_tail
from .headline import slug_relevance
from .headline_body import FINISHED, body_under_headline
from .labelled_lists import extend_over_labelled_lists, extend_over_labelled_tail
from .line_ends import is_bulleted
from .list_body import TINY_WORDS, list_under_headline
from .list_body import WARNING as LIST_WARNING
from .list_body import WARNING_PREFIX as LIST_WARNING_PREFIX
from .post_nav import cut_post_nav
from .region import cut_teaser_tail, find_region, label_tail
from .resume import resume_after_box
from .segment import Block
from .sentence_runs import paragraph_verdicts
from .short_slug import short_slug_relevance
from .stage_values import Framed, Judged, Prepared, Segmented
from .tail_score import cut_scored_tail
from .teaser_pairs import cut_teaser_pairs

logger = logging.getLogger(__name__)

#: A region of list items only and shorter than this is a story link, not an article.
_MIN_LIST_ARTICLE_WORDS = 40
#: Lines on each side of a lone headline-shaped region read to tell whether it is one item of a list.
_LIST_REACH = 3
#: Its siblings: lines of a headline's length (words) that end without a sentence's stop.
_ITEM_WORDS = range(4, 31)
#: How many siblings make a list, and how far above a teaser box's label ("More stories") may sit.
_MIN_SIBLINGS = 3
_LABEL_REACH = 4


def locate_region(page: Segmented, judged: Judged, url: str | None, evidence: Evidence | None = None) -> Framed:
    """The region stage: the article's block range, its appeal-like edges trimmed.

    On a flattened dump (one sentence a line) runs of prose sentences weigh as the paragraphs they were.
    """
    verdicts = paragraph_verdicts(page.blocks, judged.verdicts) if page.flattened else judged.verdicts
    relevance = slug_relevance(url, page.blocks) or short_slug_relevance(url, page.blocks)
    # Runs are weighed against each other by the slug's words without its function words ("für", "über"):
    # any run of prose prints those, so they cannot tell the story's run from a reader-forum box. The
    # absolute floor below (a region sharing too little of the slug is not the story's) was measured on
    # the whole slug and keeps it.
    stopwords = evidence.stoplist(page.language) if evidence is not None else None
    contrast = (slug_relevance(url, page.blocks, stopwords) if stopwords else None) or relevance
    start, end, trimmed = find_region(verdicts, contrast)
    under_headline = body_under_headline(page.blocks, verdicts, relevance, start, end)
    if under_headline is not None:
        # The densest prose is not the story's: its lines are under the headline the address names.
        (start, end), trimmed = under_headline, {}
    logger.debug("text engine: %s blocks, language %s; article region: blocks %s-%s", len(page.blocks),
                 page.language, start, end)
    return Framed(start, end, trimmed)


def cut_ends(
    prepared: Prepared,
    page: Segmented,
    judged: Judged,
    region: Framed,
    options: Options,
    evidence: Evidence,
    url: str | None = None,
) -> Framed:
    """The ends stage: the region's end cut before what it swallowed, its start and end guarded."""
    blocks, verdicts = page.blocks, judged.verdicts
    start, end, trimmed = region.start, region.end, dict(region.trimmed)
    warnings: list[str] = []
    #: Where a barrier ended the article (a share row, a comment header, a footer), if one did.
    barrier: int | None = None
    announced = announced_list(blocks, verdicts, start, end)
    #: From an announced list's announcement to its first item: a tail cut there would take the promised list.
    guard = range(0)
    if announced is not None:
        guard, end = range(announced[0], announced[1] + 1), announced[2]
        if announces_in_words(blocks[announced[1] - 1].text):
            end = resumed_end(blocks, verdicts, end)
    start = extend_over_labelled_lists(blocks, verdicts, start, end)
    end = extend_over_labelled_tail(blocks, verdicts, start, end)
    if "teaser" not in options.kept_categories:
        cut, teasers = cut_teaser_tail(blocks, verdicts, start, end, strict=options.favor_precision,
                                       keys=judged.keys)
        if cut not in guard:
            end = cut
            trimmed.update(teasers)
        if prepared.flattened:
            # A page without line breaks: the boxes after the article come back as a long run of labels.
            cut, after = cut_label_run(blocks, verdicts, start, end, slug_relevance(url, blocks))
            if cut not in guard:
                end = cut
                trimmed.update(after)
            # ... or as one box's label glued to the next stories' headlines and summaries.
            cut, after = cut_cue_tail(blocks, verdicts, start, end, judged.lexicon)
            if cut not in guard:
                end = cut
                trimmed.update(after)
    if not options.favor_recall:
        # Not on a page without line breaks: one sentence a line, the lower header's lines are no headline's.
        named = None if prepared.flattened else story_named_below(blocks, verdicts, start, end,
                                                                  slug_relevance(url, blocks))
        if named is not None:
            # The story the address names is the lower one: what the region took in above its header is not it.
            trimmed.update(label_tail(verdicts, start, named[0], "teaser"))
            start = named[1]
        # A second article's header stamped published and updated is a barrier: the flattened guard below
        # must not take its longer story back in (a weaker header may be a box's, and the guard the rescue).
        stamped = prepared.flattened and next_article_stamped(blocks, verdicts, start, end, flattened=True)
        end, after = cut_next_article(blocks, verdicts, start, end, flattened=prepared.flattened)
        trimmed.update(after)
        barrier = end if after and stamped else None
    if "comments" not in options.kept_categories or options.favor_precision:
        tag_label = evidence.tag_label
        end, after = cut_at_barrier(
            blocks,
            verdicts,
            start,
            end,
            lambda text: tag_label.match(text.split(":", 1)[0].strip()) is not None,
            BARRIER_CATEGORIES if options.favor_precision else FINAL_BARRIERS,
            {} if options.favor_precision else LATE_BARRIERS,
            FOOTER_BARRIERS,
        )
        trimmed.update(after)
        barrier = end if after else barrier
    if "comments" not in options.kept_categories:
        # A comment box or its login form below the article: its prompts and counters, glued to the text around
        # on a render that lost the page's lines, no longer stand alone for the barrier cut.
        end, after = cut_form_tail(blocks, verdicts, start, end, evidence.form)
        trimmed.update(after)
        barrier = end if after else barrier
    if end == region.end and not options.favor_precision:
        # Nothing cut the region's end: the article may close below a related-stories box.
        end = resume_after_box(blocks, verdicts, end)
    if prepared.flattened and "teaser" not in options.kept_categories:
        # A page without line breaks: its footer's labels may come back glued into one block that reads as prose.
        end, after = cut_glued_footer(blocks, verdicts, start, end, judged.lexicon)
        trimmed.update(after)
        barrier = end if after else barrier
    if "teaser" not in options.kept_categories:
        # The links to the posts before and after this one: the post has ended, what follows is its page's.
        cut, after = cut_post_nav(blocks, verdicts, start, end, judged.lexicon)
        if cut not in guard:
            end = cut
            trimmed.update(after)
    bio = author_bio(blocks, verdicts, start, end)
    if bio is not None and "byline" not in options.kept_categories:
        trimmed.update(dict.fromkeys(range(bio.first, end), "byline"))
        end = bio.first
    if "teaser" not in options.kept_categories:
        # The next stories' boxes below the article: runs of headline and summary pairs that share few words
        # with it (a glued render hides them in prose; a line-structured one may keep them above a footer, and
        # must show their headline, summary, headline order: a newsletter's reading list and next section don't).
        lines_kept = not (prepared.flattened or glued_dump.is_glued(prepared.text))
        cut, after = cut_teaser_pairs(blocks, verdicts, start, end, lines_kept)
        if cut not in guard:
            end = cut
            trimmed.update(after)
        if not prepared.flattened:
            # Last, what the line-shaped rules left: a box's label glued into the lines after the article, with
            # other stories' headlines after it (a render that kept some of the page's breaks).
            cut, after = cut_scored_tail(blocks, verdicts, start, end, judged.lexicon)
            if cut not in guard:
                end = cut
                trimmed.update(after)
    widened = (
        widen_region(blocks, verdicts, (start, end), trimmed, barrier, slug_relevance(url, blocks))
        if prepared.flattened
        else None
    )
    if widened is not None:
        # A page without line breaks: never lose the article to a teaser's or footer's prose.
        warnings.append(FLAT_WARNING)
        guarded = end
        start, end = widened
        if "teaser" not in options.kept_categories:
            # The run taken in may end in the boxes after the article: cut them as there, never inside the region.
            cut, after = cut_label_run(blocks, verdicts, start, end, slug_relevance(url, blocks))
            if cut >= guarded:
                end = cut
                trimmed.update(after)
            cut, after = cut_cue_tail(blocks, verdicts, start, end, judged.lexicon)
            if cut >= guarded:
                end = cut
                trimmed.update(after)
    if prepared.flattened and "navigation" not in options.kept_categories:
        # A page without line breaks: the menu comes back glued to the headline as one long line at the top.
        trimmed.update(glued_menu_head(blocks, verdicts, start, end, trimmed,
                                       lambda text: evidence.stopword_density(text, page.language)))
    if start == end:
        # No region at all: every non-noise block is kept (the list fallback below does not replace this: the
        # header reader may read the lines under the headline as a teaser list and the body would come out empty).
        warnings.append("text: no article region found; kept every non-noise block")
        start, end = 0, len(blocks)
    listed_body = None
    candidates = [i for i in range(start, end) if verdicts[i].category is None]
    if (
        candidates
        and sum(blocks[i].words for i in candidates) < _MIN_LIST_ARTICLE_WORDS
        and (listed := all(is_bulleted(blocks[i].text) and not verdicts[i].prose for i in candidates)
             or _teaser_item(blocks, verdicts, start, end, candidates))
    ):
        # A list item or two is a link to another story, not an article (a render that lost the page's text);
        # a bulleted summary that reads as prose is what the render kept of the article.
        warnings.append(LIST_WARNING_PREFIX + "only "
                        + ("list items" if listed else "a headline of a teaser box"))
        trimmed.update(dict.fromkeys(candidates, "navigation"))
        end = start
    if sum(blocks[i].words for i in range(start, end) if verdicts[i].category is None) < TINY_WORDS and (
        listed_body := list_under_headline(blocks, verdicts, judged.keys, slug_relevance(url, blocks))
    ) is not None:
        # Never lose the article: a list-only story (an awards night's winners) reads as a menu line by line.
        warnings = [w for w in warnings if not w.startswith(LIST_WARNING_PREFIX)] + [LIST_WARNING]
        start, end = listed_body
    elif prepared.flattened and (
        flat_list := flat_list_body(blocks, verdicts, judged.keys, (start, end))
    ) is not None:
        # A flattened list article: its items came back as fragments the lexicon named menu entries.
        warnings = [w for w in warnings if not w.startswith(LIST_WARNING_PREFIX)] + [LIST_WARNING]
        return Framed(flat_list.start, flat_list.end, trimmed, bio, tuple(warnings), listed=True,
                      relabelled=flat_list.relabelled)
    return Framed(start, end, trimmed, bio, tuple(warnings), listed=listed_body is not None)


def _teaser_item(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int, end: int, candidates: Sequence[int]
) -> bool:
    """Whether a short region is one headline of a teaser box (a render that lost the page's text).

    A story's headline can read as a sentence ("Star: 'Touring without my
    kids is like a vacation'") and win the region when the render kept no
    article. Its evidence is the box around it: a teaser label just above
    ("More stories"), and lines of a headline's length, none ending a
    sentence, on both sides. An article's short last paragraph has prose
    around it, or a stop at its end.
    """
    if len(candidates) > 2 or any(FINISHED.search(blocks[i].text.strip()) for i in candidates):
        return False
    if not any(verdicts[i].category == "teaser" for i in range(max(0, start - _LABEL_REACH), start)):
        return False

    def sibling(index: int) -> bool:
        block = blocks[index]
        return (verdicts[index].category in (None, "teaser") and not verdicts[index].prose
                and block.words in _ITEM_WORDS and not FINISHED.search(block.text.strip()))

    above = sum(sibling(i) for i in range(max(0, start - _LIST_REACH), start))
    below = sum(sibling(i) for i in range(end, min(len(blocks), end + _LIST_REACH)))
    return below >= 1 and above + below >= _MIN_SIBLINGS
