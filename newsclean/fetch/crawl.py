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

from ..logs import naming_input
from .archive import Archive
from .errors import AlreadyFetched, FetchError
from .feeds import parse_feed
from .hints import Link
from .http import DISCOVERY, PAGE, Exchange, HttpClient, Response
from .options import FetchOptions
from .pages import FetchedPage, header_charset, input_format_for
from .politeness import HostGate
from .robots import RobotsCache
from .sitemaps import parse_sitemap
from .urls import canonical_url, non_article_reason

logger = logging.getLogger(__name__)


@dataclass
class CrawlStats:
    """What the crawl did besides producing records (the summary line reports it)."""

    discovered: int = 0
    filtered: int = 0
    duplicates: int = 0
    queued: int = 0  # pages to fetch plus discovery failures: the progress bar's total


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
        failures: list[FetchedPage] = []
        links: dict[str, Link] = {}

        def add(link: Link, *, filtered: bool) -> None:
            if self.options.max_links is not None and len(links) >= self.options.max_links:
                return
            try:
                url = canonical_url(link.url)
            except FetchError as exc:
                failures.append(FetchedPage(source=link.url, url=link.url, error=str(exc)))
                return
            self.stats.discovered += 1
            if url in links:
                self.stats.duplicates += 1
                known = links[url].hints
                links[url] = Link(url, known.merged(link.hints) if known is not None else link.hints)
                return
            reason = non_article_reason(url) if filtered and self.options.filter_links else None
            if reason is not None:
                logger.debug("skipping %s: %s", url, reason)
                self.stats.filtered += 1
                return
            links[url] = Link(url, link.hints)

        for url in urls:
            add(Link(url), filtered=False)
        for feed in feeds:
            found = self._discover_feed(feed, failures)
            for link in found:
                add(link, filtered=True)
        for sitemap in sitemaps:
            for link in self._discover_sitemaps(sitemap, failures):
                add(link, filtered=True)
        with self._lock:
            self._claimed.update(links)
        return list(links.values()), failures

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

    def _discover_feed(self, url: str, failures: list[FetchedPage]) -> list[Link]:
        response = self._get_document(url, "feed", failures)
        if response is None:
            return []
        links = parse_feed(response.exchange.body, response.url)
        if not links:
            failures.append(FetchedPage(source=url, url=url, error="feed: no entries (not RSS, Atom or JSON Feed?)"))
        return links

    def _discover_sitemaps(self, url: str, failures: list[FetchedPage]) -> list[Link]:
        """Pages of a sitemap, following sitemap indexes breadth-first to ``max_sitemap_depth``."""
        pages: list[Link] = []
        level, seen = [url], {url}
        for depth in range(self.options.max_sitemap_depth + 1):
            following: list[str] = []
            for current in level:
                response = self._get_document(current, "sitemap", failures)
                if response is None:
                    continue
                try:
                    sitemap = parse_sitemap(response.exchange.body, response.url, max_bytes=self.options.max_bytes)
                except FetchError as exc:
                    failures.append(FetchedPage(source=current, url=current, error=str(exc)))
                    continue
                pages.extend(sitemap.pages)
                for child in sitemap.sitemaps:
                    if child in seen:
                        continue
                    if depth == self.options.max_sitemap_depth:
                        logger.warning("sitemap %s: not following %s (max_sitemap_depth)", current, child)
                        continue
                    seen.add(child)
                    following.append(child)
            level = following
        return pages

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
        """Fetch ``links`` concurrently, yielding results in link order (skips leave no gap)."""
        window = 4 * self.options.concurrency
        pool = ThreadPoolExecutor(max_workers=self.options.concurrency, thread_name_prefix="newsclean-fetch")
        pending: deque[Future[_Fetched | None]] = deque()
        try:
            for link in links:
                pending.append(pool.submit(self._fetch_guarded, link))
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


@dataclass(frozen=True)
class _Fetched:
    """A worker thread's result: the page for the cleaner, and what the archive needs."""

    page: FetchedPage
    exchanges: tuple[Exchange, ...] = ()
    response: Response | None = None
    charset: str | None = None


def _with_error(page: FetchedPage, reason: str) -> FetchedPage:
    return FetchedPage(source=page.source, url=page.url, hints=page.hints, error=reason)
