"""Scrapy add-ons: settings that depend on other settings, decided once before the crawl."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import Settings


class DefaultFeedsAddon:
    """Writes NEWSBOT_DEFAULT_FEEDS (timestamped JSONL + CSV) when the run names no feed.

    They cannot simply be the project's FEEDS: Scrapy merges ``-o``/``-O`` into FEEDS key by
    key, so a user's ``-O out.csv`` would come on top of the defaults instead of replacing them.
    """

    def update_settings(self, settings: Settings) -> None:
        if not settings.getdict("FEEDS"):
            settings.set("FEEDS", settings.getdict("NEWSBOT_DEFAULT_FEEDS"), priority="addon")
