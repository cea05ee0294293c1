"""CrawlDelayExtension: a site's robots.txt ``Crawl-delay`` is the least time between requests.

Scrapy reads robots.txt for its Allow/Disallow rules only; AutoThrottle then sets each site's
delay from its latency and may go well below what the site asked for. Sites state a
Crawl-delay because they mean it, so newsbot treats it as a floor under the site's download
slot delay (without Scrapy's ±50% jitter, which would undercut it half the time), re-applied
after every AutoThrottle adjustment. A delay over NEWSBOT_MAX_CRAWL_DELAY is capped there (an
hourly run cannot wait minutes per page) and the log says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


class CrawlDelayExtension:
    """Reads ROBOTSTXT_OBEY (off: nothing to obey), ROBOTSTXT_USER_AGENT, USER_AGENT and
    NEWSBOT_MAX_CRAWL_DELAY."""

    def __init__(self, crawler: Crawler, user_agent: str, max_delay: float) -> None:
        self.crawler = crawler
        self.user_agent = user_agent
        self.max_delay = max_delay
        self.floors: dict[str, float] = {}  # download slot key -> least delay

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings["USER_AGENT"]
        extension = cls(crawler, user_agent, settings.getfloat("NEWSBOT_MAX_CRAWL_DELAY"))
        crawler.signals.connect(extension.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(extension.response_downloaded, signal=signals.response_downloaded)
        return extension

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        asked = robotparser.crawl_delay(self.user_agent)
        if not asked:
            return
        key = self._slot_key(request)
        floor = min(float(asked), self.max_delay)
        self.floors[key] = floor
        assert self.crawler.stats is not None
        self.crawler.stats.max_value("newsbot/robots/crawl_delay", floor)
        if floor < asked:
            logger.warning(
                "robots.txt of %s asks for %s s between requests: waiting %s s, "
                "NEWSBOT_MAX_CRAWL_DELAY",
                key,
                asked,
                floor,
            )
        else:
            logger.info("robots.txt of %s asks for %s s between requests: obeyed", key, asked)
        self._apply(key)

    def response_downloaded(self, request: Request, **_: Any) -> None:
        """After AutoThrottle has moved the delay (it handles the same signal first)."""
        key = self._slot_key(request)
        if key in self.floors:
            self._apply(key)

    def _slot_key(self, request: Request) -> str:
        assert self.crawler.engine is not None
        return str(
            request.meta.get("download_slot")
            or self.crawler.engine.downloader.get_slot_key(request)
        )

    def _apply(self, key: str) -> None:
        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, self.floors[key])
            slot.jitter = 0.0
