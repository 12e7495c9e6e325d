"""``clean()``: sniff the input, route it to the HTML or text path, build the record.

This module is the pipeline's spine (trafilatura's ``core.py`` habit): each
stage is a function of its input and the options, and only here are their
results assembled into an :class:`~newsclean.record.Article`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decode import decode_bytes, repair_text
from .errors import InputError
from .hints import fill_gaps, hints_from
from .ids import record_error_id, stable_id
from .lazy import Lazy
from .limits import cut_text, read_capped
from .normalize.language import identify_language, middle_sample
from .normalize.safety import secure_fields
from .normalize.text import join_paragraphs, normalize_text, word_count
from .options import Options, parse_reference_date, resolve_options
from .record import Article, Reason
from .sniff import as_json_record, sniff_format
from .text.credits import find_credits
from .text.extract import TextExtraction, TextResources, extract_text

if TYPE_CHECKING:  # imported on the first HTML page (see _fill_from_html)
    from .html.extract import HtmlExtraction

_RESOURCES: Lazy[TextResources] = Lazy(TextResources.load)
logger = logging.getLogger(__name__)

#: Keys of a JSON input record that carry the crawl time.
_CRAWL_KEYS = ("crawl_date", "fetched_at", "crawled_at", "date_download", "timestamp")


def clean(
    raw: str | bytes,
    *,
    url: str | None = None,
    input_format: str | None = None,
    source: str | None = None,
    fetched_at: str | None = None,
    options: Options | None = None,
    **kwargs: Any,
) -> Article:
    """Clean one page into an article record.

    Args:
        raw: the page as ``str`` or ``bytes`` (bytes are decoded with charset
            detection; gzip is opened transparently).
        url: the page's address; it feeds the id, headline cleaning and
            metadata.
        input_format: ``auto`` (the default: HTML, plain text or a JSON
            record with ``html``/``text``), ``html`` or ``text``; the
            ``input_format`` field of :class:`~newsclean.options.Options`.
        source: where the input came from (a path), copied to the record.
        fetched_at: crawl time (ISO 8601); relative dates resolve against it.
        options: a ready :class:`~newsclean.options.Options` (one object
            shared by many calls), or ``None``.
        **kwargs: fields of :class:`~newsclean.options.Options`, instead of
            ``options``; unknown names raise
            :class:`~newsclean.errors.OptionsError`.

    Raises:
        OptionsError: an unknown or invalid option, or both ``options`` and
            keyword options (``input_format`` counts as one).
        InputError: the input is binary (an image, a PDF, corrupt gzip) or a
            JSON record without a page. Inputs over a size limit are cut, not
            refused, with a warning naming the limit.
    """
    if input_format is not None:
        kwargs["input_format"] = input_format
    opts = resolve_options(options, kwargs)
    return clean_with_options(raw, opts, url=url, source=source, fetched_at=fetched_at)


def clean_with_options(
    raw: str | bytes,
    options: Options,
    *,
    url: str | None = None,
    source: str | None = None,
    fetched_at: str | None = None,
    record_id: str | None = None,
) -> Article:
    """:func:`clean` with a ready :class:`Options` (used by batch runners)."""
    warnings: list[str] = []
    if isinstance(raw, (bytes, bytearray)):
        text, warnings = decode_bytes(
            bytes(raw), max_bytes=options.max_input_bytes, max_decompressed=options.max_decompressed_bytes
        )
    elif isinstance(raw, str):
        text, cut = cut_text(raw, options.max_input_bytes)
        text, warnings = repair_text(text)
        warnings[:0] = [cut] if cut else []
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(raw).__name__}")

    fmt = options.input_format
    if fmt in ("auto", "json"):
        fmt = sniff_format(text) if fmt == "auto" else "json"
    if fmt == "json":
        return _clean_json_record(text, options, source=source, warnings=warnings)

    if fetched_at and options.reference_date is None:
        options = options.replace(reference_date=parse_reference_date(fetched_at))
    article = Article(
        id=record_id or stable_id(url, text),
        url=url,
        source=source,
        input_format=fmt,
        fetched_at=fetched_at,
        warnings=warnings,
    )
    if not text.strip():
        article.warnings.append("input: empty or whitespace only")
    elif fmt == "html":
        _fill_from_html(article, text, url, options)
    else:
        _fill_from_text(article, text, url, options)
    article.credits = find_credits(article.text, (r.text for r in article.removed if r.reason is Reason.BYLINE))
    secure_fields(article)  # every field, after every extractor: no bidi controls, http(s) URLs, bounded sizes
    article.word_count = word_count(article.text)
    return article


def _take_shared_fields(article: Article, found: TextExtraction | HtmlExtraction) -> None:
    """The fields both paths read the same way, copied onto the record in one place."""
    article.title = found.title
    article.published = found.published
    article.modified = found.modified
    article.authors = found.authors
    article.section = found.section
    article.tags = found.tags
    article.removed = found.removed
    article.paywalled = found.paywalled
    article.warnings.extend(found.warnings)


def _fill_from_text(article: Article, text: str, url: str | None, options: Options) -> None:
    logger.debug("text path: %s chars", f"{len(text):,}")
    found = extract_text(text, options, _RESOURCES.get(), url)
    article.text = join_paragraphs(found.paragraphs)
    _take_shared_fields(article, found)
    # The posts are cut from the body either way (and listed in ``removed``);
    # ``keep_embeds`` only decides whether the record lists them.
    article.embeds = found.embeds if options.keep_embeds else []
    # The text path judged the language on the dump's longest blocks, which
    # are the body; detecting again on the body would repeat the work.
    _set_language(article, options, declared=None, detected=(found.language, found.language_confidence))
    _log_body(article, len(found.paragraphs))


def _fill_from_html(article: Article, text: str, url: str | None, options: Options) -> None:
    # Imported here, not with the module: the HTML path (trafilatura and its
    # markup modules, a tenth of a second) is then loaded only by a process
    # that meets an HTML page, not by a CLI run or a batch of text dumps.
    from .html.extract import extract_html

    logger.debug("html path: %s chars", f"{len(text):,}")
    found = extract_html(text, url, options, _RESOURCES.get())
    # The same text normalisation as the text path (NFC, mojibake, soft
    # hyphens, zero-width and control characters), paragraph by paragraph:
    # a repair must never join two paragraphs' words.
    article.text = join_paragraphs([normalize_text(p) for p in found.paragraphs])
    article.url = found.url or url
    _take_shared_fields(article, found)
    article.description = found.description
    article.site_name = found.site_name
    article.top_image = found.top_image
    if not article.text:
        article.warnings.append("html: no article body found")
    _set_language(article, options, declared=found.declared_language)
    _log_body(article, len(found.paragraphs))


def _log_body(article: Article, paragraphs: int) -> None:
    """The last line of a page's story under ``-v``, the same for both paths."""
    logger.debug("body: %s paragraphs, %s chars; %s lines removed as noise; language %s",
                 paragraphs, f"{len(article.text or ''):,}", len(article.removed), article.language)


def _set_language(
    article: Article,
    options: Options,
    declared: str | None,
    detected: tuple[str | None, float | None] | None = None,
) -> None:
    """Detected language of the body, checked against what the page declares."""
    if options.language:
        # The caller's language is the record's: nothing to detect.
        article.language, article.language_confidence = options.language, 1.0
        return
    language, confidence = detected or identify_language(middle_sample(article.text or article.title or ""), declared)
    if language:
        article.language, article.language_confidence = language, confidence
        if declared and declared != language and (confidence or 0) > 0.9:
            article.warnings.append(f"language: page declares {declared}, text reads as {language}")
    elif declared:
        article.language, article.language_confidence = declared, None


def _clean_json_record(text: str, options: Options, *, source: str | None, warnings: list[str]) -> Article:
    record = as_json_record(text)
    if record is None:
        raise InputError("input is not a JSON record with an 'html' or 'text' field")
    article = clean_record_to_article(record, options, source=source)
    article.warnings[:0] = warnings
    return article


def clean_record_to_article(record: dict[str, Any], options: Options, *, source: str | None = None) -> Article:
    """Clean a dict carrying ``html`` or ``text`` plus optional ``url``, ``id``, crawl time, ``hints``.

    ``hints`` (``{"origin", "title", "published", "authors"}``, as ``newsclean
    fetch`` keeps them) fill the title, date and authors the page lacks.
    """
    fetched = next((str(record[k]) for k in _CRAWL_KEYS if record.get(k)), None)
    if isinstance(record.get("html"), str) and record["html"].strip():
        raw, fmt = record["html"], "html"
    elif isinstance(record.get("text"), str):
        raw, fmt = record["text"], "text"
    elif isinstance(record.get("html"), str):  # blank: an empty record with its warning, not an error
        raw, fmt = record["html"], "html"
    else:
        raise InputError("record has neither an 'html' nor a 'text' string")
    record_id = str(record["id"]) if record.get("id") is not None else None
    article = clean_with_options(
        raw,
        options.replace(input_format=fmt),
        url=record.get("url"),
        source=source or record.get("source"),
        fetched_at=fetched,
        record_id=record_id,
    )
    hints = hints_from(record.get("hints"))
    if hints is not None:  # feed or sitemap metadata kept with a fetched page fill what the page lacked
        fill_gaps(article, hints, options)
        secure_fields(article)
    return article


def clean_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    fetched_at: str | None = None,
    options: Options | None = None,
    **kwargs: Any,
) -> Article:
    """Clean one file (``.html``, ``.txt``, their ``.gz``, or a JSON record).

    Takes the same ``url``, ``fetched_at``, ``options`` and keyword options
    as :func:`clean`; the record's ``source`` is the path. A file that
    cannot be read raises ``OSError`` (batch runners turn it into an error
    record instead).
    """
    opts = resolve_options(options, kwargs)
    file = Path(path)
    raw = read_capped(file, opts.max_input_bytes)
    return clean_with_options(raw, opts, url=url, source=str(file), fetched_at=fetched_at)


def clean_record(record: dict[str, Any], *, options: Options | None = None, **kwargs: Any) -> dict[str, Any]:
    """Pure per-record function for pipelines (``datasets.map``, Beam, Ray).

    Takes ``{"html"|"text": ..., "url"?, "id"?, "crawl_date"?}`` and returns
    the article as a dict; picklable, with no state shared between calls.
    Options come as an ``Options`` object or as keywords, as for
    :func:`clean`. Input faults come back as a record with ``error`` set
    instead of raising; its id is the record's own, else derived from its
    source, url or content (:func:`~newsclean.ids.record_error_id`).
    """
    opts = resolve_options(options, kwargs)
    try:
        return clean_record_to_article(record, opts).to_dict()
    except InputError as exc:
        return Article(
            id=record_error_id(record),
            url=_optional_str(record.get("url")),
            source=_optional_str(record.get("source")),
            error=str(exc),
        ).to_dict()


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
