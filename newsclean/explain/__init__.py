"""Why each part of a page was kept or removed: the view users trust the cleaner by.

``explain`` cleans the input with :func:`newsclean.clean` and reads the
record back onto the input: plain text line by line (removals inside a line
shown as spans with their reasons), HTML block by block through the HTML
path's result. The verdicts come from the record (its ``text`` and
``removed`` spans), not from a second run of the rules, so the text marked
kept is the record's ``text``.
"""

from __future__ import annotations

from typing import Any

from ..api import clean
from ..decode import repair_text
from ..limits import cut_text
from ..options import Options
from ..sniff import as_json_record, sniff_format
from .model import KEPT, NOT_EXTRACTED, PARTLY_KEPT, Explanation, FieldSource, Line, Span, Summary

__all__ = [
    "KEPT",
    "NOT_EXTRACTED",
    "PARTLY_KEPT",
    "Explanation",
    "FieldSource",
    "Line",
    "Span",
    "Summary",
    "explain",
]


def explain(
    raw: str, *, input_format: str = "auto", source: str | None = None, url: str | None = None, **options: Any
) -> Explanation:
    """Clean one page (text dump or HTML) and say, part by part, what was kept and why not.

    ``input_format``, ``url`` and ``options`` are :func:`newsclean.clean`'s;
    the record is the one ``clean`` returns for them (a dump's URL is
    evidence for its headline and date). A JSON record is explained through
    the page it carries.
    """
    opts = Options.from_kwargs(input_format=input_format, **options)
    article = clean(raw, input_format=input_format, source=source, url=url, **options)
    page = _page(raw, opts)
    if article.input_format == "html":
        from .html import explain_html

        return explain_html(page, article, opts)
    from .text import explain_text

    return explain_text(page, article, opts)


def _page(raw: str, options: Options) -> str:
    """The page as ``clean`` reads it: out of its JSON record, cut to size and repaired."""
    text = repair_text(cut_text(raw, options.max_input_bytes)[0])[0]
    if options.input_format in ("auto", "json") and (options.input_format == "json" or sniff_format(text) == "json"):
        record = as_json_record(text) or {}
        html = record.get("html")
        page = html if isinstance(html, str) and html.strip() else record.get("text")
        text = repair_text(cut_text(page, options.max_input_bytes)[0])[0] if isinstance(page, str) else ""
    return text
