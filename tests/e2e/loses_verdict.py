"""An extension that wipes the run's verdict once the crawl is over: a stand-in for any
component failing so late that no exit code was decided."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from scrapy import signals

from newsbot.runs import EXIT_CODE_STAT

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class LosesVerdict:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def engine_stopped(self) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.get_stats().pop(EXIT_CODE_STAT, None)
