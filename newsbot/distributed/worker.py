"""SharedCrawlExtension: what makes a crawl process one worker among several.

- A crawl starts afresh: the first worker of a crawl (no other run alive once dead ones are
  reaped) clears the shared duplicate filter, so today's section pages are fetched again; a
  worker joining a running crawl keeps it, and its start requests are not fetched twice.
- Dead runs are reaped while the worker waits (their requests queued again, their claims
  dropped), so a worker killed with -9 loses nothing once its lease expires.
- An idle worker stays while the shared queue holds requests (another worker may be feeding
  it) and exits once it has been empty for NEWSBOT_REDIS_IDLE_SECONDS: cron starts workers,
  they drain the crawl and end, each with its own run summary and exit code.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Self

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

from newsbot import signals as newsbot_signals
from newsbot.distributed.keys import DEFAULT_PREFIX, Keys
from newsbot.runs import JOINED_RUNNING_CRAWL_STAT
from newsbot.state import StateError

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from newsbot.runs import Run

logger = logging.getLogger(__name__)

# KEYS: runs, dupefilter. ARGV: this run. Clears the filter when no other run is registered.
_START_CRAWL_IF_FIRST = """
local runs = redis.call('SMEMBERS', KEYS[1])
for _, run in ipairs(runs) do
  if run ~= ARGV[1] then return 0 end
end
redis.call('DEL', KEYS[2])
return 1
"""


class SharedCrawlExtension:
    """Joins the shared crawl, reaps dead runs and ends the worker when the queue stays empty.

    Reads REDIS_URL, NEWSBOT_REDIS_PREFIX and NEWSBOT_REDIS_IDLE_SECONDS; enabled by
    NEWSBOT_BACKEND=redis (newsbot.addons.BackendAddon).
    """

    def __init__(self, server: Redis, keys: Keys, idle_seconds: float, stats: StatsCollector):
        self.server = server
        self.keys = keys
        self.idle_seconds = idle_seconds
        self.stats = stats
        self.store: Any = None
        self.empty_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if settings.get("NEWSBOT_BACKEND") != "redis":
            raise NotConfigured("NEWSBOT_BACKEND is not redis")
        from redis import Redis  # noqa: PLC0415 (only workers of a shared crawl need it)

        assert crawler.spider is not None
        assert crawler.stats is not None
        extension = cls(
            Redis.from_url(settings["REDIS_URL"]),
            Keys(settings.get("NEWSBOT_REDIS_PREFIX", DEFAULT_PREFIX), crawler.spider.name),
            settings.getfloat("NEWSBOT_REDIS_IDLE_SECONDS"),
            crawler.stats,
        )
        crawler.signals.connect(extension.state_opened, signal=newsbot_signals.state_opened)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        return extension

    def state_opened(self, store: Any, run: Run) -> None:
        """Before the run begins: dead runs reaped, and a new crawl's filter cleared."""
        self.store = store
        self._reap()
        if self.server.eval(
            _START_CRAWL_IF_FIRST, 2, self.keys.runs, self.keys.dupefilter, run.run_id
        ):
            logger.info("Shared crawl of %s: first worker, starting a new crawl", run.spider)
        else:
            logger.info("Shared crawl of %s: joining the running crawl", run.spider)
            self.stats.set_value(JOINED_RUNNING_CRAWL_STAT, 1)

    def spider_idle(self) -> None:
        """Keep the worker while the shared queue has work, or has been empty only briefly.
        Without Redis the worker may end: its scheduler says why and stops the crawl."""
        try:
            self._reap()
            queued = self.server.zcard(self.keys.requests)
        except (RedisError, StateError):
            return
        if queued:
            self.empty_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.empty_since is None:
            self.empty_since = now
        if now - self.empty_since < self.idle_seconds:
            raise DontCloseSpider
        logger.info(
            "The shared queue has been empty for %.0f s: this worker is done",
            now - self.empty_since,
        )

    def _reap(self) -> None:
        if self.store is None:
            return
        for run_id in self.store.reap():
            logger.warning(
                "Run %s stopped renewing its lease (killed?): its requests are queued again "
                "and its unexported claims dropped",
                run_id,
            )
            self.stats.inc_value("newsbot/redis/dead_runs_reaped")
