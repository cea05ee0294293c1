"""StageTimingExtension: counts each response's download time as the ``download`` stage.

The other stages are timed where they run (see ``newsbot.timing``); a response's download
latency is known only to Scrapy's downloader, which puts it in the request's meta.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from scrapy import signals

from newsbot import timing

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector


class StageTimingExtension:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        extension = cls(crawler.stats)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        return extension

    def response_received(self, response: Response, request: Request) -> None:
        latency = request.meta.get("download_latency")
        if isinstance(latency, float):
            timing.add(self.stats, "download", latency)
