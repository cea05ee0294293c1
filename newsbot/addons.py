"""Scrapy add-ons: settings that depend on other settings, decided once before the crawl."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.settings import SETTINGS_PRIORITIES

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


class BackendAddon:
    """NEWSBOT_BACKEND=redis makes the crawl one worker of a crawl shared in REDIS_URL:
    scrapy-redis' scheduler (ending the worker when Redis goes away) and duplicate filter with
    newsbot's leased queue and JSON requests
    (newsbot.distributed), the Redis state store, the worker extension (joining, reaping
    dead workers, exiting when idle), and default file names carrying the worker. The SQLite
    default is left untouched. Runs before DefaultFeedsAddon, which applies those names.

    Set at the project's priority, over newsbot/settings.py's defaults; a setting the user
    gives on the command line still wins. REDIS_URL is checked with the other settings.
    """

    def update_settings(self, settings: Settings) -> None:
        if settings.get("NEWSBOT_BACKEND") != "redis":
            return
        prefix = settings.get("NEWSBOT_REDIS_PREFIX")
        shared = {
            "SCHEDULER": "newsbot.distributed.scheduler.SharedScheduler",
            "SCHEDULER_QUEUE_CLASS": "newsbot.distributed.queue.LeasedPriorityQueue",
            "SCHEDULER_SERIALIZER": "newsbot.distributed.serializer",
            "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            # Other workers may still be crawling when this one closes: the queue and filter
            # stay; the first worker of the next crawl clears the filter.
            "SCHEDULER_PERSIST": True,
            "NEWSBOT_STATE_STORE": "newsbot.state.redis.RedisStateStore",
        }
        for name, value in shared.items():
            settings.set(name, value, priority=SETTINGS_PRIORITIES["project"])
        settings["EXTENSIONS"]["newsbot.distributed.worker.SharedCrawlExtension"] = 510
        # Workers on one machine share the default folder: each file is named by its worker.
        settings.set(
            "FEED_URI_PARAMS",
            "newsbot.exports.params.worker_uri_params",
            priority=SETTINGS_PRIORITIES["project"],
        )
        defaults = settings.getdict("NEWSBOT_DEFAULT_FEEDS")
        settings.set(
            "NEWSBOT_DEFAULT_FEEDS",
            {_worker_named(uri): options for uri, options in defaults.items()},
            priority=settings.getpriority("NEWSBOT_DEFAULT_FEEDS") or 0,
        )


def _worker_named(uri: str) -> str:
    """``data/%(name)s/%(time)s.jsonl`` -> ``data/%(name)s/%(time)s-%(worker)s.jsonl``."""
    if "%(worker)s" in uri or "%(time)s" not in uri:
        return uri
    return uri.replace("%(time)s", "%(time)s-%(worker)s", 1)
