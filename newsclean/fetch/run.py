"""Library calls: fetch URLs, feeds and sitemaps into clean records, keeping the raw pages.

These wire the crawl to the batch runner :func:`newsclean.pipeline.iter_outcomes`
(the one ``newsclean clean`` uses), so records, error records, ordering and
per-page time limits behave the same whether pages come from disk or the web.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from ..options import Options
from ..pipeline import Outcome, iter_outcomes
from ..record import Article
from .archive import Archive, RawDirArchive, WarcArchive
from .crawl import Crawler, CrawlStats
from .links import Link
from .options import FetchOptions


@dataclass(frozen=True)
class FetchRequest:
    """What to fetch: page URLs, feeds and sitemaps (any mix)."""

    urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    stats: CrawlStats = field(default_factory=CrawlStats, compare=False)


def open_archive(
    warc: str | os.PathLike[str] | None, raw_dir: str | os.PathLike[str] | None, options: FetchOptions
) -> Archive | None:
    """The archive the caller asked for (one at most), or ``None``."""
    if warc is not None and raw_dir is not None:
        raise ValueError("choose one raw archive: warc or raw_dir")
    if warc is not None:
        return WarcArchive(warc, options.user_agent)
    if raw_dir is not None:
        return RawDirArchive(raw_dir)
    return None


def iter_fetch_outcomes(
    request: FetchRequest,
    fetch_options: FetchOptions,
    options: Options,
    *,
    archive: Archive | None = None,
    jobs: int = 1,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """Discover, fetch and clean; one outcome per page or failure, in discovery order.

    Failures of discovery (a feed that does not load) come first, then every
    page in link order. ``request.stats`` counts what produced no record
    (filtered and duplicate links).
    """
    crawler = Crawler(fetch_options, archive)
    crawler.stats = request.stats
    try:
        links, failures = crawler.discover(request.urls, request.feeds, request.sitemaps)
        request.stats.queued = len(links) + len(failures)
        # Items are FetchedPage, not the cleaner's own item types: the work function knows them.
        pages: Iterable[Any] = chain(failures, crawler.iter_pages(links))
        yield from iter_outcomes(pages, options, jobs=jobs, timeout=timeout, work=_work())
    finally:
        crawler.close()


def _work() -> Any:
    from .pages import clean_fetched  # importable by name, so worker processes can run it

    return clean_fetched


@contextmanager
def _archive_for(warc: Any, raw_dir: Any, options: FetchOptions) -> Iterator[Archive | None]:
    archive = open_archive(warc, raw_dir, options)
    try:
        yield archive
    finally:
        if archive is not None:
            archive.close()


def fetch_articles(
    urls: Iterable[str] = (),
    *,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    warc: str | os.PathLike[str] | None = None,
    raw_dir: str | os.PathLike[str] | None = None,
    fetch_options: FetchOptions | None = None,
    jobs: int = 1,
    timeout: float | None = None,
    **options: Any,
) -> Iterator[Article]:
    """Fetch pages (given, or linked from feeds and sitemaps) and yield their clean records.

    Failures (refused, disallowed by robots.txt, HTTP errors, timeouts, too
    large, pages that cannot be cleaned) come back as records with ``error``
    set; the run goes on. ``warc`` or ``raw_dir`` keeps the raw pages so
    ``newsclean clean`` can re-clean them later without fetching again.
    ``**options`` are cleaning options (:class:`~newsclean.options.Options`).
    """
    opts = Options.from_kwargs(**options)
    fetching = fetch_options or FetchOptions()
    request = FetchRequest(tuple(urls), tuple(feeds), tuple(sitemaps))
    with _archive_for(warc, raw_dir, fetching) as archive:
        for outcome in iter_fetch_outcomes(request, fetching, opts, archive=archive, jobs=jobs, timeout=timeout):
            yield outcome.article


def discover_links(
    *, feeds: Iterable[str] = (), sitemaps: Iterable[str] = (), fetch_options: FetchOptions | None = None
) -> list[Link]:
    """The article links (with feed or sitemap hints) that :func:`fetch_articles` would fetch.

    Discovery failures are logged and skipped here; :func:`fetch_articles`
    reports them as error records.
    """
    crawler = Crawler(fetch_options or FetchOptions())
    try:
        links, _ = crawler.discover((), tuple(feeds), tuple(sitemaps))
    finally:
        crawler.close()
    return links
