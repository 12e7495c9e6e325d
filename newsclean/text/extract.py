"""The plain-text path: from a scraped dump to article fields.

Pipeline, one function per stage, each taking and returning a small value
(:mod:`newsclean.text.stage_values`):

1. unwrap: read the dump's lines (normalised, unwrapped, without Markdown)
   and its leading date marker (:func:`~newsclean.text.prepare.read_dump`);
2. embeds: cut link annotations, social embeds and close glyphs out of the
   lines (:func:`~newsclean.text.prepare.cut_embedded`);
3. segment: group the lines into blocks (:func:`~newsclean.text.judge.segment`),
   and name their language (:func:`~newsclean.text.judge.identify_language`);
4. classify: judge each block and refine the verdicts with page-level marks
   (:func:`~newsclean.text.judge.classify`);
5. region: find the article's block range (:func:`~newsclean.text.frame.locate_region`);
6. ends: cut what the region swallowed at its end, guard its edges
   (:func:`~newsclean.text.frame.cut_ends`);
7. header and fields: read the header above the region and the footer below
   it as the record's fields (:func:`~newsclean.text.fields.read_fields`);
8. compose: keep the region's content blocks minus the noise sentences glued
   into them (:func:`~newsclean.text.compose.compose`), then judge the paywall.

Every removed span is reported with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..options import Options
from ..record import Embed, Removed
from .closing_caption import take_closing_paragraph
from .compose import compose
from .evidence import Evidence
from .fields import Fields, Located, read_fields
from .flat_list import relabel
from .frame import cut_ends, locate_region
from .judge import classify, identify_language, segment
from .lexicon import Lexicon
from .paywall import judge_paywall
from .prepare import cut_embedded, read_dump
from .region import extend_over_widgets
from .render_seams import close_all_seams
from .sentence_edges import sentence_end, sentence_start
from .standfirst import find_standfirst, keep_repeated_lead, strip_roles


@dataclass
class TextResources:
    """Data the text path loads once and shares across documents (read-only)."""

    lexicon: Lexicon
    evidence: Evidence

    @classmethod
    def load(cls) -> TextResources:
        return cls(Lexicon.load(), Evidence.load())


@dataclass
class TextExtraction(Fields):
    """What the text path found in one dump: the record's fields (with the lines that gave
    them, read by ``explain``) and the body."""

    paragraphs: list[str] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    paywalled: bool = False
    language: str | None = None
    language_confidence: float | None = None


def extract_text(
    text: str, options: Options, resources: TextResources, url: str | None = None
) -> TextExtraction:
    """Run the plain-text path on one dump."""
    prepared = cut_embedded(read_dump(text, options, url, resources.lexicon), resources.evidence)
    page = identify_language(segment(prepared), options)
    judged = classify(page, options, resources.lexicon, resources.evidence)
    located_region = locate_region(page, judged, url, resources.evidence)
    region = cut_ends(prepared, page, judged, located_region, options, resources.evidence, url)
    if region.relabelled:
        # A flattened list article: the fragments a lexicon named menu entries are its items.
        judged = replace(judged, verdicts=relabel(judged.verdicts, region.relabelled))
    located = Located(page.blocks, judged.verdicts, judged.keys, region.start, region.end, judged.links,
                      judged.captions, region.bio, prepared.marker_date, prepared.heading,
                      text if prepared.streamed else None)
    fields = read_fields(located, options, judged.lexicon, resources.evidence, page.language, url)
    roles = dict(fields.roles)
    for index, category in region.trimmed.items():
        roles.setdefault(index, category)
    for index in judged.repeated:
        roles.setdefault(index, "duplicate")
    # The header was read from the region as found; the lead a widget strip cut off joins the body.
    first = sentence_start(page.blocks, judged.verdicts, roles, region.start, region.end)
    last = sentence_end(page.blocks, judged.verdicts, roles, region.start, region.end)
    last = take_closing_paragraph(page.blocks, judged.verdicts, roles, first, last)
    lead = extend_over_widgets(page.blocks, judged.verdicts, first, last)
    standfirst = find_standfirst(page.blocks, judged.verdicts, roles, lead) if lead < region.end else None
    if standfirst is not None:
        # The headline's standfirst joins the body over a strip of furniture, which stays out.
        roles.update(strip_roles(page.blocks, judged.verdicts, roles, standfirst, lead))
        lead = standfirst
    # A lead a teaser reprints is the article's own where the article prints it.
    keep_repeated_lead(page.blocks, judged.verdicts, judged.keys, roles, lead, region.start)
    body = compose(page.blocks, judged.keys, judged.verdicts, roles, (lead, last), options,
                   region.listed, standfirst)
    return TextExtraction(
        title=fields.title, published=fields.published, modified=fields.modified, authors=fields.authors,
        section=fields.section, tags=fields.tags, warnings=[*region.warnings, *fields.warnings], roles=roles,
        sources=fields.sources, paragraphs=close_all_seams(body.paragraphs), embeds=list(prepared.embeds),
        removed=[*prepared.removed, *body.removed], paywalled=judge_paywall(body.spans, judged.lexicon),
        language=page.detected, language_confidence=page.confidence,
    )
