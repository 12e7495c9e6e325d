"""One HTTP client for pages, feeds, sitemaps and robots.txt: safe, bounded, polite.

Built on urllib3 connection pools pinned to the address :mod:`.safety`
vetted, so the name is resolved once per hop and never again behind the
check. urllib3's own retry and redirect handling is off: every redirect hop
must pass the scheme, address and robots.txt checks again, and every retry
must wait its turn at the host gate, which urllib3 cannot know about. No
cookie jar exists, so nothing one host sets is ever sent to another (or back).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import urllib3
from urllib3.exceptions import DecodeError, HTTPError, NewConnectionError, ProtocolError, SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.request import ACCEPT_ENCODING

from ..io.media_types import PAGE_TYPES, parse_content_type
from .deadline import DeadlineClock, Watchdog, watched_pool
from .errors import FetchError
from .options import FetchOptions
from .politeness import HostGate
from .reasons import describe_failure
from .safety import Endpoint, resolve_endpoint

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Statuses a later attempt may cure: the server is busy or briefly broken.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
#: Requests to one host that may run out of ``total_timeout`` in a row before its other URLs fail
#: unrequested: a host that trickled twice trickles again, and each try costs a whole total_timeout
#: while the run's output, kept in input order, waits for it.
SLOW_HOST_STRIKES = 2

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Wanted:
    """What a request accepts: the ``Accept`` header sent and the media types taken from a 2xx."""

    accept: str
    media_types: frozenset[str] | None = None  # None: anything
    any_xml: bool = False

    def allows(self, media_type: str) -> bool:
        if self.media_types is None or not media_type:  # no Content-Type: let the content speak
            return True
        return media_type in self.media_types or (self.any_xml and media_type.endswith(("+xml", "/xml")))


PAGE = Wanted(
    "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    frozenset(PAGE_TYPES),
)
DISCOVERY = Wanted(
    "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,"
    "application/json;q=0.8,text/plain;q=0.5",
    frozenset({"application/json", "application/feed+json", "text/plain", "text/html",
               "application/gzip", "application/x-gzip", "application/octet-stream"}),
    any_xml=True,
)
ANYTHING = Wanted("text/plain,*/*;q=0.5")


@dataclass(frozen=True)
class Exchange:
    """One request and its response, as the archive stores them.

    ``body`` is the payload with content and transfer encodings undone (what
    a reader wants); ``headers`` are as the server sent them.
    """

    url: str
    address: str
    request_headers: Headers
    status: int
    reason: str
    http_version: str
    headers: Headers
    body: bytes
    fetched_at: str

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def media_type(self) -> str:
        return parse_content_type(self.header("Content-Type"))[0]

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any (parsed as the WARC reader parses it)."""
        return parse_content_type(self.header("Content-Type"))[1]


@dataclass(frozen=True)
class Response:
    """The end of a request's redirect chain."""

    requested_url: str
    exchange: Exchange
    redirects: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return self.exchange.url

    @property
    def ok(self) -> bool:
        return 200 <= self.exchange.status < 300


#: Called with every completed exchange (retries and redirect hops included), e.g. to archive it.
Recorder = Callable[[Exchange], object]
#: Called before each hop is requested; raises a :class:`FetchError` to stop it.
Permit = Callable[[str], None]


class _Transient(Exception):
    """A failure worth another attempt (timeouts, dropped connections)."""


def crawl_timestamp() -> str:
    """Now in UTC as WARC-Date writes it: the crawl time a record carries."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """A Retry-After header as seconds to wait: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())


class HttpClient:
    """GET with pinned addresses, redirects re-checked per hop, retries through the host gate.

    One client serves a whole run from many threads; :meth:`close` releases
    its connection pools.
    """

    def __init__(self, options: FetchOptions, gate: HostGate) -> None:
        self._options, self._gate = options, gate
        self._pools: dict[Endpoint, urllib3.HTTPConnectionPool] = {}
        self._lock = threading.Lock()
        self._local = threading.local()  # the deadline of the exchange this thread is making
        self._watchdog = Watchdog()
        self._strikes: dict[str, int] = {}  # host -> its latest requests in a row that ran out of time

    def close(self) -> None:
        with self._lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()
        self._watchdog.close()

    def get(self, url: str, wanted: Wanted, permit: Permit | None = None, record: Recorder | None = None) -> Response:
        """Fetch ``url``, following redirects; a non-2xx end of chain is returned, not raised.

        ``permit`` vets each hop before it is requested; ``record`` sees every
        exchange, including those of a request that ends in an error.

        Raises:
            FetchError: refused, disallowed, failed after retries, too large,
                wrong content type, or too many redirects.
        """
        chain = [url]
        current = url
        clock = DeadlineClock(self._options.total_timeout)  # one budget for every hop and retry
        for _ in range(self._options.max_redirects + 1):
            endpoint = resolve_endpoint(current, allow_private=self._options.allow_private)
            if permit is not None:
                permit(current)
            exchange = self._with_retries(endpoint, current, wanted, record, clock)
            location = exchange.header("Location")
            if exchange.status in REDIRECT_STATUSES and location:
                try:
                    target = urldefrag(urljoin(current, location.strip()))[0]
                except ValueError as exc:  # "http://[::1" and the like: the server's fault, one page's error
                    raise FetchError(f"HTTP {exchange.status} with a malformed Location {location!r}") from exc
                if target in chain:
                    raise FetchError(f"redirect loop: {' -> '.join([*chain, target])}")
                chain.append(target)
                current = target
                continue
            return Response(url, exchange, tuple(chain[1:]))
        raise FetchError(f"more than {self._options.max_redirects} redirects from {url}")

    def _backoff(self, attempt: int) -> float:
        return float(min(self._options.max_backoff, self._options.backoff * 2**attempt))

    def _with_retries(
        self, endpoint: Endpoint, url: str, wanted: Wanted, record: Recorder | None, clock: DeadlineClock
    ) -> Exchange:
        retries = self._options.retries
        for attempt in range(retries + 1):
            self._refuse_slow_host(endpoint.host)  # before waiting at the gate for a request not to be made
            try:
                with self._gate.slot(endpoint.host):
                    exchange = self._timed_send(endpoint, url, wanted, clock)
            except _Transient as exc:
                if attempt == retries:
                    raise FetchError(f"{exc} (after {attempt + 1} attempts)") from exc
                wait = self._backoff(attempt)
                logger.info("retrying %s in %.1fs: %s", url, wait, exc)
                self._gate.defer(endpoint.host, wait)
                continue
            if record is not None:
                record(exchange)
            if exchange.status not in RETRY_STATUSES or attempt == retries:
                return exchange
            asked = retry_after_seconds(exchange.header("Retry-After"))
            if asked is not None and asked > self._options.max_retry_after:
                raise FetchError(
                    f"HTTP {exchange.status} with Retry-After {asked:.0f}s, over max_retry_after="
                    f"{self._options.max_retry_after:g}s"
                )
            wait = asked if asked is not None else self._backoff(attempt)
            logger.info("HTTP %s from %s; retrying in %.1fs", exchange.status, url, wait)
            # The whole host waits, not just this URL: the server said it is overloaded.
            self._gate.defer(endpoint.host, wait)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def _pool(self, endpoint: Endpoint) -> urllib3.HTTPConnectionPool:
        with self._lock:
            pool = self._pools.get(endpoint)
            if pool is None:
                size = self._options.host_concurrency
                tls = (
                    {"server_hostname": endpoint.host, "assert_hostname": endpoint.host, "cert_reqs": "CERT_REQUIRED"}
                    if endpoint.scheme == "https" else {}
                )
                pool = watched_pool(endpoint.scheme, endpoint.address, endpoint.port, self._watch, maxsize=size, **tls)
                self._pools[endpoint] = pool
            return pool

    def _watch(self, sock: socket.socket) -> None:
        """Put a socket the current thread's exchange uses under that exchange's deadline."""
        deadline = getattr(self._local, "deadline", None)
        if deadline is not None:
            deadline.watch(sock)

    def _refuse_slow_host(self, host: str) -> None:
        with self._lock:
            strikes = self._strikes.get(host, 0)
        if strikes >= SLOW_HOST_STRIKES:
            raise FetchError(f"not requested: the last {strikes} requests to {host} took over total_timeout="
                             f"{self._options.total_timeout:g}s")

    def _strike(self, host: str, slow: bool) -> None:
        with self._lock:
            self._strikes[host] = self._strikes.get(host, 0) + 1 if slow else 0

    def _timed_send(self, endpoint: Endpoint, url: str, wanted: Wanted, clock: DeadlineClock) -> Exchange:
        """One exchange within what is left of the request's ``total_timeout`` (see :mod:`.deadline`).

        Past the deadline the exchange's socket is shut down; the error that
        causes (a dropped connection, a cut body, a failed handshake) is
        reported as the timeout it is, and not retried: a server that
        trickled once will trickle again.
        """
        over = FetchError(f"response took over total_timeout={clock.total:g}s")
        if clock.left <= 0:
            raise over
        self._refuse_slow_host(endpoint.host)  # the last requests may have failed while this one waited
        deadline, started = clock.start(self._watchdog)
        self._local.deadline = deadline
        try:
            with deadline:
                try:
                    exchange = self._send(endpoint, url, wanted, clock.left)
                except Exception as exc:
                    if deadline.expired:
                        self._strike(endpoint.host, slow=True)
                        raise over from exc
                    raise
                # A body without Content-Length just ends when its socket is shut down.
                self._strike(endpoint.host, slow=deadline.expired)
                if deadline.expired:
                    raise over
                return exchange
        finally:
            self._local.deadline = None
            clock.spend(started)

    def _send(self, endpoint: Endpoint, url: str, wanted: Wanted, seconds_left: float) -> Exchange:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {
            "Host": endpoint.host_header,
            "User-Agent": self._options.user_agent,
            "Accept": wanted.accept,
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        # Neither wait may outlast the request's deadline (the deadline's watchdog would end it anyway).
        timeout = urllib3.Timeout(connect=min(self._options.connect_timeout, seconds_left),
                                  read=min(self._options.read_timeout, seconds_left))
        try:
            response = self._pool(endpoint).urlopen(
                "GET", target, headers=headers, retries=False, redirect=False, assert_same_host=False,
                preload_content=False, decode_content=True, timeout=timeout,
            )
        except SSLError as exc:
            raise FetchError(f"TLS error: {exc}") from exc
        except (Urllib3Timeout, NewConnectionError, ProtocolError) as exc:
            raise _Transient(describe_failure(exc)) from exc
        except HTTPError as exc:
            raise FetchError(describe_failure(exc)) from exc
        fetched_at = crawl_timestamp()
        complete = False
        try:
            exchange_headers = tuple((str(k), str(v)) for k, v in response.headers.items())
            media_type = parse_content_type(response.headers.get("Content-Type"))[0]
            if 200 <= response.status < 300 and not wanted.allows(media_type):
                raise FetchError(f"unsupported content type {media_type}")
            body = self._read(response)
            complete = True
        finally:
            if not complete:
                response.close()
            response.release_conn()
        version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(response.version, "HTTP/1.1")
        return Exchange(
            url=url, address=endpoint.address, request_headers=tuple(headers.items()), status=response.status,
            reason=response.reason or "", http_version=version, headers=exchange_headers, body=body,
            fetched_at=fetched_at,
        )

    def _read(self, response: urllib3.BaseHTTPResponse) -> bytes:
        """The decoded body, refused past ``max_bytes`` without reading on (the deadline is the caller's)."""
        limit = self._options.max_bytes
        declared = response.headers.get("Content-Length")
        # A compressed length over the limit means a decoded one over it too.
        if declared and declared.strip().isdigit() and int(declared) > limit:
            raise FetchError(f"response of {int(declared)} bytes exceeds max_bytes={limit}")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"response exceeds max_bytes={limit}")
                chunks.append(chunk)
        except DecodeError as exc:
            raise FetchError(f"corrupt compressed body: {describe_failure(exc)}") from exc
        except (Urllib3Timeout, ProtocolError) as exc:
            raise _Transient(describe_failure(exc)) from exc
        return b"".join(chunks)
