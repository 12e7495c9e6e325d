"""Batches: clean many inputs, in order, in one process or a pool.

A batch never stops on one bad input: every failure becomes a record with
``error`` set (and the reason in one line), so callers can route it to an
errors file while the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Union

from .api import clean_record_to_article, clean_with_options
from .errors import NewscleanError
from .options import Options
from .record import Article

logger = logging.getLogger(__name__)

#: What ``clean_many`` accepts per item: a path, raw content, or a record.
Item = Union["os.PathLike[str]", str, bytes, dict[str, Any]]


def _describe(item: Item) -> str | None:
    if isinstance(item, os.PathLike):
        return os.fspath(item)
    if isinstance(item, dict):
        return item.get("source") or item.get("url")
    return None


def clean_item(item: Item, options: Options) -> Article:
    """Clean one item; failures come back as an error record, never raised."""
    source = _describe(item)
    try:
        if isinstance(item, os.PathLike):
            path = Path(os.fspath(item))
            return clean_with_options(path.read_bytes(), options, source=str(path))
        if isinstance(item, dict):
            return clean_record_to_article(item, options)
        return clean_with_options(item, options)
    except (NewscleanError, OSError, ValueError, RecursionError, MemoryError) as exc:
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    except Exception as exc:  # one broken page must not stop a batch
        logger.exception("unexpected failure on %s", source)
        reason = f"internal error {type(exc).__name__}: {exc}".splitlines()[0]
    ident = hashlib.sha256(f"error:{source or id(item)}".encode()).hexdigest()[:16]
    url = item.get("url") if isinstance(item, dict) else None
    return Article(id=ident, url=url, source=source, error=reason)


def clean_many(items: Iterable[Item], jobs: int = 1, **options: Any) -> Iterator[Article]:
    """Clean every item, yielding records in input order.

    Items are paths (``pathlib.Path``), raw ``str``/``bytes`` pages, or
    records (``dict`` with ``html`` or ``text``). With ``jobs > 1`` a process
    pool cleans them; at most ``4 * jobs`` items are in flight, so memory is
    bounded by the window, not by the size of the input.
    """
    opts = Options.from_kwargs(**options)
    if jobs <= 1:
        for item in items:
            yield clean_item(item, opts)
        return
    window = 4 * jobs
    pending: deque[Future[Article]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for item in items:
            pending.append(pool.submit(clean_item, item, opts))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
