"""The shared crawl's scheduler: scrapy-redis' own, stopping the worker when Redis goes away.

scrapy-redis lets a Redis error escape from every call; the engine calls the scheduler again at
each tick, so a worker whose Redis died would log tracebacks forever and never end. Here the
first error stops the crawl, with one line and a counted stat: the run ends "cut short"
(exit code 1), commits nothing, and its pages go back to the queue once Redis is back and its
lease has expired (or to the next run).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from redis.exceptions import RedisError
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.scheduler import Scheduler  # type: ignore[import-untyped]

from newsbot.redact import redact_credentials

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
#: The finish reason of a worker that lost its Redis.
REDIS_LOST = "redis_unreachable"


class SharedScheduler(Scheduler):  # type: ignore[misc]  # scrapy-redis is untyped
    """scrapy-redis' Scheduler (SCHEDULER with NEWSBOT_BACKEND=redis) whose Redis errors end
    the worker instead of repeating at every tick."""

    crawler: Crawler
    lost = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler: Self = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    # scrapy-redis' own two methods, with what Scrapy 2.19 deprecates left out (stats by
    # spider: a warning at every start), and Redis errors caught.
    def enqueue_request(self, request: Request) -> bool:
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
        except RedisError as exc:
            self._lose(exc)
            return False
        self._count("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        try:
            request: Request | None = self.queue.pop(self.idle_before_close)
        except RedisError as exc:
            self._lose(exc)
            return None
        if request is not None:
            self._count("scheduler/dequeued/redis")
        return request

    def _count(self, stat: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stat)

    def has_pending_requests(self) -> bool:
        try:
            return bool(super().has_pending_requests())
        except RedisError as exc:
            self._lose(exc)
            return False

    def _lose(self, exc: Exception) -> None:
        if self.lost:
            return
        self.lost = True
        logger.error(
            "Redis at %s cannot be reached (%s): this worker stops; nothing it fetched is "
            "exported, its pages go back to the shared queue once Redis is back",
            redact_credentials(str(self.crawler.settings.get("REDIS_URL"))),
            exc,
        )
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newsbot/redis/unreachable")
        assert self.crawler.engine is not None
        engine: Any = self.crawler.engine
        deferred_from_coro(engine.close_spider_async(reason=REDIS_LOST))
