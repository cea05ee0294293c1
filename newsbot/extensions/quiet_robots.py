"""QuietRobotsLogExtension: one line, not a traceback, when a robots.txt cannot be fetched."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Self

from scrapy import signals

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

#: The logger of Scrapy's RobotsTxtMiddleware.
ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"


class _NoTraceback(logging.Filter):
    """Keeps the record, drops its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class QuietRobotsLogExtension:
    """Scrapy logs a failed robots.txt fetch (a dead host, a DNS error) with a 30-line
    traceback per site; in an hourly cron log the one-line message says all there is.
    Installed for the crawl, removed when it closes. Reads no settings.
    """

    def __init__(self) -> None:
        self.filter = _NoTraceback()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls()
        logging.getLogger(ROBOTS_LOGGER).addFilter(extension.filter)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self) -> None:
        logging.getLogger(ROBOTS_LOGGER).removeFilter(self.filter)
