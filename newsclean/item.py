"""One batch item to one record: what ``clean_many`` accepts and how each kind is read.

Split from :mod:`newsclean.pipeline` (the worker pool) by concern: this module
decides what an item *is* (a path, raw bytes, a record, an
:class:`~newsclean.io.readers.InputItem`), cleans it, and names the error
record standing for one that failed. A failure never raises out of here.
"""

from __future__ import annotations

import json
import logging
import os
import traceback
from pathlib import Path
from typing import Any, Union

from .api import _CRAWL_KEYS as CRAWL_KEYS  # the keys clean_record_to_article reads, checked first here
from .api import clean_record_to_article, clean_with_options
from .errors import InputError, NewscleanError, OptionsError
from .hints import fill_gaps
from .ids import error_id, record_error_id
from .io.inputs import InputItem, one_line
from .limits import read_capped
from .options import Options, parse_reference_date
from .record import Article

logger = logging.getLogger(__name__)

#: What ``clean_many`` accepts per item: a path (``str`` or ``PathLike``), raw
#: content as ``bytes``, a record (``dict`` with ``html`` or ``text``), or an
#: input item. A ``str`` is always a path: a page's text goes in a record, so a
#: mistyped path can never be cleaned as if it were the article.
Item = Union["os.PathLike[str]", str, bytes, dict[str, Any], InputItem]


#: A ``str`` item longer than this, or holding a line break, is no path (PATH_MAX is 4096 on Linux).
_MAX_PATH_CHARS = 4096


def _looks_like_content(item: str) -> bool:
    """A ``str`` item no file system would take for a path: page content passed by mistake."""
    return len(item) > _MAX_PATH_CHARS or "\n" in item


def describe_item(item: Item) -> str | None:
    if isinstance(item, InputItem):
        return item.source
    if isinstance(item, str):
        return None if _looks_like_content(item) else item
    if isinstance(item, os.PathLike):
        return os.fspath(item)
    if isinstance(item, dict):
        found = item.get("source") or item.get("url")
        return found if isinstance(found, str) else None
    found = getattr(item, "source", None)  # a work function's own item type (a fetched page)
    return found if isinstance(found, str) else None


def _url(item: Item) -> str | None:
    if isinstance(item, InputItem):
        return item.url
    url = item.get("url") if isinstance(item, dict) else getattr(item, "url", None)
    return url if isinstance(url, str) else None


def error_article(item: Item, reason: str) -> Article:
    """The record standing for an input that could not be cleaned.

    Its id is stable across runs and distinct between inputs
    (:mod:`newsclean.ids`): a record's own ``id``, else the source (path,
    ``path:line``, ``path@offset``), else the url, else a hash of the content.
    """
    source, url = describe_item(item), _url(item)
    if isinstance(item, dict):
        ident = record_error_id(item)
    elif isinstance(item, (bytes, bytearray)):
        ident = error_id(source=source, url=url, content=bytes(item))
    elif isinstance(item, InputItem) and not source:
        ident = error_id(url=url, content=item.data)
    else:
        ident = error_id(source=source, url=url, content=repr(item))
    return Article(id=ident, url=url, source=source, error=reason)


def _summarise_traceback(exc: BaseException, frames: int = 3) -> str:
    """The last few frames and the exception, one line each: enough to file a bug."""
    stack = traceback.extract_tb(exc.__traceback__)[-frames:]
    lines = [f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in stack]
    lines.append(f"{type(exc).__name__}: {exc}".splitlines()[0])
    return " | ".join(lines)


def _clean_input_item(item: InputItem, options: Options) -> Article:
    if item.kind == "error":  # what a reader could not read: its reason, as an error record
        raise InputError(str(item.data))
    if item.kind == "path":
        return clean_with_options(read_capped(item.source, options.max_input_bytes), options, source=item.source)
    if item.kind == "jsonl":
        try:
            record = json.loads(item.data)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"JSON line is not valid JSON ({exc})") from exc
        if not isinstance(record, dict):
            raise InputError("JSON line is not an object")
        record, warnings = checked_record(record)
        article = clean_record_to_article(record, options, source=item.source)
        article.warnings[:0] = warnings
        return article
    if item.input_format and options.input_format == "auto":
        options = options.replace(input_format=item.input_format)
    fetched_at, problem = usable_crawl_time(item.fetched_at)
    article = clean_with_options(item.data, options, url=item.url, source=item.source, fetched_at=fetched_at)
    article.warnings[:0] = [problem] if problem else []
    if item.hints is not None:  # a fetched page, or its archived copy: the same fills either way
        fill_gaps(article, item.hints, options)
    return article


def usable_crawl_time(value: object) -> tuple[str | None, str | None]:
    """A crawl time the cleaner can use, or ``None`` and the warning saying why it was dropped.

    A container's crawl time (a JSONL ``crawl_date``, a ``WARC-Date``) only
    helps resolve relative dates; a malformed one must not cost the page.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        try:
            parse_reference_date(value)
            return value, None
        except OptionsError:
            pass
    return None, f"input: crawl time {one_line(repr(value))[:80]} is not ISO 8601; ignored"


def checked_record(record: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A JSONL record with unusable ``url`` and crawl-time fields dropped, and a warning for each.

    A number as ``url`` or a malformed ``crawl_date`` is a data problem of
    one field, not a reason to lose the page (nor an internal error), so the
    page is cleaned without it and the record says so.
    """
    warnings: list[str] = []
    fixed = dict(record)
    if fixed.get("url") is not None and not isinstance(fixed["url"], str):
        warnings.append(f"input: url {one_line(repr(fixed.pop('url')))[:80]} is not a string; ignored")
    for key in CRAWL_KEYS:
        if fixed.get(key):
            value, problem = usable_crawl_time(fixed[key])
            if problem:
                del fixed[key]
                warnings.append(problem.replace("crawl time", key, 1))
            elif value is not None:
                break  # the first usable one is the one the cleaner takes
    return fixed, warnings


def clean_item_traced(item: Item, options: Options) -> tuple[Article, str | None]:
    """Clean one item; a failure comes back as an error record plus its traceback summary."""
    try:
        if isinstance(item, InputItem):
            return _clean_input_item(item, options), None
        if isinstance(item, str) and _looks_like_content(item):
            raise InputError(
                "a str item is a path, and this one looks like page content; "
                "pass content as {'html': ...} or {'text': ...}"
            )
        if isinstance(item, (str, os.PathLike)):
            path = Path(os.fspath(item))
            return clean_with_options(read_capped(path, options.max_input_bytes), options, source=str(path)), None
        if isinstance(item, dict):
            return clean_record_to_article(item, options), None
        if isinstance(item, (bytes, bytearray)):
            return clean_with_options(bytes(item), options), None
        raise InputError(
            f"clean_many() items are paths, bytes, records (dicts with 'html' or 'text') or InputItems, "
            f"not {type(item).__name__}"
        )
    except (NewscleanError, OSError, ValueError, RecursionError, MemoryError) as exc:
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        trace = _summarise_traceback(exc)
    except Exception as exc:  # one broken page must not stop a batch
        logger.exception("unexpected failure on %s", describe_item(item))
        reason = f"internal error {type(exc).__name__}: {exc}".splitlines()[0]
        trace = _summarise_traceback(exc)
    return error_article(item, reason), trace


def clean_item(item: Item, options: Options) -> Article:
    """Clean one item; failures come back as an error record, never raised."""
    return clean_item_traced(item, options)[0]
