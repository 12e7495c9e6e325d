"""The crawl: discover links (URLs, feeds, sitemaps), then fetch pages politely, in order.

Discovery fetches feeds and sitemaps with the same client as pages, so they
obey robots.txt and the host delay too. Links are put in canonical form,
de-duplicated (their feed hints merged) and, unless asked otherwise,
filtered of non-article pages. Pages are fetched by a thread pool but handed
on in discovery order through a bounded window, so output is deterministic
and memory does not grow with the crawl. A redirect to a page already in the
crawl is skipped, so one page yields one record however many URLs lead to it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain

from ..logs import naming_input
from .archive import Archive
from .errors import AlreadyFetched, FetchError
from .feeds import parse_feed
from .http import DISCOVERY, PAGE, Exchange, HttpClient, Response
from .links import Link
from .options import FetchOptions
from .pages import FetchedPage, header_charset, input_format_for
from .politeness import HostGate
from .robots import RobotsCache
from .schedule import HostQueues, host_key
from .sitemaps import Sitemap, parse_sitemap
from .urls import canonical_url, non_article_reason

logger = logging.getLogger(__name__)


@dataclass
class CrawlStats:
    """What the crawl did besides producing records (the summary line reports it)."""

    discovered: int = 0
    filtered: int = 0
    duplicates: int = 0
    queued: int = 0  # pages to fetch plus discovery failures: the progress bar's total


@dataclass
class _LinkList:
    """Discovery's links in canonical form, one per URL (hints merged), and the links that failed.

    Discovered links pass the non-article filter; a URL the user gave does
    not (the user asked for it).
    """

    stats: CrawlStats
    limit: int | None
    filter_links: bool
    links: dict[str, Link] = dataclasses.field(default_factory=dict)
    failures: list[FetchedPage] = dataclasses.field(default_factory=list)

    def full(self) -> bool:
        """Whether ``max_links`` pages are known, so discovery can stop reading."""
        return self.limit is not None and len(self.links) >= self.limit

    def add(self, link: Link, *, filtered: bool) -> None:
        """Keep ``link`` unless it is malformed (a failure), known (hints merged) or filtered out."""
        try:
            url = canonical_url(link.url)
        except FetchError as exc:
            self.failures.append(FetchedPage(source=link.url, url=link.url, error=str(exc)))
            return
        self.stats.discovered += 1
        if url in self.links:
            self.stats.duplicates += 1
            known = self.links[url].hints
            self.links[url] = Link(url, known.merged(link.hints) if known is not None else link.hints)
            return
        reason = non_article_reason(url) if filtered and self.filter_links else None
        if reason is not None:
            logger.debug("skipping %s: %s", url, reason)
            self.stats.filtered += 1
            return
        self.links[url] = Link(url, link.hints)


class Crawler:
    """One run's client, host gate, robots cache and set of claimed URLs; :meth:`close` when done."""

    def __init__(self, options: FetchOptions, archive: Archive | None = None) -> None:
        self.options, self.archive = options, archive
        self.gate = HostGate(options.delay, options.host_concurrency)
        self.client = HttpClient(options, self.gate)
        self._record_now = archive.record if archive is not None else None
        self.robots = RobotsCache(self.client, options, self.gate, self._record_now)
        self.stats = CrawlStats()
        self._claimed: set[str] = set()
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    # -- discovery -----------------------------------------------------------------------------

    def discover(
        self, urls: Iterable[str] = (), feeds: Iterable[str] = (), sitemaps: Iterable[str] = ()
    ) -> tuple[list[Link], list[FetchedPage]]:
        """Links to fetch (given URLs first, then feed and sitemap links) and the failures met on the way.

        URLs given by the user are kept even when they look like non-article
        pages (the user asked for them); discovered links are filtered.
        """
        found = _LinkList(self.stats, self.options.max_links, filter_links=self.options.filter_links)
        for url in urls:
            if found.full():
                break
            found.add(Link(url), filtered=False)
        # Feeds and sitemaps are read lazily and no further once max_links pages are known:
        # a sitemap index fanning out without end must not be walked for links nobody will fetch.
        budget = _SitemapBudget(self.options.max_sitemaps)
        documents = chain(
            ((feed, self._discover_feed(feed, found.failures)) for feed in feeds),
            ((sitemap, self._discover_sitemaps(sitemap, found.failures, budget)) for sitemap in sitemaps),
        )
        for source, links in documents:
            if found.full():
                logger.info("max_links=%s reached: %s and what follows it are not read", found.limit, source)
                break
            for link in links:
                found.add(link, filtered=True)
                if found.full():
                    break
        with self._lock:
            self._claimed.update(found.links)
        return list(found.links.values()), found.failures

    def _get_document(self, url: str, what: str, failures: list[FetchedPage]) -> Response | None:
        try:
            url = canonical_url(url)
            response = self.client.get(url, DISCOVERY, self.robots.check, self._record_now)
        except FetchError as exc:
            failures.append(FetchedPage(source=url, url=url, error=f"{what}: {exc}"))
            return None
        if not response.ok:
            failures.append(FetchedPage(source=url, url=url, error=f"{what}: HTTP {response.exchange.status}"))
            return None
        return response

    def _discover_feed(self, url: str, failures: list[FetchedPage]) -> Iterator[Link]:
        try:
            response = self._get_document(url, "feed", failures)
            links = parse_feed(response.exchange.body, response.url) if response is not None else None
        except FetchError as exc:
            failures.append(FetchedPage(source=url, url=url, error=f"feed: {exc}"))
            return
        except Exception as exc:  # a bug met on one feed must not end the run: it becomes its error record
            logger.exception("unexpected failure reading feed %s", url)
            error = f"feed: internal error {type(exc).__name__}: {exc}"
            failures.append(FetchedPage(source=url, url=url, error=error))
            return
        if links is None:
            return
        if not links:
            failures.append(FetchedPage(source=url, url=url, error="feed: no entries (not RSS, Atom or JSON Feed?)"))
        yield from links

    def _discover_sitemaps(self, url: str, failures: list[FetchedPage], budget: _SitemapBudget) -> Iterator[Link]:
        """Pages of a sitemap, following sitemap indexes breadth-first, within depth and count limits.

        Sitemaps past ``max_sitemap_depth`` or the run's ``max_sitemaps`` are
        counted, not requested, and reported in one warning per ``--sitemap``
        (a warning per sitemap would print 10,000 lines for a fan-out of ten per level).
        """
        level, seen = [url], {url}
        too_deep = over_count = 0
        for depth in range(self.options.max_sitemap_depth + 1):
            following: list[str] = []
            for current in level:
                if budget.left <= 0:
                    over_count += 1
                    logger.debug("sitemap %s: not read (max_sitemaps)", current)
                    continue
                budget.left -= 1
                sitemap = self._read_sitemap(current, failures)
                yield from sitemap.pages
                for child in sitemap.sitemaps:
                    if child in seen:
                        continue
                    seen.add(child)
                    if depth == self.options.max_sitemap_depth:
                        too_deep += 1
                        logger.debug("sitemap %s: not following %s (max_sitemap_depth)", current, child)
                        continue
                    following.append(child)
            level = following
        if too_deep or over_count:
            reasons = [f"{n:,} past {name}={value}" for n, name, value in (
                (too_deep, "max_sitemap_depth", self.options.max_sitemap_depth),
                (over_count, "max_sitemaps", self.options.max_sitemaps),
            ) if n]
            logger.warning("sitemap %s: %s listed sitemaps not read (%s)", url, f"{too_deep + over_count:,}",
                           ", ".join(reasons))

    def _read_sitemap(self, url: str, failures: list[FetchedPage]) -> Sitemap:
        """One sitemap document; an empty one (and its error record) when it cannot be read."""
        try:
            response = self._get_document(url, "sitemap", failures)
            if response is None:
                return Sitemap()
            return parse_sitemap(response.exchange.body, response.url, max_bytes=self.options.max_bytes)
        except FetchError as exc:
            failures.append(FetchedPage(source=url, url=url, error=str(exc)))
        except Exception as exc:  # a bug met on one sitemap must not end the run
            logger.exception("unexpected failure reading sitemap %s", url)
            error = f"sitemap: internal error {type(exc).__name__}: {exc}"
            failures.append(FetchedPage(source=url, url=url, error=error))
        return Sitemap()

    # -- fetching ------------------------------------------------------------------------------

    def _claim(self, url: str) -> bool:
        """True the first time a page URL is claimed in this run."""
        with contextlib.suppress(FetchError):  # the client refuses a bad URL with the precise reason
            url = canonical_url(url)
        with self._lock:
            if url in self._claimed:
                return False
            self._claimed.add(url)
            return True

    def fetch_page(self, link: Link) -> _Fetched | None:
        """Fetch one page (in a worker thread); ``None`` when it redirects to a page the crawl already has."""

        def permit(url: str) -> None:
            self.robots.check(url)
            if url != link.url and not self._claim(url):
                raise AlreadyFetched(f"{link.url} leads to {url}, already in this crawl")

        exchanges: list[Exchange] = []
        failed = FetchedPage(source=link.url, url=link.url, hints=link.hints)
        try:
            response = self.client.get(link.url, PAGE, permit, exchanges.append)
        except AlreadyFetched as exc:
            logger.info("%s", exc)
            with self._lock:
                self.stats.duplicates += 1
            return None
        except FetchError as exc:
            return _Fetched(_with_error(failed, str(exc)), tuple(exchanges))
        exchange = response.exchange
        if not response.ok:
            return _Fetched(_with_error(failed, f"HTTP {exchange.status} {exchange.reason}".strip()), tuple(exchanges))
        input_format = input_format_for(exchange.media_type)
        charset = header_charset(exchange.body, exchange.charset) if input_format else None
        body: bytes | str = exchange.body.decode(charset) if charset else exchange.body
        page = FetchedPage(
            source=link.url, url=link.url, final_url=response.url, body=body, fetched_at=exchange.fetched_at,
            input_format=input_format, hints=link.hints,
        )
        return _Fetched(page, tuple(exchanges), response, charset)

    def _archived(self, fetched: _Fetched) -> FetchedPage:
        """Archive a fetch's exchanges (in the consuming thread, so in link order); the page's source follows."""
        if self.archive is None:
            return fetched.page
        page = fetched.response.exchange if fetched.response is not None else None
        for exchange in fetched.exchanges:
            if exchange is not page:  # the page's own exchange goes in with what marks it as the page
                self.archive.record(exchange)
        if fetched.response is None:
            return fetched.page
        source = self.archive.store_page(
            fetched.response, input_format=fetched.page.input_format, charset=fetched.charset,
            hints=fetched.page.hints,
        )
        return dataclasses.replace(fetched.page, source=source)

    def _fetch_guarded(self, link: Link) -> _Fetched | None:
        try:
            with naming_input(link.url):  # a library's log line (urllib3's) names the page it concerns
                return self.fetch_page(link)
        except Exception as exc:  # a bug on one page must not end the crawl
            logger.exception("unexpected failure fetching %s", link.url)
            error = f"internal error {type(exc).__name__}: {exc}"
            return _Fetched(FetchedPage(source=link.url, url=link.url, error=error))

    def iter_pages(self, links: Iterable[Link]) -> Iterator[FetchedPage]:
        """Fetch ``links`` concurrently, yielding results in link order (skips leave no gap).

        A bounded window of links is in progress at a time (memory does not
        grow with the crawl); within it, :class:`~.schedule.HostQueues` gives
        threads only links whose host can take a request, so a slow host
        delays its own links, not the others'.
        """
        window = 4 * self.options.concurrency
        pool = ThreadPoolExecutor(max_workers=self.options.concurrency, thread_name_prefix="newsclean-fetch")
        queues: HostQueues[Link, _Fetched | None] = HostQueues(pool, self._fetch_guarded, self.options.host_concurrency)
        pending: deque[Future[_Fetched | None]] = deque()
        try:
            for link in links:
                pending.append(queues.submit(host_key(link.url), link))
                while len(pending) >= window:
                    fetched = pending.popleft().result()
                    if fetched is not None:
                        yield self._archived(fetched)
            while pending:
                fetched = pending.popleft().result()
                if fetched is not None:
                    yield self._archived(fetched)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _SitemapBudget:
    """Sitemap documents the run may still request (``max_sitemaps``, shared by every ``--sitemap``)."""

    left: int


@dataclass(frozen=True)
class _Fetched:
    """A worker thread's result: the page for the cleaner, and what the archive needs."""

    page: FetchedPage
    exchanges: tuple[Exchange, ...] = ()
    response: Response | None = None
    charset: str | None = None


def _with_error(page: FetchedPage, reason: str) -> FetchedPage:
    return FetchedPage(source=page.source, url=page.url, hints=page.hints, error=reason)
