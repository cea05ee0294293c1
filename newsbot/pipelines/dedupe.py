"""DedupePipeline: each article once per store, by canonical URL and then by body fingerprint."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy.utils.misc import build_from_crawler, load_object

from newsbot.pipelines.drops import drop

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from newsbot.seen import SeenStore


class DedupePipeline:
    """Drops an article whose canonical URL or body fingerprint was accepted before.

    The memory of what was accepted is the ``SeenStore`` named by NEWSBOT_DEDUPE_STORE, so a
    persistent store makes the same pipeline de-duplicate across runs. Reasons (stats
    ``newsbot/dropped/<reason>``): ``duplicate_url``, ``duplicate_body``.
    """

    def __init__(self, stats: StatsCollector, store: SeenStore) -> None:
        self.stats = stats
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        store_cls = load_object(crawler.settings["NEWSBOT_DEDUPE_STORE"])
        return cls(crawler.stats, build_from_crawler(store_cls, crawler))

    def open_spider(self) -> None:
        self.store.open()

    def close_spider(self) -> None:
        self.store.close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, fingerprint = adapter["url"], adapter["fingerprint"]
        if self.store.first_url_with_url(url):
            raise drop(self.stats, "duplicate_url", url)
        if first := self.store.first_url_with_fingerprint(fingerprint):
            raise drop(self.stats, "duplicate_body", url, f"same text as {first}")
        self.store.add(url, fingerprint)
        self.stats.inc_value("newsbot/dedupe/accepted")
        return item
