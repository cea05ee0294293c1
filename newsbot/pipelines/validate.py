"""ValidatePipeline: only real articles pass; every drop is counted by reason."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter

from newsbot.drops import Reason, drop
from newsbot.items import ARTICLE_PAGE_TYPES

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class ValidatePipeline:
    """Drops pages that are not articles, have no title, a too-short body, or predate ``-a since``.

    Reads NEWSBOT_VALIDATE_MIN_WORDS and NEWSBOT_SINCE (``-a since``). Reasons (stats
    ``newsbot/dropped/<reason>``): ``not_article``, ``no_title``, ``short_body``, ``before_since``.
    """

    def __init__(self, stats: StatsCollector, min_words: int, since: date | None) -> None:
        self.stats = stats
        self.min_words = min_words
        self.since = since

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        settings = crawler.settings
        since = settings.get("NEWSBOT_SINCE")
        return cls(
            crawler.stats,
            settings.getint("NEWSBOT_VALIDATE_MIN_WORDS"),
            date.fromisoformat(since) if since else None,
        )

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter["url"]
        if adapter.get("page_type") not in ARTICLE_PAGE_TYPES:
            raise drop(self.stats, Reason.NOT_ARTICLE, url, f"page type {adapter.get('page_type')}")
        if not adapter.get("title"):
            raise drop(self.stats, Reason.NO_TITLE, url)
        if adapter["word_count"] < self.min_words:
            raise drop(self.stats, Reason.SHORT_BODY, url, f"{adapter['word_count']} words")
        published = adapter.get("published_at")
        if self.since and published and published[:10] < self.since.isoformat():
            raise drop(self.stats, Reason.BEFORE_SINCE, url, f"published {published}")
        return item
