"""RetryAfterMiddleware: a 429 or 503 with Retry-After holds its whole host as long as asked.

Scrapy retries a 429 or 503 at once, Retry-After or not: a site asking for 6 s got the retry
0.6 s later, and the crawl's other requests to it inside the window it asked for. Here the
host's download slot waits as asked (every request to that host, none to the others), then the
request is retried as any other (RETRY_TIMES). A wait past NEWSBOT_MAX_RETRY_AFTER is not slept
through (an hourly run cannot wait an hour): the host's remaining pages are deferred to a later
run. They are not lost: never marked exported, the next run finds them again.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

#: The answers whose Retry-After asks a crawler to come back later (RFC 9110 10.2.3, RFC 6585).
ASKING_STATUSES = frozenset({429, 503})
#: Scrapy's downloader only looks at a slot's ``lastseen`` when the slot has a delay.
_HOLD_DELAY = 0.001
#: Longer waits are all "not this run"; past this, datetime arithmetic would overflow.
_LONGEST_WAIT = timedelta(days=365)
_SECONDS = re.compile(r"[0-9]+")


class DeferredRequest(IgnoreRequest):
    """A request not sent this run: its host asked for a wait past NEWSBOT_MAX_RETRY_AFTER."""


def retry_after_seconds(value: str, now: datetime) -> float | None:
    """The wait a Retry-After value asks for, as delay-seconds or an HTTP-date (RFC 9110
    10.2.3); None for anything else."""
    value = value.strip()
    if _SECONDS.fullmatch(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000": UTC, by RFC 5322
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware (same RETRY_* settings) that obeys a 429's or 503's
    Retry-After for the whole host, up to NEWSBOT_MAX_RETRY_AFTER seconds; past it, defers
    the host's remaining requests to the next run."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSBOT_MAX_RETRY_AFTER")
        self.deferred: dict[str, datetime] = {}  # download slot key -> when it may be asked

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self._slot_key(request) in self.deferred:
            raise DeferredRequest(f"Deferred to the next run: {request.url}")

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status in ASKING_STATUSES and self._slot_key(request) in self.deferred:
            raise DeferredRequest(f"Deferred to the next run: {request.url}")
        return super().process_response(request, response)

    def response_downloaded(self, response: Response, request: Request, **_: Any) -> None:
        """Runs before the downloader sends the host's next request (it sends this signal,
        then takes the next request from the slot's queue)."""
        header = response.headers.get(b"Retry-After")
        if response.status not in ASKING_STATUSES or header is None:
            return
        wait = retry_after_seconds(header.decode("latin-1"), datetime.now(UTC))
        if not wait:
            return
        key = self._slot_key(request)
        if wait > self.max_wait:
            self._defer(key, wait, request)
        else:
            self._hold(key, wait, request, response.status)

    def _hold(self, key: str, wait: float, request: Request, status: int) -> None:
        assert self.crawler.engine is not None
        assert self.crawler.stats is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is None:
            return
        # The downloader sends a slot's next request `delay` after `lastseen`: a lastseen at
        # the end of the wait holds every request to the host, queued or to come, till then.
        slot.lastseen = max(slot.lastseen, monotonic() + wait)
        slot.delay = max(slot.delay, _HOLD_DELAY)
        self.crawler.stats.inc_value("newsbot/fetch/retry_after")
        logger.info(
            "%s asks to wait %g s (HTTP %d, Retry-After, on %s): no request to it before then",
            key,
            wait,
            status,
            request.url,
        )

    def _defer(self, key: str, wait: float, request: Request) -> None:
        if key not in self.deferred:
            until = datetime.now(UTC) + min(timedelta(seconds=wait), _LONGEST_WAIT)
            self.deferred[key] = until
            logger.warning(
                "%s asks to wait %g s (Retry-After on %s), more than NEWSBOT_MAX_RETRY_AFTER "
                "(%g s): its remaining pages are deferred to a run after %s (never marked "
                "exported, the next run finds them again)",
                key,
                wait,
                request.url,
                self.max_wait,
                f"{until:%Y-%m-%d %H:%M:%S} UTC",
            )
        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        # Requests already queued in the host's slot would go out once this answer is done.
        while slot is not None and slot.queue:
            queued, waiting = slot.queue.popleft()
            waiting.errback(DeferredRequest(f"Deferred to the next run: {queued.url}"))

    def _slot_key(self, request: Request) -> str:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader.get_slot_key(request)
