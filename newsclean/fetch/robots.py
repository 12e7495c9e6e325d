"""robots.txt: fetched once per origin, cached for the run, obeyed for every hop.

Parsing is Protego's (the parser Scrapy uses), which follows RFC 9309
including ``*`` and ``$`` patterns that the standard library's parser
ignores. What an unavailable robots.txt means also follows RFC 9309: a 4xx
means no rules (crawl freely), a 5xx, a 429 or an unreachable server means
"assume everything is disallowed", since a site in trouble is the last one
to hammer.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from .errors import Disallowed, FetchError
from .http import ANYTHING, HttpClient, Recorder
from .options import FetchOptions
from .politeness import HostGate

logger = logging.getLogger(__name__)

#: RFC 9309 asks crawlers to parse at least 500 KiB; more is not read.
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class RobotsRules:
    """One origin's verdict: parsed rules, or allow-all / deny-all with the reason."""

    parser: Protego | None = None
    deny_reason: str | None = None

    def refusal(self, url: str, token: str) -> str | None:
        if self.deny_reason is not None:
            return self.deny_reason
        if self.parser is not None and not self.parser.can_fetch(url, token):
            return "robots.txt disallows it"
        return None


class RobotsCache:
    """Per-origin robots.txt rules for one run; each origin's file is requested once.

    A per-origin lock makes threads asking about the same new origin wait for
    the one fetch rather than each fetching it.
    """

    def __init__(
        self, client: HttpClient, options: FetchOptions, gate: HostGate, record: Recorder | None = None
    ) -> None:
        self._client, self._options, self._gate, self._record = client, options, gate, record
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise :class:`Disallowed` when ``url`` may not be fetched by our user agent."""
        reason = self.rules_for(url).refusal(url, self._options.robots_token)
        if reason is not None:
            raise Disallowed(f"{reason}: {url}")

    def rules_for(self, url: str) -> RobotsRules:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            rules = self._rules.get(origin)
            if rules is None:
                rules = self._rules[origin] = self._load(origin, (parts.hostname or "").lower())
            return rules

    def _load(self, origin: str, host: str) -> RobotsRules:
        try:
            response = self._client.get(f"{origin}/robots.txt", ANYTHING, record=self._record)
        except FetchError as exc:
            logger.info("robots.txt of %s unreachable: %s", origin, exc)
            return RobotsRules(deny_reason=f"robots.txt unreachable ({exc}), so nothing is fetched")
        status = response.exchange.status
        if status == 429 or status >= 500:
            return RobotsRules(deny_reason=f"robots.txt answered HTTP {status}, so nothing is fetched")
        if not response.ok:  # 4xx (and unfollowed 3xx): no rules
            return RobotsRules()
        text = response.exchange.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        parser = Protego.parse(text)
        crawl_delay = parser.crawl_delay(self._options.robots_token)
        if crawl_delay:
            self._gate.raise_delay(host, min(float(crawl_delay), self._options.max_crawl_delay))
        return RobotsRules(parser=parser)
