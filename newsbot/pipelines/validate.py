"""ValidatePipeline: only real articles pass; every drop is counted by reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter

from newsbot.pipelines.drops import drop
from newsbot.spiders.arguments import spider_arguments

if TYPE_CHECKING:
    from datetime import date

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

# page_type values that still pass: the page did not say what it is, but its text decides.
_ARTICLE_PAGE_TYPES = frozenset({"article", "unknown"})


class ValidatePipeline:
    """Drops pages that are not articles, have no title, a too-short body, or predate ``-a since``.

    Reads NEWSBOT_VALIDATE_MIN_WORDS. Reasons (stats ``newsbot/dropped/<reason>``):
    ``not_article``, ``no_title``, ``short_body``, ``before_since``.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, min_words: int) -> None:
        self.crawler = crawler
        self.stats = stats
        self.min_words = min_words
        self.since: date | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        return cls(crawler, crawler.stats, crawler.settings.getint("NEWSBOT_VALIDATE_MIN_WORDS"))

    def open_spider(self) -> None:
        assert self.crawler.spider is not None
        self.since = spider_arguments(self.crawler.spider).since

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter["url"]
        if adapter.get("page_type") not in _ARTICLE_PAGE_TYPES:
            raise drop(self.stats, "not_article", url, f"page type {adapter.get('page_type')}")
        if not adapter.get("title"):
            raise drop(self.stats, "no_title", url)
        if adapter["word_count"] < self.min_words:
            raise drop(self.stats, "short_body", url, f"{adapter['word_count']} words")
        published = adapter.get("published_at")
        if self.since and published and published[:10] < self.since.isoformat():
            raise drop(self.stats, "before_since", url, f"published {published}")
        return item
