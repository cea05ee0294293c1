"""LimitPipeline: ``-a limit=N`` exports exactly N articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter

from newsbot.pipelines.drops import drop
from newsbot.spiders.arguments import spider_arguments

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class LimitPipeline:
    """Drops (reason ``over_limit``) every article after the first ``-a limit`` accepted ones.

    The spider also sets CLOSESPIDER_ITEMCOUNT so the crawl stops; articles already in flight
    when it stops would otherwise overshoot the limit. It runs last so the limit counts
    articles that are really exported. Reads no settings.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector) -> None:
        self.crawler = crawler
        self.stats = stats
        self.limit: int | None = None
        self.accepted = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        return cls(crawler, crawler.stats)

    def open_spider(self) -> None:
        assert self.crawler.spider is not None
        self.limit = spider_arguments(self.crawler.spider).limit

    def process_item(self, item: Any) -> Any:
        if self.limit is not None and self.accepted >= self.limit:
            raise drop(self.stats, "over_limit", ItemAdapter(item)["url"])
        self.accepted += 1
        return item
